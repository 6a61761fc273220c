"""Relative links and local files in guidance pages, checked where the maintainer wrote them.

``koers check`` and ``koers build`` give the same verdict on a link because both decide it
here, from the Markdown's real links (never text inside code), against the pages the site
will have. This needs no rendered site, so link errors show up in the same run as the
errors of ``questions.yaml``. A link or image to a local file under ``content/`` is
published as a hashed asset, like the style sheet and the scripts.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

# Pages every language has besides its guidance pages; tests compare this with a real build.
APP_PAGES = ("scan.html", "results.html", "embed/scan.html", "embed/results.html", "404.html", "koers-scan.html")
SITE_FILES = ("embed.js", "robots.txt", "sitemap.xml")


def hashed(name: str, data: bytes) -> str:
    """``assets/app.js`` -> ``assets/app.<hash>.js``: a new content is a new name, so caches never go stale."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return f"{name}.{hashlib.sha256(data).hexdigest()[:10]}"
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def page_path(languages: list[str], lang: str, slug: str) -> str:
    """Where the guidance page ``slug`` of ``lang`` lands in the site; the first language is at the root."""
    return ("" if lang == languages[0] else f"{lang}/") + f"{slug}.html"


def site_pages(languages: list[str], slugs: list[str]) -> frozenset[str]:
    paths = set(SITE_FILES)
    for lang in languages:
        paths.update(page_path(languages, lang, page.removesuffix(".html")) for page in APP_PAGES)
        paths.update(page_path(languages, lang, slug) for slug in slugs)
    return frozenset(paths)


def _state(file: Path) -> tuple | None:
    try:
        info = file.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


class LocalLinks:
    """The ``resolve`` hook of :func:`markup.render_markdown` for one page.

    Links to pages stay as written; links and images to files under ``content/`` get the
    URL of their hashed copy; anything else is recorded in ``broken`` as (url, message).
    """

    def __init__(self, page: str, pages: frozenset[str], source: Path, content_root: Path):
        self.page, self.folder, self.depth = page, posixpath.dirname(page), page.count("/")
        self.pages, self.source, self.content_root = pages, source, content_root.resolve()
        self.files: dict[str, bytes] = {}
        self.broken: list[tuple[str, str]] = []
        self.looked_at: dict[Path, tuple | None] = {}  # every file consulted, with its state then

    def fresh(self) -> "LocalLinks":
        """The same hook with nothing found yet."""
        return LocalLinks(self.page, self.pages, self.source, self.content_root)

    def unchanged(self) -> bool:
        """Whether every file consulted is as it was, so the verdicts and copies still hold."""
        return all(_state(file) == state for file, state in self.looked_at.items())

    def __call__(self, kind: str, url: str) -> str | None:
        cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
        path, rest = url[:cut], url[cut:]
        if not path:
            return None
        target = posixpath.normpath(posixpath.join(self.folder, path))
        if kind == "link" and (target in self.pages or f"{target}/index.html" in self.pages):
            return None
        file = (self.source.parent / path).resolve()
        self.looked_at[file] = _state(file)
        if file.exists() and not file.is_relative_to(self.content_root):
            self.broken.append((url, f"{kind} '{url}' is outside content/ (expected a file under content/, "
                                     f"so the site holds only what was meant to be published)"))
        elif file.is_file() and not (kind == "link" and file.suffix == ".md"):
            data = file.read_bytes()
            name = hashed(f"assets/{file.name}", data)
            self.files[name] = data
            return "../" * self.depth + name + rest
        elif kind == "link" and target.startswith(".."):
            return None  # above the site: a site published under a sub-path may link to its parent
        elif kind == "link" and path.endswith(".md"):
            self.broken.append((url, f"link '{url}' names the Markdown source (expected the page it becomes: "
                                     f"'{path.removesuffix('.md')}.html')"))
        elif kind == "image":
            self.broken.append((url, f"image '{url}' not found (expected a file under content/, "
                                     f"relative to this page)"))
        else:
            self.broken.append((url, f"link '{url}' leads nowhere (expected a page of the site, e.g. "
                                     f"'../levels/<id>.html' from a level or area page, or a file under content/)"))
        return None
