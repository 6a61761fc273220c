"""Put a rendered site on disk so that ``site/`` is always a complete tree, old or new.

The new tree is written beside the target and swapped in with one atomic rename; on Linux
``renameat2(RENAME_EXCHANGE)`` swaps even when the target exists. Elsewhere the swap takes
two renames, and a build that was killed between them is repaired by the next one; a build
stopped by Ctrl+C or SIGTERM repairs itself before it exits.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_site(files: dict[str, bytes], out: Path, mtime: int | None = None) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    staging = out.parent / f".{out.name}.tmp-{os.getpid()}"
    try:
        _write_and_swap(files, staging, out, mtime)
    except BaseException:  # a full disk, Ctrl+C or SIGTERM: put back the previous site, drop the new one
        recover(out)
        raise


def _write_and_swap(files: dict[str, bytes], staging: Path, out: Path, mtime: int | None) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    for rel in sorted(files):
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[rel])
        if mtime is not None:
            os.utime(target, (mtime, mtime))
    _fsync_tree(staging)
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging)  # now holds the previous site
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)
    os.rename(staging, out)
    shutil.rmtree(old)


def recover(out: Path) -> None:
    """Undo what a killed build left behind: restore a swapped-out site, drop half-written ones."""
    for leftover in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not out.exists():
            os.rename(leftover, out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _fsync_tree(root: Path) -> None:
    """Flush file contents before the swap, so a crash cannot expose empty files."""
    for folder, _, names in os.walk(root):
        for name in names:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
