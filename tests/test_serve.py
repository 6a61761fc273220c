"""`koers serve` against a real process: rebuild on save, errors shown, last good build kept."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import tempfile
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


def start(project):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "builder", "serve", "--port", str(port), "-C", str(project)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"

    def up():
        try:
            return get(base + "__koers/state")[0] == 200
        except OSError:
            return process.poll() is not None and pytest.fail(process.stderr.read())

    wait_for(up)
    return process, base


@pytest.fixture
def server(tiny):
    process, base = start(tiny)
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
    assert result.stderr == (f"koers serve: cannot listen on 127.0.0.1:{port}: the port is in use "
                             f"(expected a free port: try --port {int(port) + 1})\n")


def saved(base, change):
    """Apply ``change``, then wait for the rebuild it causes; returns the new state."""
    before = state(base)["version"]
    change()
    return json.loads(get(f"{base}__koers/state?since={before}")[1])


def rename_save(path, text):
    """How git checkout, sed -i and many editors save: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.swap")
    temporary.write_text(text)
    os.replace(temporary, path)


def test_rename_saves_deletes_and_new_files_all_rebuild(server):
    base, project = server
    bank = project / "questions.yaml"
    good = bank.read_text()
    for word in ("Tiny-one", "Tiny-two", "Tiny-three"):  # once is not enough: the old watch went deaf after it
        after = saved(base, lambda: rename_save(bank, good.replace("name: Tiny", f"name: {word}")))
        assert after["errors"] == [] and f"· {word}</title>" in get(base + "en/about.html")[1]

    after = saved(base, bank.unlink)
    assert any("questions.yaml: file not found" in e for e in after["errors"])
    assert saved(base, lambda: bank.write_text(good))["errors"] == []

    image = project / "content" / "en" / "new.svg"
    about = project / "content" / "en" / "about.md"
    saved(base, lambda: rename_save(about, about.read_text() + "\n![New](new.svg)\n"))
    assert any("image 'new.svg' not found" in e for e in state(base)["errors"])
    assert saved(base, lambda: image.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>"))["errors"] == []
    assert 'src="../assets/new.' in get(base + "en/about.html")[1]


def test_a_tab_waiting_for_the_next_build_gets_it_at_once(server):
    base, project = server
    version = state(base)["version"]
    page = project / "content" / "en" / "about.md"
    started = time.monotonic()
    page.write_text(page.read_text() + "\nNew.\n")
    answer = json.loads(get(f"{base}__koers/state?since={version}")[1])
    assert answer["version"] == version + 1 and time.monotonic() - started < 5


def test_a_missing_page_is_the_sites_own_404_in_its_language(server):
    base, _ = server
    status, html = get(base + "no-such-page.html")
    assert status == 404 and "<title>Pagina niet gevonden · Tiny</title>" in html
    status, html = get(base + "en/levels/no-such-level.html")
    assert status == 404 and "<title>Page not found · Tiny</title>" in html
    assert get(base + "en/")[0] == 200 and "<html lang=\"en\">" in get(base + "en")[1]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_leaves_no_temporary_folder(tiny, stop):
    before = set(os.listdir(tempfile.gettempdir()))
    process, base = start(tiny)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0 and "koers serve: stopped" in stderr and "Traceback" not in stderr
    assert {name for name in set(os.listdir(tempfile.gettempdir())) - before if "koers" in name} == set()
    assert sorted(p.name for p in tiny.iterdir()) == ["content", "questions.yaml"]
