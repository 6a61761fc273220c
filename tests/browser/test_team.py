"""Team view (team.html): five simulated respondents on the default bank, added by link and by
file; levels, medians, spread, disagreement flags and the team route checked against values
worked out by hand; every team export; then versus now across bank versions; robustness,
accessibility, narrow screens and privacy (no request after load).

The scenario (levels per area: information, data, employees, governance, feedback, culture):
  Anna (named, link)      3 2 4 2 3 1
  Teamlid 2 (anon, link)  3 2 2 3 3 2
  line 3: a tampered link (reported, not added)
  Teamlid 3 (anon, file)  2 4 3 3 1 2
  Daan (stale, file)      3 2 2 2 3 2   older bank version: one removed id, three current ids missing
Each member answers yes up to their level and no above it, except for a few statements that
exercise the team-answer rules (see SPECIAL). Anna's employees answers reach level 4, but level 4
builds on data-3-one-customer-view and governance-3-routing-owner, which Anna's data and governance
(level 2) do not have in place: she is held at 3 there.
"""

import base64
import csv
import datetime
import io
import json
import zlib

import pytest

from helpers import seed, wait_until
from test_scoring import SAMM, STANDARD

pytestmark = pytest.mark.browser

AREAS = ["information", "data", "employees", "governance", "feedback", "culture"]
LEVELS = {
    "anna": [3, 2, 4, 2, 3, 1],
    "two": [3, 2, 2, 3, 3, 2],
    "three": [2, 4, 3, 3, 1, 2],
    "daan": [3, 2, 2, 2, 3, 2],
}
# Per statement: the answers of (Anna, Teamlid 2, Teamlid 3, Daan) where they differ from yes/no by level.
SPECIAL = {
    "information-3-update-before-change": ["na", "na", "no", "na"],   # 3 of 4 say na -> na (met)
    "data-3-owner-per-field": ["partly", "partly", "yes", "no"],      # no < partly < partly < yes -> partly
    "feedback-4-loop-closed": ["unknown"] * 4,                         # nobody knows -> unknown (find out)
    "feedback-4-test-small-first": ["unknown", "unknown", "no", "unknown"],  # one knows -> no
    "culture-2-speak-up": ["no", "na", "na", "yes"],                   # na is no majority; no, yes -> no
}
DAAN_MISSING = ["governance-3-ai-claims-checked", "culture-4-transform-not-only-digitise", "employees-6-employee-journey"]

# Worked out by hand from the table above.
EXPECTED_ROWS = [  # flagged first, then bank order: (area, member levels, median, spread, flagged, team level)
    ("data", ["2", "2", "4", "2"], "2", "2", True, 2),
    ("feedback", ["3", "3", "1", "3"], "3", "2", True, 3),
    ("information", ["3", "3", "2", "3"], "3", "1", False, 3),
    ("employees", ["3", "2", "3", "2"], "2,5", "1", False, 2),
    ("governance", ["2", "3", "3", "2"], "2,5", "1", False, 2),
    ("culture", ["1", "2", "2", "2"], "2", "1", False, 1),
]
# Team answers: information 3 (update-before-change na; the other two level-3 statements 3 of 4
# yes), data 2 (owner-per-field partly), employees 2, governance 2 (ai-claims-checked yes: Daan left
# it out, 2 of 3), feedback 3 (loop-closed unknown), culture 1 (speak-up no; time-to-improve and
# works-council are yes for 3 of 4). Targets one up. Find-out first, then by level, partly before
# no, area order, bank order within an area (the 2026.12 statements data-3-ai-inventory,
# employees-3-ai-literacy and governance-3-human-takeover come last in their cell). 18 items:
# Now 1-5, Next 6-15, Later 16-18.
EXPECTED_ROUTE = [
    "feedback-4-loop-closed",
    "culture-2-speak-up",
    "data-3-owner-per-field",
    "data-3-one-customer-view",
    "data-3-fix-at-source",
    "data-3-ai-inventory",
    "employees-3-handover-context",
    "employees-3-know-the-bot",
    "employees-3-frontline-in-design",
    "employees-3-ai-literacy",
    "governance-3-change-approval",
    "governance-3-routing-owner",
    "governance-3-human-takeover",
    "information-4-suggest-in-context",
    "information-4-source-shown",
    "information-4-house-rules",
    "feedback-4-test-small-first",
    "feedback-4-nps-as-signal",
]


