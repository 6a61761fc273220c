"""The statements and their "why" travel once per visit: the scan hands them to the results page
through storage (words.js), and the results page falls back to a file of its own when nothing
of its build was handed over (a share link opened cold, a rebuilt site, storage refused)."""

import json
import re

import pytest

from helpers import answer_by_keyboard, payload, seed, wait_until

pytestmark = pytest.mark.browser


def words_requests(watch) -> list[str]:
    return [u for u in watch.requests if re.search(r"/assets/words\.\w+\.[0-9a-f]+\.js$", u)]


def find_requests(watch) -> list[str]:
    return [u for u in watch.requests if re.search(r"/assets/find\.\w+\.[0-9a-f]+\.js$", u)]


def shown_why(page) -> dict:
    """The "because" line of each route item, by criterion."""
    page.wait_for_selector("[data-route] [data-item]")
    return dict(page.eval_on_selector_all("[data-route] [data-item]", """items => items.map(li =>
        [li.dataset.item, (li.querySelector('.why') || {}).textContent || ''])"""))


def expected_why(site, lang, ids) -> dict:
    bank, ui = site.bank(lang), site.ui(lang)
    by_id = {c["id"]: c for c in site.bank(lang)["criteria"]}
    return {cid: ui["results.because"] + ": " + by_id[cid]["why"] for cid in ids}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scan_hands_its_words_to_the_results_page(new_page, default_site, watch, lang):
    site, bank = default_site, default_site.bank(lang)
    page = new_page()
    page.goto(site.home(lang) + "scan.html")
    page.wait_for_load_state("load")
    key = "koers:" + bank["bank"] + ":words"
    assert page.evaluate("k => localStorage.getItem(k)", key) is None, "nothing is stored before a first answer"
    first = bank["criteria"][0]["id"]
    answer_by_keyboard(page, first, "no")
    kept = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert kept["stamp"] == bank["words"]
    assert kept["text"] == [c["text"] for c in bank["criteria"]], "the form's statements, exactly as the bank has them"
    assert kept["why"] == [c["why"] for c in bank["criteria"]]
    page.goto(site.home(lang) + "results.html")
    why = shown_why(page)
    assert first in why and why == expected_why(site, lang, why), "the route quotes the handed-over why texts"
    assert words_requests(watch) == [], "the journey never downloads the words a second time"
    assert find_requests(watch) == [], "nothing answered \"Don't know\": no find-out question to show"


def test_a_share_link_opened_cold_loads_the_words(new_page, default_site, watch):
    site, bank = default_site, default_site.bank("nl")
    answers = {c["id"]: "no" for c in bank["criteria"]}
    page = new_page()
    page.goto(site.url + "results.html#r=" + payload({"format": "koers-result", "formatVersion": 2, "bank": bank["bank"],
                                                      "version": bank["version"], "answers": answers}))
    why = shown_why(page)
    assert len(why) > 10 and why == expected_why(site, "nl", why)
    assert len(words_requests(watch)) == 1
    # A statement the verdict quotes: the levels table says what holds each area.
    assert bank["criteria"][0]["text"] in page.text_content("[data-levels]")
    assert page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"] + ":words") is None


@pytest.mark.parametrize("where", ["embed/results.html", "en/results.html"])
def test_the_fallback_is_found_from_any_folder(new_page, default_site, watch, where):
    lang = "en" if where.startswith("en/") else "nl"
    bank = default_site.bank(lang)
    page = new_page()
    seed(page, default_site, lang, {c["id"]: "partly" for c in bank["criteria"]})
    page.goto(default_site.url + where)
    why = shown_why(page)
    assert why == expected_why(default_site, lang, why)
    assert [u.rsplit("/", 1)[1] for u in words_requests(watch)] == [bank["words"]]


def test_words_of_another_build_are_not_used(new_page, default_site, watch):
    """A site rebuilt after the scan: its results must not quote the old texts."""
    bank = default_site.bank("nl")
    page = new_page()
    seed(page, default_site, "nl", {c["id"]: "no" for c in bank["criteria"]})
    old = {"stamp": "words.nl.0000000000.js", "text": ["old"] * len(bank["criteria"]), "why": ["old why"] * len(bank["criteria"])}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["koers:" + bank["bank"] + ":words", json.dumps(old)])
    page.goto(default_site.url + "results.html")
    why = shown_why(page)
    assert why == expected_why(default_site, "nl", why)
    assert len(words_requests(watch)) == 1


