"""One registry of exports (FORMATS in builder/static/js/exports.js) for the results and the team
page: every format has a button on both pages (from the one _exports.html macro), and every
button does what its format says: the test opens each download and checks its contents, counts
the print and reads the clipboard. The answer set is known, so the route, the levels and the
targets each export must carry are worked out in Python (reference.py)."""

import csv
import datetime
import io
import json

import pytest

import reference
from helpers import payload, seed, wait_until
from test_results import answers_for

pytestmark = pytest.mark.browser

LANG = "nl"
PAGES = ("results", "team")
# Counts the print dialogs a page asks for, instead of opening one.
PRINT = "window.__printed = 0; window.print = () => { window.__printed++; };"


def formats(page, source) -> list[str]:
    page.goto(source.url + "tests/browser/blank.html")
    return page.evaluate("async (base) => Object.keys((await import(base + 'exports.js')).FORMATS)",
                         source.url + "builder/static/js/")


def open_page(page, site, which: str, answers: dict):
    """The results page with these answers saved, or the team page with them as its one member."""
    page.add_init_script(PRINT)
    bank = site.bank(LANG)
    if which == "results":
        seed(page, site, LANG, answers)
        page.goto(site.home(LANG) + "results.html")
        page.wait_for_selector("[data-route] [data-item]")
    else:
        obj = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
               "lang": LANG, "created": "2026-03-01", "answers": answers, "notes": {}, "targets": {}, "route": [],
               "name": "Kim"}
        page.goto(site.home(LANG) + "team.html")
        page.fill("[data-team-links]", site.home(LANG) + "results.html#r=" + payload(obj))
        page.click("[data-team-add]")
        page.wait_for_selector("[data-team-route] [data-item]")
    return page


def allowed(new_page):
    return new_page(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)


def test_every_format_has_one_button_on_both_pages(new_page, source, default_site):
    keys = formats(new_page(), source)
    # The formats this file checks the contents of; a new one needs no change here to be tested.
    assert {"md", "csv", "json", "print", "copy"} <= set(keys)
    for which in PAGES:
        page = open_page(allowed(new_page), default_site, which, answers_for(default_site.bank(LANG)))
        buttons = page.eval_on_selector_all("[data-export]", "bs => bs.map(b => b.dataset.export)")
        assert buttons == keys, which
        # Each sits in the one block the registry binds, with its status beside the buttons.
        assert page.eval_on_selector_all("[data-exports] [data-export]", "bs => bs.length") == len(keys)
        assert page.get_attribute("[data-exports] [data-export-status]", "role") == "status"


