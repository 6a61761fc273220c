"""An independent, plain-Python reading of the scoring and route rules (how-it-works.md),
used as the oracle for the end-to-end tests on the full default bank. Deliberately written
differently from route.js (no heap, no shared helpers) so a bug is unlikely to be in both.
"""

from __future__ import annotations

MET = {"yes", "na"}


def score(bank: dict, answers: dict) -> dict:
    top = len(bank["levels"])
    out = {}
    for area in bank["areas"]:
        own = [c for c in bank["criteria"] if c["area"] == area["id"]]
        level = 1
        while level < top and all(answers.get(c["id"]) in MET for c in own if c["level"] == level + 1):
            level += 1
        cap = next((c["id"] for c in own if c["level"] == level + 1 and answers.get(c["id"]) not in MET), None)
        out[area["id"]] = (level, cap)
    return out


def targets(bank: dict, answers: dict, chosen: dict | None = None) -> dict:
    top = len(bank["levels"])
    result = {}
    for area, (level, _) in score(bank, answers).items():
        t = (chosen or {}).get(area)
        result[area] = t if isinstance(t, int) and level <= t <= top else min(level + 1, top)
    return result


def route(bank: dict, answers: dict, chosen: dict | None = None) -> list[dict]:
    goal = targets(bank, answers, chosen)
    by_id = {c["id"]: c for c in bank["criteria"]}
    position = {c["id"]: i for i, c in enumerate(bank["criteria"])}
    area_order = {a["id"]: i for i, a in enumerate(bank["areas"])}
    chosen_ids = [c["id"] for c in bank["criteria"]
                  if answers.get(c["id"]) not in MET and c["level"] <= goal[c["area"]]]
    pulled: dict[str, list[str]] = {}
    edges: set[tuple[str, str]] = set()  # (prerequisite, dependent)
    todo = list(chosen_ids)
    while todo:
        cid = todo.pop()
        for req in by_id[cid].get("requires", []):
            if answers.get(req) in MET:
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
        find = answer == "unknown"
        return (0 if find else 1, by_id[cid]["level"], 0 if find else {"partly": 0, "no": 1}.get(answer, 2),
                area_order[by_id[cid]["area"]], position[cid])

    placed: list[str] = []
    left = set(everything)
    while left:
        ready = [cid for cid in left if not any(req in left for req, dep in edges if dep == cid)]
        nxt = min(ready, key=key)
        placed.append(nxt)
        left.remove(nxt)
    return [{"id": cid, "kind": "find" if answers.get(cid) == "unknown" else "act",
             "phase": "now" if n < 5 else "next" if n < 15 else "later",
             "needed_for": sorted(pulled.get(cid, []))} for n, cid in enumerate(placed)]


def fitting_pitfalls(bank: dict, answers: dict) -> list[str]:
    levels = {area: level for area, (level, _) in score(bank, answers).items()}
    return [p["id"] for p in bank["pitfalls"]
            if any((not p["levels"] or levels[a] in p["levels"]) for a in (p["areas"] or list(levels)))]
