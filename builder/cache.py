"""A per-user cache for work that depends only on Koers' own files, not on a project.

Compiling the templates and the schema validator took a third of a small build, and gives
the same result every time until Koers itself changes. Entries are keyed by what they were
made from, so a stale one is never used; the site never depends on the cache. It lives in
``$XDG_CACHE_HOME/koers`` (usually ``~/.cache/koers``), and a cache that cannot be written
only means the work is done again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from . import __version__


def folder() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "koers" / __version__
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def compiled(name: str, source: str, make_code):
    """The code object of ``make_code()`` (which returns Python source), from the cache when
    ``source`` is unchanged since it was made, for this version of Python."""
    key = hashlib.sha256(source.encode()).hexdigest()[:16]
    place = folder()
    file = place / f"{name}-{key}.{sys.implementation.cache_tag}.bin" if place else None
    if file and file.is_file():
        try:
            return marshal.loads(file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass  # damaged: make it again
    code = compile(make_code(), f"<koers {name}>", "exec")
    if file:
        _write(file, marshal.dumps(code))
    return code


def _write(file: Path, data: bytes) -> None:
    """Whole or not at all: two builds at once must never read half an entry."""
    try:
        fd, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
    except OSError:
        pass
