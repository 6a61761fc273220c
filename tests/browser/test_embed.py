"""The scan embedded in a blog post on another origin (another port), with and without embed.js."""

import pytest

import reference
from conftest import Served, _servers
from helpers import screen_route

pytestmark = pytest.mark.browser

POST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A blog post</title></head>
<body><h1>My post about customer contact</h1><p>Take the scan below.</p>
{frame}
{script}
<p>Comments below the scan.</p></body></html>"""


@pytest.fixture(scope="module")
def blog(tmp_path_factory, default_site):
    folder = tmp_path_factory.mktemp("blog")
    frame = ('<iframe id="scan" src="{origin}/en/embed/scan.html" title="Maturity scan" loading="lazy" '
             'width="100%" height="600" {extra}></iframe>')
    script = f'<script src="{default_site.origin}/embed.js" defer></script>'
    pages = {
        "post.html": (frame.format(origin=default_site.origin, extra="data-koers-embed"), script),
        "plain.html": (frame.format(origin=default_site.origin, extra=""), ""),
        "sandboxed.html": (frame.format(origin=default_site.origin, extra='data-koers-embed sandbox="allow-scripts '
                                        'allow-same-origin allow-downloads allow-modals allow-popups"'), script),
        # Without allow-same-origin the frame's origin is opaque: every use of localStorage throws.
        "no-storage.html": (frame.format(origin=default_site.origin, extra='data-koers-embed sandbox="allow-scripts '
                                         'allow-downloads allow-modals allow-popups"'), script),
    }
    for name, (f, s) in pages.items():
        (folder / name).write_text(POST.format(frame=f, script=s))
    served = Served(folder)
    _servers.append(served)
    return served


def frame_height(page) -> float:
    return page.evaluate("document.getElementById('scan').clientHeight")  # without the frame's border


def content_height(frame) -> float:
    # What the frame holds; the document's scroll height is never less than the frame itself.
    return frame.evaluate("document.documentElement.getBoundingClientRect().height")


def wait_for_height(page, frame, tolerance=2):
    """Until the frame is as tall as its content, both read afresh each time: the content may
    still be settling (a step shown, a status line) when the wait begins."""
    for _ in range(250):
        if abs(frame_height(page) - content_height(frame)) <= tolerance:
            return
        page.wait_for_timeout(20)
    raise AssertionError(f"frame {frame_height(page)} px, its content {content_height(frame)} px")


@pytest.mark.parametrize("post", ["post.html", "sandboxed.html"])
def test_embedded_scan_grows_with_its_content_and_exports(new_page, blog, default_site, post):
    page = new_page(accept_downloads=True)
    page.goto(blog.url + post)
    frame = page.frame_locator("#scan")
    frame.locator("[data-next]").wait_for()
    scan = next(f for f in page.frames if f.url.endswith("/en/embed/scan.html"))
    wait_for_height(page, scan)
    first = frame_height(page)
    assert first > 600, "the frame grew to show the whole first step"
    assert scan.evaluate("document.querySelector('.site-header')") is None

    seen = [first]
    for _ in range(len(default_site.bank("en")["areas"]) - 1):
        ids = scan.eval_on_selector_all(".step:not([hidden]) fieldset[data-criterion]", "fs => fs.map(f => f.dataset.criterion)")
        for cid in ids:
            scan.check(f'input[name="{cid}"][value="no"]')
        scan.click("[data-next]")
        wait_for_height(page, scan)  # the frame follows each step's height
        seen.append(frame_height(page))
    assert len(set(seen)) > 1, f"steps of different lengths gave one height: {seen}"
    scan.click("[data-finish]")
    results = None
    for _ in range(200):
        results = next((f for f in page.frames if f.url.endswith("/en/embed/results.html")), None)
        if results:
            break
        page.wait_for_timeout(25)
    results.wait_for_selector("[data-route] [data-item]")
    wait_for_height(page, results)
    with page.expect_download() as download:
        results.click("[data-export=csv]")
    assert download.value.suggested_filename.startswith("koers-cx-route-")
    assert b"\xef\xbb\xbf" == open(download.value.path(), "rb").read()[:3]


def test_embed_makes_no_request_to_the_blog(new_page, blog, default_site):
    page = new_page()
    from_frame = []
    page.on("request", lambda r: r.frame != page.main_frame and from_frame.append(r.url))
    page.goto(blog.url + "post.html")
    page.frame_locator("#scan").locator("[data-next]").wait_for()
    assert from_frame and all(u.startswith(default_site.origin) for u in from_frame), from_frame


def test_without_the_script_the_frame_keeps_its_height(new_page, blog):
    page = new_page()
    page.goto(blog.url + "plain.html")
    page.frame_locator("#scan").locator("[data-next]").wait_for()
    page.wait_for_timeout(300)
    assert frame_height(page) == 600


def test_heights_from_other_origins_are_ignored(new_page, blog):
    page = new_page()
    page.goto(blog.url + "post.html")
    scan_frame = page.frame_locator("#scan")
    scan_frame.locator("[data-next]").wait_for()
    scan = next(f for f in page.frames if f.url.endswith("/en/embed/scan.html"))
    wait_for_height(page, scan)
    before = frame_height(page)
    # The blog page itself (another origin than the scan) pretends to be the frame.
    page.evaluate("window.postMessage({type: 'koers:height', height: 12345}, '*')")
    page.wait_for_timeout(200)
    assert frame_height(page) == before


def test_embed_that_cannot_store_still_ends_in_correct_results(new_page, blog, default_site):
    """A reader answers every statement in a frame that cannot store anything: told so before
    answering, and the results are worked out from the answers carried along."""
    bank, ui = default_site.bank("en"), default_site.ui("en")
    page = new_page()
    page.goto(blog.url + "no-storage.html")
    page.frame_locator("#scan").locator("[data-next]").wait_for()
    scan = next(f for f in page.frames if f.url.endswith("/en/embed/scan.html"))
    assert scan.evaluate("(() => { try { localStorage.length; return false; } catch (e) { return true; } })()")
    notice = scan.locator("[data-storage-notice]")
    assert notice.is_visible() and notice.text_content() == ui["scan.storage_memory"]
    assert notice.bounding_box()["y"] < scan.locator("fieldset.criterion").first.bounding_box()["y"]
    answers, values = {}, ["yes", "yes", "no", "partly", "yes", "unknown", "na"]
    for i, area in enumerate(bank["areas"]):
        for k, cid in enumerate(scan.eval_on_selector_all(".step:not([hidden]) fieldset[data-criterion]", "fs => fs.map(f => f.dataset.criterion)")):
            answers[cid] = values[(i + k) % len(values)]
            scan.check(f'input[name="{cid}"][value="{answers[cid]}"]')
        scan.click("[data-finish]" if i == len(bank["areas"]) - 1 else "[data-next]")
    assert len(answers) == len(bank["criteria"])
    results = None
    for _ in range(200):
        results = next((f for f in page.frames if "/en/embed/results.html" in f.url), None)
        if results:
            break
        page.wait_for_timeout(25)
    results.wait_for_selector("[data-route] [data-item]")
    assert results.is_visible("[data-storage-notice]") and results.is_hidden("[data-empty]")
    levels = reference.levels(bank, answers)
    shown = results.eval_on_selector_all("[data-levels] tbody td[data-level]", "ds => ds.map(d => +d.dataset.level)")
    assert shown == [pytest.approx(levels[a["id"]]) for a in bank["areas"]]
    assert [r["id"] for r in screen_route(results)] == [r["id"] for r in reference.route(bank, answers)]
    assert results.evaluate("document.querySelector('[data-open]').children.length") == 0
