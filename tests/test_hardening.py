"""Hostile conditions for the builder: mangled banks and builds killed mid-write.

Whatever happens, a maintainer sees either a finished site or messages with file and line,
never a traceback, and ``site/`` is always one complete tree.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import BuildFailed, build

ROOT = Path(__file__).resolve().parent.parent
YAML_NOISE = list(":-{}[]#&*!|>'\"%@`,? \t\n") + ["yes", "no", "~", "null", "0x1F", "é", "\u202e", "😀", "\x00", "\x85"]


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "project"
    target.mkdir()
    shutil.copy(ROOT / "questions.yaml", target / "questions.yaml")
    shutil.copytree(ROOT / "content", target / "content")
    build(target)
    return target


mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6)),
    st.tuples(st.just("swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(YAML_NOISE)),
    st.tuples(st.just("text"), st.integers(0, 10**6), st.text(max_size=12)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6)),
    st.tuples(st.just("indent"), st.integers(0, 10**6), st.integers(-4, 4)),
)


def mutate(text: str, steps) -> str:
    lines = text.splitlines(keepends=True)
    for step in steps:
        kind, at = step[0], step[1] % max(len(lines), 1)
        if kind == "delete" and lines:
            del lines[at]
        elif kind == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif kind == "swap" and lines:
            other = step[2] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind in ("insert", "text") and lines:
            line = lines[at]
            col = (step[1] // 7) % (len(line) + 1)
            lines[at] = line[:col] + step[2] + line[col:]
        elif kind == "truncate":
            joined = "".join(lines)
            lines = joined[: step[1] % (len(joined) + 1)].splitlines(keepends=True)
        elif kind == "indent" and lines:
            shift = step[2]
            lines[at] = (" " * shift + lines[at]) if shift > 0 else lines[at][min(-shift, len(lines[at]) - len(lines[at].lstrip(" "))):]
    return "".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(mutation, min_size=1, max_size=3))
def test_mangled_bank_builds_or_reports_file_and_line(project, steps):
    original = (ROOT / "questions.yaml").read_text()
    (project / "questions.yaml").write_text(mutate(original, steps), encoding="utf-8")
    before = fingerprint(project / "site")
    try:
        build(project)
    except BuildFailed as failed:
        assert failed.problems
        for problem in failed.problems:
            assert problem.file == "questions.yaml" and problem.line >= 1 or problem.file.startswith("content/"), problem
            assert str(problem).startswith(problem.file)
        assert fingerprint(project / "site") == before, "a failed build touched site/"
    else:
        assert (project / "site" / "index.html").is_file()
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site")]
    assert leftovers == []


# Runs `koers build` and stops it with a signal at one chosen point of the write stage.
KILL_AT = r"""
import os, pathlib, sys
import builder.writer as writer
from builder.cli import main

point, signum, project = sys.argv[1], int(sys.argv[2]), sys.argv[3]
kind, _, nth = point.partition(":")
calls = []

def die_on_call(original):
    def wrapper(*args):
        calls.append(1)
        if len(calls) == int(nth or 1) and kind != "after-rename":
            os.kill(os.getpid(), signum)
        result = original(*args)
        if len(calls) == int(nth or 1) and kind == "after-rename":
            os.kill(os.getpid(), signum)
        return result
    return wrapper

if kind == "file":  # before the nth file of the new tree is written
    pathlib.Path.write_bytes = die_on_call(pathlib.Path.write_bytes)
elif kind == "fsync":  # every file written, none flushed yet
    writer._fsync_tree = die_on_call(writer._fsync_tree)
elif kind == "swapped":  # the new site is in place; the old one is still in the staging folder
    exchange = writer._exchange
    writer._exchange = lambda a, b: exchange(a, b) and (os.kill(os.getpid(), signum) or True)
else:  # the two-rename swap of systems without renameat2: after its nth rename
    writer._exchange = lambda a, b: False
    os.rename = die_on_call(os.rename)
sys.exit(main(["-C", project, "build"]))
"""
TINY_FILES = 54  # files of the tiny project's site (a core, a shared layer, a script per page and language, and the statements' fallback per language); the test below checks the number


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A project, its bank in two versions, and the fingerprint of each version's complete site."""
    project = tmp_path_factory.mktemp("kill") / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tiny", project)
    text = (project / "questions.yaml").read_text()
    banks = {"a": text, "b": text.replace('version: "', 'version: "B-', 1)}
    trees = {}
    for name, bank in banks.items():
        (project / "questions.yaml").write_text(bank)
        site, _ = build(project, project.parent / f"expected-{name}")
        assert len(site.files) == TINY_FILES
        trees[name] = fingerprint(project.parent / f"expected-{name}")
    return project, banks, trees


POINTS = ["file:1", "file:2", f"file:{TINY_FILES // 2}", f"file:{TINY_FILES}", "fsync", "swapped",
          "after-rename:1", "after-rename:2"]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("point", POINTS)
def test_a_build_stopped_at_any_point_of_the_write_leaves_the_old_or_the_new_site(two_builds, point, signum):
    """site/ is always exactly one of two complete builds; SIGTERM even cleans up before it exits."""
    project, banks, trees = two_builds
    (project / "questions.yaml").write_text(banks["a"])
    build(project)
    (project / "questions.yaml").write_text(banks["b"])
    result = subprocess.run([sys.executable, "-c", KILL_AT, point, str(int(signum)), str(project)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode in (-signum, 128 + signum), result.stderr
    assert "Traceback" not in result.stderr
    if point == "after-rename:1" and signum == signal.SIGKILL:
        # The one window of the two-rename swap: site/ is gone, the previous one waits beside it.
        assert not (project / "site").exists()
        assert [fingerprint(old) for old in project.glob(".site.old-*")] == [trees["a"]]
    else:
        assert fingerprint(project / "site") in trees.values()
    leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith(".site"))
    if signum == signal.SIGTERM:
        assert leftovers == [], "a build stopped by SIGTERM cleans up after itself"
    build(project)  # the next build repairs whatever a killed one left
    assert fingerprint(project / "site") == trees["b"]
    assert sorted(p.name for p in project.iterdir()) == ["content", "questions.yaml", "site"]
