"""The verdict: answer scales and scoring methods, run in Chromium on the app's own scoring.js.

Hand-worked cases for each method on small banks written out below, the default bank's
promises from the scoring issue, and property tests against the independent Python reading
of the rules in reference.py.
"""

import random

import pytest

import reference

pytestmark = pytest.mark.browser

STANDARD = [{"id": "yes", "label": "Yes", "credit": 1, "means": "credit"},
            {"id": "partly", "label": "Partly", "credit": 0.5, "means": "credit"},
            {"id": "no", "label": "No", "credit": 0, "means": "credit"},
            {"id": "unknown", "label": "Don't know", "credit": None, "means": "unknown"},
            {"id": "na", "label": "N/A", "credit": None, "means": "not-applicable"}]
SAMM = [{"id": "none", "label": "No", "credit": 0, "means": "credit"},
        {"id": "some", "label": "Some", "credit": 0.25, "means": "credit"},
        {"id": "half", "label": "Half", "credit": 0.5, "means": "credit"},
        {"id": "most", "label": "Most", "credit": 1, "means": "credit"}]

SCORE = """async ([base, bank, sets]) => {
  const { score } = await import(base + 'scoring.js');
  return sets.map((answers) => {
    const s = score(bank, answers), out = {};
    for (const k in s) {
      const r = s[k].reason;
      out[k] = { level: s[k].level, value: s[k].value, reason: r.kind, at: r.level ?? null,
        cap: r.cap ? r.cap.id : null, needs: r.needs ? r.needs.id : null, incomplete: s[k].incomplete, open: s[k].open.length };
    }
    return out;
  });
}"""

ROUTE = """async ([base, bank, sets]) => {
  const { route } = await import(base + 'route.js');
  return sets.map((answers) => route(bank, answers, {}).map((it) => ({ id: it.c.id, kind: it.kind, phase: it.phase,
    needed_for: it.neededFor.map((d) => d.c.id).sort() })));
}"""


def make_bank(cells, answers=STANDARD, scoring=None, levels=4, first=1, areas=("a", "b")):
    """cells: [(id, area, level, extra)] -> a bank as the browser gets it."""
    return {"bank": "hand", "version": "1", "lang": "en", "answers": answers, "scoring": {"first_level": first, **(scoring or {})},
            "levels": [{"n": first + i, "id": f"l{first + i}", "name": f"L{first + i}"} for i in range(levels)],
            "areas": [{"id": a, "name": a.upper()} for a in areas], "pitfalls": [],
            "criteria": [{"id": cid, "area": area, "level": level, "text": cid, "why": "w", "action": "do " + cid, "owner": "",
                          **(extra or {})} for cid, area, level, extra in cells]}


# Area a: four statements on level 2, two on 3, one on 4. Area b: two per level.
HAND = [("a2w", "a", 2, None), ("a2x", "a", 2, None), ("a2y", "a", 2, None), ("a2z", "a", 2, None),
        ("a3x", "a", 3, {"requires": ["b2x"]}), ("a3y", "a", 3, None), ("a4x", "a", 4, None),
        ("b2x", "b", 2, None), ("b2y", "b", 2, None), ("b3x", "b", 3, None), ("b3y", "b", 3, None),
        ("b4x", "b", 4, None), ("b4y", "b", 4, None)]


@pytest.fixture
def js(page, source):
    base = source.url + "builder/static/js/"
    page.goto(source.url + "tests/browser/blank.html")

    def call(bank, sets, what=SCORE):
        return page.evaluate(what, [base, bank, sets])
    return call


def everything(bank, value):
    return {c["id"]: value for c in bank["criteria"]}