def team_ui(site, lang: str) -> dict:
    """UI texts as the team bundle carries them (team.* texts live only there)."""
    bundle = next(site.folder.glob(f"assets/team.{lang}.*.js")).read_text("utf-8")
    line = next(l for l in bundle.splitlines() if l.lstrip().startswith('__m["./bank.js"]'))
    return json.loads(line.split(" = ", 1)[1].rstrip(";"))["ui"]


def payload(obj) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode())).decode().rstrip("=")


def by_level(bank, levels, extra=None) -> dict:
    level = dict(zip(AREAS, levels))
    answers = {c["id"]: "yes" if c["level"] <= level[c["area"]] else "no" for c in bank["criteria"]}
    answers.update(extra or {})
    return answers


def result(bank, answers, name=None, version=None, ids=None, route=None, created="2026-03-01") -> dict:
    obj = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": version or bank["version"],
           "lang": "nl", "created": created, "answers": answers, "notes": {}, "targets": {},
           "route": route if route is not None else []}
    if name is not None:
        obj["name"] = name
    if ids is not None:
        obj["ids"] = ids
    return obj


def respondents(bank) -> dict:
    out = {}
    for i, key in enumerate(LEVELS):
        out[key] = by_level(bank, LEVELS[key], {cid: values[i] for cid, values in SPECIAL.items()})
    for cid in DAAN_MISSING:
        del out["daan"][cid]
    out["daan"]["information-2-old-wiki"] = "yes"
    return out


def link(site, obj, lang="nl") -> str:
    return site.home(lang) + "results.html#r=" + payload(obj)


def status(page, which="team") -> str:
    return page.text_content(f"[data-{which}-status]").strip()


@pytest.fixture
def team(page, default_site, tmp_path, watch, axe):
    """The Dutch team page with all five inputs added: two good links and a tampered one pasted,
    then two files (plus a broken one) chosen. Returns (page, bank, ui, requests-before-adding)."""
    bank, ui = default_site.bank("nl"), team_ui(default_site, "nl")
    people = respondents(bank)
    page.goto(default_site.home("nl") + "team.html")
    page.wait_for_load_state("networkidle")
    assert page.is_visible("[data-members-empty]") and page.is_hidden("[data-team-result]")
    axe(page, "team page, empty")
    before = len(watch.requests)

    good = payload(result(bank, people["anna"], name="Anna"))
    tampered = good[:60] + ("A" if good[60] != "A" else "B") + good[61:]
    page.fill("[data-team-links]", "\n".join([
        link(default_site, result(bank, people["anna"], name="Anna")),
        "  " + link(default_site, result(bank, people["two"])) + "  ",
        default_site.home("nl") + "results.html#r=" + tampered,
    ]))
    page.click("[data-team-add]")
    wait_until(page, "document.querySelectorAll('[data-member]').length === 2")
    said = status(page)
    assert ui["team.added"].format(names="Anna, Teamlid 2") in said
    assert ui["team.failed_line"].format(n=3, reason=ui["team.reason_damaged"]) in said
    assert page.input_value("[data-team-links]").endswith(tampered), "the failed line stays to be fixed"

    ids = [c["id"] for c in bank["criteria"] if c["id"] not in DAAN_MISSING] + ["information-2-old-wiki"]
    files = []
    for name, obj in [("teamlid3.json", result(bank, people["three"])),
                      ("daan.json", result(bank, people["daan"], name="Daan", version="2025.1", ids=ids))]:
        (tmp_path / name).write_text(json.dumps(obj, indent=2))
        files.append(str(tmp_path / name))
    (tmp_path / "kapot.json").write_text('{"format": "koers-result", "answ')
    page.set_input_files("[data-team-files]", files + [str(tmp_path / "kapot.json")])
    wait_until(page, "document.querySelectorAll('[data-member]').length === 4")
    wait_until(page, "document.querySelector('[data-team-status]').textContent.includes('kapot.json')")
    said = status(page)
    assert ui["team.added"].format(names="Teamlid 3, Daan") in said
    assert "Daan is gemaakt met versie 2025.1 van de stellingen: 1 antwoord(en) passen niet meer en zijn weggelaten " \
           "(information-2-old-wiki); 3 stelling(en) zijn sindsdien nieuw of nog open." in said
    assert ui["team.failed_file"].format(file="kapot.json", reason=ui["team.reason_json"]) in said
    return page, bank, ui, before


