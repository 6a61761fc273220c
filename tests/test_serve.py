"""`koers serve` against a real process: rebuild on save, errors shown, last good build kept."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def server(tiny):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "builder", "-C", str(tiny), "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"

    def up():
        try:
            return get(base + "__koers/state")[0] == 200
        except OSError:
            return False

    wait_for(up)
    yield base, tiny
    process.terminate()
    process.wait(timeout=10)


def state(base):
    return json.loads(get(base + "__koers/state")[1])


def test_serve_rebuilds_reloads_and_keeps_last_good_build(server):
    base, project = server
    status, html = get(base + "en/about.html")
    assert status == 200 and "__koers/reload.js" in html and "connect-src &#39;self&#39;" in html
    assert not (project / "site").exists(), "serve must never write site/"
    first = state(base)["version"]

    page = project / "content" / "en" / "about.md"
    page.write_text(page.read_text() + "\nA freshly saved sentence.\n")
    wait_for(lambda: state(base)["version"] > first)
    assert "A freshly saved sentence." in get(base + "en/about.html")[1]

    bank = project / "questions.yaml"
    good = bank.read_text()
    bank.write_text(good.replace("    area: data\n    level: 3", "    area: dta\n    level: 3"))
    errors = wait_for(lambda: state(base)["errors"])
    assert any("area 'dta' does not exist" in e for e in errors)
    assert "A freshly saved sentence." in get(base + "en/about.html")[1]  # last good build still served

    bank.write_text(good)
    wait_for(lambda: not state(base)["errors"])


def test_busy_port_is_a_clear_error(server, tiny):
    base, _ = server
    port = base.rsplit(":", 1)[1].strip("/")
    result = subprocess.run([sys.executable, "-m", "builder", "-C", str(tiny), "serve", "--port", port],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
