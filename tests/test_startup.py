"""Start-up: a valid build imports only what it needs, and the compile cache is safe to lose."""

import subprocess
import sys

from builder import cache


def modules_after_check(project) -> set[str]:
    code = f"import sys; from builder import check; check({str(project)!r}); print(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_a_valid_bank_never_imports_the_thorough_validator(tiny, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # a bank checked before is not checked again
    assert "jsonschema" not in modules_after_check(tiny)
    bank = tiny / "questions.yaml"
    bank.write_text(bank.read_text().replace("level: 3", "level: three", 1))
    assert "jsonschema" in modules_after_check(tiny)  # it names every error of a broken bank


def test_the_cache_is_keyed_by_its_source_and_survives_damage(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = []

    def source(value):
        made.append(value)
        return f"answer = {value}"

    def answer(code):
        namespace = {}
        exec(code, namespace)
        return namespace["answer"]

    assert answer(cache.compiled("t", "one", lambda: source(1))) == 1
    assert answer(cache.compiled("t", "one", lambda: source(99))) == 1 and made == [1]  # from the cache
    assert answer(cache.compiled("t", "two", lambda: source(2))) == 2  # a new source is a new entry
    for entry in (tmp_path / "koers").rglob("t-*"):
        entry.write_bytes(b"\0damaged")
    assert answer(cache.compiled("t", "one", lambda: source(3))) == 3 and made == [1, 2, 3]


def test_an_unwritable_cache_only_means_no_cache(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert cache.folder() is None
    namespace = {}
    exec(cache.compiled("t", "x", lambda: "answer = 7"), namespace)
    assert namespace["answer"] == 7
