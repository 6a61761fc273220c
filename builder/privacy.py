"""Find anything in HTML or CSS that would make a browser contact another origin.

The scan's promise is that nothing leaves the browser; a single web font or tracking pixel
would break it silently, so the build refuses them and names the file and line. Plain
``<a href>`` links are fine: they are only followed when a visitor chooses to.
"""

from __future__ import annotations

import bisect
import itertools
import re

FETCHING_ATTRS = {"src", "srcset", "poster", "data", "action", "formaction", "background", "ping", "manifest", "xlink:href"}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
                      "prerender", "manifest", "apple-touch-icon", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
EXTERNAL = re.compile(r"^\s*(//|[a-z][a-z0-9+.-]*:)", re.I)


def is_external(url: str) -> bool:
    """Anything with a scheme or a network path; data: URIs travel inside the page, so they stay."""
    url = url.strip()
    return bool(EXTERNAL.match(url)) and not url.startswith(("{{", "data:"))


def check_css(text: str) -> list[tuple[int, str]]:
    found = []
    for match in CSS_URL.finditer(text):
        url = match.group(1) or match.group(2)
        if is_external(url):
            found.append((text.count("\n", 0, match.start()) + 1, f"CSS loads '{url}' from another origin"))
    return found


TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_RISKY_TAG = r"<(?:script|style|iframe|frame|object|embed|portal|base|link|meta)\b"
_RISKY_ATTR = r"\s(?=[sofpdbmxa])(?:src|srcset|style|on\w+|action|formaction|poster|data|background|ping|manifest|xlink:href)\s*="
RISKY_SPOT = re.compile(f"{_RISKY_TAG}|{_RISKY_ATTR}", re.I)
# Case-insensitive alternations cost a third of a large build; on lower-cased text two
# case-sensitive searches find the same spots three times faster.
RISKY_TAG, RISKY_ATTR = re.compile(_RISKY_TAG), re.compile(_RISKY_ATTR)
RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)


def check_html(text: str, allow_inline: bool = False) -> list[tuple[int, str]]:
    """Return (line, problem) pairs. ``allow_inline`` is for the single-file edition, whose
    inline script and style are pinned by hashes in its Content-Security-Policy.

    A tokenizer, not a full parser: it must get through a 10 MB scan page in well under a
    second, and it only needs tags and their attributes.
    """
    found: list[tuple[int, str]] = []

    def line_at(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    skip = []  # (start, end) of script and style contents, which are not markup
    for match in RAW_TEXT.finditer(text):
        skip.append((match.start(2), match.end(2)))
        if match.group(1).lower() == "style":
            base = line_at(match.start(2)) - 1
            found.extend((base + n, m) for n, m in check_css(match.group(2)))
    skip_starts = [start for start, _ in skip]
    checked = set()
    # Only tags that hold something risky are parsed: a scan page has a million harmless ones.
    for spot in _risky_spots(text):
        start = text.rfind("<", 0, spot.start() + 1)
        i = bisect.bisect_right(skip_starts, start) - 1
        if start in checked or (i >= 0 and skip[i][0] <= start < skip[i][1]):
            continue
        checked.add(start)
        match = TAG.match(text, start)
        if match:
            found.extend((line_at(start), message) for message in _check_tag(match.group(1).lower(), match.group(2), allow_inline))
    return sorted(found)


def _risky_spots(text: str):
    low = text.lower()
    if len(low) != len(text):  # a letter like "İ" grew when lower-cased: offsets would shift
        return RISKY_SPOT.finditer(text)
    return itertools.chain(RISKY_TAG.finditer(low), RISKY_ATTR.finditer(low))


def _check_tag(tag: str, rest: str, allow_inline: bool):
    attrs = [(name.lower(), (value or "").strip("\"'")) for name, value in ATTR.findall(rest)]
    values = dict(attrs)
    for name, value in attrs:
        if name in FETCHING_ATTRS and any(is_external(part.split()[0]) for part in value.split(",") if part.strip()):
            yield f"<{tag} {name}=\"{value}\"> would fetch from another origin"
        elif name.startswith("on") and len(name) > 2:
            yield f"<{tag} {name}=…>: inline event handlers are blocked by the CSP (use a script file)"
        elif name == "style" and not allow_inline:
            yield f"<{tag} style=…>: style attributes are blocked by the CSP (use a class)"
    if tag == "link" and set(values.get("rel", "").lower().split()) & FETCHING_LINK_RELS and is_external(values.get("href", "")):
        yield f"<link rel=\"{values.get('rel')}\" href=\"{values['href']}\"> would fetch from another origin"
    if tag in ("iframe", "frame", "object", "embed", "portal"):
        yield f"<{tag}> is not allowed on the site's pages (the CSP blocks embedded content)"
    if tag == "base":
        yield "<base> changes every relative URL and is blocked by the CSP"
    if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and is_external(values.get("content", "").partition("url=")[2]):
        yield "<meta http-equiv=refresh> sends the visitor to another origin"
    if tag == "script" and "src" not in values and not allow_inline and values.get("type", "") != "application/json":
        yield "inline <script>: the CSP only allows script files from the site itself"
    if tag == "style" and not allow_inline:
        yield "inline <style>: the CSP only allows style sheets from the site itself"
