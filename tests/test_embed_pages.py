"""Embedded pages and the embed page, as built: share links and snippets use the site's address."""

import shutil
from pathlib import Path

from builder import build

TINY = Path(__file__).parent / "fixtures" / "tiny"


def built(tmp_path, url: str | None) -> Path:
    project = tmp_path / "project"
    shutil.copytree(TINY, project)
    if url:
        bank = project / "questions.yaml"
        bank.write_text(bank.read_text().replace("  name: Tiny\n", f"  name: Tiny\n  url: {url}\n", 1))
    build(project, tmp_path / "site")
    return tmp_path / "site"


def test_with_an_address_the_embed_shares_the_hosted_results_page(tmp_path):
    site = built(tmp_path, "https://scan.example.org/sub/")
    assert 'data-share-base="https://scan.example.org/sub/results.html"' in (site / "embed" / "results.html").read_text()
    assert 'data-share-base="https://scan.example.org/sub/en/results.html"' in (site / "en" / "embed" / "results.html").read_text()
    embed = (site / "embed.html").read_text()
    assert "https://scan.example.org/sub/embed/scan.html" in embed and "data-address-note" not in embed


def test_without_an_address_the_embed_keeps_its_own_link_and_the_page_says_to_replace_it(tmp_path):
    site = built(tmp_path, None)
    assert "data-share-base" not in (site / "embed" / "results.html").read_text()
    assert "data-address-note" in (site / "embed.html").read_text()
