"""Markdown to HTML that is safe to publish: raw HTML shows as text and links cannot run script.

Guidance is written by maintainers, but it also passes through forks, pull requests and
copy-paste; escaping beats trusting. Images must be local files, because anything fetched
from another origin would tell that origin who reads the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
LOCAL = re.compile(r"^[^:]*$")  # no scheme at all: a relative path


class _Guard(Treeprocessor):
    """Neutralise hrefs that could run script and collect images that would leave the site."""

    def __init__(self, md, findings):
        super().__init__(md)
        self.findings = findings

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = (element.get("href") or "").strip()
                if not SAFE_LINK.match(href.replace("\t", "").replace("\n", "")):
                    self.findings.append(("unsafe-link", href))
                    element.attrib.pop("href", None)
                elif href.startswith(("http:", "https:")):
                    element.set("rel", "noopener noreferrer")
            elif element.tag == "img":
                src = (element.get("src") or "").strip()
                if not LOCAL.match(src) or src.startswith("//"):
                    self.findings.append(("external-image", src))
                    element.set("src", "")


def render_markdown(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Return (html, findings); findings name unsafe links and external images, which callers report."""
    findings: list[tuple[str, str]] = []
    md = markdown.Markdown(extensions=["sane_lists", "toc"], extension_configs={"toc": {"toc_depth": "2-3"}})
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Guard(md, findings), "koers-guard", 0)
    return md.convert(text), findings


def inline_markdown(text: str) -> str:
    """Markdown for one paragraph shown inline (no wrapping <p>)."""
    html, _ = render_markdown(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.DOTALL)