def table(page) -> list:
    return page.eval_on_selector_all("[data-team-table] tbody tr", """rows => rows.map(r => [
        r.dataset.area,
        [...r.querySelectorAll('[data-level]')].map(td => td.textContent),
        r.querySelector('[data-median]').textContent,
        r.querySelector('[data-spread]').textContent,
        !!r.querySelector('.flag'),
        +r.querySelector('[data-team-level]').textContent.split(' ')[0]])""")


def route_ids(page, where="[data-team-route]") -> list:
    return page.eval_on_selector_all(f"{where} [data-item]", "items => items.map(li => li.dataset.item)")


def test_team_levels_flags_and_route(team, default_site, axe, watch):
    page, bank, ui, before = team
    assert page.eval_on_selector_all("[data-member] .member-name", "ns => ns.map(n => n.textContent)") == \
        ["Anna", "Teamlid 2", "Teamlid 3", "Daan"]
    assert page.eval_on_selector_all("[data-team-table] thead th", "ths => ths.map(t => t.textContent)") == \
        ["Gebied", "Anna", "Teamlid 2", "Teamlid 3", "Daan", "Mediaan", "Spreiding", "Teamniveau"]
    assert [tuple(r) for r in table(page)] == [(a, lv, med, spr, flag, team) for a, lv, med, spr, flag, team in EXPECTED_ROWS]
    # The flag is text, not colour alone, and the flagged areas are listed first with their range.
    names = {a["id"]: a["name"] for a in bank["areas"]}
    assert page.eval_on_selector_all("[data-first]", "ls => ls.map(l => l.textContent)") == [
        f"{names['data']}: niveau 2 tot 4", f"{names['feedback']}: niveau 1 tot 3"]
    assert page.text_content("tr[data-area=data] .flag") == "⚑ eerste gesprek"
    # Targets start one level above the team level.
    assert page.eval_on_selector_all("[data-team-targets] select", "ss => ss.map(s => [s.id, +s.value, s.labels[0].textContent])") == [
        ["team-target-" + a, level, names[a]] for a, level in
        [("information", 4), ("data", 3), ("employees", 3), ("governance", 3), ("feedback", 4), ("culture", 2)]]

    assert route_ids(page) == EXPECTED_ROUTE
    first = page.query_selector("[data-team-route] [data-item]")
    assert "find" in first.get_attribute("class")
    by_id = {c["id"]: c for c in bank["criteria"]}
    assert first.query_selector(".action").text_content() == by_id["feedback-4-loop-closed"]["find_out"]
    assert first.query_selector(".action").text_content().startswith("Zoek uit of ")
    assert page.eval_on_selector_all("[data-team-route] ol", "os => os.map(o => o.start)") == [1, 6, 16]

    # Raising a target extends the route; the select keeps focus.
    page.focus("#team-target-culture")
    page.select_option("#team-target-culture", "3")
    assert page.evaluate("document.activeElement.id") == "team-target-culture"
    assert set(route_ids(page)) - set(EXPECTED_ROUTE) == {"culture-3-stop-what-fails", "culture-3-slack-planned"}
    axe(page, "team page with five results")

    # Remove a member with the keyboard: focus moves to the next remove button, and the table follows.
    page.focus("[data-member='1'] [data-remove]")
    page.keyboard.press("Enter")
    assert status(page) == ui["team.removed"].format(name="Teamlid 2")
    assert page.evaluate("document.activeElement.textContent") == "Verwijderen Teamlid 3"
    assert page.eval_on_selector_all("[data-team-table] tbody tr[data-area=information] [data-level]",
                                     "ts => ts.map(t => t.textContent)") == ["3", "2", "3"]
    assert watch.network(before) == [], f"adding results made requests: {watch.network(before)}"


