"""An independent, plain-Python reading of the scoring and route rules as How it works states
them, used as the oracle for the end-to-end tests. Deliberately written differently from
scoring.js and route.js (no shared helpers, prerequisites solved by trying levels from the top
down per area until nothing changes), so a bug is unlikely to be in both.

Rules (from the bank's declared scale and `scoring:` block):
- an answer has a credit (0..1), or means not applicable (left out) or unknown (credit 0);
  an unanswered statement is open: it counts as applicable with credit 0;
- a level of an area counts only when at least `applicable` of its weight applies;
- threshold: a level is reached when the level below is and the applicable credit share is
  at least `threshold`; all: when that share is 1; average: the score is the first level plus
  each level's share (an empty level copies the level below; the first level above the start
  copies 1), summing until a level where too little applies;
- a level is held back while one of its applicable statements requires a statement that is
  open, answered with credit 0, or whose own area is below that statement's level;
- an area with nothing answered has no level.
"""

from __future__ import annotations

import math

EPS = 1e-9


def scale(bank: dict) -> dict:
    """answer id -> credit (float) or None for not applicable."""
    out = {}
    for a in bank["answers"]:
        out[a["id"]] = None if a.get("means") == "not-applicable" else 0.0 if a.get("means") == "unknown" else float(a["credit"])
    return out


def _settings(bank: dict) -> tuple:
    s = bank.get("scoring") or {}
    first = s.get("first_level", 1)
    return (s.get("method", "threshold"), s.get("threshold", 0.75), s.get("applicable", 0.5),
            first, first + len(bank["levels"]) - 1)


def _share(bank, answers, crits):
    """(share applicable, share of credit among applicable) of a list of criteria."""
    credit = scale(bank)
    total = sum(c.get("weight", 1) for c in crits)
    applies = earned = 0.0
    for c in crits:
        value = answers.get(c["id"])
        w = c.get("weight", 1)
        if value not in credit:
            applies += w
        elif credit[value] is not None:
            applies += w
            earned += w * credit[value]
    return applies / total, (earned / applies if applies else 0.0)


def _own_value(bank, answers, crits, cut):
    """The area's score from its own statements, counting levels below ``cut`` only."""
    method, threshold, applicable, first, top = _settings(bank)
    value, previous = float(first), 1.0
    for level in range(first + 1, min(top, cut - 1) + 1):
        here = [c for c in crits if c["level"] == level]
        if not here:
            part = previous if method == "average" else 1.0
        else:
            applies, share = _share(bank, answers, here)
            if applies + EPS < applicable:
                break
            if method == "average":
                part = share
            elif share + EPS >= (threshold if method == "threshold" else 1.0):
                part = 1.0
            else:
                break
        value += part
        previous = part
    return value


def levels(bank: dict, answers: dict) -> dict:
    """area id -> value (float; the level under threshold/all) or None when nothing is answered."""
    method, _, _, first, top = _settings(bank)
    credit = scale(bank)
    by_id = {c["id"]: c for c in bank["criteria"]}
    crits = {a["id"]: [c for c in bank["criteria"] if c["area"] == a["id"]] for a in bank["areas"]}
    cut = {a: top + 1 for a in crits}  # levels >= cut do not count

    def value(area):
        return _own_value(bank, answers, crits[area], cut[area])

    def level(area):
        return math.floor(value(area) + EPS)

    changed = True
    while changed:
        changed = False
        for area, own in crits.items():
            for c in sorted(own, key=lambda c: c["level"]):
                if c["level"] >= cut[area] or (c["id"] in answers and credit.get(answers[c["id"]], 0) is None):
                    continue
                if method != "average" and c["level"] > level(area):
                    continue
                for req in c.get("requires", []):
                    p = by_id[req]
                    answer = answers.get(req)
                    ok = answer in credit and (credit[answer] is None or credit[answer] > EPS) and level(p["area"]) >= p["level"]
                    if not ok:
                        cut[area] = c["level"]
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break
    out = {}
    for area, own in crits.items():
        answered = any(c["id"] in answers and answers[c["id"]] in credit for c in own)
        out[area] = value(area) if answered else None
    return out


def whole(values: dict) -> dict:
    return {a: (None if v is None else math.floor(v + EPS)) for a, v in values.items()}


def targets(bank: dict, answers: dict, chosen: dict | None = None) -> dict:
    top = _settings(bank)[4]
    result = {}
    for area, level in whole(levels(bank, answers)).items():
        if level is None:
            continue
        t = (chosen or {}).get(area)
        result[area] = t if isinstance(t, int) and level <= t <= top else min(level + 1, top)
    return result


def route(bank: dict, answers: dict, chosen: dict | None = None) -> list[dict]:
    credit = scale(bank)
    unknown = next((a["id"] for a in bank["answers"] if a.get("means") == "unknown"), None)
    goal = targets(bank, answers, chosen)
    by_id = {c["id"]: c for c in bank["criteria"]}
    position = {c["id"]: i for i, c in enumerate(bank["criteria"])}
    area_order = {a["id"]: i for i, a in enumerate(bank["areas"])}

    def done(cid):
        answer = answers.get(cid)
        return answer in credit and (credit[answer] is None or credit[answer] >= 1 - EPS)

    chosen_ids = [c["id"] for c in bank["criteria"]
                  if c["area"] in goal and not done(c["id"]) and c["level"] <= goal[c["area"]]]
    pulled: dict[str, list[str]] = {}
    edges: set[tuple[str, str]] = set()  # (prerequisite, dependent)
    todo = list(chosen_ids)
    while todo:
        cid = todo.pop()
        for req in by_id[cid].get("requires", []):
            if done(req) or by_id[req]["area"] not in goal:
                continue
            edges.add((req, cid))
            if req not in chosen_ids and req not in pulled:
                pulled[req] = []
                todo.append(req)
    for req, cid in edges:
        if req in pulled:
            pulled[req].append(cid)
    everything = chosen_ids + list(pulled)

    def key(cid):
        answer = answers.get(cid)
        find = unknown is not None and answer == unknown
        rank = 2 if find or answer not in credit else 1 - credit[answer]
        return (0 if find else 1, by_id[cid]["level"], rank, area_order[by_id[cid]["area"]], position[cid])

    placed: list[str] = []
    left = set(everything)
    while left:
        ready = [cid for cid in left if not any(req in left for req, dep in edges if dep == cid)]
        nxt = min(ready, key=key)
        placed.append(nxt)
        left.remove(nxt)
    return [{"id": cid, "kind": "find" if unknown is not None and answers.get(cid) == unknown else "act",
             "phase": "now" if n < 5 else "next" if n < 15 else "later",
             "needed_for": sorted(pulled.get(cid, []))} for n, cid in enumerate(placed)]


def fitting_pitfalls(bank: dict, answers: dict) -> list[str]:
    found = whole(levels(bank, answers))
    return [p["id"] for p in bank["pitfalls"]
            if any(found[a] is not None and (not p["levels"] or found[a] in p["levels"]) for a in (p["areas"] or list(found)))]
