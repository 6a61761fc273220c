"""Markdown to HTML that is safe to publish: raw HTML shows as text and links cannot run script.

Guidance is written by maintainers, but it also passes through forks, pull requests and
copy-paste; escaping beats trusting. Images must be local files, because anything fetched
from another origin would tell that origin who reads the page.

The relative links and images found here are the real ones of the rendered Markdown, never
text inside code, so :mod:`links` checks exactly what a visitor can click.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache

from . import cache

SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
LOCAL = re.compile(r"^[^:]*$")  # no scheme at all: a relative path


def render_markdown(text: str, resolve=None) -> tuple[str, list[tuple[str, str]]]:
    """Return (html, findings); findings name unsafe links and external images, which callers report.

    ``resolve(kind, url)``, with kind "link" or "image", sees each relative URL and returns the
    URL to publish instead, or None to keep it.
    """
    if resolve is None:
        html, findings = _render_plain(text)
        return html, list(findings)
    return convert(text, resolve)


@lru_cache(maxsize=512)
def _render_plain(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Bank texts (pitfall bodies, footers) are checked and then rendered per language: convert each
    once per process, and keep the result between builds."""
    made_from = fingerprint() + text
    stored = cache.load("markdown", made_from)
    if stored is None:
        html, findings = convert(text, None)
        stored = (html, tuple(findings))
        cache.store("markdown", made_from, stored)
    return stored


def convert(text: str, resolve) -> tuple[str, list[tuple[str, str]]]:
    """The conversion itself, with nothing remembered."""
    md, guard = _converter()
    guard.findings, guard.resolve = [], resolve
    return md.reset().convert(text), guard.findings


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a conversion depends on besides its text: Koers' code and the Markdown package.

    Part of every cache key, so a new Koers or Markdown release never reuses an old result.
    """
    spec = importlib.util.find_spec("markdown")
    info = os.stat(spec.origin) if spec and spec.origin else None
    return f"{info.st_size if info else 0}:{info.st_mtime_ns if info else 0}:{cache.code_state()}"


@lru_cache(maxsize=1)
def _converter():
    """One converter, reset per page: setting up Markdown's extensions costs more than a page.

    Markdown is imported here, not at the top: a build whose pages all come from the cache never needs it.
    """
    import markdown
    md = markdown.Markdown(extensions=["sane_lists", "toc"], extension_configs={"toc": {"toc_depth": "2-3"}})
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    guard = _guard_class()(md)
    md.treeprocessors.register(guard, "koers-guard", 0)
    return md, guard


def _guard_class():
    import xml.etree.ElementTree as etree

    from markdown.treeprocessors import Treeprocessor

    class _Guard(Treeprocessor):
        """Neutralise hrefs that could run script, collect images that would leave the site, and
        hand every relative link and image to ``resolve`` (which may give it a new URL)."""

        findings: list[tuple[str, str]]
        resolve = None

        def run(self, root: etree.Element) -> None:
            for element in root.iter():
                if element.tag == "a":
                    href = (element.get("href") or "").strip()
                    if not SAFE_LINK.match(href.replace("\t", "").replace("\n", "")):
                        self.findings.append(("unsafe-link", href))
                        element.attrib.pop("href", None)
                    elif href.startswith(("http:", "https:")):
                        element.set("rel", "noopener noreferrer")
                    elif href and LOCAL.match(href) and not href.startswith(("#", "//")):
                        self._local(element, "href", "link", href)
                elif element.tag == "img":
                    src = (element.get("src") or "").strip()
                    if not LOCAL.match(src) or src.startswith("//"):
                        self.findings.append(("external-image", src))
                        element.set("src", "")
                    elif src:
                        self._local(element, "src", "image", src)

        def _local(self, element, attr, kind, url):
            new = self.resolve(kind, url) if self.resolve else None
            if new is not None:
                element.set(attr, new)

    return _Guard


def inline_markdown(text: str) -> str:
    """Markdown for one paragraph shown inline (no wrapping <p>)."""
    html, _ = render_markdown(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.DOTALL)
