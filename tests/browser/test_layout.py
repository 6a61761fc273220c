"""Pages that must fit a phone and read well: the embed page with its copy buttons, level pages,
and page titles that do not repeat the site's name."""

import pytest

from helpers import wait_until

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


def test_embed_page_fits_a_phone_and_copies_each_snippet(new_page, default_site, axe):
    page = new_page(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(default_site.home("en") + "embed.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    buttons = page.locator("[data-copy-snippet]")
    assert buttons.count() == page.locator("pre.snippet").count() == 3
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("pre.snippet code").nth(1).text_content()
    assert copied.startswith("<iframe src=") and "embed/scan.html" in copied
    ui = default_site.ui("en")
    assert page.locator("[data-copy-status]").nth(1).text_content() == ui["results.copied"]
    axe(page, "embed page on a phone")


def test_embed_page_without_clipboard_selects_the_code(new_page, default_site):
    page = new_page(viewport=PHONE)
    page.goto(default_site.home("en") + "embed.html")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } })")
    page.click("[data-copy-snippet] >> nth=0")
    wait_until(page, "getSelection().toString().length > 0")
    assert page.evaluate("getSelection().toString()") == page.locator("pre.snippet code").first.text_content()
    assert page.locator("[data-copy-status]").first.text_content() == page.get_attribute("[data-copy-failed]", "data-copy-failed")


def test_level_page_text_is_wide_enough_on_a_phone(new_page, default_site):
    page = new_page(viewport=PHONE)
    level = default_site.bank("en")["levels"][2]["id"]
    page.goto(default_site.home("en") + f"levels/{level}.html")
    widths = page.eval_on_selector_all(".facts-list dd", "ds => ds.map((d) => d.getBoundingClientRect().width)")
    assert widths and min(widths) >= 280
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_titles_do_not_repeat_the_site_name(page, default_site):
    page.goto(default_site.home("en") + "index.html")
    name = page.text_content(".brand").strip()
    assert page.title().count(name) == 1
    page.goto(default_site.home("en") + "scan.html")
    assert page.title().endswith(" · " + name) and page.title().count(name) == 1


def test_not_found_page_keeps_its_style_and_links_at_any_depth(page, default_site, watch):
    # A static host answers a missing address, however deep, with the site's 404.html.
    body = (default_site.folder / "404.html").read_text()
    page.route("**/areas/old/gone/page.html", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(default_site.url + "areas/old/gone/page.html")
    assert "Times" not in page.evaluate("getComputedStyle(document.body).fontFamily"), "the style sheet did not load"
    page.click("main a.button")
    page.wait_for_url(default_site.url + "index.html")
    assert page.locator("main a.button.primary[href='scan.html']").count() == 1
    # The one console error is the missing page's own 404 status; nothing it loads fails.
    assert [e for e in watch.errors if "404" in e] == watch.errors[:1] and len(watch.errors) == 1
    watch.errors.clear()
