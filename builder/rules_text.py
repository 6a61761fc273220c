"""The scoring rules in words, written from the bank's declared scale and method.

"How it works" and the scan's answer legend are generated here rather than written by hand,
so what the page says can never drift from what the browser computes (scoring.js). A
guidance page places the section with a line holding only ``[[scoring-rules]]``.
"""

from __future__ import annotations

import re

from .markup import render_markdown

MARKER = "[[scoring-rules]]"
MARKER_HTML = f"<p>{MARKER}</p>"


def _fmt(text: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


def _pct(share: float) -> str:
    return f"{int(share * 100 + 0.5)}%"  # half up, as the browser's Math.round


def meaning(answer: dict, t: dict) -> str:
    """What one answer does, e.g. "counts for 50%"."""
    if answer["means"] == "unknown":
        return t["rules.means_unknown"]
    if answer["means"] == "not-applicable":
        return t["rules.means_na"]
    return _fmt(t["rules.means_credit"], pct=_pct(answer["credit"]))


def answer_legend(view: dict, t: dict) -> str:
    """One line for the scan page: what each answer does."""
    parts = [f"{a['label']}: {meaning(a, t)}" for a in view["answers"]]
    return t["rules.legend"] + " " + " · ".join(parts) + "."


def scoring_markdown(view: dict, t: dict) -> str:
    rules, levels = view["scoring"], view["levels"]
    first, top, method = levels[0], levels[-1], rules["method"]
    lines = [f"## {t['rules.heading_answers']}", "",
             _fmt(t["rules.answers_intro"], low=levels[1]["n"] if len(levels) > 1 else top["n"], top=top["n"],
                  count=len(view["answers"])), ""]
    lines += [f"- **{a['label']}**: {meaning(a, t)}." for a in view["answers"]]
    lines += ["", t["rules.unanswered"], "", f"## {t['rules.heading_level']}", "",
              _fmt(t["rules.start"], n=first["n"], name=first["name"]), ""]
    lines += [f"- {_fmt(t['rules.method_' + method], threshold=_pct(rules['threshold']))}",
              f"- {_fmt(t['rules.applicable'], applicable=_pct(rules['applicable']))}",
              f"- {t['rules.open']}",
              f"- {t['rules.prerequisites']}",
              f"- {t['rules.empty_level']}", "",
              f"### {t['rules.heading_example']}", "", _example(view, t), ""]
    return "\n".join(lines)


def _example(view: dict, t: dict) -> str:
    """A level of four statements, worked out with this bank's own answers and numbers."""
    rules, scale = view["scoring"], [a for a in view["answers"] if a["means"] == "credit"]
    full = max(scale, key=lambda a: a["credit"])
    zero = min(scale, key=lambda a: a["credit"])
    middle = [a for a in scale if 0 < a["credit"] < 1]
    mid = middle[len(middle) // 2] if middle else full
    levels = view["levels"]
    n = levels[min(2, len(levels) - 1)]["n"]
    credits = [full["credit"], full["credit"], mid["credit"], zero["credit"]]
    labels = [full["label"], full["label"], mid["label"], zero["label"]]
    share = sum(credits) / 4
    after = (sum(credits) - zero["credit"] + mid["credit"]) / 4

    def passes(s: float) -> bool:
        return s >= rules["threshold"] - 1e-9 if rules["method"] == "threshold" else s >= 1 - 1e-9

    num = lambda x, digits=1: _num(x, digits).replace(".", t["rules.decimal_mark"])  # noqa: E731
    values = dict(n=n, below=n - 1, answers=", ".join(labels), sum=" + ".join(num(c, 2) for c in credits),
                  earned=num(sum(credits), 2), share=_pct(share), threshold=_pct(rules["threshold"]),
                  zero=zero["label"], mid=mid["label"], after=_pct(after))
    if rules["method"] == "average":
        return _fmt(t["rules.example_average"], **values, part=num(share, 2))
    text = _fmt(t["rules.example_" + rules["method"]], **values,
                verdict=_fmt(t["rules.example_reached" if passes(share) else "rules.example_not_reached"], **values),
                again=_fmt(t["rules.example_reached" if passes(after) else "rules.example_not_reached"], **values))
    return text


def _num(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def insert_rules(html: str, view: dict, t: dict) -> str:
    """Put the generated section where the page has the marker line (or at its end)."""
    section, _ = render_markdown(scoring_markdown(view, t))
    if MARKER_HTML in html:
        return html.replace(MARKER_HTML, section, 1)
    return html + section