def test_team_exports(team, default_site, watch, tmp_path):
    page, bank, ui, before = team
    today = datetime.date.today().isoformat()
    by_id = {c["id"]: c for c in bank["criteria"]}
    names = {a["id"]: a["name"] for a in bank["areas"]}
    actions = [by_id[i]["find_out"] if i == "feedback-4-loop-closed" else by_id[i]["action"] for i in EXPECTED_ROUTE]

    def download(kind):
        with page.expect_download() as info:
            page.click(f"[data-export={kind}]")
        d = info.value
        assert d.suggested_filename == f"{bank['bank']}-team-route-{today}.{kind}"
        d.save_as(tmp_path / d.suggested_filename)
        return (tmp_path / d.suggested_filename).read_bytes()

    md = download("md").decode("utf-8")
    assert md.startswith("# Teamroute\n")
    assert [l[len("- [ ] "):] for l in md.splitlines() if l.startswith("- [ ] ")] == actions
    assert "### " + ui["results.phase_now"] in md and "### " + ui["results.phase_next"] in md
    # The team's list names who took part and where to talk first, then where the team stands.
    assert "\nDeelnemers: Anna, Teamlid 2, Teamlid 3, Daan.\n" in md
    assert f"\nBespreek eerst: {names['data']}, {names['feedback']} (" in md
    assert f"| {names['information']} | 3 · " in md and f"| {names['culture']} | 1 · " in md

    raw = download("csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))
    assert rows[0] == ["#", ui["results.col_phase"], ui["results.col_action"], ui["results.table_area"],
                       ui["results.table_level"], ui["results.because"], ui["results.owner"]]
    assert [r[2] for r in rows[1:]] == actions
    assert rows[1][:5] == ["1", ui["results.phase_now"], actions[0], names["feedback"], "4"]
    assert rows[6][1] == ui["results.phase_next"]

    data = json.loads(download("json"))
    assert data["format"] == "koers-result" and data["version"] == bank["version"] and data["created"] == today
    assert [r["id"] for r in data["route"]] == EXPECTED_ROUTE
    assert data["answers"]["culture-2-speak-up"] == "no" and data["answers"]["information-3-update-before-change"] == "na"
    assert data["answers"]["data-3-owner-per-field"] == "partly" and data["answers"]["feedback-4-loop-closed"] == "unknown"
    assert data["targets"] == {"information": 4, "data": 3, "employees": 3, "governance": 3, "feedback": 4, "culture": 2}
    assert data["team"]["members"] == ["Anna", "Teamlid 2", "Teamlid 3", "Daan"]
    assert data["team"]["areas"]["employees"] == {"levels": [3, 2, 3, 2], "median": 2.5, "spread": 1, "flagged": False, "team": 2}

    page.emulate_media(media="print")
    assert page.is_hidden("[data-team-links]") and page.is_visible("[data-team-route]")
    page.emulate_media(media="screen")
    assert watch.network(before) == [], f"exports made requests: {watch.network(before)}"
    assert page.context.cookies() == []


def test_team_copy_and_denied_clipboard(new_page, default_site, axe):
    bank, ui = default_site.bank("en"), team_ui(default_site, "en")
    page = new_page()
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))")
    page.goto(default_site.home("en") + "team.html")
    page.fill("[data-team-links]", link(default_site, result(bank, by_level(bank, [2, 2, 2, 2, 2, 2])), "en"))
    page.click("[data-team-add]")
    page.wait_for_selector("[data-team-route] [data-item]")
    page.click("[data-export=copy]")
    wait_until(page, "document.querySelector('[data-export-status]').textContent.length > 0")
    assert status(page, "export") == ui["results.copy_failed"]
    assert page.input_value(".copy-field").startswith("# Team route\n")
    axe(page, "team page after a failed copy")


def test_narrow_screen_and_keyboard(new_page, default_site, tmp_path):
    bank = default_site.bank("nl")
    people = respondents(bank)
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(default_site.home("nl") + "team.html")
    # Keyboard only: tab to the box, type, tab to the button, press Enter.
    from helpers import tab_to
    tab_to(page, "[data-team-links]")
    page.keyboard.insert_text(link(default_site, result(bank, people["anna"], name="Anna")) + "\n" +
                              link(default_site, result(bank, people["three"])))
    tab_to(page, "[data-team-add]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-team-route] [data-item]")
    # The file input is reachable by keyboard too.
    tab_to(page, "[data-team-files]")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Anna and Teamlid 2 are two levels apart on data and feedback only.
    assert [(r[0], r[4]) for r in table(page)] == [("data", True), ("feedback", True), ("information", False),
                                                  ("employees", False), ("governance", False), ("culture", False)]


