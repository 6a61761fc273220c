"""Scoring and route rules on hand-made answer sets, run in Chromium on the app's own modules.

The tiny fixture bank (tests/fixtures/tiny/questions.yaml) has two areas and three levels:

    info-2-owner     info  2
    info-3-handover  info  3   requires data-2-source
    data-2-source    data  2
    data-3-checks    data  3

Every expected route below is written out by hand from the rules in how-it-works.md.
"""

import pytest
from test_scoring import STANDARD

pytestmark = pytest.mark.browser

RUN = """async ([base, bank, answers, targets]) => {
  const { route } = await import(base + 'route.js');
  const { score } = await import(base + 'scoring.js');
  const s = score(bank, answers), levels = {};
  for (const a in s) levels[a] = [s[a].level, s[a].reason.cap ? s[a].reason.cap.id : null];
  const first = route(bank, answers, targets).map(it => [it.kind, it.c.id, it.phase, it.neededFor.map(d => d.c.id)]);
  const again = route(bank, answers, targets).map(it => [it.kind, it.c.id, it.phase, it.neededFor.map(d => d.c.id)]);
  if (JSON.stringify(first) !== JSON.stringify(again)) throw new Error('route is not deterministic');
  return { levels, route: first };
}"""


@pytest.fixture
def run(page, source, tiny_site):
    base = source.url + "builder/static/js/"
    page.goto(source.url + "tests/browser/blank.html")

    def call(answers, targets=None, bank=None):
        return page.evaluate(RUN, [base, bank or tiny_site.bank("en"), answers, targets or {}])
    return call


def test_all_yes_reaches_the_top_and_needs_no_route(run):
    result = run({"info-2-owner": "yes", "info-3-handover": "yes", "data-2-source": "yes", "data-3-checks": "yes"})
    assert result["levels"] == {"info": [3, None], "data": [3, None]}
    assert result["route"] == []


def test_nothing_answered_gives_no_level_and_no_route(run):
    result = run({})
    assert result["levels"] == {"info": [None, "info-2-owner"], "data": [None, "data-2-source"]}
    assert result["route"] == []
    # One answer in info: info gets a level and a route to level 2; data still adds nothing.
    result = run({"info-3-handover": "yes"})
    assert result["levels"]["info"] == [1, "info-2-owner"] and result["levels"]["data"][0] is None
    assert result["route"] == [["act", "info-2-owner", "now", []]]


def test_skipped_foundation_caps_the_level(run):
    result = run({"info-2-owner": "no", "info-3-handover": "yes", "data-2-source": "yes", "data-3-checks": "yes"})
    assert result["levels"] == {"info": [1, "info-2-owner"], "data": [3, None]}
    assert result["route"] == [["act", "info-2-owner", "now", []]]


def test_unknown_becomes_a_find_out_action_first(run):
    result = run({"info-2-owner": "partly", "info-3-handover": "yes", "data-2-source": "unknown", "data-3-checks": "yes"})
    assert result["levels"] == {"info": [1, "info-2-owner"], "data": [1, "data-2-source"]}
    # Find-out before act, even though info comes before data in the scan.
    assert result["route"] == [["find", "data-2-source", "now", []], ["act", "info-2-owner", "now", []]]


def test_not_applicable_alone_reaches_no_level(run):
    result = run({"info-2-owner": "na", "info-3-handover": "na", "data-2-source": "na", "data-3-checks": "no"})
    assert result["levels"] == {"info": [1, None], "data": [1, None]}
    # Nothing to do up to level 2 (it does not apply), so the route is empty until a target is raised.
    assert result["route"] == []
    assert run({"data-2-source": "na", "data-3-checks": "no"}, {"data": 3})["route"] == [["act", "data-3-checks", "now", []]]


def test_partly_before_no_before_unanswered_within_a_level(run):
    result = run({"info-2-owner": "no", "data-2-source": "partly"}, {"info": 3, "data": 3})
    assert result["route"] == [
        ["act", "data-2-source", "now", []],      # level 2, partly
        ["act", "info-2-owner", "now", []],       # level 2, no
        ["act", "info-3-handover", "now", []],    # level 3, unanswered, info before data
        ["act", "data-3-checks", "now", []],      # level 3, unanswered
    ]


