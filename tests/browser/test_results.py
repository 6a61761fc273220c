"""Results page: share and resume links (good, stale, tampered, truncated), every export,
JSON re-import, clipboard, print, forget, and the landing page's resume button."""

import csv
import datetime
import io
import json

import pytest

import reference
from helpers import payload, saved, screen_route, seed, wait_until

pytestmark = pytest.mark.browser


def answers_for(bank: dict) -> dict:
    """Most statements open, a few met, some unknown, one partly: a long route with all phases."""
    out = {}
    for i, c in enumerate(bank["criteria"]):
        if c["level"] == 2 and i % 3 == 0:
            out[c["id"]] = "yes"
        elif i % 5 == 1:
            out[c["id"]] = "unknown"
        elif i % 7 == 2:
            out[c["id"]] = "partly"
        elif i % 4 != 3:
            out[c["id"]] = "no"
    return out


def TARGETS(bank):
    return {a["id"]: 4 for a in bank["areas"]}


@pytest.fixture
def results(page, default_site):
    """The results page in Dutch with saved answers and a note."""
    bank = default_site.bank("nl")
    answers = answers_for(bank)
    seed(page, default_site, "nl", answers, notes={bank["areas"][0]["id"]: "Eerste; \"notitie\""},
         targets=TARGETS(bank))
    page.goto(default_site.home("nl") + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    page.wait_for_load_state("networkidle")
    return page, bank, answers


def test_route_on_screen_has_all_phases(results, default_site):
    page, bank, answers = results
    shown = screen_route(page)
    assert [r["id"] for r in shown] == [r["id"] for r in reference.route(bank, answers, TARGETS(bank))]
    ui = default_site.ui("nl")
    assert page.eval_on_selector_all("[data-route] h3", "hs => hs.map(h => h.textContent)") == \
        [ui["results.phase_now"], ui["results.phase_next"], ui["results.phase_later"]]
    assert page.eval_on_selector_all("[data-route] ol", "os => os.map(o => o.start)") == [1, 6, 16]


def test_every_export(results, default_site, watch, axe, tmp_path):
    page, bank, answers = results
    ui = default_site.ui("nl")
    names = {a["id"]: a["name"] for a in bank["areas"]}
    shown = screen_route(page)
    today = datetime.date.today().isoformat()
    before = len(watch.requests)

    def download(kind):
        with page.expect_download() as info:
            page.click(f"[data-export={kind}]")
        d = info.value
        assert d.suggested_filename == f"{bank['bank']}-route-{today}.{kind}"
        target = tmp_path / d.suggested_filename
        d.save_as(target)
        return target.read_bytes()

    md = download("md").decode("utf-8")
    checklist = [line[len("- [ ] "):] for line in md.splitlines() if line.startswith("- [ ] ")]
    assert checklist == [r["action"] for r in shown]
    assert md.startswith("# " + ui["results.title"] + "\n")
    assert "### " + ui["results.phase_now"] in md and "## " + ui["results.notes_heading"] in md
    # It reads on its own: where each area stands, its target and what holds it, then every action's why.
    lines = md.splitlines()
    table = lines.index("## " + ui["results.where_heading"]) + 2
    assert lines[table] == f"| {ui['results.table_area']} | {ui['results.table_level']} | {ui['results.table_target']} | {ui['results.table_capped']} |"
    levels = reference.whole(reference.levels(bank, answers))
    level_names = {lv["n"]: lv["name"] for lv in bank["levels"]}
    for area, line in zip(bank["areas"], lines[table + 2:table + 2 + len(bank["areas"])]):
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        assert cells[0] == area["name"]
        assert f"{levels[area['id']]} · {level_names[levels[area['id']]]}" in cells[1]
        assert cells[2] == f"4 · {level_names[4]}"
        assert cells[3]
    by_id = {c["id"]: c for c in bank["criteria"]}
    whys = [lines[i + 2] for i, line in enumerate(lines) if line.startswith("- [ ] ")]
    assert whys == [f"  {ui['results.because']}: {by_id[r['id']]['why']}" for r in shown]

    raw = download("csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["#", ui["results.col_phase"], ui["results.col_action"], ui["results.table_area"],
                       ui["results.table_level"], ui["results.because"], ui["results.owner"]]
    assert [r[2] for r in rows[1:]] == [r["action"] for r in shown]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(shown) + 1)]
    by_id = {c["id"]: c for c in bank["criteria"]}
    for row, item in zip(rows[1:], shown):
        c = by_id[item["id"]]
        assert row[3:] == [names[c["area"]], str(c["level"]), c["why"], c.get("owner", "")]

    data = json.loads(download("json"))
    assert {k: data[k] for k in ("format", "formatVersion", "bank", "version", "lang", "created")} == \
        {"format": "koers-result", "formatVersion": 2, "bank": bank["bank"], "version": bank["version"],
         "lang": "nl", "created": today}
    # The rules it was scored under travel with it.
    assert data["scoring"] == {"method": "threshold", "threshold": 0.75, "applicable": 0.5, "first_level": 1,
                               "credits": {"yes": 1, "partly": 0.5, "no": 0, "unknown": 0, "na": None}}
    assert data["answers"] == answers
    assert data["notes"] == {bank["areas"][0]["id"]: "Eerste; \"notitie\""}
    assert data["targets"] == reference.targets(bank, answers, TARGETS(bank)) == TARGETS(bank)
    assert [r["id"] for r in data["route"]] == [r["id"] for r in shown]
    assert [r["action"] for r in data["route"]] == [r["action"] for r in shown]

    assert watch.network(before) == [], f"exports made requests: {watch.network(before)}"
    assert page.context.cookies() == []
    axe(page, "results after exports")

    # The JSON loads again in a browser that knows nothing yet.
    other = page.context.browser.new_context()
    try:
        fresh = watch.attach(other.new_page())
        fresh.goto(default_site.home("nl") + "results.html")
        assert fresh.is_visible("[data-empty]") and fresh.is_visible("[data-import]")
        fresh.set_input_files("[data-import-file]", str(tmp_path / f"{bank['bank']}-route-{today}.json"))
        fresh.wait_for_selector("[data-route] [data-item]")
        assert ui["results.loaded_file"].format(file=f"{bank['bank']}-route-{today}.json") in fresh.text_content("[data-import-status]")
        assert saved(fresh, default_site, "nl")["answers"] == answers
        assert screen_route(fresh) == shown
    finally:
        other.close()