def test_threshold_counts_credit_per_level(js):
    bank = make_bank(HAND)
    yes = everything(bank, "yes")
    short = {**yes, "a2y": "partly", "a2z": "no"}             # 1 + 1 + 0.5 + 0 = 2.5 of 4 = 62.5% < 75%
    enough = {**yes, "a2z": "no", "a3y": "partly"}            # 3 of 4 = 75%; level 3: 1.5 of 2 = 75%
    out = js(bank, [yes, short, enough])
    assert out[0]["a"] == {"level": 4, "value": 4, "reason": "top", "at": None, "cap": None, "needs": None,
                           "incomplete": False, "open": 0}
    assert (out[1]["a"]["level"], out[1]["a"]["reason"], out[1]["a"]["at"], out[1]["a"]["cap"]) == (1, "short", 2, "a2z")
    assert out[2]["a"]["level"] == 4


def test_not_applicable_never_lifts_a_level_by_itself(js):
    bank = make_bank(HAND)
    yes = everything(bank, "yes")
    scarce = {**yes, "a2w": "na", "a2x": "na", "a2y": "na"}   # 1 of 4 applies: 25% < 50%
    half = {**yes, "a2w": "na", "a2x": "na", "a2y": "partly"}  # 2 of 4 apply; 1.5 of 2 = 75%
    all_na = everything(bank, "na")
    out = js(bank, [scarce, half, all_na])
    assert (out[0]["a"]["level"], out[0]["a"]["reason"], out[0]["a"]["at"]) == (1, "scarce", 2)
    assert out[1]["a"]["level"] == 4
    assert out[2] == {area: {**out[2][area], "level": 1, "reason": "scarce"} for area in "ab"}


def test_unanswered_is_open_not_no(js):
    bank = make_bank(HAND)
    partial = {"a2w": "yes", "a2x": "yes", "a2y": "yes"}      # a2z open: 75% already; level 3 all open
    deciding = {"a2w": "yes", "a2x": "yes", "a2y": "no"}      # a2z open decides level 2
    out = js(bank, [partial, deciding, {}])
    assert out[0]["b"]["level"] is None and out[0]["b"]["value"] is None and out[0]["b"]["open"] == 6
    assert (out[0]["a"]["level"], out[0]["a"]["incomplete"], out[0]["a"]["open"]) == (2, True, 4)
    assert (out[1]["a"]["level"], out[1]["a"]["incomplete"]) == (1, True)
    assert out[2]["a"]["level"] is None and out[2]["a"]["incomplete"] is False


def test_prerequisites_hold_the_level_that_needs_them(js):
    bank = make_bank(HAND)
    yes = everything(bank, "yes")
    cases = [
        {**yes, "b2x": "no"},                      # b stays at 1 (50%), and b2x is not in place: a held at 2
        {**yes, "b2x": "partly"},                  # b reaches 2 with 75%, b2x answered above 0: in place
        {**yes, "b2y": "no"},                      # b2x is Yes, but its own area b is at 1: a held at 2
        {**yes, "b2x": "no", "a3x": "na"},         # a3x does not apply, so its requirement does not either
        {**yes, "b2x": "unknown"},                 # don't know counts as 0: not in place
    ]
    out = js(bank, cases)
    held = [(o["a"]["level"], o["a"]["reason"], o["a"]["needs"]) for o in out]
    assert held == [(2, "held", "b2x"), (4, "top", None), (2, "held", "b2x"), (4, "top", None), (2, "held", "b2x")]
    assert out[0]["a"]["at"] == 3 and out[0]["b"]["level"] == 1


def test_prerequisite_inside_one_level_orders_the_route_only(js):
    bank = make_bank([("a2x", "a", 2, {"requires": ["a2y"]}), ("a2y", "a", 2, None)], levels=2, areas=("a",))
    out = js(bank, [{"a2x": "yes", "a2y": "partly"}, {"a2x": "no", "a2y": "no"}])
    assert out[0]["a"]["level"] == 2
    routes = js(bank, [{"a2x": "no", "a2y": "no"}], ROUTE)
    assert [it["id"] for it in routes[0]] == ["a2y", "a2x"]


def test_method_all_needs_every_applicable_statement_fully_met(js):
    bank = make_bank(HAND, scoring={"method": "all"})
    yes = everything(bank, "yes")
    out = js(bank, [{**yes, "a2z": "partly"}, {**yes, "a2z": "na"}, {**yes, "a2w": "na", "a2x": "na", "a2y": "na"}])
    assert (out[0]["a"]["level"], out[0]["a"]["reason"], out[0]["a"]["cap"]) == (1, "short", "a2z")
    assert out[1]["a"]["level"] == 4
    assert (out[2]["a"]["level"], out[2]["a"]["reason"]) == (1, "scarce")


