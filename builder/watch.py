"""Notice every change to a project's sources by looking at its folders, not at open files.

Editors, ``git checkout`` and ``sed -i`` save by writing a new file and renaming it over the
old one; a watch on the old file goes deaf after the first such save. Looking at the
folders' listings sees renames, deletions and new files alike, and the few hundred files of
a project take well under a millisecond to look at.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

Snapshot = dict[str, tuple[int, int, int]]  # path -> (mtime_ns, size, inode)


def snapshot(shallow: list[Path], deep: list[Path]) -> Snapshot:
    """The state of the files directly in ``shallow`` folders and of every file under ``deep`` ones.

    Hidden files and editors' backups are left out: saving in vim must not build twice.
    """
    seen: Snapshot = {}
    for folder in shallow:
        for entry in _entries(folder):
            if entry.is_file():
                _stat(entry.path, seen)
    for folder in deep:
        for parent, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for name in names:
                if _relevant(name):
                    _stat(os.path.join(parent, name), seen)
    return seen


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return [entry for entry in entries if _relevant(entry.name)]
    except OSError:
        return []


def _relevant(name: str) -> bool:
    return not name.startswith(".") and not name.endswith(("~", ".swp", ".swx"))


def _stat(path: str, seen: Snapshot) -> None:
    try:
        info = os.stat(path)
    except OSError:  # deleted between the listing and the look: its absence is the change
        return
    seen[path] = (info.st_mtime_ns, info.st_size, info.st_ino)


def changes(shallow: list[Path], deep: list[Path], stop: threading.Event, interval: float = 0.05,
            settle: float = 0.02) -> Iterator[set[str]]:
    """Yield the paths that changed, once per save, until ``stop`` is set.

    A save can take several steps (truncate, write, rename); a change is only reported once
    a look ``settle`` seconds later finds nothing newer, so a build never reads a half-written
    file. An editor's steps follow each other within milliseconds.
    """
    before = snapshot(shallow, deep)
    while not stop.wait(interval):
        now = snapshot(shallow, deep)
        if now == before:
            continue
        while not stop.wait(settle):
            settled = snapshot(shallow, deep)
            if settled == now:
                break
            now = settled
        changed = {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}
        before = now
        yield changed
