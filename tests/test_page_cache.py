"""Converted Markdown kept between builds: a build from the cache is the build a conversion gives."""

import subprocess
import sys

import pytest

from builder import cache, content
from builder.pipeline import build


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    content._converted.clear()  # what one process remembers: each build here stands for a new process
    yield tmp_path / "cache"
    content._converted.clear()


def site_of(project, out):
    content._converted.clear()
    site, problems = build(project, out)
    return site.files, [p.message for p in problems]


def test_a_second_build_from_the_cache_is_identical_to_the_first(tiny, tmp_path, fresh_cache):
    page = tiny / "content" / "en" / "privacy.md"
    (page.parent / "chart.png").write_bytes(b"\x89PNG one")
    page.write_text(page.read_text() + "\n![A chart](chart.png)\n\nSee [the scan](scan.html).\n")
    first = site_of(tiny, tmp_path / "one")
    assert list((fresh_cache / "koers").rglob("page/*")), "the pages were kept"
    second = site_of(tiny, tmp_path / "two")
    assert second == first
    assert any(name.startswith("assets/chart.") for name in second[0]), "the image is published from a cached page too"


def test_a_changed_image_or_a_removed_link_target_is_seen_through_the_cache(tiny, tmp_path, fresh_cache):
    page = tiny / "content" / "en" / "privacy.md"
    image = page.parent / "chart.png"
    image.write_bytes(b"\x89PNG one")
    page.write_text(page.read_text() + "\n![A chart](chart.png)\n")
    before = site_of(tiny, tmp_path / "one")[0]
    image.write_bytes(b"\x89PNG two")
    after = site_of(tiny, tmp_path / "two")[0]
    old = {n for n in before if n.startswith("assets/chart.")}
    new = {n for n in after if n.startswith("assets/chart.")}
    assert old and new and old != new
    assert next(iter(new)).encode() in after["en/privacy.html"]  # the page points at the new copy
    image.unlink()
    content._converted.clear()
    with pytest.raises(Exception) as failed:
        build(tiny, tmp_path / "three")
    assert "image 'chart.png' not found" in str(failed.value.problems)


def test_a_damaged_or_unwritable_cache_only_means_converting_again(tiny, tmp_path, fresh_cache, monkeypatch):
    first = site_of(tiny, tmp_path / "one")
    for entry in (fresh_cache / "koers").rglob("page/*"):
        entry.write_bytes(b"not marshal data")
    assert site_of(tiny, tmp_path / "two") == first
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert site_of(tiny, tmp_path / "three") == first


def test_the_cache_forgets_its_oldest_half_when_full(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "KEEP", 10)
    for n in range(11):
        cache.store("page", f"text {n}", n)
        cache.store("bank", f"bank {n}", n, keep=4)
    assert cache.load("page", "text 10") == 10
    assert len(list((tmp_path / "koers").rglob("page/*"))) == 6
    assert cache.load("page", "text 0") is None
    assert 2 <= len(list((tmp_path / "koers").rglob("bank/*"))) <= 4 and cache.load("bank", "bank 10") == 10


def test_a_build_whose_pages_all_come_from_the_cache_never_imports_markdown(tiny):
    code = f"import sys; from builder import check; check({str(tiny)!r}); print(' '.join(sys.modules))"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # fills the cache
    modules = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert "markdown" not in modules
