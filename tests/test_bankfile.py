"""questions.yaml remembered between builds: the same data, positions and problems as a fresh read."""

import pytest

from builder import bankfile, cache
from builder.problems import Problems
from builder.pipeline import check


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_an_unchanged_bank_comes_from_the_cache_with_its_warnings_and_positions(tiny, monkeypatch):
    bank = tiny / "questions.yaml"
    bank.write_text(bank.read_text().replace("    owner:", "    # owner:", 1))  # a warning: no owner
    first = check(tiny)
    assert any("has no owner" in p.message for p in first)
    fresh = bankfile._parse_and_check(bank.read_text(), Problems())
    parsed = []
    monkeypatch.setattr(bankfile, "_parse_and_check", lambda *a: parsed.append(a))  # must not be needed
    assert check(tiny) == first and parsed == []
    located, _ = bankfile.load_bank(bank)
    assert (located.data, located.values, located.keys) == (fresh.data, fresh.values, fresh.keys)


def test_an_edit_is_read_again(tiny):
    assert [p for p in check(tiny) if p.severity == "error"] == []
    bank = tiny / "questions.yaml"
    bank.write_text(bank.read_text().replace("level: 3", "level: three", 1))
    assert any("level" in p.where for p in check(tiny) if p.severity == "error")


def test_new_code_is_a_new_key(tiny, monkeypatch):
    check(tiny)
    entries = list((cache.folder() / "bank").iterdir())
    monkeypatch.setattr(cache, "code_state", lambda: "another koers\n")
    check(tiny)
    assert len(list((cache.folder() / "bank").iterdir())) == len(entries) + 1