def test_broken_json_file_is_refused(page, default_site, tmp_path):
    bad = tmp_path / "bad.json"
    for content in ("{not json", json.dumps({"format": "something-else"})):
        bad.write_text(content)
        page.goto(default_site.home("en") + "results.html")
        page.set_input_files("[data-import-file]", str(bad))
        wait_until(page, "document.querySelector('[data-import-status]').textContent.length > 0")
        assert page.text_content("[data-import-status]").strip() == default_site.ui("en")["results.file_broken"]
        assert page.is_visible("[data-empty]")


def test_copy_to_clipboard(new_page, default_site):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    seed(page, default_site, "en", {default_site.bank("en")["criteria"][0]["id"]: "no"})
    page.goto(default_site.home("en") + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    page.click("[data-export=copy]")
    wait_until(page, "document.querySelector('[data-export-status]').textContent.length > 0")
    assert page.text_content("[data-export-status]") == default_site.ui("en")["results.copied"]
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("# ") and "- [ ] " + screen_route(page)[0]["action"] in text


def test_copy_denied_is_handled(new_page, default_site, axe):
    page = new_page()
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))")
    seed(page, default_site, "en", {default_site.bank("en")["criteria"][0]["id"]: "no"})
    page.goto(default_site.home("en") + "results.html")
    wait_until(page, "document.querySelector('[data-share]').value.includes('#r=')")
    page.click("[data-copy-link]")
    wait_until(page, "document.querySelector('[data-share-status]').textContent.length > 0")
    assert page.text_content("[data-share-status]") == default_site.ui("en")["results.copy_failed"]
    # The link is selected, ready to copy by hand.
    assert page.evaluate("(e => e.selectionEnd - e.selectionStart)(document.querySelector('[data-share]'))") > 20
    page.click("[data-export=copy]")
    wait_until(page, "document.querySelector('[data-export-status]').textContent.length > 0")
    assert page.text_content("[data-export-status]").strip() == default_site.ui("en")["results.copy_failed"]
    axe(page, "results after a failed copy")


