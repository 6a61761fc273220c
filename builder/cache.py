"""A per-user cache for work whose result depends only on what it was made from.

Compiling the templates and the schema validator took a third of a small build, and
converting unchanged Markdown pages most of the rest; each gives the same result every time
until its input or Koers itself changes. Entries are keyed by a hash of everything they were
made from (the code that makes them included), so a stale one is never used, and the site
never depends on the cache. It lives in ``$XDG_CACHE_HOME/koers`` (usually
``~/.cache/koers``); a cache that cannot be read or written only means the work is done again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__


@lru_cache(maxsize=1)
def code_state() -> str:
    """Koers' own code and schema as installed, as part of a key: any change to them is a new key."""
    package = Path(__file__).parent
    files = sorted([*package.glob("*.py"), *package.glob("schema/*.json")])
    state = [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files]
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16] + "\n"


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


KEEP = 2000  # entries of one kind; a long preview session writes one per saved version of a page


def load(kind: str, made_from: str):
    """The value stored for ``made_from`` under ``kind``, or None."""
    file = _entry(kind, made_from)
    if file and file.is_file():
        try:
            return marshal.loads(file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
    return None


def store(kind: str, made_from: str, value, keep: int | None = None) -> None:
    """Keep ``value`` (plain data: str, bytes, numbers, lists, tuples, dicts, None) for ``made_from``,
    and at most ``keep`` (default KEEP) entries of this kind."""
    file = _entry(kind, made_from)
    if file is None:
        return
    try:
        file.parent.mkdir(exist_ok=True)
        data = marshal.dumps(value)
    except (OSError, ValueError):
        return
    _write(file, data)
    _prune(file.parent, KEEP if keep is None else keep)


def _entry(kind: str, made_from: str) -> Path | None:
    place = folder()
    return place / kind / hashlib.sha256(made_from.encode("utf-8", "surrogatepass")).hexdigest()[:32] if place else None


def _prune(place: Path, keep: int) -> None:
    """Forget the oldest half once a kind holds more than ``keep`` entries."""
    try:
        names = os.listdir(place)
        if len(names) <= keep:
            return
        entries = sorted((place / n for n in names), key=lambda p: p.stat().st_mtime)
        for old in entries[: len(entries) // 2]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _write(file: Path, data: bytes) -> None:
    """Whole or not at all: two builds at once must never read half an entry."""
    try:
        fd, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
    except OSError:
        pass