def test_method_average_from_level_zero_with_a_four_step_scale(js):
    cells = [("p1", "a", 1, None), ("p2", "a", 2, None), ("p3", "a", 3, {"requires": ["q1"]}), ("q1", "b", 1, None)]
    bank = make_bank(cells, answers=SAMM, scoring={"method": "average"}, levels=4, first=0)
    cases = [{"p1": "most", "p2": "half", "p3": "some", "q1": "most"},   # 0 + 1 + 0.5 + 0.25
             {"p1": "most", "p2": "half", "p3": "most", "q1": "none"},   # p3 needs q1: held below 3 -> 1.5
             {"p1": "most", "p2": "most", "p3": "most", "q1": "most"},   # all in place: 3
             {"p1": "most", "p2": "most", "p3": "most", "q1": "some"}]   # b: 0.25, its empty levels follow: 0.75
    out = js(bank, cases)
    assert (out[0]["a"]["value"], out[0]["a"]["level"]) == (1.75, 1)
    assert (out[1]["a"]["value"], out[1]["a"]["level"], out[1]["a"]["reason"]) == (1.5, 1, "held")
    assert (out[2]["a"]["value"], out[2]["a"]["level"]) == (3, 3)
    # q1 is answered above 0, but its area b (0.75) is not at level 1: p3 is held below 3.
    assert out[3]["b"]["value"] == 0.75
    assert (out[3]["a"]["value"], out[3]["a"]["reason"], out[3]["a"]["needs"]) == (2, "held", "q1")


def test_empty_level_is_passed_through(js):
    bank = make_bank([("a2x", "a", 2, None), ("a4x", "a", 4, None)], levels=4, areas=("a",))
    out = js(bank, [{"a2x": "yes", "a4x": "yes"}, {"a2x": "no", "a4x": "yes"}])
    assert out[0]["a"]["level"] == 4
    assert out[1]["a"]["level"] == 1


def test_weights_count_within_a_level(js):
    bank = make_bank([("h", "a", 2, {"weight": 3}), ("l", "a", 2, None)], levels=2, areas=("a",))
    out = js(bank, [{"h": "yes", "l": "no"}, {"h": "no", "l": "yes"}])
    assert [o["a"]["level"] for o in out] == [2, 1]


# --- The default bank: what the scoring issue promises, and properties against the oracle.

def test_default_bank_answer_patterns(js, default_site):
    bank = default_site.bank("en")
    top = len(bank["levels"])
    yes, no = everything(bank, "yes"), everything(bank, "no")
    first_partly, seen = dict(yes), set()
    for c in bank["criteria"]:
        if c["level"] == 2 and c["area"] not in seen:
            first_partly[c["id"]] = "partly"
            seen.add(c["area"])
    low_yes_na_above = {c["id"]: "yes" if c["level"] <= 3 else "na" for c in bank["criteria"]}
    one_open = {c["id"]: "yes" for c in bank["criteria"] if c["area"] != "culture"}
    out = js(bank, [yes, no, first_partly, low_yes_na_above, everything(bank, "na"), everything(bank, "partly"), one_open])
    assert {a["level"] for a in out[0].values()} == {top}
    assert {a["level"] for a in out[1].values()} == {1}
    assert min(a["level"] for a in out[2].values()) >= top - 1
    assert max(a["level"] for a in out[3].values()) <= 3
    assert {a["level"] for a in out[4].values()} == {1}
    assert {a["level"] for a in out[5].values()} == {1}          # all Partly is 50%: no level reached
    assert out[6]["culture"]["level"] is None
    assert all(out[6][a]["level"] is not None for a in out[6] if a != "culture")