def test_print_stylesheet_keeps_only_the_route(results):
    page, _, _ = results
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".exports", ".import", ".fitting", "[data-status]"):
        assert page.eval_on_selector(hidden, "e => getComputedStyle(e).display") == "none", hidden
    assert page.is_visible("[data-route] [data-item]")
    assert page.is_visible("[data-levels] table")


def test_forget_my_answers(results, default_site, axe):
    page, bank, _ = results
    page.click("[data-forget]")
    page.click("dialog[data-ask] [data-ask-ok]")
    page.wait_for_selector("[data-undo-button]:focus")
    assert page.text_content("[data-undo-status]") == default_site.ui("nl")["results.forgotten"]
    assert saved(page, default_site, "nl") is None
    assert page.is_visible("[data-empty]") and page.is_hidden("[data-results]")
    axe(page, "results after forget")
    page.goto(default_site.home("nl") + "index.html")
    assert page.is_hidden("[data-resume]")
    page.goto(default_site.home("nl") + "scan.html")
    assert page.locator("input[type=radio]:checked").count() == 0


def test_good_share_link_restores_everything(results, new_page, default_site, watch):
    page, bank, answers = results
    link = page.input_value("[data-share]")
    shown = screen_route(page)
    other = new_page()
    other.goto(link)
    other.wait_for_selector("[data-route] [data-item]")
    assert other.text_content("[data-status]") == default_site.ui("nl")["results.loaded_link"]
    assert screen_route(other) == shown
    assert saved(other, default_site, "nl")["answers"] == answers
    assert "#" not in other.url  # the answers do not linger in the address bar


def test_stale_link_keeps_what_still_fits(new_page, default_site):
    bank, ui = default_site.bank("en"), default_site.ui("en")
    ids = [c["id"] for c in bank["criteria"]]
    old = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": "0.1-old", "lang": "nl",
           "created": "2025-01-01", "answers": {ids[0]: "no", ids[1]: "yes", "gone-criterion": "yes", "also-gone": "no",
                                                 ids[2]: "bogus-value"},
           "notes": {}, "targets": {}, "route": []}
    page = new_page()
    page.goto(default_site.home("en") + "results.html#r=" + payload(old))
    page.wait_for_selector("[data-route] [data-item]")
    status = page.text_content("[data-status]")
    assert status.startswith(ui["results.loaded_link"])
    assert ui["results.stale"].format(version="0.1-old", dropped=3, fresh=len(ids) - 2) in status
    assert saved(page, default_site, "en")["answers"] == {ids[0]: "no", ids[1]: "yes"}


