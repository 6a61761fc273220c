"""Fixtures for the browser tests: built sites served over local HTTP, one Chromium per session,
a fresh context per test, and a page that fails the test on any request to another origin and
on any console error or uncaught exception.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder import build
from builder.entries import read_back

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "tiny"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Served:
    """A folder served on 127.0.0.1 at a random port."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.url = self.origin + "/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Site(Served):
    """A built site plus the bank and UI texts exactly as its JS bundle carries them."""

    def __init__(self, project: Path, out: Path):
        build(project, out)
        super().__init__(out)
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.glob("assets/*.js")}
        langs = {p.split(".")[1] for p in files if p.startswith("assets/core.")}
        self.data = {lang: read_back(files, lang) for lang in langs}
        first = re.search(r'<html lang="([^"]+)"', (out / "index.html").read_text("utf-8")).group(1)
        self.languages = [first] + sorted(set(self.data) - {first})

    def home(self, lang: str) -> str:
        return self.url if lang == self.languages[0] else f"{self.url}{lang}/"

    def bank(self, lang: str) -> dict:
        return self.data[lang]["bank"]

    def ui(self, lang: str) -> dict:
        return self.data[lang]["ui"]


_servers: list[Served] = []


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory) -> Site:
    site = Site(TINY, tmp_path_factory.mktemp("tiny") / "site")
    _servers.append(site)
    return site


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Site:
    if not (ROOT / "questions.yaml").is_file():
        pytest.skip("the default question bank (questions.yaml) is not there yet")
    site = Site(ROOT, tmp_path_factory.mktemp("default") / "site")
    _servers.append(site)
    return site


@pytest.fixture(scope="session")
def source() -> Served:
    """The repository, so tests can import() the app's pure modules from builder/static/js."""
    served = Served(ROOT)
    _servers.append(served)
    return served


def pytest_sessionfinish(session, exitstatus):
    for served in _servers:
        served.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium package (tests/install-chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Watch:
    """Everything a page asked the network for, and every console error it produced."""

    def __init__(self):
        self.requests: list[str] = []
        self.errors: list[str] = []

    def attach(self, page):
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        return page

    def foreign(self) -> list[str]:
        local = ("blob:", "data:", "about:", "file:")  # file: only when a test opens the site from disk
        return [u for u in self.requests if not u.startswith(local) and
                f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" not in {s.origin for s in _servers}]

    def network(self, since: int = 0) -> list[str]:
        """Requests that went (or would go) over the network since index ``since``."""
        return [u for u in self.requests[since:] if not u.startswith(("blob:", "data:", "about:"))]


@pytest.fixture
def watch():
    return Watch()


@pytest.fixture
def new_page(browser, watch):
    """new_page(**context_options) -> a guarded page in a fresh context (closed after the test)."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        return watch.attach(context.new_page())

    yield make
    for context in contexts:
        context.close()
    assert not watch.foreign(), f"requests to other origins: {watch.foreign()}"
    assert not watch.errors, "\n".join(watch.errors)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def axe():
    """axe(page, what): assert axe-core finds no violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def check(page, what: str = ""):
        result = runner.run(page)
        details = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} @ {[n['target'] for n in v['nodes']][:5]}"
                            for v in result.response["violations"])
        assert result.violations_count == 0, f"axe violations on {what or page.url}:\n{details}"
    return check