def test_storage_that_refuses_the_words_keeps_the_answers_and_says_nothing(new_page, default_site, watch):
    """The words are only a copy of the site's texts: a full storage for them is not a storage
    failure (no notice, answers saved as ever), and the results page loads them instead."""
    bank = default_site.bank("nl")
    page = new_page()
    page.add_init_script("""const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
            if (k.endsWith(':words')) throw new DOMException('full', 'QuotaExceededError');
            return set.call(this, k, v);
        };""")
    page.goto(default_site.url + "scan.html")
    page.wait_for_load_state("load")
    first = bank["criteria"][0]["id"]
    answer_by_keyboard(page, first, "no")
    assert page.is_hidden("[data-storage-notice]")
    page.click("[data-next]")
    page.goto(default_site.url + "results.html")
    assert first in shown_why(page)
    assert len(words_requests(watch)) == 1


def test_a_missing_words_file_leaves_a_working_page(new_page, default_site, watch):
    bank = default_site.bank("nl")
    page = new_page()
    seed(page, default_site, "nl", {c["id"]: "no" for c in bank["criteria"]})
    page.route("**/assets/words.*", lambda route: route.abort())
    page.goto(default_site.url + "results.html")
    why = shown_why(page)
    assert why and all(v.endswith(": ") for v in why.values())
    assert page.is_visible("[data-exports]")
    watch.errors.clear()  # the refused file itself is logged


def test_clearing_the_answers_removes_the_handed_over_words(new_page, default_site):
    bank = default_site.bank("nl")
    page = new_page()
    page.goto(default_site.url + "scan.html")
    page.wait_for_load_state("load")
    answer_by_keyboard(page, bank["criteria"][0]["id"], "yes")
    page.goto(default_site.url + "results.html")
    page.wait_for_selector("[data-forget]")
    page.click("[data-forget]")
    page.click("dialog[data-ask] [data-ask-ok]")
    page.wait_for_selector("[data-undo-button]:focus")
    assert page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"] + ":words") is None


def test_a_results_page_with_nothing_to_show_loads_no_words(new_page, default_site, watch):
    """A first-time visitor on the results page sees the empty state: no statement to quote, so
    no words file; a result taken in afterwards (here: a share link) brings them."""
    bank = default_site.bank("nl")
    page = new_page()
    page.goto(default_site.url + "results.html")
    page.wait_for_load_state("networkidle")
    assert page.is_visible("[data-empty]") and words_requests(watch) == []
    answers = {c["id"]: "no" for c in bank["criteria"]}
    page.goto(default_site.url + "results.html#r=" + payload({"format": "koers-result", "formatVersion": 2,
                                                              "bank": bank["bank"], "version": bank["version"],
                                                              "answers": answers}))
    why = shown_why(page)
    assert why == expected_why(default_site, "nl", why) and len(words_requests(watch)) == 1


def dont_know(bank) -> str:
    return next(a["id"] for a in bank["answers"] if a.get("means") == "unknown")


def test_a_dont_know_loads_the_find_out_questions(new_page, default_site, watch, tmp_path):
    """Only a "Don't know" shows a find-out question, so only then does the results page load
    them; the route and the Markdown export ask the criterion's own question."""
    bank = default_site.bank("nl")
    first = bank["criteria"][0]
    page = new_page(accept_downloads=True)
    seed(page, default_site, "nl", {**{c["id"]: "no" for c in bank["criteria"]}, first["id"]: dont_know(bank)})
    page.goto(default_site.url + "results.html")
    page.wait_for_selector(f"[data-route] [data-item='{first['id']}']")
    assert page.text_content(f"[data-route] [data-item='{first['id']}'] .action") == first["find_out"]
    assert [u.rsplit("/", 1)[1] for u in find_requests(watch)] == [bank["find"]]
    with page.expect_download() as info:
        page.click("[data-exports] [data-export=md]")
    info.value.save_as(tmp_path / "route.md")
    assert first["find_out"] in (tmp_path / "route.md").read_text("utf-8")


def test_a_missing_find_out_file_asks_whether_the_statement_holds(new_page, default_site, watch):
    bank, ui = default_site.bank("nl"), default_site.ui("nl")
    first = bank["criteria"][0]
    page = new_page()
    seed(page, default_site, "nl", {first["id"]: dont_know(bank)})
    page.route("**/assets/find.*", lambda route: route.abort())
    page.goto(default_site.url + "results.html")
    page.wait_for_selector(f"[data-route] [data-item='{first['id']}']")
    assert page.text_content(f"[data-route] [data-item='{first['id']}'] .action") == ui["results.find_out"] + " " + first["text"]
    watch.errors.clear()  # the refused file itself is logged
