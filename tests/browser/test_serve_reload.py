"""`koers serve` in a real tab: a saved edit reloads the page; a broken edit shows its errors on top."""

import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import TINY

pytestmark = pytest.mark.browser


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_edit_reloads_the_open_tab_and_errors_show_in_the_page(browser, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(TINY, project)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "builder", "-C", str(project), "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "__koers/state", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "en/about.html")
        assert "A sentence saved just now." not in page.inner_text("main")

        about = project / "content" / "en" / "about.md"
        about.write_text(about.read_text() + "\nA sentence saved just now.\n")
        page.wait_for_selector("text=A sentence saved just now.", timeout=15_000)  # reloaded by itself

        bank = project / "questions.yaml"
        bank.write_text(bank.read_text().replace("    area: data\n    level: 3", "    area: dta\n    level: 3"))
        overlay = page.wait_for_selector(".koers-dev-errors", timeout=15_000)
        assert "area 'dta' does not exist" in overlay.inner_text()
        assert "A sentence saved just now." in page.inner_text("main"), "the last good build stays on screen"
        assert errors == []
        context.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
