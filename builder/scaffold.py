"""``koers init DIR``: a new scan project for another organisation, ready to build at once.

The starter bank (by default three levels, two areas, in Dutch and English; see the options)
is placeholders only, and builds with ``--strict`` as it is; the maintainer replaces them,
and ``koers check`` says what is missing along the way.
"""

from __future__ import annotations

import shlex
import sys
from importlib import resources
from pathlib import Path

import yaml

from . import starter
from .content import OPTIONAL_PAGES, expected_slugs

README = """# {name}

A maturity scan built with Koers. Everything a visitor enters stays in their browser.

- `koers check` — validate `questions.yaml` and `content/` (all problems at once, with file:line).
- `koers serve` — preview on http://127.0.0.1:8000/, rebuilt and reloaded on every save.
- `koers build` — write the static site into `site/`; upload that folder to any static host.

Edit `questions.yaml` (your editor autocompletes it through `questions.schema.json`) and the
Markdown pages under `content/<language>/`. Each page starts with a `title:` and a
`description:` between `---` lines.
"""

PAGE = """---
title: {title}
description: {title} — {name}.
---

{body}
"""


def init(target: Path, languages: tuple[str, ...] = ("nl", "en"), levels: int = 3, areas: int = 2,
         first_level: int = 1) -> int:
    wrong = starter.problems(list(languages), levels, areas, first_level)
    for message in wrong:
        print(f"koers init: {message}", file=sys.stderr)
    if wrong:
        return 2
    if target.exists() and not target.is_dir():
        print(f"koers init: {target} is a file (expected a new or empty folder)", file=sys.stderr)
        return 1
    if target.exists() and any(target.iterdir()):
        print(f"koers init: {target} is not empty (expected a new or empty folder, so nothing is overwritten)",
              file=sys.stderr)
        return 1
    text = starter.bank_yaml(list(languages), levels, areas, first_level)
    bank = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    target.mkdir(parents=True, exist_ok=True)
    (target / "questions.yaml").write_text(text, "utf-8")
    (target / "questions.schema.json").write_bytes(
        resources.files("builder").joinpath("schema/questions.schema.json").read_bytes())
    (target / "README.md").write_text(README.format(name=bank["site"]["name"]), "utf-8")
    (target / ".gitignore").write_text("/site/\n", "utf-8")
    optional = [slug for slug in OPTIONAL_PAGES if slug != "pitfalls"]  # the starter has no pitfalls
    slugs = expected_slugs([lv["id"] for lv in bank["levels"]], [a["id"] for a in bank["areas"]], optional)
    for lang in bank["languages"]:
        for slug in slugs:
            path = target / "content" / lang / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            title = slug.split("/")[-1].replace("-", " ").capitalize()
            path.write_text(PAGE.format(title=title, name=bank["site"]["name"], body=starter.page_body(lang, slug)), "utf-8")
    print(f"koers init: created {target}. Next, from any shell:\n{next_steps(target)}")
    return 0


def next_steps(target: Path) -> str:
    """Commands that work in a new terminal too, where the virtual environment is not active."""
    script = Path(sys.argv[0]).resolve() if Path(sys.argv[0]).name == "koers" else None
    koers = shlex.quote(str(script)) if script and script.is_file() else f"{shlex.quote(sys.executable)} -m builder"
    return (f"  cd {shlex.quote(str(target.resolve()))}\n"
            f"  {koers} serve    # preview on http://127.0.0.1:8000/, rebuilt on every save\n"
            f"  {koers} build    # the site, in site/")
