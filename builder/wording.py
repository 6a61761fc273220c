"""Built-in UI texts in the bank's own words: its nouns (the vocabulary) and its counts.

A UI text may use these placeholders; they are filled in at build time, once per language,
before any page or the browser app sees the text. The placeholders the browser fills in at
run time (``{n}``, ``{area}``, ``{level}`` …) are left alone.

| placeholder | becomes |
| --- | --- |
| ``{area_noun}``, ``{areas_noun}`` (``{Area_noun}``, ``{Areas_noun}`` capitalised) | vocabulary.area / areas |
| ``{statement_noun}``, ``{statements_noun}``, ``{level_noun}``, ``{levels_noun}`` (and capitalised) | likewise |
| ``{areas}``, ``{levels}``, ``{criteria}``, ``{groups}`` | how many the bank has |
| ``{areas_counted}``, ``{levels_counted}``, ``{criteria_counted}`` | "8 practices", "1 practice" |
| ``{duration}`` | ``site.duration``, or an estimate from the number of criteria |
| ``{site}`` | ``site.name`` |
"""

from __future__ import annotations

import re

NOUNS = ("area", "areas", "statement", "statements", "level", "levels")
COUNTS = ("areas", "levels", "criteria", "groups")
SECONDS_PER_STATEMENT = (12, 16)  # measured on the default bank: 74 statements in 15 to 20 minutes
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def text_in(value, lang: str) -> str:
    """A bank text in one language: a plain string (single-language banks) or {lang: text}."""
    if isinstance(value, str):
        return value
    return value.get(lang, "") if isinstance(value, dict) else ""


def names() -> set[str]:
    """Every placeholder this module fills in, for checks on a project's ui.yaml."""
    nouns = {f"{n}_noun" for n in NOUNS} | {f"{n.capitalize()}_noun" for n in NOUNS}
    return nouns | set(COUNTS) | {f"{c}_counted" for c in COUNTS[:3]} | {"duration", "site"}


def values(data: dict, lang: str, texts: dict[str, str]) -> dict[str, str]:
    """The placeholder values for one language: the bank's vocabulary over the built-in one."""
    own = data.get("vocabulary") if isinstance(data.get("vocabulary"), dict) else {}
    nouns = {n: text_in(own.get(n), lang) or texts.get(f"vocabulary.{n}", n) for n in NOUNS}
    result = {f"{n}_noun": word for n, word in nouns.items()}
    result |= {f"{n.capitalize()}_noun": word[:1].upper() + word[1:] for n, word in nouns.items()}
    counts = {"areas": len(data.get("areas") or []), "levels": len(data.get("levels") or []),
              "criteria": len(data.get("criteria") or []), "groups": len(data.get("groups") or [])}
    result |= {key: str(count) for key, count in counts.items()}
    singular = {"areas": nouns["area"], "levels": nouns["level"], "criteria": nouns["statement"]}
    plural = {"areas": nouns["areas"], "levels": nouns["levels"], "criteria": nouns["statements"]}
    for key in singular:
        result[f"{key}_counted"] = f"{counts[key]} {singular[key] if counts[key] == 1 else plural[key]}"
    own_duration = text_in((data.get("site") or {}).get("duration"), lang)
    result["duration"] = own_duration or _estimate(counts["criteria"], texts)
    result["site"] = str((data.get("site") or {}).get("name", ""))
    return result


def _estimate(statements: int, texts: dict[str, str]) -> str:
    low, high = (max(1, _round(statements * s / 60)) for s in SECONDS_PER_STATEMENT)
    if high <= low:
        high = low + 1
    return _fill(texts.get("time.estimate", "{low}–{high}"), {"low": str(low), "high": str(high)})


def _round(minutes: float) -> int:
    """Whole minutes up to ten; above that to the nearest five, as people say it."""
    return round(minutes) if minutes <= 10 else 5 * round(minutes / 5)


def _fill(text: str, given: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: given.get(m.group(1), m.group(0)), text)


def in_bank_words(data: dict, ui: dict[str, dict]) -> dict[str, dict]:
    """Every language's UI texts with the bank's nouns and counts filled in."""
    result = {}
    for lang, texts in ui.items():
        given = values(data, lang, texts)
        result[lang] = {key: _fill(text, given) for key, text in texts.items()}
    return result
