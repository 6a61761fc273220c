"""A visitor's answers are never lost and the scan never loses its place: someone else's result
opens as a view next to the visitor's own, forget asks first and can be undone, every step has
its own address, completeness is visible, status messages appear beside the action. Each test
acts as a visitor would (keyboard included) and checks what is stored, not only what is shown.
"""

import json

import pytest

import reference
from helpers import answer_by_keyboard, payload, saved, screen_route, stored, tab_to, wait_until

pytestmark = pytest.mark.browser

LANG = "nl"


def scan_order(bank: dict) -> list[dict]:
    """The statements as the scan shows them: area by area, level by level."""
    at = {a["id"]: i for i, a in enumerate(bank["areas"])}
    return sorted(bank["criteria"], key=lambda c: (at[c["area"]], c["level"]))


def mine_and_theirs(bank: dict) -> tuple[dict, dict]:
    ids = [c["id"] for c in bank["criteria"]]
    mine = {cid: ("no" if i % 3 == 0 else "yes") for i, cid in enumerate(ids) if i != 5}
    theirs = {cid: ("partly" if i % 2 else "unknown") for i, cid in enumerate(ids)}
    return mine, theirs


def keep_mine(page, site, answers: dict) -> dict:
    """Save a whole state (answers, a note, a name, a target) and the step seen last, as the scan would."""
    bank = site.bank(LANG)
    state = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
             "answers": answers, "notes": {bank["areas"][0]["id"]: "Mijn notitie"},
             "targets": {bank["areas"][1]["id"]: 5}, "name": "Ikzelf"}
    page.goto(site.home(LANG) + "index.html")
    page.evaluate("([k, v, s]) => { localStorage.setItem(k, v); localStorage.setItem(k + ':step', s); }",
                  ["koers:" + bank["bank"], json.dumps(state), bank["areas"][2]["id"]])
    return state


def colleague(bank: dict, answers: dict) -> dict:
    return {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
            "answers": answers, "notes": {}, "targets": {}, "name": "Anna", "route": []}


def step_key(page, site):
    return page.evaluate("k => localStorage.getItem(k)", "koers:" + site.bank(LANG)["bank"] + ":step")


def open_link(context, watch, site, obj):
    tab = watch.attach(context.new_page())
    tab.goto(site.home(LANG) + "results.html#r=" + payload(obj))
    tab.wait_for_selector("[data-shared]:not([hidden])")
    tab.wait_for_selector("[data-route] [data-item]")
    return tab


