"""The whole visitor journey on the default bank, keyboard only, in both languages:
landing -> scan (every step, back and forth, why-texts, notes) -> results, checked against
an independent Python reading of the rules; no requests after load, no cookies, axe clean.

The same journey runs on the multi-page site over http and on the single-file edition
opened from disk (file://), where scan and results share one page.
"""

import pytest

import reference
from helpers import answer_by_keyboard, saved, screen_route, tab_to

pytestmark = pytest.mark.browser

CYCLE = ["yes", "partly", "yes", "no", "na", "unknown", "yes", "no", "yes"]


def planned(bank: dict) -> dict:
    """A varied, deterministic answer set: the first area fully met, the others met up to a
    rising level, then a mix of every answer; one statement is left unanswered."""
    plan, n = {}, 0
    for i, area in enumerate(bank["areas"]):
        for c in (c for c in bank["criteria"] if c["area"] == area["id"]):
            if i == 0 or c["level"] <= i + 1:
                plan[c["id"]] = "na" if n % 7 == 3 else "yes"
            else:
                plan[c["id"]] = CYCLE[n % len(CYCLE)]
            n += 1
    last_of_fourth = [c["id"] for c in bank["criteria"] if c["area"] == bank["areas"][3]["id"]][-1]
    plan[last_of_fourth] = None
    # The second area is met up to level 2, so its target is 3: a "Don't know" there is always a
    # find-out item, whatever the cycle gives the other statements.
    plan[next(c["id"] for c in bank["criteria"] if c["area"] == bank["areas"][1]["id"] and c["level"] == 3)] = "unknown"
    return plan


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(".step", "ss => ss.filter(s => !s.hidden).map(s => s.dataset.area)")


