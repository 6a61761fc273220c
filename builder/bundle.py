"""Join the browser's ES modules into classic scripts.

The source stays plain ES modules, one job per file. Browsers refuse module scripts on
``file://`` pages, and the site must work opened from disk or as a single file, so the build
wraps each module in a function scope and links them through a table: no third-party
bundler, and a module graph small enough to read in the output. One script holds the table
privately; pages that load a shared *core* first (``core``, cached from page to page) hand it
on through the one global ``self.__koers``.

With ``minify`` each module also goes through rjsmin, a minifier that only removes what
cannot change the meaning (comments, white space); names stay as written, so the output
still reads.

Supported module syntax (checked, with a clear error otherwise): named imports from relative
paths, ``import * as ns``, and ``export`` before function/const/let/class declarations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rjsmin

IMPORT = re.compile(r"^import\s+(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+['\"](\.{1,2}/[\w./-]+)['\"];?[ \t]*$", re.M)
EXPORT_DECL = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)", re.M)
EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\};?[ \t]*$", re.M)
LEFTOVER = re.compile(r"^\s*(import\b(?!\s*\()|export\b)", re.M)


class BundleError(Exception):
    pass


@dataclass(frozen=True)
class Core:
    """A script of modules several pages share, loaded before each page's own (see ``core``)."""
    script: str
    names: frozenset[str]


# The one global: the module table a page's core script hands on to the page's own script.
TABLE = "self.__koers"


def bundle(folder: Path | list[Path], entry: str, virtual: dict[str, object], minify: bool = False,
           core: Core | None = None) -> str:
    """Return one script running ``entry``; ``virtual`` maps module names (e.g. './bank.js') to data.

    ``folder`` may be a list: a module is taken from the first folder that has it (a theme's own first).
    With ``core``, the modules it holds are left out and taken from its table instead.
    """
    have = core.names if core else frozenset()
    order, sources = graph(folder, entry, set(virtual) | have)
    head = _table(entry) if core else "const __m = {};"
    return _script(head, {k: v for k, v in virtual.items() if k not in have},
                   [(n, sources[n]) for n in order if n not in have], "", minify)


def core(folder: Path | list[Path], entries: str | list[str], virtual: dict[str, object], minify: bool = False,
         below: Core | None = None, later: frozenset[str] = frozenset()) -> Core:
    """What every one of ``entries`` imports (not the entries themselves), as a script of its own.

    A page loads it before its own script (``bundle(..., core=...)``), and the next page of
    the journey finds it in the browser's cache. Without ``below`` it starts the module table
    and hands it on; with ``below`` (a core loaded before it) it leaves out what that one holds
    and adds its modules to the same table. ``later``: virtual modules that come with the pages'
    own scripts (so they are never part of a core).
    """
    entries = [entries] if isinstance(entries, str) else list(entries)
    have = below.names if below else frozenset()
    graphs = [graph(folder, e, set(virtual) | have | later) for e in entries]
    common = set.intersection(*(set(order) for order, _ in graphs)) - {_normal(e) for e in entries} - later
    order, sources = graphs[0]  # a module's imports are in every graph that has it, so this order holds
    modules = [(n, sources[n]) for n in order if n in common]
    head, tail = (_table(entries[0]), "") if below else ("const __m = {};", f"{TABLE} = __m;")
    script = _script(head, virtual, modules, tail, minify)
    return Core(script, frozenset([n for n, _ in modules] + list(virtual)) | have)


def _table(entry: str) -> str:
    return f"const __m = {TABLE};\nif (!__m) throw new Error('koers: {entry} needs the core script before it');"


def graph(folder, entry: str, provided) -> tuple[list[str], dict[str, str]]:
    """The modules ``entry`` needs, each after the ones it imports, and their sources
    (``provided``: names that come from elsewhere, such as virtual modules)."""
    folders = list(folder) if isinstance(folder, (list, tuple)) else [folder]
    order: list[str] = []
    sources: dict[str, str] = {}
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in sources or name in provided:
            return
        if name in visiting:
            raise BundleError(f"import cycle: {' -> '.join(visiting + [name])}")
        path = next((f / name for f in folders if (f / name).is_file()), folders[-1] / name)
        if not path.is_file():
            raise BundleError(f"{visiting[-1] if visiting else entry} imports {name}, which does not exist")
        visiting.append(name)
        text, imports = _read(path)
        for spec in imports:
            visit(_resolve(name, spec))
        visiting.pop()
        sources[name] = text
        order.append(name)

    visit(_normal(entry))
    return order, sources


