"""The files around the code tell the truth: README, CI, the Pages workflow and the lock agree."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def pinned() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    return {re.sub(r"[-_.]+", "-", name).lower(): version
            for name, version in (line.split("==") for line in lines if "==" in line)}


def test_every_dependency_is_pinned_in_the_constraints_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", spec).group()).lower() for spec in wanted}
    assert names - set(pinned()) == set(), "run `bash .ci/lock` after changing the dependencies"


@pytest.mark.parametrize("path", [".ci/run", ".github/workflows/pages.yml", "README.md"])
def test_every_install_uses_the_constraints_file(path):
    installs = re.findall(r"pip install [^\n&`]*", (ROOT / path).read_text())
    assert installs and all("-c constraints.txt" in line for line in installs), installs


def test_ci_runs_the_readmes_test_command():
    command = re.search(r"python3 -m venv .venv && .*\.venv/bin/pytest", README).group()
    assert command.replace("pip install", "pip install -q") in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "builder").glob("*.py") if not p.name.startswith("_"))
                         + sorted(p.name for p in (ROOT / "builder" / "static" / "js").glob("*.js")))
def test_every_module_is_in_the_readmes_module_tables(module):
    name = module.removesuffix(".py") if module.endswith(".py") else module
    assert re.search(rf"^\|[^|\n]*`{re.escape(name)}`", README, re.M), f"{module} is missing from the README's tables"


def test_the_readmes_example_question_has_a_new_id():
    example = re.search(r"- id: (\S+)\s+# new", README).group(1)
    assert f"id: {example}\n" not in (ROOT / "questions.yaml").read_text()


def test_license_file_matches_the_package_metadata():
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_the_run_summary_says_why_a_test_was_skipped(tmp_path):
    import subprocess
    import sys

    (tmp_path / "test_example.py").write_text(
        "import pytest\n\ndef test_skipped():\n    pytest.skip('Chromium is missing; run tests/install-chromium.sh')\n")
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                             str(tmp_path), str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert "SKIPPED [1] test_example.py:4: Chromium is missing; run tests/install-chromium.sh" in result.stdout