@pytest.mark.parametrize("edition", ["site", "single"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_keyboard_journey(new_page, default_site, watch, axe, lang, edition):
    site, bank, ui = default_site, default_site.bank(lang), default_site.ui(lang)
    names = {a["id"]: a["name"] for a in bank["areas"]}
    plan = planned(bank)
    single = edition == "single"
    check_axe = lang == "nl"  # the other language has the same templates; keep the suite fast
    page = new_page()
    if single:
        prefix = "" if lang == site.languages[0] else f"{lang}/"
        page.goto((site.folder / prefix / "koers-scan.html").as_uri())
    else:
        page.goto(site.home(lang) + "index.html")
        assert page.is_hidden("[data-resume]")
        if check_axe:
            axe(page, "landing")
        tab_to(page, 'a.button.primary[href="scan.html"]')
        page.keyboard.press("Enter")
        page.wait_for_url("**/scan.html*")
    page.wait_for_load_state("networkidle")
    after_load = len(watch.requests)

    steps = page.eval_on_selector_all(".step", """ss => ss.map(s => [s.dataset.area,
        [...s.querySelectorAll('fieldset[data-criterion]')].map(f => f.dataset.criterion)])""")
    assert [area for area, _ in steps] == [a["id"] for a in bank["areas"]]
    notes = {}
    for i, (area, ids) in enumerate(steps):
        assert visible_steps(page) == [area]
        label = ui["scan.area_of"].format(n=i + 1, total=len(steps)) + ": " + names[area]
        assert page.text_content("#progress-label") == label
        assert page.get_attribute("#progress-label", "aria-live") == "polite"
        if i:
            assert page.evaluate("document.activeElement.id") == f"h-{area}"
        if check_axe:
            axe(page, f"scan step {i + 1}")
        for k, cid in enumerate(ids):
            if plan[cid]:
                answer_by_keyboard(page, cid, plan[cid])
            if i == 0 and k == 0:
                # "Why this matters" opens on demand with the keyboard.
                tab_to(page, f"[data-criterion={cid}] details.why summary")
                page.keyboard.press("Enter")
                assert page.evaluate(f"document.querySelector('[data-criterion={cid}] details.why').open")
        if i in (1, 4):
            notes[area] = f"Note for {area}: <b>not bold</b> & \"quoted\""
            tab_to(page, f'textarea[data-note="{area}"]')
            page.keyboard.type(notes[area])
        if i == 1:
            # Back keeps the answers of both steps.
            tab_to(page, "[data-back]")
            page.keyboard.press("Enter")
            assert visible_steps(page) == [steps[0][0]]
            assert page.evaluate("document.activeElement.id") == f"h-{steps[0][0]}"
            for cid in steps[0][1]:
                assert page.is_checked(f'input[name="{cid}"][value="{plan[cid]}"]')
            tab_to(page, "[data-next]")
            page.keyboard.press("Enter")
            assert visible_steps(page) == [area]
            for cid in ids:
                assert page.is_checked(f'input[name="{cid}"][value="{plan[cid]}"]')
        if i < len(steps) - 1:
            assert page.is_hidden("[data-finish]")
            tab_to(page, "[data-next]")
            page.keyboard.press("Enter")
        else:
            assert page.is_hidden("[data-next]")
    # Autosaved, on every change, under the bank's key.
    stored = saved(page, site, lang)
    assert stored["answers"] == {cid: v for cid, v in plan.items() if v}
    assert stored["notes"] == notes
    assert watch.network(after_load) == [], f"the scan made requests after load: {watch.network(after_load)}"

    tab_to(page, "[data-finish]")
    page.keyboard.press("Enter")
    if single:
        assert page.is_hidden("[data-view=scan]")
        assert page.evaluate("document.activeElement.id") == "results-title"
    else:
        page.wait_for_url("**/results.html")
    page.wait_for_selector("[data-route] [data-item]")
    page.wait_for_load_state("networkidle")
    after_load = len(watch.requests)
    answers = {cid: v for cid, v in plan.items() if v}

    # Level per area and why: the level the rules give, and the next level it did not reach.
    expected_levels = reference.whole(reference.levels(bank, answers))
    rows = page.eval_on_selector_all("[data-levels] tbody tr", """rs => rs.map(r => [...r.cells].map(c => c.textContent))""")
    level_names = {lv["n"]: lv["name"] for lv in bank["levels"]}
    by_id = {c["id"]: c for c in bank["criteria"]}
    top = bank["levels"][-1]["n"]
    open_areas = {next(c["area"] for c in bank["criteria"] if c["id"] == cid) for cid, v in plan.items() if not v}
    for area, row in zip([a["id"] for a in bank["areas"]], rows):
        level = expected_levels[area]
        shown = f"{level} · {level_names[level]}"
        assert row[0] == names[area]
        assert row[1] == shown or (area in open_areas and row[1] == ui["results.at_least"].format(level=shown))
        if level == top:
            assert row[2].startswith(ui["results.reason_top"])
        else:
            assert str(level + 1) in row[2]
        assert (ui["results.answer_open"].format(n=1) in row[2]) == (area in open_areas)
    # The chart and its table.
    svg = page.locator("[data-chart] svg[role=img]")
    assert ui["results.chart_title"] in svg.get_attribute("aria-label")
    assert page.locator("[data-levels] table caption").text_content() == ui["results.chart_title"]

    # The route, in the order of the rules.
    expected = reference.route(bank, answers)
    shown = screen_route(page)
    assert [r["id"] for r in shown] == [r["id"] for r in expected]
    assert [r["kind"] for r in shown] == [r["kind"] for r in expected]
    phase_names = {p: ui[f"results.phase_{p}"] for p in ("now", "next", "later")}
    assert [r["phase"] for r in shown] == [phase_names[r["phase"]] for r in expected]
    assert [r["needed"] for r in shown] == [bool(r["needed_for"]) for r in expected]
    for r in shown:
        c = by_id[r["id"]]
        # A "Don't know" shows the criterion's own find-out question, or the generated one.
        find = c.get("find_out") or ui["results.find_out"] + " " + c["text"]
        assert r["action"] == (find if r["kind"] == "find" else c["action"])
    assert any(r["kind"] == "find" for r in shown) and any(r["kind"] == "act" for r in shown)

    # Pitfalls that fit, and guidance links (the single file has no guidance pages beside it:
    # without a configured site address it names them as text).
    titles = {p["id"]: p["title"] for p in bank["pitfalls"]}
    shown_pitfalls = page.eval_on_selector_all("[data-pitfalls] li.pitfall", "ls => ls.map(l => l.textContent)")
    assert [t.split(" — ")[0] for t in shown_pitfalls] == [titles[i] for i in reference.fitting_pitfalls(bank, answers)]
    hrefs = page.eval_on_selector_all("[data-pitfalls] a", "as => as.map(a => a.href)")
    home = site.home(lang)
    if single:
        assert hrefs == []
    for a in bank["areas"] if not single else []:
        assert f"{home}areas/{a['id']}.html" in hrefs
        level = expected_levels[a["id"]]
        if level < len(bank["levels"]):
            assert f"{home}levels/{bank['levels'][level]['id']}.html" in hrefs

    # Raise a target with the keyboard: the route follows.
    area = next(a["id"] for a in bank["areas"] if expected_levels[a["id"]] <= len(bank["levels"]) - 2)
    tab_to(page, f"#target-{area}")
    default = int(page.input_value(f"#target-{area}"))
    page.keyboard.press("ArrowDown")
    assert int(page.input_value(f"#target-{area}")) == default + 1
    expected = reference.route(bank, answers, {area: default + 1})
    assert [r["id"] for r in screen_route(page)] == [r["id"] for r in expected]
    assert saved(page, site, lang)["targets"] == {area: default + 1}
    if check_axe:
        axe(page, "results with a route")
    # Notes come back literally, never as markup.
    assert page.eval_on_selector_all("[data-notes] dd", "ds => ds.map(d => d.textContent)") == list(notes.values())
    assert page.locator("[data-notes] b").count() == 0

    assert watch.network(after_load) == [], "the results page made requests after load"
    assert page.context.cookies() == []


def test_language_switch_keeps_answers_and_step(page, default_site):
    site = default_site
    bank = site.bank("nl")
    first = [c["id"] for c in bank["criteria"] if c["area"] == bank["areas"][0]["id"]]
    page.goto(site.home("nl") + "scan.html")
    for cid in first[:3]:
        answer_by_keyboard(page, cid, "partly")
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    tab_to(page, "[data-lang-link][hreflang=en]", back=True)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/scan.html#step-" + bank["areas"][1]["id"])
    assert visible_steps(page) == [bank["areas"][1]["id"]]
    assert page.get_attribute("html", "lang") == "en"
    for cid in first[:3]:
        assert page.is_checked(f'input[name="{cid}"][value="partly"]')
    # And the English landing page offers to continue.
    page.goto(site.home("en") + "index.html")
    assert page.is_visible("[data-resume]")
    # It returns to the step seen last (the second), at its first open statement.
    second = sorted((c for c in bank["criteria"] if c["area"] == bank["areas"][1]["id"]), key=lambda c: c["level"])
    assert page.get_attribute("[data-resume]", "href") == "scan.html#q-" + second[0]["id"]
