"""Shared fixtures for the builder's unit tests (browser tests have their own in tests/browser/)."""

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A writable copy of the tiny fixture project."""
    target = tmp_path / "project"
    shutil.copytree(TINY, target)
    return target


@pytest.fixture
def add_language():
    """A function that declares a language in a project and gives it the English texts and
    pages, as a translator would start (a fixture: browser tests have a conftest of their own)."""
    def add(project: Path, code: str) -> None:
        bank = project / "questions.yaml"
        text = bank.read_text().replace("languages: [nl, en]", f"languages: [nl, en, {code}]")
        bank.write_text(re.sub(r"(\ben: (\"[^\"]*\"|[^,}\n]+))", rf"\1, {code}: \2", text))
        shutil.copytree(project / "content" / "en", project / "content" / code)
    return add