def hand_then_now(bank):
    """An earlier result from bank version 2025.1 (it lacked culture-6-rehearse-disruption, had two
    statements since removed) and the answers saved in this browser now."""
    removed = {"feedback-3-old-survey": "no", "data-2-old-kpi": "yes"}
    then_answers = by_level(bank, [2, 2, 2, 2, 2, 2], removed)
    del then_answers["culture-6-rehearse-disruption"]
    ids = [c["id"] for c in bank["criteria"] if c["id"] != "culture-6-rehearse-disruption"] + list(removed)
    then_route = [
        {"n": 1, "phase": "now", "kind": "act", "id": "information-3-one-source-all-channels", "action": "x"},
        {"n": 2, "phase": "now", "kind": "act", "id": "data-3-owner-per-field", "action": "x"},
        {"n": 3, "phase": "now", "kind": "act", "id": "feedback-3-old-survey", "action": "Ruim de oude enquête op"},
        {"n": 4, "phase": "now", "kind": "act", "id": "governance-3-change-approval", "action": "x"},
        {"n": 5, "phase": "now", "kind": "act", "id": "feedback-3-bot-failures", "action": "x"},
    ]
    then = result(bank, then_answers, name="Team maart", version="2025.1", ids=ids, route=then_route, created="2025-03-01")
    now_answers = by_level(bank, [3, 2, 2, 1, 3, 2], {"data-3-owner-per-field": "yes"})
    del now_answers["culture-6-rehearse-disruption"]
    now_targets = {"information": 3, "data": 3, "employees": 2, "governance": 2, "feedback": 3, "culture": 2}
    return then, now_answers, now_targets


def test_then_versus_now(page, default_site, axe, watch):
    bank, ui = default_site.bank("nl"), team_ui(default_site, "nl")
    by_id = {c["id"]: c for c in bank["criteria"]}
    then, now_answers, now_targets = hand_then_now(bank)
    seed(page, default_site, "nl", now_answers, targets=now_targets)
    page.goto(default_site.home("nl") + "team.html")
    page.wait_for_load_state("networkidle")
    before = len(watch.requests)

    # A damaged link is reported and nothing breaks.
    page.fill("[data-then-link]", link(default_site, then)[:-30])
    page.click("[data-then-load]")
    wait_until(page, "document.querySelector('[data-compare-status]').textContent.length > 0")
    assert status(page, "compare") == ui["team.failed"].format(which="Toen", source=ui["team.then_link"], reason=ui["team.reason_damaged"])
    assert page.inner_html("[data-compare]") == ""

    page.fill("[data-then-link]", link(default_site, then))
    page.click("[data-then-load]")
    page.wait_for_selector("[data-compare] table")
    assert status(page, "compare").startswith("Toen: Team maart, 2025-03-01 geladen. Team maart, 2025-03-01 is gemaakt met versie 2025.1")
    # Levels on the shared statements: information 2 -> 3, governance 2 -> 1, feedback 2 -> 3, the rest equal.
    rows = page.eval_on_selector_all("[data-compare] tbody tr", """rs => rs.map(r => [r.dataset.area,
        r.children[1].textContent[0], r.children[2].textContent[0], r.children[3].textContent])""")
    assert rows == [
        ["information", "2", "3", "↑ 1 omhoog"], ["data", "2", "2", "= gelijk"], ["employees", "2", "2", "= gelijk"],
        ["governance", "2", "1", "↓ 1 omlaag"], ["feedback", "2", "3", "↑ 1 omhoog"], ["culture", "2", "2", "= gelijk"]]
    assert page.get_attribute("tr[data-area=information] .arrow", "aria-hidden") == "true"

    def listed(key):
        return page.eval_on_selector_all(f"[data-list={key}] li", "ls => ls.map(l => [l.dataset.id, l.textContent])")

    assert listed("done") == [[i, by_id[i]["action"]] for i in
                              ["information-3-one-source-all-channels", "data-3-owner-per-field", "feedback-3-bot-failures"]]
    # Today's route (targets: data 3, governance 2): data's three level-3 statements still "no" and
    # all four of governance's level-2 statements; none of them was on the earlier route.
    assert sorted(i for i, _ in listed("fresh")) == [
        "data-3-ai-inventory", "data-3-fix-at-source", "data-3-one-customer-view", "governance-2-channel-strategy",
        "governance-2-owners-named", "governance-2-tool-owner", "governance-2-value-segments"]
    assert listed("removed") == [["feedback-3-old-survey", "Ruim de oude enquête op"], ["data-2-old-kpi", "data-2-old-kpi"]]
    assert listed("added") == [["culture-6-rehearse-disruption", by_id["culture-6-rehearse-disruption"]["text"]]]
    assert page.query_selector("[data-unclassified]") is None
    axe(page, "team page with the comparison")
    assert watch.network(before) == []


