"""Hostile text in every field of the bank and in the Markdown: shown literally, never run.

Each payload tries to run `window.__pwned = 1` (or to hide the page). A page passes when the
payload is visible as text, no dialog opened, nothing was set, and the CSP logged nothing.
"""

from __future__ import annotations

import itertools
import shutil

import pytest
import yaml

from builder.loader import load_yaml
from builder.problems import Problems
from conftest import TINY, Site, _servers

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "</script><script>window.__pwned=1</script>",
    "</style><style>body{display:none}</style>",
    "a\u202eevil\u202c b",
    "{{ 7*7 }} ${7*7} `x`",
    "😀 👩🏽‍💻 🇳🇱",
    "L" * 10_000,
]
MARKDOWN = """
<script>window.__pwned=1</script>

<div onclick="window.__pwned=1">raw block</div>

[click me](javascript:window.__pwned=1) and [data](data:text/html,<script>window.__pwned=1</script>)

Text with </style> and {{ 7*7 }} and \u202eevil\u202c.
"""


def poison(value, payloads):
    """Replace every translatable text with a payload, keeping ids and numbers valid."""
    if isinstance(value, dict):
        if value and set(value) <= {"nl", "en"}:
            return {lang: next(payloads) for lang in value}
        return {k: (v if k in ("id", "area", "level", "requires", "areas", "levels", "source", "colour",
                                "bank", "languages", "version") else poison(v, payloads)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, payloads) for v in value]
    if isinstance(value, str):
        return next(payloads)[:60]  # site name and source titles: short fields
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(TINY, project)
    bank = load_yaml((project / "questions.yaml").read_text(), "questions.yaml", Problems()).data
    bank = poison(bank, itertools.cycle(PAYLOADS))
    (project / "questions.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False))
    for page in (project / "content").rglob("*.md"):
        page.write_text(page.read_text() + MARKDOWN)
    site = Site(project, project / "site")
    _servers.append(site)
    return site


TRAP = "window.__dialogs = []; for (const f of ['alert','confirm','prompt']) window[f] = (m) => window.__dialogs.push(m);"


def test_every_page_shows_hostile_text_literally(new_page, hostile_site, watch):
    page = new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(TRAP)
    pages = sorted(p.relative_to(hostile_site.folder).as_posix() for p in hostile_site.folder.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page.goto(hostile_site.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("window.__dialogs.length") == 0, path
        assert page.evaluate("getComputedStyle(document.body).display") != "none", path
        text = page.inner_text("body")
        assert "49" not in text.replace("L", ""), f"a template expression was evaluated on {path}"
    en_about = hostile_site.url + "en/about.html"
    page.goto(en_about)
    body = page.inner_text("body")
    assert '<script>window.__pwned=1</script>' in body and '<div onclick="window.__pwned=1">raw block</div>' in body
    assert page.eval_on_selector_all("a", "links => links.filter(a => /^(javascript|data):/i.test(a.href)).length") == 0
    assert dialogs == []


def test_hostile_bank_text_in_the_scan_and_route(new_page, hostile_site):
    page = new_page()
    page.add_init_script(TRAP)
    page.goto(hostile_site.url + "en/scan.html")
    legends = page.eval_on_selector_all("fieldset.criterion legend", "ls => ls.map(l => l.textContent)")
    assert any("<script>window.__pwned=1</script>" in l or 'onerror="window.__pwned=1"' in l
               or "</script><script>" in l or "\u202e" in l or "L" * 100 in l for l in legends)
    steps = page.eval_on_selector_all("section.step", "ss => ss.map(s => s.dataset.area)")
    for number, area in enumerate(steps):
        for name in page.eval_on_selector_all(f'section[data-area="{area}"] fieldset.criterion',
                                              "fs => fs.map(f => f.dataset.criterion)"):
            page.check(f'input[name="{name}"][value="no"]')
        if number < len(steps) - 1:
            page.click("[data-next]")
    page.goto(hostile_site.url + "en/results.html")
    page.wait_for_selector("[data-route] li")
    route = page.inner_text("[data-route]")
    actions = [c["action"]["en"] for c in yaml.safe_load(
        (hostile_site.folder.parent / "questions.yaml").read_text())["criteria"]]
    assert any(a[:40] in route for a in actions), "route shows the action text literally"
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.__dialogs.length") == 0
