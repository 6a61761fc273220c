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


def test_sigkill_during_build_leaves_old_or_new_site(tmp_path):
    """Kill `koers build` at random moments; site/ must always be exactly one of the two complete builds."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    text_a = (ROOT / "questions.yaml").read_text()
    text_b = text_a.replace('version: "', 'version: "B-', 1)
    assert text_a != text_b
    trees = {}
    for name, text in (("a", text_a), ("b", text_b)):
        (project / "questions.yaml").write_text(text)
        build(project, tmp_path / f"expected-{name}")
        trees[fingerprint(tmp_path / f"expected-{name}")] = name
    (project / "questions.yaml").write_text(text_a)
    build(project)

    command = [sys.executable, "-m", "builder", "-C", str(project), "build"]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.perf_counter() - started  # this machine's whole build, start-up included

    seed = int(os.environ.get("KILL_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    killed = 0
    for round_ in range(12):
        (project / "questions.yaml").write_text(text_b if round_ % 2 == 0 else text_a)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.98) * duration)  # anywhere from start-up to the final swap
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        state = fingerprint(project / "site") if (project / "site").exists() else None
        assert state in trees, f"site/ is neither the old nor the new build (seed {seed}, round {round_})"
    assert killed >= 6, f"too few builds were actually killed to mean anything (seed {seed})"
    build(project)  # the next build cleans up whatever the killed ones left
    assert sorted(p.name for p in project.iterdir()) == ["content", "questions.yaml", "site"]
