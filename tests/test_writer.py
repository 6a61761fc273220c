import os

from builder.writer import recover, write_site


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_first_write_and_swap(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"one", "a/b.css": b"x"}, out)
    assert tree(out) == {"index.html": b"one", "a/b.css": b"x"}
    write_site({"index.html": b"two"}, out)
    assert tree(out) == {"index.html": b"two"}  # old files do not linger
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or old trees left


def test_mtime_follows_source_date_epoch(tmp_path):
    write_site({"index.html": b"x"}, tmp_path / "site", mtime=1_700_000_000)
    assert os.stat(tmp_path / "site" / "index.html").st_mtime == 1_700_000_000


def test_recover_restores_a_site_swapped_out_by_a_killed_build(tmp_path):
    old = tmp_path / ".site.old-123"
    old.mkdir()
    (old / "index.html").write_text("previous")
    (tmp_path / ".site.tmp-456").mkdir()
    recover(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
