"""Keyboard and storage helpers shared by the browser tests."""

import base64
import json
import zlib


def tab_to(page, selector: str, back: bool = False, limit: int = 500) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"could not reach {selector!r} with the keyboard")


ANSWER_KEYS = ["yes", "partly", "no", "unknown", "na"]


def answer_by_keyboard(page, criterion: str, value: str) -> None:
    """Tab into a radio group and pick ``value`` with the arrow keys (or Space)."""
    tab_to(page, f'input[type=radio][name="{criterion}"]')
    current = page.evaluate("document.activeElement.value")
    checked = page.evaluate("document.activeElement.checked")
    steps = (ANSWER_KEYS.index(value) - ANSWER_KEYS.index(current)) % len(ANSWER_KEYS)
    if steps == 0:
        if not checked:
            page.keyboard.press("Space")
    else:
        for _ in range(steps):
            page.keyboard.press("ArrowRight")
    assert page.evaluate("n => document.querySelector(`input[name='${n}']:checked`)?.value", criterion) == value


def seed(page, site, lang: str, answers: dict, notes: dict | None = None, targets: dict | None = None,
         version: str | None = None) -> None:
    """Put saved answers into this context's localStorage, as the scan would have."""
    bank = site.bank(lang)
    page.goto(site.home(lang) + "index.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [
        "koers:" + bank["bank"],
        json.dumps({"format": "koers-result", "formatVersion": 1, "bank": bank["bank"],
                    "version": version or bank["version"], "answers": answers, "notes": notes or {},
                    "targets": targets or {}})])


def saved(page, site, lang: str) -> dict | None:
    value = page.evaluate("k => localStorage.getItem(k)", "koers:" + site.bank(lang)["bank"])
    return json.loads(value) if value else None


def screen_route(page) -> list[dict]:
    """The route as the results page shows it."""
    return page.eval_on_selector_all("[data-route] [data-item]", """items => items.map(li => ({
        id: li.dataset.item, kind: li.classList.contains('find') ? 'find' : 'act',
        action: li.querySelector('.action').textContent, needed: !!li.querySelector('.needed'),
        phase: li.closest('ol').previousElementSibling.textContent }))""")


def wait_until(page, expression: str, timeout_ms: int = 5000) -> None:
    """Poll a JS expression from outside the page (the pages' CSP forbids the eval that
    Playwright's wait_for_function would use inside them)."""
    for _ in range(timeout_ms // 20):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(20)
    raise AssertionError(f"timed out waiting for {expression}")


def payload(obj) -> str:
    """The share-link code of a result object, as the app's codec writes it."""
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode())).decode().rstrip("=")


def stored(page, site, lang: str) -> str | None:
    """The saved state exactly as stored, to compare byte for byte."""
    return page.evaluate("k => localStorage.getItem(k)", "koers:" + site.bank(lang)["bank"])
