"""``koers serve``: preview with rebuild-on-save and automatic reload of the open tab.

It builds into a temporary folder, never ``site/``, so a preview can't leave a half-edited
site behind to be deployed. A broken edit keeps the last good build on screen, with the
errors shown over it and in the terminal.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from .problems import BuildFailed

RELOAD_PATH = "__koers/reload.js"


class DevState:
    """What the open tabs poll: a build counter and the current errors, if any."""

    def __init__(self):
        self.version = 0
        self.errors: list[str] = []
        self.built = False
        self.lock = threading.Lock()

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "errors": self.errors}).encode()


def rebuild(root: Path, out: Path, state: DevState) -> None:
    from .pipeline import build

    try:
        site, warnings = build(root, out, dev_script=RELOAD_PATH)
    except BuildFailed as failed:
        lines = [str(p) for p in failed.problems]
        keeping = "still serving the last good build" if state.built else "the page shows the errors until they are fixed"
        print("\n".join(lines) + f"\nkoers serve: build failed; {keeping}.", file=sys.stderr)
        with state.lock:
            state.errors, state.version = lines, state.version + 1
        return
    for warning in warnings:
        print(warning, file=sys.stderr)
    print(f"koers serve: rebuilt {len(site.pages)} pages", file=sys.stderr)
    with state.lock:
        state.errors, state.version, state.built = [], state.version + 1, True


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, state: DevState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.endswith("/" + RELOAD_PATH):
            return self._send(resources.files("builder").joinpath("static/dev/reload.js").read_bytes(), "text/javascript")
        if path.endswith("/__koers/state"):
            return self._send(self.state.as_json(), "application/json", cache=False)
        if not self.state.built:
            return self._send(_error_page(self.state.errors), "text/html; charset=utf-8", status=500)
        return super().do_GET()

    def _send(self, body: bytes, kind: str, status: int = 200, cache: bool = False):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):  # the terminal is for build results, not every request
        pass


def _error_page(errors: list[str]) -> bytes:
    from html import escape

    items = "".join(f"<li><code>{escape(e)}</code></li>" for e in errors)
    return (f"<!doctype html><html lang=en><meta charset=utf-8><title>Koers: build failed</title>"
            f"<script defer src='/{RELOAD_PATH}'></script>"
            f"<h1>The build failed</h1><p>Fix these and save; this page reloads by itself.</p><ul>{items}</ul>").encode()


def _watched(root: Path) -> list[Path]:
    paths = [p for p in (root / "questions.yaml", root / "content") if p.exists()]
    package = Path(str(resources.files("builder")))
    if (package.parent / "pyproject.toml").exists():  # a source checkout: templates count as sources too
        paths += [package / "templates", package / "static", package / "locales"]
    return paths or [root]


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from watchfiles import watch

    temp = Path(tempfile.mkdtemp(prefix="koers-serve-"))
    out = temp / "site"
    state = DevState()
    rebuild(root, out, state)
    out.mkdir(exist_ok=True)
    handler = partial(_Handler, directory=str(out), state=state)
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        print(f"koers serve: cannot listen on {host}:{port} ({exc.strerror}); "
              f"expected a free port: try --port {port + 1}", file=sys.stderr)
        shutil.rmtree(temp, ignore_errors=True)
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"koers serve: http://{host}:{server.server_port}/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        for _changes in watch(*_watched(root), debounce=150, raise_interrupt=False):
            rebuild(root, out, state)
    finally:
        server.shutdown()
        shutil.rmtree(temp, ignore_errors=True)
    return 0