def test_then_versus_now_old_format_and_other_result(page, default_site, tmp_path):
    """An earlier result without ids (older format, other version) against another loaded result."""
    bank, ui = default_site.bank("nl"), team_ui(default_site, "nl")
    # employees-2 has four statements: one open and one "no" leave 2 of 4 (50%), below the 75% threshold.
    then_answers = by_level(bank, [2, 2, 2, 2, 2, 2], {"data-2-old-kpi": "yes", "employees-2-workforce-forecast": "no"})
    for cid in ["employees-2-tools-used", "culture-6-rehearse-disruption"]:
        del then_answers[cid]
    then = result(bank, then_answers, version="2024.2")
    del then["route"]
    now = result(bank, by_level(bank, [2, 3, 2, 2, 2, 2]))
    page.goto(default_site.home("nl") + "team.html")
    assert page.is_checked("[data-now][value=saved]")
    (tmp_path / "toen.json").write_text(json.dumps(then))
    page.set_input_files("[data-then-file]", str(tmp_path / "toen.json"))
    page.wait_for_selector("[data-compare] .warning")
    assert page.text_content("[data-compare] .warning") == ui["team.no_saved"]

    page.check("[data-now][value=other]")
    page.fill("[data-now-link]", "not a link at all")
    page.click("[data-now-load]")
    assert status(page, "compare") == ui["team.failed"].format(which="Nu", source=ui["team.now_link"], reason=ui["team.reason_not_link"])
    page.fill("[data-now-link]", link(default_site, now))
    page.click("[data-now-load]")
    page.wait_for_selector("[data-compare] table")
    rows = page.eval_on_selector_all("[data-compare] tbody tr", "rs => rs.map(r => [r.dataset.area, r.dataset.delta])")
    # employees: tools-used open and workforce-forecast no then -> level 1 then, 2 now; data 2 -> 3.
    assert rows == [["information", "0"], ["data", "1"], ["employees", "1"], ["governance", "0"], ["feedback", "0"], ["culture", "0"]]
    assert page.eval_on_selector_all("[data-list=removed] li", "ls => ls.map(l => l.textContent)") == ["data-2-old-kpi"]
    assert page.query_selector("[data-list=added]") is None
    note = page.text_content("[data-unclassified=then]")
    assert "2 stelling(en)" in note and note.endswith("employees-2-tools-used, culture-6-rehearse-disruption")
    # employees-2-tools-used (not answered then, yes now) is done since only if it was on then's route: it was
    # worked out again from then's answers, where it is open, so it counts as done.
    assert "employees-2-tools-used" in page.eval_on_selector_all("[data-list=done] li", "ls => ls.map(l => l.dataset.id)")


def test_team_answer_rules(page, source):
    """The per-statement team answer, case by case (values written down by hand)."""
    page.goto(source.url + "tests/browser/blank.html")
    cases = [
        (["yes", "yes", "no"], "yes"),                 # lower median of no, yes, yes
        (["yes", "no"], "no"),                          # even count: the lower of the two middles
        (["yes", "partly", "no", "yes"], "partly"),     # no, partly, yes, yes
        (["na", "na", "yes"], "na"),                    # most say na
        (["na", "na", "yes", "no"], "no"),              # half is not most: lower median of no, yes
        (["unknown", "unknown"], "unknown"),            # nobody knows
        (["unknown", "yes"], "yes"),                    # someone knows
        (["unknown", "na"], "unknown"),                 # na is no majority, and nobody knows
        ([None, "", "partly"], "partly"),               # unanswered is left out
        ([None, None], ""),
    ]
    got = page.evaluate("""async ([url, cases, bank]) => {
        const m = await import(url);
        return { answers: cases.map(([values]) => m.teamAnswer(bank, values)), medians: [m.median([2, 3]), m.median([4, 1, 3]), m.median([])] };
    }""", [source.url + "builder/static/js/team.js", cases, {"answers": STANDARD, "levels": [], "areas": [], "criteria": []}])
    assert got["answers"] == [want for _, want in cases]
    assert got["medians"] == [2.5, 3, None]
    # On another scale the team answer is the one with the lower median credit.
    four = {"answers": SAMM, "levels": [], "areas": [], "criteria": []}
    got = page.evaluate("""async ([url, bank, cases]) => { const m = await import(url); return cases.map((v) => m.teamAnswer(bank, v)); }""",
                        [source.url + "builder/static/js/team.js", four, [["none", "most", "half"], ["some", "most"], ["most", None]]])
    assert got == ["half", "some", "most"]


