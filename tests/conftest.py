"""Shared fixtures for the builder's unit tests (browser tests have their own in tests/browser/)."""

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
