"""The verdict as a visitor reads it on the results page: levels with their reasons, open and
unanswered areas, prerequisites named, the legend on the scan, and results made under older rules.
"""

import base64
import json
import zlib

import pytest

from helpers import saved, seed, wait_until

pytestmark = pytest.mark.browser


def rows(page) -> dict:
    return {r[0]: r[1:] for r in page.eval_on_selector_all(
        "[data-levels] tbody tr", "rs => rs.map(r => [r.dataset.area, ...[...r.cells].slice(1, 3).map(c => c.textContent)])")}


def test_open_and_unanswered_areas_and_a_prerequisite_are_explained(page, default_site, axe):
    bank, ui = default_site.bank("en"), default_site.ui("en")
    answers = {c["id"]: "yes" for c in bank["criteria"] if c["area"] != "culture"}
    answers["governance-3-change-approval"] = "no"           # information's level 4 builds on it
    answers["governance-3-human-takeover"] = "no"            # 2 of governance's 4 level-3 statements: 50%, held at 2
    # Two of employees' four level-2 statements open: 50%, so the area stays "at least" 1.
    open_ones = [c for c in bank["criteria"] if c["area"] == "employees" and c["level"] == 2][:2]
    for c in open_ones:
        del answers[c["id"]]
    seed(page, default_site, "en", answers, version=bank["version"])
    page.goto(default_site.home("en") + "results.html")
    page.wait_for_selector("[data-levels] tbody tr")
    got = rows(page)
    culture_total = sum(c["area"] == "culture" for c in bank["criteria"])
    assert got["culture"][0] == ui["results.level_none"]
    assert got["culture"][1].startswith(ui["results.reason_none"].format(n=culture_total))
    assert got["information"][0].startswith("3 · ")
    assert got["information"][1].startswith("Held at 3: level 4 builds on “")
    assert "Governance & roles" in got["information"][1] and "(No)" in got["information"][1]
    assert got["governance"][0].startswith("2 · ")
    assert got["employees"][0].startswith(ui["results.at_least"].format(level=""))  # its level-2 statements are open
    total = len(bank["criteria"])
    open_count = culture_total + len(open_ones)
    assert page.text_content("[data-completeness]") == ui["results.open_summary"].format(
        answered=total - open_count, total=total, open=open_count)
    # No target and no actions for culture; a gap in the chart.
    assert page.query_selector("#target-culture") is None
    assert not page.query_selector_all("[data-route] [data-item^='culture-']")
    assert page.locator("[data-chart] .seg.gap").count() == 1
    axe(page, "results with open and unanswered areas")
    # The link back opens that step of the scan.
    page.click("[data-open-link=culture]")
    page.wait_for_url("**/scan.html#step-culture")
    assert page.is_visible("#step-culture") and page.is_hidden("#step-information")
    assert saved(page, default_site, "en")["answers"] == answers


def test_scan_shows_what_each_answer_does(page, default_site):
    page.goto(default_site.home("en") + "scan.html")
    legend = page.text_content(".step:not([hidden]) .answer-key")
    assert legend.startswith("What the answers do: Yes: counts for 100% · Partly: counts for 50%")
    assert "Not applicable: left out of the count" in legend


def link(site, obj, lang="en") -> str:
    code = base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode())).decode().rstrip("=")
    return site.home(lang) + "results.html#r=" + code


def test_a_result_of_format_one_is_scored_again_and_says_so(page, default_site):
    bank, ui = default_site.bank("en"), default_site.ui("en")
    # Under format 1, "na" met a criterion: all N/A was the top level everywhere. Today it is no level reached.
    old = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
           "answers": {c["id"]: "na" for c in bank["criteria"]}, "notes": {}, "targets": {}}
    page.goto(link(default_site, old))
    wait_until(page, "document.querySelector('[data-status]').textContent.length > 0")
    assert ui["results.rescored"] in page.text_content("[data-status]")
    assert {r[0] for r in rows(page).values()} == {"1 · " + bank["levels"][0]["name"]}
    assert all(r[1].startswith("Too few statements apply at level 2") for r in rows(page).values())
