"""``koers serve``: preview with rebuild-on-save and automatic reload of the open tab.

The preview is served from memory and never written anywhere: no ``site/`` that a
half-edited preview could leave behind to be deployed, and no temporary folder to clean up
when the server is stopped. A broken edit keeps the last good build on screen, with the
errors shown over it and in the terminal.

Open tabs ask ``__koers/state?since=N`` and the answer waits until build N+1 is there, so
a tab reloads as soon as a rebuild lands instead of at its next poll.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

RELOAD_PATH = "__koers/reload.js"
LONG_POLL = 20.0  # seconds an open tab's question may wait; browsers and proxies allow far longer


class Preview:
    """The current build, what the open tabs wait on: a counter, the files and the errors, if any."""

    def __init__(self):
        self.version = 0
        self.files: dict[str, bytes] = {}
        self.languages: list[str] = []
        self.errors: list[str] = []
        self.changed = threading.Condition()

    def publish(self, files: dict[str, bytes] | None, errors: list[str]) -> None:
        with self.changed:
            if files is not None:
                self.files = files
            self.errors, self.version = errors, self.version + 1
            self.changed.notify_all()

    def state(self, since: int | None, timeout: float = LONG_POLL) -> bytes:
        """The state as JSON; with ``since``, once the version differs from it (or at the timeout)."""
        with self.changed:
            if since is not None:
                self.changed.wait_for(lambda: self.version != since, timeout)
            return json.dumps({"version": self.version, "errors": self.errors}).encode()


def rebuild(root: Path, preview: Preview) -> None:
    from .pipeline import produce

    started = time.perf_counter()
    site, problems = produce(root, dev_script=RELOAD_PATH)
    if site is None:
        lines = [str(p) for p in problems if p.severity == "error"]
        keeping = "still serving the last good build" if preview.files else "the page shows the errors until they are fixed"
        print("\n".join(lines) + f"\nkoers serve: build failed; {keeping}.", file=sys.stderr, flush=True)
        preview.publish(None, lines)
        return
    for warning in problems:
        print(warning, file=sys.stderr)
    print(f"koers serve: rebuilt {len(site.pages)} pages in {time.perf_counter() - started:.2f} s", file=sys.stderr,
          flush=True)
    preview.languages = sorted({page.split("/", 1)[0] for page in site.pages if page.endswith("/index.html")})
    preview.publish(site.files, [])


class _Handler(BaseHTTPRequestHandler):
    preview: Preview  # set on the subclass that serve() makes

    head_only = False

    def do_HEAD(self):
        self.head_only = True
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        path = unquote(url.path).lstrip("/")
        if path.endswith(RELOAD_PATH):
            return self._send(200, resources.files("builder").joinpath("static/dev/reload.js").read_bytes(), path)
        if path.endswith("__koers/state"):
            since = parse_qs(url.query).get("since", [""])[0]
            return self._send(200, self.preview.state(int(since) if since.lstrip("-").isdigit() else None), "state.json")
        files = self.preview.files
        if not files:
            return self._send(500, _error_page(self.preview.errors), "error.html")
        if path in files:
            return self._send(200, files[path], path)
        if (path == "" or path.endswith("/")) and path + "index.html" in files:
            return self._send(200, files[path + "index.html"], "index.html")
        if path + "/index.html" in files:  # like any static host: en -> en/, so relative URLs work
            return self._redirect("/" + path + "/")
        return self._send(404, files.get(self._not_found_page(path), b"Not found"), "404.html")

    def _not_found_page(self, path: str) -> str:
        """The site's own 404 page, in the language of the folder asked for, as static hosts serve it."""
        lang = path.split("/", 1)[0]
        return f"{lang}/404.html" if lang in self.preview.languages else "404.html"

    def _send(self, status: int, body: bytes, name: str):
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        # Asset names carry their content's hash, so a reloading tab may keep them; pages never.
        self.send_header("Cache-Control", "max-age=31536000, immutable" if name.startswith("assets/") else "no-store")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):  # the terminal is for build results, not every request
        pass


def _error_page(errors: list[str]) -> bytes:
    from html import escape

    items = "".join(f"<li><code>{escape(e)}</code></li>" for e in errors)
    return (f"<!doctype html><html lang=en><meta charset=utf-8><title>Koers: build failed</title>"
            f"<script defer src='/{RELOAD_PATH}'></script>"
            f"<h1>The build failed</h1><p>Fix these and save; this page reloads by itself.</p><ul>{items}</ul>").encode()


def watched(root: Path) -> tuple[list[Path], list[Path]]:
    """(shallow, deep) folders whose changes rebuild: the project's own files (questions.yaml, a
    logo) and all of content/, plus, in a source checkout of Koers, its templates, static
    files and UI texts. Never site/ or .venv/: they are not sources."""
    deep = [root / "content"]
    package = Path(str(resources.files("builder")))
    if (package.parent / "pyproject.toml").exists():
        deep += [package / "templates", package / "static", package / "locales"]
    return [root], deep


def listen(host: str, port: int, handler) -> ThreadingHTTPServer:
    """The server, or :class:`CannotListen` with a one-line reason and the fix."""
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except socket.gaierror:
        raise CannotListen(f"--host {host}: not a host name or address this machine knows "
                           f"(expected e.g. 127.0.0.1, localhost or 0.0.0.0)", 2) from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise CannotListen(f"cannot listen on {host}:{port}: the port is in use "
                               f"(expected a free port: try --port {port + 1})", 1) from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise CannotListen(f"--host {host}: not an address of this machine "
                               f"(expected e.g. 127.0.0.1 or 0.0.0.0)", 2) from None
        if exc.errno == errno.EACCES:  # ports below 1024 need root
            raise CannotListen(f"--port {port}: not allowed for this user "
                               f"(expected a port from 1024 up, e.g. --port 8000)", 2) from None
        raise CannotListen(f"cannot listen on {host}:{port} ({exc.strerror})", 1) from None
    server.daemon_threads = True  # a tab's waiting question must not hold up the stop
    return server


class CannotListen(Exception):
    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from .watch import changes

    preview = Preview()
    handler = type("Handler", (_Handler,), {"preview": preview})
    try:
        server = listen(host, port, handler)
    except CannotListen as refused:
        print(f"koers serve: {refused}", file=sys.stderr)
        return refused.exit_code
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C, and how process managers and tests stop it
        signal.signal(number, lambda *_: stop.set())
    rebuild(root, preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"koers serve: http://{host}:{server.server_port}/ (Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        for _changed in changes(*watched(root), stop):
            rebuild(root, preview)
    finally:
        server.shutdown()
        server.server_close()
    print("koers serve: stopped", file=sys.stderr)
    return 0
