"""Each file in tests/broken/ is the tiny bank with one mistake, ending in the messages it must give.

The expectations are exact: every listed problem, at its line and column, and nothing else,
so a new check that adds noise to a maintainer's screen fails here too.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from builder import check

BROKEN = sorted((Path(__file__).parent / "broken").glob("*.yaml"))


def expectations(path: Path) -> list[str]:
    return [line.removeprefix("# expect: ").strip() for line in path.read_text().splitlines()
            if line.startswith("# expect: ")]


@pytest.mark.parametrize("bank", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_bank_reports_exactly_its_problems(bank, tiny):
    (tiny / "questions.yaml").write_text(bank.read_text())
    found = [str(p).removeprefix("questions.yaml:") for p in check(tiny)]
    assert found == expectations(bank)


def test_corpus_is_not_empty():
    assert len(BROKEN) >= 15
    assert all(expectations(p) for p in BROKEN), "every broken bank states what it expects"


def test_cli_reports_all_problems_without_traceback_and_keeps_site(tiny):
    build = [sys.executable, "-m", "builder", "-C", str(tiny), "build"]
    assert subprocess.run(build, capture_output=True).returncode == 0
    before = {p: p.read_bytes() for p in (tiny / "site").rglob("*") if p.is_file()}
    (tiny / "questions.yaml").write_text((Path(__file__).parent / "broken" / "many-errors-at-once.yaml").read_text())
    result = subprocess.run(build, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "questions.yaml:44:5: criteria.0.tekst: unknown key 'tekst' (did you mean 'text'?" in result.stderr
    assert "questions.yaml:64:11: criteria.3.area: area 'dta' does not exist (did you mean 'data'?)" in result.stderr
    assert "previous site was left as it was" in result.stderr
    after = {p: p.read_bytes() for p in (tiny / "site").rglob("*") if p.is_file()}
    assert after == before


def test_check_command_exit_codes(tiny):
    ok = subprocess.run([sys.executable, "-m", "builder", "-C", str(tiny), "check"], capture_output=True, text=True)
    assert ok.returncode == 0 and "ready to build" in ok.stdout
    (tiny / "questions.yaml").write_text((Path(__file__).parent / "broken" / "cycle.yaml").read_text())
    bad = subprocess.run([sys.executable, "-m", "builder", "-C", str(tiny), "check"], capture_output=True, text=True)
    assert bad.returncode == 1 and "prerequisite cycle" in bad.stderr


def test_empty_bank_is_an_error_not_a_crash(tiny):
    (tiny / "questions.yaml").write_text("# only a comment\n")
    assert [str(p) for p in check(tiny)] == [
        "questions.yaml:1:1: the file is empty (expected bank, version, languages, site, answers, levels, areas and criteria)"]