@pytest.mark.parametrize("damage", ["truncated", "tampered", "not-koers", "garbage"])
def test_damaged_link_says_so_and_keeps_working(new_page, default_site, damage, axe):
    bank, ui = default_site.bank("en"), default_site.ui("en")
    good = payload({"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
                    "answers": {c["id"]: "no" for c in bank["criteria"]}, "notes": {}, "targets": {}, "route": []})
    code = {"truncated": good[: len(good) // 2],
            "tampered": good[:40] + ("A" if good[40] != "A" else "B") + good[41:],
            "not-koers": payload({"hello": "world"}),
            "garbage": "%%%not-base64%%%"}[damage]
    page = new_page()
    seed(page, default_site, "en", {bank["criteria"][0]["id"]: "partly"})
    page.goto(default_site.home("en") + "results.html#r=" + code)
    wait_until(page, "document.querySelector('[data-status]').textContent.length > 0")
    assert page.text_content("[data-status]") == ui["results.link_broken"]
    # The saved answers are untouched and the page works.
    assert saved(page, default_site, "en")["answers"] == {bank["criteria"][0]["id"]: "partly"}
    assert page.is_visible("[data-route] [data-item]")
    if damage == "tampered":
        axe(page, "results after a damaged link")


def test_landing_resume_button(page, default_site):
    bank = default_site.bank("nl")
    page.goto(default_site.home("nl") + "index.html")
    assert page.is_hidden("[data-resume]")
    every = {c["id"]: "yes" for c in bank["criteria"]}
    seed(page, default_site, "nl", every)
    page.reload()
    assert page.get_attribute("[data-resume]", "href") == "results.html"
    half = {c["id"]: "yes" for c in bank["criteria"] if c["area"] == bank["areas"][0]["id"]}
    seed(page, default_site, "nl", half)
    page.reload()
    assert page.is_visible("[data-resume]")
    # No step seen yet: the first open statement, which is the second area's first.
    first_open = min((c for c in bank["criteria"] if c["area"] == bank["areas"][1]["id"]), key=lambda c: c["level"])["id"]
    assert page.get_attribute("[data-resume]", "href") == "scan.html#q-" + first_open
    page.click("[data-resume]")
    page.wait_for_url("**/scan.html#q-" + first_open)  # loaded: the scan's script has picked the step
    assert page.is_visible(f"#step-{bank['areas'][1]['id']}")
    assert page.is_hidden(f"#step-{bank['areas'][0]['id']}")
    assert page.evaluate("document.activeElement.name") == first_open


@pytest.mark.parametrize("name", ["index.html", "scan.html", "results.html"])
def test_no_horizontal_scroll_at_320px(new_page, default_site, name):
    page = new_page(viewport={"width": 320, "height": 640})
    seed(page, default_site, "nl", answers_for(default_site.bank("nl")), notes={"data": "x" * 300})
    page.goto(default_site.home("nl") + name)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_dark_mode_is_axe_clean(new_page, default_site, axe):
    page = new_page(color_scheme="dark")
    seed(page, default_site, "en", answers_for(default_site.bank("en")))
    page.goto(default_site.home("en") + "results.html")
    page.wait_for_selector("[data-route] [data-item]")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    axe(page, "results in dark mode")
    page.goto(default_site.home("en") + "scan.html")
    axe(page, "scan in dark mode")


def test_without_javascript_the_scan_is_readable(new_page, default_site):
    page = new_page(java_script_enabled=False)
    bank = default_site.bank("nl")
    page.goto(default_site.home("nl") + "scan.html")
    assert page.locator("fieldset.criterion:visible").count() == len(bank["criteria"])
    assert page.locator("details.why").count() == len(bank["criteria"])
    assert page.locator("input[type=radio]").count() == 5 * len(bank["criteria"])
    assert page.is_visible("[data-no-js]")
    assert page.is_hidden("[data-step-nav]")
    page.goto(default_site.home("nl") + "results.html")
    assert page.is_visible("[data-no-js]")


def test_printing_the_scan_shows_every_step_and_why(new_page, default_site):
    page = new_page()
    page.goto(default_site.home("nl") + "scan.html")
    assert page.locator(".step:visible").count() == 1
    page.emulate_media(media="print")
    assert page.locator(".step:visible").count() == len(default_site.bank("nl")["areas"])
    assert page.eval_on_selector(".site-header", "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector("[data-step-nav]", "e => getComputedStyle(e).display") == "none"


def test_share_link_stays_a_reasonable_length(results):
    page, bank, _ = results
    link = page.input_value("[data-share]")
    assert len(link) < 16_000, len(link)