def test_drop_files_and_partial_members(new_page, default_site, tmp_path):
    """A file dropped on the zone is added; a member who answered only one area is 'not answered' elsewhere;
    a file dropped outside the zone does not make the browser leave the page."""
    bank, ui = default_site.bank("en"), team_ui(default_site, "en")
    page = new_page()
    page.goto(default_site.home("en") + "team.html")
    partial = {c["id"]: "yes" for c in bank["criteria"] if c["area"] == "information" and c["level"] <= 3}
    full = by_level(bank, [1, 2, 3, 4, 5, 6])
    drop = """([selector, files]) => {
        const dt = new DataTransfer();
        for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'application/json' }));
        document.querySelector(selector).dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }"""
    page.evaluate(drop, ["[data-drop]", [["partial.json", json.dumps(result(bank, partial, name="Pat"))],
                                         ["full.json", json.dumps(result(bank, full))]]])
    wait_until(page, "document.querySelectorAll('[data-member]').length === 2")
    assert status(page) == ui["team.added"].format(names="Pat, Member 2")
    rows = {r[0]: r for r in table(page)}
    assert rows["information"][1:4] == [["3", "1"], "2", "2"]
    assert rows["data"][1:4] == [[ui["team.not_answered"], "2"], "2", "0"]
    # Culture's answers reach 6, but level 6 builds on governance-5-fallback-plan (governance is at 4).
    assert rows["culture"][1:4] == [[ui["team.not_answered"], "5"], "5", "0"]
    page.evaluate(drop, ["h1", [["x.json", "{}"]]])
    assert page.url.endswith("team.html") and len(page.query_selector_all("[data-member]")) == 2


def test_name_travels_in_link_and_json(new_page, default_site, tmp_path):
    """The optional name on the results page is saved, and goes into the share link and the JSON
    (with every id of the bank); the team page then shows it."""
    bank = default_site.bank("nl")
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    answers = by_level(bank, [2, 3, 2, 2, 2, 2])
    seed(page, default_site, "nl", answers)
    page.goto(default_site.home("nl") + "results.html")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    old = page.input_value("[data-share]")
    page.fill("[data-name]", "  Sam <b>de Vries</b> ")
    wait_until(page, f"document.querySelector('[data-share]').value !== {json.dumps(old)}")
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"]))
    assert stored["name"].strip() == "Sam <b>de Vries</b>" and stored["answers"] == answers
    with page.expect_download() as info:
        page.click("[data-export=json]")
    info.value.save_as(tmp_path / "sam.json")
    data = json.loads((tmp_path / "sam.json").read_text())
    assert data["name"] == "Sam <b>de Vries</b>"
    assert data["ids"] == [c["id"] for c in bank["criteria"]]
    code = page.input_value("[data-share]").split("#r=")[1]
    decoded = json.loads(zlib.decompress(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4))))
    assert decoded["name"] == "Sam <b>de Vries</b>" and decoded["ids"] == data["ids"]
    # Reloading keeps the name; the team page shows it as text.
    page.reload()
    assert page.input_value("[data-name]") == "Sam <b>de Vries</b>"
    page.goto(default_site.home("nl") + "team.html")
    page.fill("[data-team-links]", default_site.home("nl") + "results.html#r=" + code)
    page.click("[data-team-add]")
    page.wait_for_selector("[data-member]")
    assert page.text_content("[data-member] .member-name") == "Sam <b>de Vries</b>"
    assert page.query_selector("[data-member] b") is None