def test_a_colleagues_link_in_a_second_tab_leaves_mine_untouched(page, default_site, watch, axe):
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    mine, theirs = mine_and_theirs(bank)
    state = keep_mine(page, site, mine)
    page.goto(site.home(LANG) + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    before = stored(page, site, LANG)

    tab = open_link(page.context, watch, site, colleague(bank, theirs))
    assert tab.text_content("#shared-h") == ui["results.shared_heading"]
    assert tab.evaluate("document.activeElement.id") == "shared-h"
    assert ui["results.shared_name"].format(name="Anna") in tab.text_content("[data-shared]")
    # On view: the colleague's result, without the actions that would touch the visitor's own.
    assert [r["id"] for r in screen_route(tab)] == [r["id"] for r in reference.route(bank, theirs)]
    assert tab.input_value("[data-name]") == "Anna"
    assert tab.is_hidden("[data-forget]") and tab.is_hidden("[data-open]  li")
    # Looking around saves nothing: a target, the name.
    area = bank["areas"][0]["id"]
    tab.focus(f"#target-{area}")
    tab.keyboard.press("ArrowDown")
    tab.fill("[data-name]", "Iemand anders")
    assert stored(tab, site, LANG) == before
    axe(tab, "a shared result on view")

    # Keep mine (the first choice), by keyboard: the visitor's own result is back, unchanged.
    tab.focus("#shared-h")
    tab_to(tab, "[data-shared-keep]")
    tab.keyboard.press("Enter")
    assert tab.is_hidden("[data-shared]")
    assert [r["id"] for r in screen_route(tab)] == [r["id"] for r in reference.route(bank, mine, state["targets"])]
    assert tab.input_value("[data-name]") == "Ikzelf"
    assert ui["results.shared_kept"] in tab.text_content("[data-status]")
    assert stored(tab, site, LANG) == before == stored(page, site, LANG)

    # Compare the two: then (the link) versus now (mine) on the team page.
    tab = open_link(page.context, watch, site, colleague(bank, theirs))
    tab.wait_for_selector("[data-shared-compare]:not([hidden])")
    assert tab.get_attribute("[data-shared-compare]", "href").startswith("team.html#then=")
    tab_to(tab, "[data-shared-compare]")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/team.html")  # the results left the address bar
    tab.wait_for_selector("[data-compare] tbody tr[data-area]")
    then, now = reference.levels(bank, theirs), reference.levels(bank, mine)
    deltas = tab.eval_on_selector_all("[data-compare] tbody tr", "rs => rs.map(r => [r.dataset.area, +r.dataset.delta])")
    assert deltas == [[a["id"], pytest.approx(round(now[a["id"]] - then[a["id"]], 1))] for a in bank["areas"]]
    assert stored(tab, site, LANG) == before

    # Replace mine: asks first; Escape cancels, confirming replaces.
    tab = open_link(page.context, watch, site, colleague(bank, theirs))
    tab_to(tab, "[data-shared-replace]")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("dialog[data-ask][open]")
    assert tab.evaluate("document.activeElement.matches('[data-ask-cancel]')")
    axe(tab, "the replace dialog")
    tab.keyboard.press("Escape")
    tab.wait_for_selector("dialog[data-ask]", state="detached")
    assert tab.evaluate("document.activeElement.matches('[data-shared-replace]')")
    assert stored(tab, site, LANG) == before
    tab.keyboard.press("Enter")
    tab.wait_for_selector("dialog[data-ask][open]")
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("document.activeElement.matches('[data-ask-ok]')")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("[data-shared]", state="hidden")  # the dialog closes, then the answers are replaced
    assert tab.is_visible("[data-forget]")
    now_saved = saved(tab, site, LANG)
    assert now_saved["answers"] == theirs and now_saved["name"] == "Anna"
    assert ui["results.replaced"] in tab.text_content("[data-status]")


def test_an_imported_file_opens_as_a_view_when_answers_are_saved(page, default_site, tmp_path):
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    mine, theirs = mine_and_theirs(bank)
    keep_mine(page, site, mine)
    page.goto(site.home(LANG) + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    before = stored(page, site, LANG)
    file = tmp_path / "anna.json"
    file.write_text(json.dumps(colleague(bank, theirs)))
    page.set_input_files("[data-import-file]", str(file))
    page.wait_for_selector("[data-shared]:not([hidden])")
    assert [r["id"] for r in screen_route(page)] == [r["id"] for r in reference.route(bank, theirs)]
    assert stored(page, site, LANG) == before
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # keep mine
    assert page.is_hidden("[data-shared]") and stored(page, site, LANG) == before
    # The very same answers are no one else's: they simply show, with a word beside the import.
    file.write_text(json.dumps(colleague(bank, mine) | {"notes": {bank["areas"][0]["id"]: "Mijn notitie"}}))
    page.set_input_files("[data-import-file]", str(file))
    wait_until(page, "document.querySelector('[data-import-status]').textContent.length > 0")
    assert page.text_content("[data-import-status]") == ui["results.shared_same"]
    assert page.is_hidden("[data-shared]") and stored(page, site, LANG) == before


@pytest.mark.parametrize("how", ["file", "link"])
def test_the_view_opens_with_its_own_route_while_texts_still_load(page, default_site, tmp_path, how):
    """Their "Don't know" answers need the find-out questions, which load on demand: until they
    are here the colleague's heading must not stand above the visitor's own route."""
    site, bank = default_site, default_site.bank(LANG)
    mine, theirs = mine_and_theirs(bank)
    keep_mine(page, site, {cid: answer for cid, answer in mine.items() if answer != "unknown"})
    page.goto(site.home(LANG) + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    # The find-out file takes its time, as on a slow phone network.
    page.route("**/assets/find.*", lambda route: (page.wait_for_timeout(600), route.continue_()))
    if how == "file":
        file = tmp_path / "anna.json"
        file.write_text(json.dumps(colleague(bank, theirs)))
        page.set_input_files("[data-import-file]", str(file))
    else:
        page.evaluate("h => { location.hash = h; }", "r=" + payload(colleague(bank, theirs)))
    page.wait_for_selector("[data-shared]:not([hidden])")
    # Read at once, in the same task as the check above, so nothing renders in between.
    route = page.eval_on_selector_all("[data-route] [data-item]", "items => items.map(li => li.dataset.item)")
    assert route == [r["id"] for r in reference.route(bank, theirs)]


def test_forget_asks_first_and_can_be_undone(page, default_site, axe):
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    keep_mine(page, site, mine_and_theirs(bank)[0])
    page.goto(site.home(LANG) + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    before, step = stored(page, site, LANG), step_key(page, site)
    assert before and step

    tab_to(page, "[data-forget]")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[data-ask][open]")
    assert page.text_content("dialog[data-ask] h2") == ui["results.forget_title"]
    assert page.evaluate("document.activeElement.matches('[data-ask-cancel]')"), "focus starts on the safe choice"
    axe(page, "the forget dialog")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog[data-ask]", state="detached")
    assert page.evaluate("document.activeElement.matches('[data-forget]')")
    assert stored(page, site, LANG) == before and step_key(page, site) == step
    # Cancel with the button does the same.
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[data-ask][open]")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[data-ask]", state="detached")
    assert stored(page, site, LANG) == before

    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[data-ask][open]")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-undo-button]:focus")  # the dialog closes, then the answers go
    assert stored(page, site, LANG) is None and step_key(page, site) is None
    assert page.is_visible("[data-empty]") and page.is_hidden("[data-results]")
    assert page.text_content("[data-undo-status]") == ui["results.forgotten"]
    assert page.evaluate("document.activeElement.matches('[data-undo-button]')")
    axe(page, "forgotten, with undo")

    page.keyboard.press("Enter")
    assert stored(page, site, LANG) == before and step_key(page, site) == step, "undo restores everything, byte for byte"
    assert page.is_visible("[data-results]") and page.is_hidden("[data-undo]")
    assert page.text_content("[data-undo-status]") == ui["results.restored"]
    assert page.evaluate("document.activeElement.matches('[data-forget]')")
    assert page.input_value("[data-name]") == "Ikzelf"


def visible_step(page) -> str:
    return page.eval_on_selector_all(".step", "ss => ss.filter(s => !s.hidden).map(s => s.dataset.area).join()")


def test_every_step_has_its_own_address(page, default_site, watch):
    site, bank = default_site, default_site.bank(LANG)
    areas = [a["id"] for a in bank["areas"]]
    page.goto(site.home(LANG) + "scan.html")
    page.wait_for_load_state("networkidle")
    after_load = len(watch.requests)
    for area in areas[1:]:
        tab_to(page, "[data-next]")
        page.keyboard.press("Enter")
        assert page.url.endswith("scan.html#step-" + area) and visible_step(page) == area
        assert page.evaluate("document.activeElement.id") == "h-" + area
    assert watch.network(after_load) == [], "moving between steps fetched something"
    # Back through every step, to the scan's first address.
    for area in reversed(areas[:-1]):
        page.go_back()
        wait_until(page, f"document.getElementById('step-{area}').hidden === false")
        assert visible_step(page) == area and page.evaluate("document.activeElement.id") == "h-" + area
    assert page.url.endswith("scan.html")
    # Forward again, reloading on every step: the step stays.
    for area in areas[1:]:
        page.go_forward()
        wait_until(page, f"document.getElementById('step-{area}').hidden === false")
        page.reload()
        assert visible_step(page) == area and page.text_content("#progress-label").endswith(bank["areas"][areas.index(area)]["name"])
    # A bookmarked step opens there.
    page.goto(site.home(LANG) + "index.html")
    page.goto(site.home(LANG) + "scan.html#step-" + areas[3])
    assert visible_step(page) == areas[3]


def test_completeness_and_continue_where_you_were(page, default_site, axe):
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    order, names = scan_order(bank), {a["id"]: a["name"] for a in bank["areas"]}
    total = len(order)
    step = {a["id"]: [c["id"] for c in order if c["area"] == a["id"]] for a in bank["areas"]}
    first, second, third = (a["id"] for a in bank["areas"][:3])
    page.goto(site.home(LANG) + "scan.html")
    assert page.text_content("[data-count]") == ui["scan.count"].format(n=0, total=total)
    for cid in step[first][:2]:
        answer_by_keyboard(page, cid, "yes")
    assert page.text_content("[data-count]") == ui["scan.count"].format(n=2, total=total)
    width = page.evaluate("document.querySelector('.progress-fill').style.width")
    assert abs(float(width.rstrip("%")) - 2 / total * 100) < 0.01
    # Leaving a step with open statements says how many, and does not block.
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    assert visible_step(page) == second
    left = ui["scan.left_open"].format(n=len(step[first]) - 2, area=names[first])
    assert page.text_content("[data-left-open]").startswith(left)
    assert page.get_attribute("[data-left-open]", "role") == "status"
    axe(page, "a step left with open statements")
    # Its link leads back to the first open one, focused and marked.
    tab_to(page, "[data-left-open] a", back=True)
    page.keyboard.press("Enter")
    assert visible_step(page) == first
    assert page.evaluate("document.activeElement.name") == step[first][2]
    assert page.get_attribute(f"[data-criterion='{step[first][2]}']", "class") == "criterion marked"
    page.go_back()  # Back returns to the step the link was followed from
    wait_until(page, f"document.getElementById('step-{second}').hidden === false")
    for cid in step[second]:
        page.check(f"input[name='{cid}'][value=no]")
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    assert page.text_content("[data-left-open]") == "", "a complete step is left without a word"
    answered = {**{cid: "yes" for cid in step[first][:2]}, **{cid: "no" for cid in step[second]}}
    assert saved(page, site, LANG)["answers"] == answered

    # Later: "continue where you were" returns to the third step, at its first open statement.
    page.goto(site.home(LANG) + "index.html")
    assert page.get_attribute("[data-resume]", "href") == "scan.html#q-" + step[third][0]
    tab_to(page, "[data-resume]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/scan.html#q-*")
    assert visible_step(page) == third
    assert page.evaluate("document.activeElement.name") == step[third][0]
    box = f"[data-criterion='{step[third][0]}']"
    assert page.text_content(f"{box} .open-tag") == ui["scan.open_mark"]
    axe(page, "a marked open statement")
    answer_by_keyboard(page, step[third][0], "partly")
    assert page.get_attribute(box, "class") == "criterion" and page.locator(".open-tag").count() == 0
    answered[step[third][0]] = "partly"

    # The results list every open statement, linked back to it.
    page.goto(site.home(LANG) + "results.html")
    page.wait_for_selector("[data-open] li")
    listed = page.eval_on_selector_all("[data-open] li", "ls => ls.map(l => [l.dataset.openId, l.querySelector('a').getAttribute('href')])")
    assert listed == [[c["id"], "scan.html#q-" + c["id"]] for c in order if c["id"] not in answered]
    assert page.text_content("[data-open] h3") == ui["results.open_heading"].format(n=total - len(answered))
    page.click(f"[data-open] a[href='scan.html#q-{step[first][2]}']")
    page.wait_for_url("**/scan.html#q-*")
    assert visible_step(page) == first and page.evaluate("document.activeElement.name") == step[first][2]


def test_single_file_opens_a_link_with_every_answer_and_keeps_them(page, default_site):
    site, bank = default_site, default_site.bank(LANG)
    answers = {c["id"]: v for c, v in zip(bank["criteria"], ["yes", "no", "partly", "unknown", "na"] * 99)}
    page.goto((site.folder / "koers-scan.html").as_uri() + "#r=" + payload(colleague(bank, answers)))
    page.wait_for_selector("[data-view=results] [data-route] [data-item]")
    assert page.is_hidden("[data-view=scan]")
    ticked = page.eval_on_selector_all("#scan input[type=radio]:checked", "rs => Object.fromEntries(rs.map(r => [r.name, r.value]))")
    assert ticked == answers, "every answer of the link is ticked in the scan"
    assert saved(page, site, LANG)["answers"] == answers
    tab_to(page, "[data-own] a[href='scan.html']")
    page.keyboard.press("Enter")
    assert page.is_visible("[data-view=scan]")
    first = scan_order(bank)[0]["id"]
    answer_by_keyboard(page, first, "partly" if answers[first] != "partly" else "no")
    assert saved(page, site, LANG)["answers"] == {**answers, first: page.input_value(f"input[name='{first}']:checked")}
    # Back to the results and the scan again: the one view stays in step with the other.
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    page.go_back()
    wait_until(page, f"document.getElementById('step-{bank['areas'][0]['id']}').hidden === false")


BLOCKED = """Object.defineProperty(window, 'localStorage', { configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"""


def test_without_storage_the_journey_ends_in_correct_results(new_page, default_site, axe):
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    page = new_page()
    page.add_init_script(BLOCKED)
    page.goto(site.home(LANG) + "scan.html")
    notice = page.locator("[data-storage-notice]")
    assert notice.is_visible() and notice.text_content() == ui["scan.storage_memory"]
    assert notice.bounding_box()["y"] < page.locator("fieldset.criterion").first.bounding_box()["y"]
    axe(page, "the scan without storage")
    answers = {}
    for i, c in enumerate(scan_order(bank)[:9]):
        answers[c["id"]] = ["yes", "no", "partly"][i % 3]
        page.check(f"input[name='{c['id']}'][value={answers[c['id']]}]")
    # The site's own menu link to the results carries the answers along.
    page.click(".site-nav a[href='results.html']")
    page.wait_for_selector("[data-route] [data-item]")
    assert page.is_visible("[data-storage-notice]")
    assert [r["id"] for r in screen_route(page)] == [r["id"] for r in reference.route(bank, answers)]
    # And back to the scan, at an open statement: the answers are still there.
    target = scan_order(bank)[9]["id"]
    page.click(f"[data-open] a[href='scan.html#q-{target}']")
    page.wait_for_url(f"**/scan.html#q-{target}")
    wait_until(page, "document.querySelectorAll('#scan input:checked').length === 9")
    ticked = page.eval_on_selector_all("#scan input[type=radio]:checked", "rs => Object.fromEntries(rs.map(r => [r.name, r.value]))")
    assert ticked == answers
    assert page.evaluate("document.activeElement.name") == target


def near(page, action: str, message: str) -> float:
    """The vertical distance between an action and the message about it, in CSS pixels."""
    a, m = page.locator(action).bounding_box(), page.locator(message).bounding_box()
    return max(m["y"] - (a["y"] + a["height"]), a["y"] - (m["y"] + m["height"]), 0)


def test_status_messages_appear_beside_the_action(new_page, default_site, tmp_path):
    site, ui = default_site, default_site.ui(LANG)
    page = new_page(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    keep_mine(page, site, mine_and_theirs(site.bank(LANG))[0])
    page.goto(site.home(LANG) + "results.html")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    for action, message, text in (("[data-copy-link]", "[data-share-status]", ui["results.copied"]),
                                  ("[data-export=copy]", "[data-export-status]", ui["results.copied"])):
        page.focus(action)
        page.keyboard.press("Enter")
        wait_until(page, f"document.querySelector('{message}').textContent.length > 0")
        assert page.text_content(message) == text
        assert page.get_attribute(message, "role") == "status" and page.get_attribute(message, "aria-live") == "polite"
        assert near(page, action, message) < 60
    with page.expect_download() as download:
        page.click("[data-export=md]")
    name = download.value.suggested_filename
    assert page.text_content("[data-export-status]") == ui["results.export_started"].format(file=name)
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    page.set_input_files("[data-import-file]", str(bad))
    wait_until(page, "document.querySelector('[data-import-status]').textContent.length > 0")
    assert near(page, "[data-import-file]", "[data-import-status]") < 60
    assert ui["results.file_broken"] not in page.text_content("[data-status]"), "said beside the import, not at the top"


def test_opening_my_own_link_is_no_shared_result(page, default_site, watch):
    """Answers saved in the order they were given, the link in the bank's order: still the same result."""
    site, bank, ui = default_site, default_site.bank(LANG), default_site.ui(LANG)
    mine = dict(reversed(list(mine_and_theirs(bank)[0].items())))
    keep_mine(page, site, mine)
    page.goto(site.home(LANG) + "results.html")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    before = stored(page, site, LANG)
    tab = watch.attach(page.context.new_page())
    tab.goto(page.input_value("[data-share]"))
    wait_until(tab, "document.querySelector('[data-status]').textContent.length > 0")
    assert tab.text_content("[data-status]") == ui["results.shared_same"]
    assert tab.is_hidden("[data-shared]") and tab.is_visible("[data-forget]")
    assert stored(tab, site, LANG) == before
