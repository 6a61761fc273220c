"""Which scripts each page runs, and which part of the bank and the UI texts each carries.

A visitor's journey is the home page, the scan and the results. One script shared by every
page made each of them download the whole app and every text of the bank, and the scan page
carried its statements twice (in the form, and again in the script). Now:

- a *core* script holds what the home page runs (saved answers, scoring rules, step
  addresses) and the bank without its texts: ids, areas, levels, answers, the scan's UI
  texts. The home page, the scan and the results load it first; after the home page it comes
  from the browser's cache. A *shared* script on top holds what the scan and the results
  both run (the embed's height, share-link encoding, status messages), so it too travels once;
- each of those pages adds its own small script: the home page's "continue", the scan's
  stepper (the form on the page already shows every statement and "why"), the results'
  route and exports with the texts they quote (``full-bank.js`` joins them to the core's bank),
  except the statements and "why", which the scan hands over (``WORDS``), and the find-out
  questions, which only a "Don't know" needs (``FIND``);
- the embed page gets only its copy buttons; guidance pages, the 404 page and any kind
  without an entry here get no app script.

The single file and the team page keep one script each (``render._scripts``).
"""

from __future__ import annotations

import json
import re

from .model import browser_data

CORE = "landing-main.js"  # the core is everything the home page's entry imports
CORE_TEXTS = ("scan.",)  # the scan's texts, and the notices about saved answers (store.settle)
SHARED = ("scan-main.js", "results-main.js")  # the layer above it: what both of these import
PAGE_DATA = frozenset({"./texts.js"})  # the virtual modules of the pages' own scripts (page_texts)
# page kind (the template's ``kind`` block) -> (entry module, the layers it loads first)
ENTRIES = {
    "landing": ("landing-main.js", ("core",)),
    "scan": ("scan-main.js", ("core", "shared")),
    "results": ("results-main.js", ("core", "shared")),
    "embed-info": ("embed-main.js", ()),
}
# What a criterion carries for the results page and the exports; the scan never reads it.
GUIDANCE = ("text", "why", "action", "owner", "find_out", "meta")
# Of those, what the scan's form already shows. The scan hands them to the results page through
# storage (words.js), so they travel once per visit; ``texts_script`` is the results page's
# fallback when nothing was handed over (a share link opened elsewhere, a rebuilt site).
WORDS = ("text", "why")
# Of those, what only a "Don't know" shows: the results page loads it (``texts_script``) for
# answers that hold one, so a journey without "Don't know" never downloads it.
FIND = ("find_out",)


def texts(ui: dict, prefixes: tuple[str, ...]) -> dict:
    return {k: v for k, v in ui.items() if k.startswith(prefixes)}


def core_bank(view: dict, ui: dict, words: str = "", find: str = "") -> dict:
    """The core's ``./bank.js``: the bank without guidance texts or pitfalls. ``words`` and
    ``find``: the file names of the ``texts_script`` files for ``WORDS`` and ``FIND``; the first
    also tells scan and results they come from one build."""
    data = browser_data(view)
    data["criteria"] = [{k: v for k, v in c.items() if k not in GUIDANCE} for c in data["criteria"]]
    data["pitfalls"] = []
    if words:
        data["words"] = words
    if find:
        data["find"] = find
    return {"./bank.js": {"bank": data, "ui": texts(ui, CORE_TEXTS)}}


def texts_script(view: dict, keys: tuple[str, ...]) -> str:
    """Those texts of every criterion, by key in the bank's order ("" where one has none),
    announced to the results page's script (words.js) by an event: the file is a plain script,
    loaded only when needed. Empty when no criterion has any of them."""
    criteria = browser_data(view)["criteria"]
    if not any(c.get(key) for c in criteria for key in keys):
        return ""
    lists = {key: [c.get(key) or "" for c in criteria] for key in keys}
    return ('document.dispatchEvent(new CustomEvent("koers:texts",{detail:'
            + json.dumps(lists, ensure_ascii=False, separators=(",", ":")) + "}));\n")


def page_texts(view: dict, ui: dict, entry: str) -> dict:
    """A page script's own data on top of the core: the results' ``./texts.js``, in the bank's
    order, without what the scan hands over (``WORDS``) or only a "Don't know" needs (``FIND``)."""
    if entry != "results-main.js":
        return {}
    data = browser_data(view)
    criteria = [{k: c[k] for k in GUIDANCE if k in c and k not in WORDS + FIND} for c in data["criteria"]]
    return {"./texts.js": {"texts": {"criteria": criteria, "pitfalls": data["pitfalls"],
                                     "ui": texts(ui, ("results.",))}}}


def whole_bank(view: dict, ui: dict, prefixes: tuple[str, ...], lean: bool = False) -> dict:
    """``./bank.js`` for a script on its own; ``lean``: without statements and "why", which the
    single file reads from its own form."""
    data = browser_data(view)
    if lean:
        data["criteria"] = [{k: v for k, v in c.items() if k not in ("text", "why")} for c in data["criteria"]]
    return {"./bank.js": {"bank": data, "ui": texts(ui, prefixes)}}


def read_back(files: dict[str, bytes], lang: str) -> dict:
    """``{"bank", "ui"}`` as the results page's scripts hold them once full-bank.js has run,
    read from a built site's files (``{path: bytes}``): what tests and benchmarks compare with."""
    def virtual(kind: str, name: str):
        path = next(p for p in files if re.fullmatch(rf"assets/{kind}\.{lang}\.[0-9a-f]+\.js", p))
        prefix = f'__m["{name}"] = '
        line = next(line for line in files[path].decode("utf-8").splitlines() if line.startswith(prefix))
        return json.loads(line.removeprefix(prefix).removesuffix(";"))

    data, texts = virtual("core", "./bank.js"), virtual("results", "./texts.js")["texts"]
    bank = data["bank"]
    for file in (bank["words"], bank.get("find")):
        if file:
            fallback = files["assets/" + file].decode("utf-8")
            lists = json.loads(fallback[fallback.index("{detail:") + len("{detail:"):fallback.rindex("}));")])
            for i, criterion in enumerate(bank["criteria"]):
                criterion.update({key: values[i] for key, values in lists.items() if values[i]})
    for criterion, more in zip(bank["criteria"], texts["criteria"]):
        criterion.update(more)
    bank["pitfalls"] += texts["pitfalls"]
    data["ui"].update(texts["ui"])
    return data