_sources: dict[Path, tuple[tuple, str, tuple[str, ...]]] = {}


def _read(path: Path) -> tuple[str, tuple[str, ...]]:
    """A module's text and imports, read again only when the file changed: a build draws
    eighteen graphs over the same few dozen modules, and ``koers serve`` does so on every save."""
    info = path.stat()
    state = (info.st_mtime_ns, info.st_size)
    known = _sources.get(path)
    if known is None or known[0] != state:
        text = path.read_text("utf-8")
        known = _sources[path] = (state, text, tuple(m.group(3) for m in IMPORT.finditer(text)))
    return known[1], known[2]


def _script(head: str, virtual: dict, modules: list[tuple[str, str]], tail: str, minify: bool) -> str:
    parts = ["(() => {", '"use strict";', head]
    for name, value in sorted(virtual.items()):
        # "<" as \u003c: bank text like "</script>" must stay inert when the script is inlined.
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        parts.append(f"__m[{json.dumps(name)}] = {data};")
    for name, text in modules:
        parts.append(_wrap(name, text, minify))
    parts += [tail, "})();"] if tail else ["})();"]
    script = "\n".join(parts) + "\n"
    inert = re.search(r"</script|<!--", script, re.I)
    if inert:
        line = script[: inert.start()].count("\n") + 1
        raise BundleError(f"the bundle has '{inert.group(0)}' on line {line}, which would end an inline script early "
                          f"(write it as '<\\/script' or split the string)")
    return script


def _normal(name: str) -> str:
    return "./" + Path(name).as_posix().lstrip("./")


@lru_cache(maxsize=1024)
def _resolve(importer: str, spec: str) -> str:
    base = Path(importer.removeprefix("./")).parent
    parts: list[str] = []
    for part in (base / spec).as_posix().split("/"):
        if part == "..":
            if not parts:
                raise BundleError(f"{importer} imports {spec}, outside the scripts folder")
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "./" + "/".join(parts)


@lru_cache(maxsize=256)
def _wrap(name: str, text: str, minify: bool = False) -> str:
    """One module as a function scope; remembered, since every entry and language wraps the same modules."""
    exports: list[str] = []

    def replace_import(match: re.Match) -> str:
        target = json.dumps(_resolve(name, match.group(3)))
        if match.group(2):
            return f"const {match.group(2)} = __m[{target}];"
        names = [n.strip() for n in match.group(1).split(",") if n.strip()]
        bindings = ", ".join(n if " as " not in n else "{}: {}".format(*[x.strip() for x in n.split(" as ")]) for n in names)
        return f"const {{ {bindings} }} = __m[{target}];"

    def replace_decl(match: re.Match) -> str:
        exports.append(match.group(1))
        return match.group(0).removeprefix("export").lstrip()

    def replace_list(match: re.Match) -> str:
        for item in match.group(1).split(","):
            item = item.strip()
            if item:
                local, _, public = item.partition(" as ")
                exports.append(f"{public.strip()}: {local.strip()}" if public else local)
        return ""

    body = IMPORT.sub(replace_import, text)
    body = EXPORT_DECL.sub(replace_decl, body)
    body = EXPORT_LIST.sub(replace_list, body)
    leftover = LEFTOVER.search(body)
    if leftover:
        line = body[: leftover.start()].count("\n") + 1
        raise BundleError(f"{name}:{line}: unsupported import/export form (expected `import {{ a }} from './x.js'` "
                          f"or `export function/const/let/class`)")
    if minify:
        return f"__m[{json.dumps(name)}]=(()=>{{{rjsmin.jsmin(body)}\nreturn{{{','.join(exports)}}};}})();"
    return f"__m[{json.dumps(name)}] = (() => {{\n{_slim(body)}\nreturn {{ {', '.join(exports)} }};\n}})();"


def _slim(body: str) -> str:
    """Drop indentation, blank lines and whole-line comments: a tenth of the bytes, none of the meaning.

    A template literal could hold significant leading spaces, so a module with one is kept as is.
    """
    if "`" in body:
        return body.strip()
    lines = (line.strip() for line in body.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))