def test_workshop_next_respondent(new_page, default_site, tmp_path, axe, watch):
    """On a shared laptop: the dialog offers this person's export, Escape closes it, and on
    confirmation everything of theirs is cleared and the scan starts again at its first step;
    going back shows nothing of theirs either."""
    bank, ui = default_site.bank("nl"), team_ui(default_site, "nl")
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    answers = by_level(bank, [3, 2, 2, 2, 2, 2])
    seed(page, default_site, "nl", answers, notes={"data": "Geheime notitie"}, targets={"data": 4})
    page.goto(default_site.home("nl") + "scan.html")   # Kim's scan page stays in the history
    page.check(f"input[name='{bank['criteria'][0]['id']}'][value=no]")
    answers[bank["criteria"][0]["id"]] = "no"
    page.click("[data-next]")
    page.goto(default_site.home("nl") + "results.html")
    page.fill("[data-name]", "Kim")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    page.wait_for_load_state("networkidle")
    before = len(watch.requests)

    opener = "[data-next-open]"
    assert page.is_visible(opener)
    page.focus(opener)
    page.keyboard.press("Enter")
    dialog = "[data-next-dialog]"
    assert page.evaluate("document.querySelector('[data-next-dialog]').open")
    assert page.evaluate("document.querySelector('[data-next-dialog]').contains(document.activeElement)")
    assert page.get_attribute(dialog, "aria-labelledby") == "next-h" and page.text_content("#next-h") == ui["results.next_heading"]
    axe(page, "results with the next-respondent dialog open")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('[data-next-dialog]').open")
    assert page.evaluate("document.activeElement.matches('[data-next-open]')")
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"]))["name"] == "Kim"

    page.click(opener)
    with page.expect_download() as info:
        page.click("[data-next-json]")
    info.value.save_as(tmp_path / "kim.json")
    data = json.loads((tmp_path / "kim.json").read_text())
    assert data["name"] == "Kim" and data["answers"] == answers and data["notes"] == {"data": "Geheime notitie"}
    page.click("[data-next-copy]")
    wait_until(page, "document.querySelector('[data-next-status]').textContent.length > 0")
    assert "#r=" in page.evaluate("navigator.clipboard.readText()")
    assert watch.network(before) == []

    with page.expect_navigation():
        page.click("[data-next-clear]")
    assert page.url.endswith("/scan.html")
    assert page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"]) is None
    first = bank["areas"][0]["id"]
    assert page.is_visible(f"#step-{first}") and page.is_hidden(f"#step-{bank['areas'][1]['id']}")
    assert page.eval_on_selector_all("input[type=radio]:checked", "rs => rs.length") == 0
    assert page.input_value(f"[data-note={json.dumps('data')}]") == ""
    # Back: the earlier scan page (with its restored form) shows nothing of Kim's either.
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith("/scan.html")  # at the step Kim left it (its own address)
    page.wait_for_timeout(300)
    assert page.eval_on_selector_all("input[type=radio]:checked", "rs => rs.length") == 0
    assert page.input_value(f"[data-note={json.dumps('data')}]") == ""
    page.goto(default_site.home("nl") + "results.html")
    assert page.is_visible("[data-empty]") and page.input_value("[data-name]") == ""


def test_workshop_in_the_single_file_edition(new_page, default_site):
    """The single-file edition (opened from disk) clears in place and shows the scan's first step."""
    bank = default_site.bank("nl")
    page = new_page()
    page.goto((default_site.folder / "koers-scan.html").as_uri())
    first = bank["criteria"][0]["id"]
    page.check(f"input[name='{first}'][value=partly]")
    page.fill("[data-note=information]", "Notitie van Kim")
    page.evaluate("document.querySelector('a[href=\"results.html\"]').click()")
    page.wait_for_selector("[data-view=results]:not([hidden]) [data-route] [data-item]")
    page.fill("[data-name]", "Kim")
    page.click("[data-next-open]")
    with page.expect_navigation():
        page.click("[data-next-clear]")
    page.wait_for_selector("[data-view=scan]:not([hidden])")
    assert page.eval_on_selector_all("input[type=radio]:checked", "rs => rs.length") == 0
    assert page.input_value("[data-note=information]") == ""
    assert page.is_visible(f"#step-{bank['areas'][0]['id']}")
    assert page.evaluate("localStorage.length") == 0
