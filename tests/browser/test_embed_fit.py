"""An embedded scan fits its content both ways and stays in view, on a blog of another origin
with a sticky header: the frame grows and shrinks with the content, and after Next or
finishing the reader sees the top of the frame just below the blog's header."""

import pytest

from conftest import Served, _servers
from helpers import wait_until

pytestmark = pytest.mark.browser

POST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Post</title>
<style>body {{ margin: 0; font: 16px sans-serif; }} header {{ position: sticky; top: 0; height: 80px; background: #333; color: #fff; z-index: 1; }}</style></head>
<body><header>My blog</header><p style="height: 1200px">A long introduction.</p>
<iframe id="scan" src="{origin}/en/embed/scan.html" title="Scan" width="100%" height="600" style="border: 0; display: block" data-koers-embed></iframe>
<script src="{origin}/embed.js" defer></script><p style="height: 1500px">Comments.</p></body></html>"""

CONTENT = "document.documentElement.getBoundingClientRect().height"
FRAME = "document.getElementById('scan')"


@pytest.fixture(scope="module")
def blog(tmp_path_factory, default_site):
    folder = tmp_path_factory.mktemp("sticky-blog")
    (folder / "post.html").write_text(POST.format(origin=default_site.origin))
    served = Served(folder)
    _servers.append(served)
    return served


def frame_of(page, suffix):
    for _ in range(200):
        found = next((f for f in page.frames if f.url.endswith(suffix)), None)
        if found:
            return found
        page.wait_for_timeout(25)
    raise AssertionError(f"no frame {suffix}")


def fits(page, frame, more_than=0.0, less_than=1e9):
    content = frame.evaluate(CONTENT)
    wait_until(page, f"Math.abs({FRAME}.clientHeight - {content}) <= 40 && {FRAME}.clientHeight > {more_than} "
                     f"&& {FRAME}.clientHeight < {less_than}")
    return page.evaluate(f"{FRAME}.clientHeight")


def top_in_view(page):
    # Below the sticky 80 px header, not under it, and in the upper half of the window.
    wait_until(page, f"{FRAME}.getBoundingClientRect().top >= 80 && {FRAME}.getBoundingClientRect().top <= 400")


def test_frame_grows_and_shrinks_and_keeps_its_top_in_view(new_page, blog):
    page = new_page(viewport={"width": 1000, "height": 800})
    page.goto(blog.url + "post.html")
    page.frame_locator("#scan").locator("[data-next]").wait_for()
    scan = frame_of(page, "/en/embed/scan.html")
    # Chromium pauses rendering (and so resize reports) of a cross-origin frame out of view.
    page.evaluate(f"{FRAME}.scrollIntoView()")
    first = fits(page, scan)
    scan.evaluate("document.querySelectorAll('.step:not([hidden]) details').forEach((d) => { d.open = true; })")
    opened = fits(page, scan, more_than=first + 50)
    scan.evaluate("document.querySelectorAll('.step:not([hidden]) details').forEach((d) => { d.open = false; })")
    fits(page, scan, less_than=opened - 50)

    def scrolled_past_the_top():
        # The reader is at the bottom of a long step: the frame's top is far above the window.
        page.evaluate(f"window.scrollTo(0, {FRAME}.getBoundingClientRect().top + window.scrollY + 1500)")
        assert page.evaluate(f"{FRAME}.getBoundingClientRect().top") < -1000

    steps = scan.evaluate("document.querySelectorAll('.step').length")
    for _ in range(steps - 1):
        scrolled_past_the_top()
        scan.evaluate("document.querySelector('[data-next]').click()")
        top_in_view(page)
        fits(page, scan)
    scrolled_past_the_top()
    scan.evaluate("document.querySelector('[data-finish]').click()")
    results = frame_of(page, "/en/embed/results.html")
    results.wait_for_selector("[data-empty]")  # nothing was answered: a short page
    top_in_view(page)
    fits(page, results)