@pytest.mark.parametrize("which", PAGES)
def test_every_export_goes_through_the_registry(new_page, source, default_site, watch, tmp_path, which):
    bank, ui = default_site.bank(LANG), default_site.ui(LANG)
    answers = answers_for(bank)
    keys = formats(new_page(), source)
    page = open_page(allowed(new_page), default_site, which, answers)
    before = len(watch.requests)
    today = datetime.date.today().isoformat()
    stem = f"{bank['bank']}-{'team-route' if which == 'team' else 'route'}-{today}."
    by_id = {c["id"]: c for c in bank["criteria"]}
    names = {a["id"]: a["name"] for a in bank["areas"]}
    level_names = {lv["n"]: lv["name"] for lv in bank["levels"]}
    expected = reference.route(bank, answers)
    levels, goal = reference.whole(reference.levels(bank, answers)), reference.targets(bank, answers)
    got = {}

    for key in keys:
        printed = page.evaluate("window.__printed")
        page.evaluate("document.querySelector('[data-export-status]').textContent = ''")
        if key in ("print", "copy"):
            page.click(f"[data-exports] [data-export={key}]")
            if key == "copy":
                wait_until(page, "document.querySelector('[data-export-status]').textContent.length > 0")
                assert page.text_content("[data-export-status]") == ui["results.copied"]
                got[key] = page.evaluate("navigator.clipboard.readText()")
            else:
                assert page.evaluate("window.__printed") == printed + 1
            continue
        with page.expect_download() as info:
            page.click(f"[data-exports] [data-export={key}]")
        d = info.value
        assert d.suggested_filename == stem + key
        d.save_as(tmp_path / d.suggested_filename)
        got[key] = (tmp_path / d.suggested_filename).read_bytes()
        assert got[key].strip(), f"{key}: an empty file"
        assert page.text_content("[data-export-status]") == ui["results.export_started"].format(file=stem + key)
        assert page.evaluate("window.__printed") == printed, "a download does not print"

    # Markdown: where each area stands and its target, then every action with its why.
    md = got["md"].decode("utf-8")
    lines = md.splitlines()
    table = lines.index("## " + ui["results.where_heading"]) + 4
    for area, line in zip(bank["areas"], lines[table:table + len(bank["areas"])]):
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        assert cells[0] == area["name"]
        assert f"{levels[area['id']]} · {level_names[levels[area['id']]]}" in cells[1]
        assert cells[2] == f"{goal[area['id']]} · {level_names[goal[area['id']]]}"
    starts = [i for i, line in enumerate(lines) if line.startswith("- [ ] ")]
    assert len(starts) == len(expected)
    assert [lines[i + 2] for i in starts] == [f"  {ui['results.because']}: {by_id[r['id']]['why']}" for r in expected]
    if which == "team":
        assert "Deelnemers: Kim." in lines
    # Copy puts the same Markdown on the clipboard.
    assert got["copy"] == md

    # CSV: parses with the bank's delimiter, one row per action, in route order.
    text = got["csv"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=bank["csv"]["delimiter"]))
    assert rows[0][:3] == ["#", ui["results.col_phase"], ui["results.col_action"]]
    assert [r[2] for r in rows[1:]] == [line[len("- [ ] "):] for line in lines if line.startswith("- [ ] ")]
    assert [(r[3], r[4], r[5]) for r in rows[1:]] == \
        [(names[by_id[r["id"]]["area"]], str(by_id[r["id"]]["level"]), by_id[r["id"]]["why"]) for r in expected]

    # JSON: the route in order, and it loads again, in a browser that knows nothing yet.
    data = json.loads(got["json"])
    assert [r["id"] for r in data["route"]] == [r["id"] for r in expected] and data["answers"] == answers
    assert watch.network(before) == [], f"exports made requests: {watch.network(before)}"
    assert page.context.cookies() == []
    fresh = new_page()
    fresh.goto(default_site.home(LANG) + "results.html")
    fresh.set_input_files("[data-import-file]", str(tmp_path / (stem + "json")))
    fresh.wait_for_selector("[data-route] [data-item]")
    assert fresh.eval_on_selector_all("[data-route] [data-item]", "is => is.map(i => i.dataset.item)") == \
        [r["id"] for r in expected]



@pytest.mark.parametrize("which", PAGES)
def test_copy_falls_back_to_a_field_on_both_pages(new_page, default_site, axe, which):
    """Without clipboard access the action list waits, selected, in a field beside the buttons."""
    ui = default_site.ui(LANG)
    page = new_page()
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))")
    open_page(page, default_site, which, {default_site.bank(LANG)["criteria"][0]["id"]: "no"})
    for _ in range(2):  # a second try replaces the field instead of adding one
        page.click("[data-export=copy]")
        wait_until(page, "document.querySelector('[data-export-status]').textContent.trim().length > 0")
        assert page.text_content("[data-export-status]").strip() == ui["results.copy_failed"]
    assert page.eval_on_selector_all(".copy-field", "fs => fs.length") == 1
    assert page.input_value("[data-exports] .copy-field").startswith("# ")
    assert page.evaluate("(e => e.selectionEnd - e.selectionStart)(document.querySelector('.copy-field'))") > 20
    axe(page, f"{which} after a failed copy")


def test_a_button_without_a_format_is_named(page, source, watch):
    """A template (a theme's, say) with a button the registry does not know is a visible mistake."""
    page.goto(source.url + "tests/browser/blank.html")
    page.evaluate("""async (base) => {
      const { bindExports } = await import(base + 'exports.js');
      const root = document.createElement('div');
      root.innerHTML = '<button data-export="md">md</button><button data-export="nope">?</button><p></p>';
      document.body.append(root);
      bindExports(root, root.querySelector('p'), () => null);
    }""", source.url + "builder/static/js/")
    assert watch.errors == ['console: koers: no export format "nope"']
    watch.errors.clear()