def test_unmet_cross_area_prerequisite_holds_the_dependent_area(js, default_site):
    bank = default_site.bank("en")
    dependent = next(c for c in bank["criteria"] if c.get("requires")
                     and any(p.split("-")[0] != c["area"] for p in c["requires"]))
    needed = next(p for p in dependent["requires"] if p.split("-")[0] != dependent["area"])
    answers = {**everything(bank, "yes"), needed: "no"}
    out = js(bank, [answers])[0][dependent["area"]]
    assert out["level"] < dependent["level"] and out["reason"] == "held"


def _random_sets(bank, n, seed):
    rnd = random.Random(seed)
    values = [a["id"] for a in bank["answers"]] + [None]
    sets = []
    for _ in range(n):
        style = rnd.random()
        answers = {}
        for c in bank["criteria"]:
            # Mostly realistic profiles (lower levels better), some pure noise.
            if style < 0.5:
                v = rnd.choices(values, weights=[6 - min(c["level"], 5), 2, 2, 1, 1, 1])[0]
            else:
                v = rnd.choice(values)
            if v:
                answers[c["id"]] = v
        sets.append(answers)
    return sets


def test_scoring_and_route_agree_with_the_oracle(js, default_site):
    bank = default_site.bank("en")
    sets = _random_sets(bank, 150, seed=7)
    scores = js(bank, sets)
    for answers, got in zip(sets, scores):
        expected = reference.levels(bank, answers)
        assert {a: v["value"] for a, v in got.items()} == pytest.approx(expected), answers
    routes = js(bank, sets[:60], ROUTE)
    for answers, got in zip(sets, routes):
        assert got == reference.route(bank, answers), answers


def test_oracle_agrees_on_the_other_methods(js, default_site):
    bank = default_site.bank("en")
    for scoring in ({"method": "all"}, {"method": "average", "applicable": 0.3}, {"threshold": 0.6}):
        other = {**bank, "scoring": scoring}
        sets = _random_sets(other, 40, seed=11)
        for answers, got in zip(sets, js(other, sets)):
            assert {a: v["value"] for a, v in got.items()} == pytest.approx(reference.levels(other, answers)), scoring


RAISE = {None: ["no", "partly", "yes"], "unknown": ["partly", "yes"], "no": ["partly", "yes"], "partly": ["yes"]}


def test_raising_one_answer_never_lowers_a_level(js, default_site):
    bank = default_site.bank("en")
    rnd = random.Random(3)
    before, after = [], []
    for answers in _random_sets(bank, 200, seed=5):
        c = rnd.choice(bank["criteria"])
        options = RAISE.get(answers.get(c["id"]))
        if not options:
            continue
        before.append(answers)
        after.append({**answers, c["id"]: rnd.choice(options)})
    low, high = js(bank, before), js(bank, after)
    for a, b in zip(low, high):
        for area in a:
            if a[area]["value"] is not None:
                assert b[area]["value"] >= a[area]["value"] - 1e-9


def test_not_applicable_alone_and_single_partly(js, default_site):
    bank = default_site.bank("en")
    top = len(bank["levels"])
    rnd = random.Random(9)
    only_na = [{c["id"]: "na" for c in bank["criteria"] if rnd.random() < 0.7} for _ in range(20)]
    for out in js(bank, only_na):
        assert all(a["level"] in (None, 1) for a in out.values())
    yes = everything(bank, "yes")
    singles = [{**yes, c["id"]: "partly"} for c in bank["criteria"]]
    for out in js(bank, singles):
        assert min(a["level"] for a in out.values()) >= top - 1


def test_an_untouched_area_has_no_level_and_no_actions(js, default_site):
    bank = default_site.bank("en")
    sets = []
    for answers in _random_sets(bank, 30, seed=13):
        area = bank["areas"][len(sets) % len(bank["areas"])]["id"]
        sets.append(({k: v for k, v in answers.items() if not k.startswith(area + "-")}, area))
    scores = js(bank, [a for a, _ in sets])
    routes = js(bank, [a for a, _ in sets], ROUTE)
    for (answers, area), out, items in zip(sets, scores, routes):
        assert out[area]["level"] is None
        assert not [it for it in items if it["id"].startswith(area + "-")]
