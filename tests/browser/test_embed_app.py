"""The app inside the embed pages: links leave the frame correctly, and the frame reports its
height to the host page through embed.js's protocol (only after the host greets it)."""

import pytest

from helpers import seed, wait_until

pytestmark = pytest.mark.browser


def test_embedded_results_link_to_real_guidance_pages(page, tiny_site):
    seed(page, tiny_site, "en", {"info-2-owner": "no"})
    page.goto(tiny_site.home("en") + "embed/results.html")
    page.wait_for_selector("[data-route] [data-item]")
    # Guidance opens outside the frame; a link back to open statements stays in the embedded scan.
    hrefs = page.eval_on_selector_all("[data-levels] a:not([data-open-link]), [data-pitfalls] a", "as => as.map(a => [a.href, a.target])")
    assert hrefs
    for href, target in hrefs:
        path = href.split("#")[0].removeprefix(tiny_site.url)
        assert (tiny_site.folder / path).is_file(), href
        assert target == "_blank"


def test_frame_reports_its_height_to_the_host(page, tiny_site, source):
    # The host page lives on another origin (the source server), like a blog post would.
    page.goto(source.url + "tests/browser/blank.html")
    page.evaluate("""src => {
        const f = document.createElement('iframe');
        f.src = src + 'embed/scan.html'; f.title = 'scan'; f.setAttribute('data-koers-embed', '');
        f.height = 300;
        document.body.append(f);
        const s = document.createElement('script'); s.src = src + 'embed.js'; document.body.append(s);
    }""", tiny_site.url)
    wait_until(page, "parseInt(document.querySelector('iframe').style.height) > 600")
    frame = page.frame_locator("iframe")
    frame.locator("[data-next]").click()
    wait_until(page, "parseInt(document.querySelector('iframe').style.height) > 600")
