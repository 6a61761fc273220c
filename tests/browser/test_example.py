"""The example project in examples/open-source, walked through as a visitor would: scan ->
results -> route -> exports. Its shape differs from the default bank on every axis Koers lets
a bank choose: one language, levels from 0, a four-step credit scale, the average method,
practices in groups, its own vocabulary, no pitfalls, no embed, and a theme."""

import csv
import datetime
import io
import json

import pytest

import reference
from conftest import ROOT, Site, _servers
from helpers import screen_route, wait_until

pytestmark = pytest.mark.browser
EXAMPLE = ROOT / "examples" / "open-source"
PATTERN = ["full", "most", "some", "none"]


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Site:
    site = Site(EXAMPLE, tmp_path_factory.mktemp("example") / "site")
    _servers.append(site)
    return site


def answers_for(bank):
    return {c["id"]: PATTERN[i % len(PATTERN)] for i, c in enumerate(bank["criteria"])}


def test_scan_results_route_and_exports(new_page, example, axe, watch, tmp_path):
    bank, ui = example.bank("en"), example.ui("en")
    answers = answers_for(bank)
    groups = {a["id"]: a["group"] for a in bank["areas"]}
    page = new_page()

    page.goto(example.url + "index.html")
    assert page.is_visible("h2#group-people") and page.is_visible("h2#group-code"), "the theme's landing page"
    assert "About ten minutes, 8 practices, 4 maturity levels." in page.text_content(".tagline")
    assert not page.query_selector("a[href$='pitfalls.html']") and not page.query_selector("a[href$='embed.html']")
    axe(page, "the themed landing page")

    page.goto(example.url + "scan.html")
    steps = page.eval_on_selector_all(".step", "s => s.map(x => x.dataset.area)")
    assert steps == [a["id"] for a in bank["areas"]]
    for i, area in enumerate(steps):
        step = f"#step-{area}"
        wait_until(page, f"!document.querySelector('{step}').hidden")
        assert page.text_content(f"{step} .eyebrow").startswith(groups[area] + " · Practice " + str(i + 1) + " of 8")
        for c in [c for c in bank["criteria"] if c["area"] == area]:
            page.check(f"{step} input[name='{c['id']}'][value='{answers[c['id']]}']")
        if i == 0:
            axe(page, "a scan step")
        page.click("[data-next]" if i < len(steps) - 1 else "[data-finish]")

    page.wait_for_selector("[data-route] [data-item]")
    expected = reference.levels(bank, answers)
    for area, value in expected.items():
        shown = float(page.get_attribute(f"tr[data-area='{area}'] [data-level]", "data-level"))
        assert shown == pytest.approx(value), area
    assert page.eval_on_selector_all(".levels .group-row th", "ths => ths.map(t => t.textContent)") == ["People", "Code"]
    assert page.text_content("[data-completeness]") == "All 24 questions answered."
    route = screen_route(page)
    assert [r["id"] for r in route] == [r["id"] for r in reference.route(bank, answers)]
    assert all(answers[r["id"]] != "full" for r in route), "a question answered Always is never on the route"
    axe(page, "the results page")

    today = datetime.date.today().isoformat()

    def download(kind):
        with page.expect_download() as info:
            page.click(f"[data-export={kind}]")
        d = info.value
        assert d.suggested_filename == f"oss-stewardship-route-{today}.{kind}"
        d.save_as(tmp_path / d.suggested_filename)
        return (tmp_path / d.suggested_filename).read_bytes()

    rows = list(csv.reader(io.StringIO(download("csv")[3:].decode("utf-8"), newline=""), delimiter=","))
    assert rows[0][:5] == ["#", ui["results.col_phase"], ui["results.col_action"], "Group", "Practice"]
    assert rows[0][-1] == "Effort", "the criteria's meta keys are columns"
    assert [r[2] for r in rows[1:]] == [r["action"] for r in route]
    areas = {a["id"]: a for a in bank["areas"]}
    by_id = {c["id"]: c for c in bank["criteria"]}
    for row, item in zip(rows[1:], route):
        assert row[3] == areas[by_id[item["id"]]["area"]]["group"]
    md = download("md").decode("utf-8")
    assert "People · " in md and "Effort: " in md
    data = json.loads(download("json"))
    assert data["bank"] == "oss-stewardship" and data["answers"] == answers
    assert data["scoring"]["method"] == "average" and data["scoring"]["first_level"] == 0
    assert not watch.foreign()


def test_its_other_page_types_are_axe_clean(new_page, example, axe):
    """The landing, scan and results pages were checked on the way; these are the other templates."""
    built = {p.relative_to(example.folder).as_posix() for p in example.folder.rglob("*.html")}
    assert "pitfalls.html" not in built and "embed.html" not in built and "team.html" in built
    page = new_page()
    for path in ("how-it-works.html", "team.html", "levels/unmanaged.html", "areas/governance.html"):
        page.goto(example.url + path)
        page.wait_for_load_state("load")
        axe(page, path)