def test_cross_area_prerequisite_is_pulled_in_and_placed_first(run):
    answers = {"info-2-owner": "yes", "info-3-handover": "no", "data-2-source": "no", "data-3-checks": "no"}
    # Data's target stays at its current level 1, so data-2-source is only there because
    # info-3-handover needs it; it comes first and says so.
    result = run(answers, {"info": 3, "data": 1})
    assert result["levels"] == {"info": [2, "info-3-handover"], "data": [1, "data-2-source"]}
    assert result["route"] == [["act", "data-2-source", "now", ["info-3-handover"]],
                               ["act", "info-3-handover", "now", []]]


def test_prerequisite_goes_first_even_when_its_own_key_sorts_later(run):
    # info-3-handover is a find-out (sorts before every act), but it needs data-2-source,
    # which is an act: the topological order puts the prerequisite first anyway.
    answers = {"info-2-owner": "yes", "info-3-handover": "unknown", "data-2-source": "no", "data-3-checks": "no"}
    result = run(answers, {"info": 3, "data": 1})
    assert result["route"] == [["act", "data-2-source", "now", ["info-3-handover"]],
                               ["find", "info-3-handover", "now", []]]


def test_unknown_prerequisite_is_pulled_in_as_a_find_out(run):
    answers = {"info-2-owner": "yes", "info-3-handover": "no", "data-2-source": "unknown", "data-3-checks": "yes"}
    result = run(answers, {"info": 3, "data": 1})
    assert result["route"] == [["find", "data-2-source", "now", ["info-3-handover"]],
                               ["act", "info-3-handover", "now", []]]


def test_met_prerequisite_is_not_added(run):
    answers = {"info-2-owner": "yes", "info-3-handover": "no", "data-2-source": "yes", "data-3-checks": "no"}
    result = run(answers, {"info": 3, "data": 2})
    assert result["route"] == [["act", "info-3-handover", "now", []]]


def test_raising_targets_extends_the_route(run):
    answers = {"info-2-owner": "yes", "info-3-handover": "no", "data-2-source": "yes", "data-3-checks": "partly"}
    # Both areas stand at 2; default target 3 already is the top here, so compare with target = current.
    assert run(answers, {"info": 2, "data": 2})["route"] == []
    assert run(answers, {"info": 3, "data": 2})["route"] == [["act", "info-3-handover", "now", []]]
    assert run(answers, {"info": 3, "data": 3})["route"] == [["act", "data-3-checks", "now", []],
                                                              ["act", "info-3-handover", "now", []]]


def test_targets_outside_the_allowed_range_fall_back_to_the_default(run):
    answers = {"info-2-owner": "yes", "info-3-handover": "no", "data-2-source": "no"}
    expected = run(answers, {})["route"]
    for bad in ({"info": 1, "data": 0}, {"info": 9, "data": 4}, {"info": "3", "data": 1.5}):
        assert run(answers, bad)["route"] == expected


def _ladder_bank(areas=2, levels=6, per_cell=2):
    """A bank with `per_cell` criteria on every level 2..levels of every area."""
    ids = [f"a{a}" for a in range(areas)]
    criteria = [{"id": f"{a}-{lv}-{k}", "area": a, "level": lv, "text": "t", "why": "w", "action": "x", "owner": "o"}
                for a in ids for lv in range(2, levels + 1) for k in range(per_cell)]
    return {"bank": "ladder", "version": "1", "lang": "en", "answers": STANDARD,
            "levels": [{"n": n, "id": f"l{n}", "name": f"L{n}"} for n in range(1, levels + 1)],
            "areas": [{"id": a, "name": a.upper()} for a in ids], "criteria": criteria, "pitfalls": []}


def test_phases_are_five_now_ten_next_and_the_rest_later(run):
    bank = _ladder_bank()
    result = run({c["id"]: "no" for c in bank["criteria"]}, {"a0": 6, "a1": 6}, bank)
    phases = [item[2] for item in result["route"]]
    assert len(phases) == 20
    assert phases == ["now"] * 5 + ["next"] * 10 + ["later"] * 5
    # Level first across areas, then area order, then bank order.
    assert [item[1] for item in result["route"][:6]] == ["a0-2-0", "a0-2-1", "a1-2-0", "a1-2-1", "a0-3-0", "a0-3-1"]


def test_unknowns_only_up_to_the_target_and_lowest_level_first(run):
    bank = _ladder_bank()
    answers = {c["id"]: "yes" for c in bank["criteria"] if c["level"] == 2}
    answers.update({"a0-5-0": "unknown", "a0-3-1": "unknown", "a1-4-0": "unknown"})
    result = run(answers, {"a0": 5, "a1": 3}, bank)
    assert result["levels"] == {"a0": [2, "a0-3-0"], "a1": [2, "a1-3-0"]}
    route = [(kind, cid) for kind, cid, _, _ in result["route"]]
    # a1-4-0 is above a1's target 3, so no find-out for it.
    assert route == [("find", "a0-3-1"), ("find", "a0-5-0"),
                     ("act", "a0-3-0"), ("act", "a1-3-0"), ("act", "a1-3-1"),
                     ("act", "a0-4-0"), ("act", "a0-4-1"), ("act", "a0-5-1")]


