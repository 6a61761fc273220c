"""Untrusted input in the browser: random, truncated and oversized share links, and a damaged
localStorage. Never an uncaught error; always a clear message; the page keeps working."""

import base64
import json
import random
import zlib

import pytest

pytestmark = pytest.mark.browser


def link(obj) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode())).decode().rstrip("=")


def fragments(bank) -> list[str]:
    rng = random.Random(20261122)
    good = link({"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
                 "answers": {c["id"]: "no" for c in bank["criteria"]}})
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    cases = ["", "A", "====", "%%%", "r=" + good, good[: len(good) // 2], good[:-1], good + "A", good[::-1]]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(60)]
    cases += [base64.urlsafe_b64encode(zlib.compress(rng.randbytes(rng.randint(1, 300)))).decode().rstrip("=")
              for _ in range(20)]
    cases += [link(value) for value in (None, 1, "text", [], {"format": "other"}, {"format": "koers-result"},
                                        {"format": "koers-result", "answers": {"x": "maybe"}},
                                        {"format": "koers-result", "answers": [1, 2]})]
    cases.append("A" * 300_000)  # oversized
    bomb = zlib.compress(b"[" + b"0," * 20_000_000 + b"0]", 9)  # 40 MB of JSON in ~40 KB
    cases.append(base64.urlsafe_b64encode(bomb).decode().rstrip("="))
    return cases


def test_decoder_never_throws_anything_but_its_own_message(page, source, default_site):
    page.goto(source.url + "tests/browser/blank.html")
    cases = fragments(default_site.bank("nl"))
    outcomes = page.evaluate("""async (cases) => {
        const { decode } = await import('/builder/static/js/codec.js');
        const out = [];
        for (const text of cases) {
            const start = performance.now();
            try { const v = await decode(text); out.push(['ok', typeof v, performance.now() - start]); }
            catch (e) { out.push([e instanceof Error ? e.message : 'not an Error', '', performance.now() - start]); }
        }
        return out;
    }""", cases)
    assert len(outcomes) == len(cases)
    for text, (verdict, _kind, ms) in zip(cases, outcomes):
        assert verdict in ("ok", "damaged"), (text[:40], verdict)
        assert ms < 2000, f"decoding took {ms:.0f} ms for {text[:40]}…"
    assert outcomes[-1][0] == "damaged" and outcomes[-2][0] == "damaged", "oversized input and zip bombs are refused"


def test_results_page_explains_bad_links_and_keeps_working(new_page, default_site):
    ui = default_site.ui("nl")
    page = new_page()
    for fragment in ("garbage!", "A" * 300_000, link({"format": "other"}), link([1, 2, 3])):
        page.goto(default_site.url + "results.html#r=" + fragment)
        page.wait_for_selector("[data-status]:not(:empty)")
        assert page.text_content("[data-status]").strip() == ui["results.link_broken"]
        assert page.is_visible("[data-empty]")


@pytest.mark.parametrize("stored", ["{not json", '"a string"', "[]", "null", '{"format":"koers-result","answers":7}'])
@pytest.mark.parametrize("where", ["scan.html", "results.html"])
def test_corrupted_storage_starts_clean_and_says_so(new_page, default_site, stored, where):
    bank, ui = default_site.bank("nl"), default_site.ui("nl")
    key = "koers:" + bank["bank"]
    page = new_page()
    page.goto(default_site.url + "privacy.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, stored])
    page.goto(default_site.url + where)
    page.wait_for_selector("[data-status]:not(:empty)")
    assert page.text_content("[data-status]").strip() == ui["scan.storage_reset"]
    assert page.evaluate("k => localStorage.getItem(k)", key) is None
    page.reload()
    assert page.text_content("[data-status]").strip() == "", "the message is said once"


def test_answers_saved_with_an_older_bank_are_kept_where_they_fit(new_page, default_site):
    bank, ui = default_site.bank("nl"), default_site.ui("nl")
    first, second = bank["criteria"][0]["id"], bank["criteria"][1]["id"]
    old = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": "2020.1",
           "answers": {first: "yes", second: "no", "gone-criterion": "yes"}}
    page = new_page()
    page.goto(default_site.url + "privacy.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["koers:" + bank["bank"], json.dumps(old)])
    page.goto(default_site.url + "scan.html")
    page.wait_for_selector("[data-status]:not(:empty)")
    expected = ui["scan.storage_stale"].format(version="2020.1", dropped=1, fresh=len(bank["criteria"]) - 2)
    assert page.text_content("[data-status]").strip() == expected
    assert page.is_checked(f'input[name="{first}"][value="yes"]') and page.is_checked(f'input[name="{second}"][value="no"]')
    saved = json.loads(page.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"]))
    assert saved["version"] == bank["version"] and "gone-criterion" not in saved["answers"]


def test_other_tabs_follow_changes_and_clearing(new_page, default_site):
    """Two tabs of one browser: an answer given in one shows in the other, and answers cleared
    in one (forget, or the workshop's next respondent) vanish from the other instead of being
    saved back by it."""
    bank = default_site.bank("nl")
    first = bank["criteria"][0]["id"]
    scan = new_page()
    context = scan.context
    results = context.new_page()
    scan.goto(default_site.url + "scan.html")
    results.goto(default_site.url + "results.html")
    scan.check(f'input[name="{first}"][value="no"]')
    results.wait_for_selector("[data-route] [data-item]")
    assert results.is_hidden("[data-empty]")
    results.click("[data-forget]")
    results.click("dialog[data-ask] [data-ask-ok]")
    for _ in range(100):
        if not scan.is_checked(f'input[name="{first}"][value="no"]'):
            break
        scan.wait_for_timeout(20)
    assert not scan.is_checked(f'input[name="{first}"][value="no"]'), "the scan tab still shows cleared answers"
    scan.fill('textarea[data-note]', "x")  # any save from this tab now starts from the cleared state
    saved = json.loads(scan.evaluate("k => localStorage.getItem(k)", "koers:" + bank["bank"]))
    assert saved["answers"] == {}
