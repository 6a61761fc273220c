"""Find anything in HTML or CSS that would make a browser contact another origin.

The scan's promise is that nothing leaves the browser; a single web font or tracking pixel
would break it silently, so the build refuses them and names the file and line. Plain
``<a href>`` links are fine: they are only followed when a visitor chooses to.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

FETCHING_ATTRS = {"src", "srcset", "poster", "data", "action", "formaction", "background", "ping", "manifest", "xlink:href"}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
                      "prerender", "manifest", "apple-touch-icon", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
EXTERNAL = re.compile(r"^\s*(//|[a-z][a-z0-9+.-]*:)", re.I)


def is_external(url: str) -> bool:
    url = url.strip()
    return bool(EXTERNAL.match(url)) and not url.startswith("{{")


def check_css(text: str) -> list[tuple[int, str]]:
    found = []
    for match in CSS_URL.finditer(text):
        url = match.group(1) or match.group(2)
        if is_external(url):
            found.append((text.count("\n", 0, match.start()) + 1, f"CSS loads '{url}' from another origin"))
    return found


def check_html(text: str, allow_inline: bool = False) -> list[tuple[int, str]]:
    """Return (line, problem) pairs. ``allow_inline`` is for the single-file edition, whose
    inline script and style are pinned by hashes in its Content-Security-Policy."""
    checker = _Checker(allow_inline)
    checker.feed(text)
    checker.close()
    return checker.found


class _Checker(HTMLParser):
    def __init__(self, allow_inline: bool):
        super().__init__(convert_charrefs=True)
        self.allow_inline = allow_inline
        self.found: list[tuple[int, str]] = []
        self.in_style = False
        self.in_script = False

    def report(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def handle_starttag(self, tag, attrs):
        attrs = [(k.lower(), v or "") for k, v in attrs]
        values = dict(attrs)
        for name, value in attrs:
            if name in FETCHING_ATTRS and any(is_external(part.split()[0]) for part in value.split(",") if part.strip()):
                self.report(f"<{tag} {name}=\"{value}\"> would fetch from another origin")
            elif name.startswith("on"):
                self.report(f"<{tag} {name}=…>: inline event handlers are blocked by the CSP (use a script file)")
            elif name == "style" and not self.allow_inline:
                self.report(f"<{tag} style=…>: style attributes are blocked by the CSP (use a class)")
        if tag == "link" and set(values.get("rel", "").lower().split()) & FETCHING_LINK_RELS and is_external(values.get("href", "")):
            self.report(f"<link rel=\"{values.get('rel')}\" href=\"{values['href']}\"> would fetch from another origin")
        if tag in ("iframe", "frame", "object", "embed", "portal") and not self.allow_inline:
            self.report(f"<{tag}> is not allowed on the site's pages (the CSP blocks embedded content)")
        if tag == "base":
            self.report("<base> changes every relative URL and is blocked by the CSP")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and is_external(values.get("content", "").partition("url=")[2]):
            self.report("<meta http-equiv=refresh> sends the visitor to another origin")
        if tag == "script":
            self.in_script = "src" not in values
            if self.in_script and not self.allow_inline:
                self.report("inline <script>: the CSP only allows script files from the site itself")
        if tag == "style":
            self.in_style = True
            if not self.allow_inline:
                self.report("inline <style>: the CSP only allows style sheets from the site itself")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_style:
            line = self.getpos()[0]
            self.found.extend((line + n - 1, m) for n, m in check_css(data))
