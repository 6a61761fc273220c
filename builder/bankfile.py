"""Read, parse and validate ``questions.yaml``, remembered between builds while it is unchanged.

Parsing a 10,000-criteria bank with every position, and checking it against the schema and
the bank's own rules, took a third of its build; the result depends only on the file's text
and on Koers' own code. Maintainers mostly rebuild after editing guidance pages, and the
preview rebuilds after every save, so an unchanged bank is taken from the per-user cache
(:mod:`cache`), keyed by its text and the code that reads it.
"""

from __future__ import annotations

from pathlib import Path

from . import cache
from .loader import Located, load_yaml, read_text
from .problems import Problem, Problems

DISPLAY = "questions.yaml"
KEEP = 12  # versions of banks kept


def load_bank(path: Path) -> tuple[Located, Problems]:
    """The bank as :func:`loader.load_yaml` gives it, and every problem the schema and rules find."""
    problems = Problems()
    text = read_text(path, DISPLAY, problems)
    if text is None:
        return Located(DISPLAY), problems
    made_from = cache.code_state() + text
    stored = cache.load("bank", made_from)
    if stored is not None:
        data, values, keys, found = stored
        return Located(DISPLAY, data, values, keys), Problems([Problem(*p) for p in found])
    bank = _parse_and_check(text, problems)
    found = [(p.file, p.line, p.column, p.where, p.message, p.severity) for p in problems.items]
    # A large bank's entry is megabytes, and only the latest versions will be built again.
    cache.store("bank", made_from, (bank.data, bank.values, bank.keys, found), keep=KEEP)
    return bank, problems


def _parse_and_check(text: str, problems: Problems) -> Located:
    from .schema import check_schema
    from .validate import check_bank

    bank = load_yaml(text, DISPLAY, problems)
    if bank.data is None and not problems.items:
        problems.error(DISPLAY, 1, 1, "", "the file is empty (expected bank, version, languages, site, "
                                          "answers, levels, areas and criteria)")
    elif bank.data is not None and not isinstance(bank.data, dict):
        problems.error(DISPLAY, 1, 1, "", "expected a mapping with bank, version, languages, levels, areas and criteria")
    elif bank.data is not None:
        check_schema(bank, problems)
        check_bank(bank, problems)
    return bank