def test_prerequisites_are_transitive_and_beyond_their_own_target(run):
    bank = _ladder_bank(areas=3, levels=4, per_cell=1)
    by_id = {c["id"]: c for c in bank["criteria"]}
    by_id["a0-4-0"]["requires"] = ["a1-3-0"]
    by_id["a1-3-0"]["requires"] = ["a2-4-0"]
    answers = {c["id"]: "yes" for c in bank["criteria"]}
    answers.update({"a0-4-0": "no", "a1-3-0": "partly", "a2-4-0": "no"})
    result = run(answers, {}, bank)
    assert result["levels"] == {"a0": [3, "a0-4-0"], "a1": [2, "a1-3-0"], "a2": [3, "a2-4-0"]}
    # Default targets: a0 4, a1 3, a2 4. a2-4-0 is within its own target; a1-3-0 too; nothing is pulled.
    # a1-3-0 sorts first (level 3) but waits for a2-4-0, and a0-4-0 waits for a1-3-0.
    assert result["route"] == [["act", "a2-4-0", "now", []], ["act", "a1-3-0", "now", []],
                               ["act", "a0-4-0", "now", []]]
    # Now keep a1 and a2 at their current level: both are pulled in through the chain.
    result = run(answers, {"a1": 2, "a2": 3}, bank)
    assert result["route"] == [["act", "a2-4-0", "now", ["a1-3-0"]],
                               ["act", "a1-3-0", "now", ["a0-4-0"]],
                               ["act", "a0-4-0", "now", []]]


CODEC = """async ([base, value, mutate]) => {
  const { encode, decode } = await import(base + 'codec.js');
  let code = await encode(value);
  if (mutate === 'truncate') code = code.slice(0, Math.floor(code.length / 2));
  if (mutate === 'flip') { const i = Math.floor(code.length / 2); code = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1); }
  if (mutate === 'junk') code = code + '!*';
  try { return { ok: await decode(code), code }; } catch (e) { return { error: e.message, code }; }
}"""


def test_share_codec_round_trips_and_detects_damage(page, source):
    import base64
    import json
    import zlib

    base = source.url + "builder/static/js/"
    page.goto(source.url + "tests/browser/blank.html")
    value = {"format": "koers-result", "answers": {"a": "yes"}, "notes": {"x": "ü € <b> \"quoted\"\nline"}}
    out = page.evaluate(CODEC, [base, value, None])
    assert out["ok"] == value
    assert "=" not in out["code"] and "+" not in out["code"] and "/" not in out["code"]
    # The payload is plain zlib: Python reads it.
    raw = base64.urlsafe_b64decode(out["code"] + "=" * (-len(out["code"]) % 4))
    assert json.loads(zlib.decompress(raw)) == value
    for mutate in ("truncate", "flip", "junk"):
        assert page.evaluate(CODEC, [base, value, mutate]).get("error") == "damaged", mutate


def test_csv_and_markdown_exports(page, source, tiny_site):
    base = source.url + "builder/static/js/"
    page.goto(source.url + "tests/browser/blank.html")
    ui = tiny_site.ui("en")
    result = {"bank": "tiny", "version": "1", "created": "2026-01-02", "notes": {"info": "a; \"b\""},
              "route": [{"n": 1, "phase": "now", "kind": "act", "id": "x", "area": "info", "level": 2,
                         "action": 'Say "hi"; then\nwave', "why": "w", "owner": "", "neededFor": []}]}
    out = page.evaluate("""async ([base, result, ui]) => {
      const m = await import(base + 'exports.js');
      const names = { info: 'Information' };
      return [m.toCsv(result, names, ui), m.toMarkdown(result, names, ui)];
    }""", [base, result, ui])
    csv_text, md = out
    assert csv_text.startswith("\ufeff#;Phase;Action;Area;Level;Why;Owner\r\n")
    assert csv_text.endswith('1;Now;"Say ""hi""; then\nwave";Information;2;w;\r\n')
    assert md.splitlines()[:5] == ["# Your route", "", "2026-01-02 · tiny 1", "", "## Now"]
    assert '- [ ] Say "hi"; then' in md
    assert "### Information" in md and 'a; "b"' in md
