"""The whole build on the tiny fixture: golden pages, determinism, hashing, CSP, relative URLs."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builder import BuildFailed, build
from builder.entries import read_back
from builder.privacy import check_html

GOLDEN = Path(__file__).parent / "golden"
HASH = re.compile(r"\.[0-9a-f]{10}\.(css|js|svg|png)")


def normalise(html: str) -> str:
    return HASH.sub(r".HASH.\1", html)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_for_every_language(tiny):
    site, _ = build(tiny)
    expected = {"index.html", "scan.html", "results.html", "how-it-works.html", "privacy.html", "about.html",
                "pitfalls.html", "embed.html", "team.html", "embed/scan.html", "embed/results.html", "levels/start.html", "levels/basic.html", "levels/smart.html",
                "areas/info.html", "areas/data.html", "404.html"}
    assert set(site.pages) == expected | {f"en/{p}" for p in expected}


@pytest.mark.parametrize("page", ["en/levels/basic.html", "about.html", "en/pitfalls.html", "en/areas/info.html"])
def test_golden_pages(tiny, page):
    """Set UPDATE_GOLDEN=1 to accept a deliberate change to the templates."""
    build(tiny)
    actual = normalise((tiny / "site" / page).read_text())
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual)
    assert actual == golden.read_text()


def test_two_builds_are_byte_identical(tiny, tmp_path):
    build(tiny, tmp_path / "a")
    build(tiny, tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_source_date_epoch_sets_the_build_date(tiny, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(tiny)
    assert "2026-01-01" in (tiny / "site" / "index.html").read_text()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    build(tiny)
    assert "2026-01-01" not in (tiny / "site" / "index.html").read_text()


def test_assets_carry_a_content_hash(tiny):
    site, _ = build(tiny)
    assets = [p for p in site.files if p.startswith("assets/")]
    assert assets and all(HASH.search(p) for p in assets)


def test_every_page_has_csp_first_and_no_inline_code(tiny):
    site, _ = build(tiny)
    for page in site.pages:
        html = site.files[page].decode()
        head = html.split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;'), page
        csp = html.split('content="', 1)[1].split('"', 1)[0].replace("&#39;", "'")
        for rule in ("script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'none'",
                     "form-action 'none'", "base-uri 'none'"):
            assert rule in csp
        assert check_html(html) == [], page


def test_all_urls_are_relative_and_resolve(tiny):
    site, _ = build(tiny)
    for page in site.pages:
        html = site.files[page].decode()
        for url in re.findall(r'(?:href|src)="([^"]+)"', html):
            if url.startswith(("https://", "mailto:", "#", "data:")):  # data: travels inside the page (the scan's icon)
                continue
            if page.endswith("404.html"):  # shown at any depth: its links start from the site's root path
                assert url.startswith("/") and url[1:].split("#")[0] in site.files, (page, url)
                continue
            assert not url.startswith("/"), (page, url)
            target = os.path.normpath(os.path.join(os.path.dirname(page), url.split("#")[0]))
            assert target in site.files, (page, url)


def test_language_switch_and_hreflang(tiny):
    site, _ = build(tiny)
    html = (tiny / "site" / "en" / "levels" / "basic.html").read_text()
    assert 'href="../../levels/basic.html" hreflang="nl" lang="nl"' in html
    assert 'rel="alternate"' not in html, "relative alternates are ignored by search engines: only with site.url"
    assert site.files["robots.txt"] == b"User-agent: *\nAllow: /\n"
    text = (tiny / "questions.yaml").read_text().replace("  name: Tiny\n", "  name: Tiny\n  url: https://scan.example.org/\n")
    (tiny / "questions.yaml").write_text(text)
    site, _ = build(tiny)
    html = (tiny / "site" / "en" / "levels" / "basic.html").read_text()
    assert '<link rel="canonical" href="https://scan.example.org/en/levels/basic.html">' in html
    assert '<link rel="alternate" hreflang="nl" href="https://scan.example.org/levels/basic.html">' in html
    assert "<loc>https://scan.example.org/en/levels/basic.html</loc>" in site.files["sitemap.xml"].decode()
    assert b"Sitemap: https://scan.example.org/sitemap.xml" in site.files["robots.txt"]


def test_low_contrast_colour_is_refused(tiny):
    text = (tiny / "questions.yaml").read_text().replace('colour: "#0b5cad"', 'colour: "#ffcc00"')
    (tiny / "questions.yaml").write_text(text)
    with pytest.raises(BuildFailed) as failed:
        build(tiny)
    assert "colour #ffcc00 gives a text contrast of 1.51:1 with white" in str(failed.value.problems[0])


def test_strict_turns_warnings_into_errors(tiny):
    text = (tiny / "questions.yaml").read_text().replace("    owner: {nl: Data-eigenaar, en: Data owner}\n", "", 1)
    (tiny / "questions.yaml").write_text(text)
    _, warnings = build(tiny)
    assert [w.message for w in warnings] == ["has no owner (expected who typically owns the action, or owners: false when the model names no owners)"]
    with pytest.raises(BuildFailed):
        build(tiny, strict=True)


def test_init_creates_a_project_that_builds(tmp_path):
    target = tmp_path / "new-scan"
    result = subprocess.run([sys.executable, "-m", "builder", "init", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (target / "README.md").exists() and (target / "questions.schema.json").exists()
    assert (target / "questions.yaml").read_text().startswith("# yaml-language-server: $schema=questions.schema.json")
    site, warnings = build(target)
    assert warnings == [] and "index.html" in site.pages
    again = subprocess.run([sys.executable, "-m", "builder", "init", str(target)], capture_output=True, text=True)
    assert again.returncode == 1 and "is not empty" in again.stderr


def test_broken_internal_link_names_the_markdown_line(tiny):
    page = tiny / "content" / "en" / "levels" / "basic.md"
    page.write_text(page.read_text() + "\nSee [the next level](smarter.html) and [home](../index.html).\n")
    with pytest.raises(BuildFailed) as failed:
        build(tiny)
    assert [str(p) for p in failed.value.problems] == [
        "content/en/levels/basic.md:10:1: link 'smarter.html' leads nowhere (expected a page of the site, "
        "e.g. '../levels/<id>.html' from a level or area page, or a file under content/)"]


def test_embed_pages_have_no_site_chrome_and_a_stable_parent_script(tiny):
    site, _ = build(tiny)
    embedded = site.files["en/embed/scan.html"].decode()
    assert "data-embed" in embedded and "site-header" not in embedded and 'name="info-2-owner"' in embedded
    assert 'href="../../en/privacy.html" target="_blank"' in embedded
    assert "koers:height" in site.files["embed.js"].decode()
    snippet = site.files["en/embed.html"].decode()
    assert 'sandbox="allow-scripts allow-same-origin allow-downloads allow-modals allow-popups"' in snippet
    assert '&lt;script src="https://your-scan.example/embed.js" defer&gt;' in snippet


def test_branding_from_configuration(tiny):
    (tiny / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>')
    text = (tiny / "questions.yaml").read_text().replace(
        '  colour: "#0b5cad"\n',
        '  colour: "#5a2d82"\n  logo: logo.svg\n  contact: "mailto:scan@example.org"\n'
        '  footer: {nl: "Gemaakt door *Voorbeeld*", en: "Made by *Example*"}\n')
    (tiny / "questions.yaml").write_text(text)
    site, _ = build(tiny)
    html = site.files["en/about.html"].decode()
    logo = next(p for p in site.files if p.startswith("assets/logo."))
    assert f'<img src="../{logo}" alt="" width="32" height="32"> Tiny' in html
    assert '<a href="mailto:scan@example.org" rel="noopener noreferrer">scan@example.org</a>' in html
    assert "Made by <em>Example</em>" in html
    css = next(v for p, v in site.files.items() if p.startswith("assets/koers.")).decode()
    assert "--brand:#5a2d82" in css


def test_missing_logo_is_an_error(tiny):
    text = (tiny / "questions.yaml").read_text().replace('  colour: "#0b5cad"\n', '  colour: "#0b5cad"\n  logo: gone.svg\n')
    (tiny / "questions.yaml").write_text(text)
    with pytest.raises(BuildFailed) as failed:
        build(tiny)
    assert [str(p) for p in failed.value.problems] == [
        "questions.yaml:9:9: site.logo: file 'gone.svg' not found (expected a path relative to questions.yaml)"]


def test_single_file_edition_is_self_contained_and_pinned_by_hashes(tiny):
    import base64
    import hashlib

    site, _ = build(tiny)
    for name in ("koers-scan.html", "en/koers-scan.html"):
        html = site.files[name].decode()
        csp = html.split('content="', 1)[1].split('"', 1)[0].replace("&#39;", "'")
        style = html.split("<style>", 1)[1].split("</style>", 1)[0]
        script = html.rsplit("<script>", 1)[1].rsplit("</script>", 1)[0]
        for kind, text in (("script-src", script), ("style-src", style)):
            digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            assert f"{kind} 'sha256-{digest}'" in csp
        assert "connect-src 'none'" in csp and "img-src data:" in csp and "'self'" not in csp
        assert not re.search(r'(?:src|href)="(?!data:|#)', html.split("<body", 1)[0]), "nothing loaded from files"
        assert 'data-criterion="info-2-owner"' in html and 'data-view="results"' in html
        # The form on the page holds the statements; the script leaves them out to stay small.
        assert "Every knowledge article has an owner" not in script and "Elk kennisartikel heeft" not in script
        assert "Every knowledge article has an owner" in html or "Elk kennisartikel heeft" in html


def test_bank_text_cannot_end_an_inline_script(tiny):
    text = (tiny / "questions.yaml").read_text().replace(
        "action: {nl: Kies de leidende bron., en: Choose the leading source.}",
        'action: {nl: "</script><script>alert(1)</script>", en: "<!-- </SCRIPT>"}')
    (tiny / "questions.yaml").write_text(text)
    site, _ = build(tiny)
    for name in ("koers-scan.html", "en/koers-scan.html"):
        script = site.files[name].decode().rsplit("<script>", 1)[1]
        assert script.count("</script>") == 1 and "<!--" not in script


def test_adding_a_language_as_the_readme_describes(tiny, add_language):
    import yaml

    from builder import check

    bank = tiny / "questions.yaml"
    bank.write_text(bank.read_text().replace("languages: [nl, en]", "languages: [nl, en, fr]"))
    problems = [str(p) for p in check(tiny)]
    assert any("has no 'fr' text (expected a text for every language: nl, en, fr)" in p for p in problems)
    assert any(p.startswith("content/fr/: missing folder for language 'fr'") for p in problems)
    assert any(p.startswith("content/fr/ui.yaml: warning:") and "UI text(s) missing for 'fr'" in p for p in problems)

    # Steps 1 and 2: a French text next to every English one, and the pages (copied, as a translator starts).
    add_language(tiny, "fr")
    # Step 3: the UI texts.
    english = Path(__file__).resolve().parent.parent / "builder" / "locales" / "en.yaml"
    (tiny / "content" / "fr" / "ui.yaml").write_text(english.read_text().replace("language_name: English",
                                                                                 "language_name: Français"))
    assert [str(p) for p in check(tiny)] == []
    site, _ = build(tiny)
    assert '<html lang="fr">' in site.files["fr/index.html"].decode()
    assert 'hreflang="fr" lang="fr"' in site.files["en/about.html"].decode()
    assert yaml.safe_load((tiny / "content" / "fr" / "ui.yaml").read_text())["language_name"] == "Français"


@pytest.mark.parametrize("out", [".", "..", "questions.yaml", "content"])
def test_output_folder_that_would_destroy_sources_is_refused(tiny, out, monkeypatch):
    monkeypatch.chdir(tiny)
    before = {p: p.read_bytes() for p in tiny.rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--out", out], capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{out}: " in result.stderr
    assert {p: p.read_bytes() for p in tiny.rglob("*") if p.is_file()} == before


def test_an_earlier_build_or_an_empty_folder_may_be_replaced(tiny, tmp_path):
    build(tiny, tmp_path / "fresh")
    build(tiny, tmp_path / "fresh")  # an earlier build
    (tmp_path / "empty").mkdir()
    build(tiny, tmp_path / "empty")
    assert (tmp_path / "empty" / "index.html").is_file()


def test_init_refuses_a_file(tmp_path):
    (tmp_path / "taken").write_text("x")
    result = subprocess.run([sys.executable, "-m", "builder", "init", str(tmp_path / "taken")], capture_output=True, text=True)
    assert result.returncode == 1 and "is a file" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_output_is_a_message_not_a_traceback(tiny, tmp_path):
    (tmp_path / "a-file").write_text("x")  # a folder cannot be made inside a file, even as root
    result = subprocess.run([sys.executable, "-m", "builder", "-C", str(tiny), "build", "--out",
                             str(tmp_path / "a-file" / "site")], capture_output=True, text=True)
    assert result.returncode == 1 and "cannot write the site" in result.stderr and "Traceback" not in result.stderr


def test_find_out_is_a_text_of_every_language_and_reaches_the_browser(tiny):
    """find_out is optional, but where given it needs every language, and the browser bank carries it."""
    from builder import check

    bank = tiny / "questions.yaml"
    owner = "    owner: {nl: Kennismanager, en: Knowledge manager}\n  - id: info-3-handover"
    bank.write_text(bank.read_text().replace(owner, owner.replace(
        "\n  - id:", "\n    find_out: {en: 'Find out whether articles show an owner: open ten.'}\n  - id:")))
    assert any("find_out: has no 'nl' text" in str(p) for p in check(tiny))
    bank.write_text(bank.read_text().replace("find_out: {en:", "find_out: {nl: 'Zoek uit of artikelen een eigenaar tonen: open er tien.', en:"))
    assert [str(p) for p in check(tiny)] == []
    site, _ = build(tiny)
    crits = {c["id"]: c for c in read_back(site.files, "en")["bank"]["criteria"]}
    assert crits["info-2-owner"]["find_out"] == "Find out whether articles show an owner: open ten."
    assert "find_out" not in crits["info-3-handover"]  # absent stays absent: the route uses the generated form
