"""Load the Markdown guidance in ``content/<lang>/``: front matter, body, and what is missing.

A page's front matter carries its title and a one-line description (used for search
engines and link previews); everything below it is Markdown, rendered by :mod:`markup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .links import LocalLinks, page_path, site_pages
from .loader import load_yaml
from .markup import convert, fingerprint
from .problems import Problems
from .schema import did_you_mean

FRONT_MATTER_KEYS = {"title": "the page title", "description": "one sentence for search results"}
REQUIRED_PAGES = ("index", "how-it-works", "privacy")  # what every scan needs
OPTIONAL_PAGES = ("about", "pitfalls", "embed", "team")   # built when the project has their content
TOP_PAGES = REQUIRED_PAGES + OPTIONAL_PAGES


@dataclass
class Page:
    lang: str
    slug: str  # "about", "levels/adaptive"
    title: str
    description: str
    html: str
    source: str  # display path, for messages
    files: dict[str, bytes] = field(default_factory=dict)  # hashed copies of the local files it links to


def expected_slugs(level_ids: list[str], area_ids: list[str], optional=OPTIONAL_PAGES) -> list[str]:
    return [*REQUIRED_PAGES, *optional, *(f"levels/{i}" for i in level_ids), *(f"areas/{i}" for i in area_ids)]


def optional_pages(data: dict, root: Path, languages: list[str]) -> list[str]:
    """The optional pages this project builds: about when it is written (in the first
    language), pitfalls when the bank has some, team and embed unless site: switches them off."""
    site = data.get("site") if isinstance(data.get("site"), dict) else {}
    on = {"about": bool(languages) and (root / languages[0] / "about.md").is_file(),
          "pitfalls": bool(data.get("pitfalls")) and site.get("pitfalls", True) is not False,
          "embed": site.get("embed", True) is not False, "team": site.get("team", True) is not False}
    return [slug for slug in OPTIONAL_PAGES if on[slug]]


def load_content(root: Path, display_root: str, languages: list[str], slugs: list[str],
                 problems: Problems) -> dict[tuple[str, str], Page]:
    pages: dict[tuple[str, str], Page] = {}
    targets = site_pages(languages, slugs)
    _check_language_folders(root, display_root, languages, problems)
    for lang in languages:
        if not (root / lang).is_dir():
            problems.error(f"{display_root}/{lang}/", 0, 0, "", f"missing folder for language '{lang}' (expected "
                                                               f"{len(slugs)} Markdown pages: {', '.join(slugs[:4])}, …; "
                                                               f"copy another language's folder and translate it)")
            continue
        for slug in slugs:
            display = f"{display_root}/{lang}/{slug}.md"
            path = root / lang / f"{slug}.md"
            if not path.is_file():
                problems.error(display, 0, 0, "", f"missing page (expected a Markdown file with a title "
                                                  f"and description front matter; see {display_root}/README.md)")
                continue
            links = LocalLinks(page_path(languages, lang, slug), targets, path, root)
            page = _load_page(path, display, lang, slug, links, problems)
            if page:
                pages[(lang, slug)] = page
        _warn_unused(root / lang, f"{display_root}/{lang}", set(slugs), problems)
    return pages


def _load_page(path: Path, display: str, lang: str, slug: str, links: LocalLinks, problems: Problems) -> Page | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.error(display, 1, 1, "", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None
    meta, body, body_line = _split_front_matter(text, display, problems)
    if meta is None:
        return None
    html, findings, links = _convert(body, links)
    for url, message in links.broken:
        problems.error(display, body_line + _line_of(body, url), 1, "", message)
    for kind, url in findings:
        line = body_line + _line_of(body, url)
        if kind == "external-image":
            problems.error(display, line, 1, "", f"image '{url}' would be fetched from another origin "
                                                 f"(privacy: expected a local file next to the page)")
        else:
            problems.warning(display, line, 1, "", f"link '{url}' was removed: it could run script "
                                                   f"(expected https:, mailto: or a relative link)")
    return Page(lang, slug, meta.get("title", ""), meta.get("description", ""), html, display, links.files)


_converted: dict[tuple, tuple[str, list, LocalLinks]] = {}


def _convert(body: str, links: LocalLinks) -> tuple[str, list, LocalLinks]:
    """:func:`render_markdown`, remembered while the text and every file it links to stay the same.

    ``koers serve`` rebuilds every page on every save, and Markdown was half of a build; the
    result is the same as converting again, with the links as the first conversion found them.
    """
    key = (body, links.page, links.pages, links.source)
    earlier = _converted.get(key)
    if earlier and earlier[2].unchanged():
        return earlier
    if len(_converted) > 2000:  # a long preview session: forget, rather than grow without end
        _converted.clear()
    html, findings, links = _convert_or_replay(body, links)
    _converted[key] = (html, findings, links)
    return html, findings, links


def _convert_or_replay(body: str, links: LocalLinks) -> tuple[str, list, LocalLinks]:
    """Between builds, a page converted before is taken from the cache when every link and image
    it has resolves as it did then: asking ``links`` again checks them and copies the files,
    exactly as the conversion would, so the cached HTML is the HTML a conversion would give."""
    made_from = fingerprint() + body
    stored = cache.load("page", made_from)
    if stored and all(links(kind, url) == answer for kind, url, answer in stored[2]):
        return stored[0], [tuple(f) for f in stored[1]], links
    links, asked = links.fresh(), []

    def recording(kind: str, url: str) -> str | None:
        answer = links(kind, url)
        asked.append((kind, url, answer))
        return answer

    html, findings = convert(body, recording)
    cache.store("page", made_from, (html, tuple(findings), tuple(asked)))
    return html, findings, links


def _split_front_matter(text: str, display: str, problems: Problems):
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.error(display, 1, 1, "", "no front matter (expected the file to start with '---', "
                                          "then 'title:' and 'description:', then '---')")
        return None, "", 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.error(display, 1, 1, "", "front matter is not closed (expected a second '---' line)")
        return None, "", 0
    local = Problems()
    located = load_yaml("".join(lines[1:end]), display, local)
    for p in local.items:  # shift lines: the YAML started on line 2 of the file
        problems.error(display, p.line + 1, p.column, p.where, p.message)
    meta = located.data if isinstance(located.data, dict) else {}
    if located.data is not None and not isinstance(located.data, dict):
        problems.error(display, 2, 1, "", "front matter must be 'key: value' lines (expected title and description)")
    for key, value in meta.items():
        line = located.keys[(key,)][0] + 1
        if key not in FRONT_MATTER_KEYS:
            hint = did_you_mean(key, FRONT_MATTER_KEYS)
            problems.error(display, line, 1, key, f"unknown front matter key '{key}' "
                                                  f"({hint + ' ' if hint else ''}expected: {', '.join(FRONT_MATTER_KEYS)})")
        elif not isinstance(value, str) or not value.strip():
            problems.error(display, line, 1, key, f"expected text ({FRONT_MATTER_KEYS[key]})")
    for key, what in FRONT_MATTER_KEYS.items():
        if key not in meta:
            problems.error(display, 2, 1, key, f"missing '{key}' in front matter (expected {what})")
    clean = {k: v for k, v in meta.items() if isinstance(v, str)}
    return clean, "".join(lines[end + 1:]), end + 1


def _line_of(body: str, needle: str) -> int:
    """The line of a link's URL; ``](url`` first, so a code block above that mentions it is not blamed."""
    lines = body.splitlines()
    for pattern in (f"]({needle}", f"]: {needle}", needle):
        for number, line in enumerate(lines, start=1):
            if needle and pattern in line:
                return number
    return 1


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _check_language_folders(root: Path, display_root: str, languages: list[str], problems: Problems) -> None:
    """A folder like content/de/ for a language the bank does not declare would be ignored in silence."""
    if not root.is_dir() or not languages:
        return
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if LANGUAGE_CODE.match(folder.name) and folder.name not in languages:
            problems.error(f"{display_root}/{folder.name}/", 0, 0, "",
                           f"folder for language '{folder.name}', which questions.yaml does not declare "
                           f"(expected one of: {', '.join(languages)}; add '{folder.name}' to languages: or remove the folder)")


def _warn_unused(folder: Path, display: str, slugs: set[str], problems: Problems) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.md")):
        slug = path.relative_to(folder).with_suffix("").as_posix()
        if slug not in slugs:
            problems.warning(f"{display}/{slug}.md", 0, 0, "", "is not used by any page "
                                                              "(expected a level or area id, or one of: " + ", ".join(TOP_PAGES) + ")")
