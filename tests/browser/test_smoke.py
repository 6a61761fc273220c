"""Every built page loads cleanly in Chromium: no console error, no request to another origin.

Also from disk (file://): the site's URLs are all relative, so it must work without a server.
"""

import pytest

from helpers import payload, wait_until

pytestmark = pytest.mark.browser


def pages_of(site):
    return sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html"))


GUIDANCE = ("levels/", "areas/", "how-it-works.html", "privacy.html", "about.html", "pitfalls.html", "404.html")


def is_guidance(path: str) -> bool:
    return any(part in path for part in GUIDANCE)


def test_every_page_loads_cleanly(new_page, default_site, watch):
    """The app starts on every page that uses it; guidance pages load no script at all."""
    page = new_page()
    pages = pages_of(default_site)
    assert len(pages) >= 44
    for path in pages:
        before = len(watch.requests)
        response = page.goto(default_site.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
        scripts = [u for u in watch.requests[before:] if u.endswith(".js")]
        if is_guidance(path):
            assert scripts == [], f"{path} loads {scripts}"
        else:
            assert page.evaluate("document.documentElement.classList.contains('js')"), f"the app did not start on {path}"
        assert page.title(), path
    assert not watch.foreign()
    assert not watch.errors


@pytest.mark.parametrize("path", ["index.html", "en/scan.html", "results.html", "en/levels/adaptive.html", "embed/scan.html"])
def test_pages_work_opened_from_disk(new_page, default_site, path):
    page = new_page()
    page.goto((default_site.folder / path).as_uri())
    page.wait_for_load_state("load")
    if not is_guidance(path):
        assert page.evaluate("document.documentElement.classList.contains('js')"), "scripts must run from file:// too"
    stylesheet = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert stylesheet and "Times" not in stylesheet, "the style sheet did not load from disk"


@pytest.mark.parametrize("path", ["index.html", "scan.html", "results.html", "team.html", "results.html#r="])
def test_nothing_jumps_when_the_script_starts(new_page, default_site, path):
    """Cumulative layout shift on a phone-sized screen for a first-time visitor (was 0.04 on the
    scan and 0.15 on the results page before their placeholders kept their place; 0.35 on the
    results opened from a share link, whose route appears once the link is decoded)."""
    if path.endswith("#r="):
        bank = default_site.bank("nl")
        answers = [a["id"] for a in bank["answers"]]
        path += payload({"format": "koers-result", "formatVersion": 2, "bank": bank["bank"], "version": bank["version"],
                         "answers": {c["id"]: answers[i % len(answers)] for i, c in enumerate(bank["criteria"])}})
    page = new_page(viewport={"width": 412, "height": 823})
    page.goto(default_site.url + path)
    page.wait_for_load_state("load")
    shift = page.evaluate("""() => new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 400);
    })""")
    assert shift < 0.01, f"layout shift {shift:.3f} on {path}"


@pytest.mark.parametrize("path", ["scan.html", "embed/scan.html"])
def test_the_scan_first_paints_as_the_stepper(new_page, default_site, path):
    """The first frame already shows one step, with the script run: before, Chromium painted the
    whole form as it reads without JavaScript, then laid it out again for the step shown, and
    that first frame was most of the time to the first question (bench/journey.py)."""
    page = new_page()
    page.add_init_script("""requestAnimationFrame(() => {
        window.__firstFrame = { scripted: document.documentElement.classList.contains('js'),
                                steps: [...document.querySelectorAll('.step')].filter((s) => !s.hidden).length };
    });""")
    page.goto(default_site.url + path)
    page.wait_for_load_state("load")
    wait_until(page, "window.__firstFrame")
    assert page.evaluate("window.__firstFrame") == {"scripted": True, "steps": 1}


def test_axe_finds_nothing_on_any_page(new_page, default_site, axe):
    """Every built page of both languages, as a first-time visitor sees it."""
    page = new_page()
    for path in pages_of(default_site):
        page.goto(default_site.url + path)
        page.wait_for_load_state("load")
        axe(page, path)
