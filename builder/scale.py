"""The answer scale and the scoring rules of a bank, with every default filled in.

A bank writes its answers either as a mapping of the five standard labels (the short form:
yes, partly, no, unknown, na with their standard meanings) or as a list that declares what
each answer means for scoring. Everything after validation sees only the list, so the
browser, the "How it works" page and the exports all read the same declared rules.
"""

from __future__ import annotations

# The short form's answers and what they mean: a credit between 0 and 1, or a special meaning.
STANDARD = (("yes", 1), ("partly", 0.5), ("no", 0), ("unknown", "unknown"), ("na", "not-applicable"))
MEANINGS = ("unknown", "not-applicable")
METHODS = ("threshold", "all", "average")
DEFAULTS = {"method": "threshold", "threshold": 0.75, "applicable": 0.5, "first_level": 1}


def answer_scale(data: dict) -> list[dict]:
    """[{id, label (text per language), credit (float or None), means}] in the bank's order.

    ``means`` is "credit" for an answer that counts with its credit, else "unknown" or
    "not-applicable". Malformed entries (already reported by validation) are skipped.
    """
    raw = data.get("answers")
    if isinstance(raw, dict):
        return [_answer(key, raw.get(key), meaning) for key, meaning in STANDARD]
    scale = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            scale.append(_answer(item["id"], item.get("label"), item.get("means", item.get("credit"))))
    return scale


def _answer(answer_id: str, label, meaning) -> dict:
    if meaning in MEANINGS:
        return {"id": answer_id, "label": label, "credit": None, "means": meaning}
    credit = float(meaning) if isinstance(meaning, (int, float)) and not isinstance(meaning, bool) else 0.0
    return {"id": answer_id, "label": label, "credit": credit, "means": "credit"}


def scoring_rules(data: dict) -> dict:
    """The bank's ``scoring:`` block with defaults for what it leaves out."""
    given = data.get("scoring") if isinstance(data.get("scoring"), dict) else {}
    return {**DEFAULTS, **{k: v for k, v in given.items() if k in DEFAULTS}}


def level_numbers(data: dict) -> list[int]:
    """The numbers of the bank's levels: from ``first_level`` (0 or 1) upwards."""
    first = scoring_rules(data)["first_level"]
    count = len(data.get("levels") or []) if isinstance(data.get("levels"), list) else 0
    return list(range(first, first + count))
