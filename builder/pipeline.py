"""The build as a plain pipeline: load, validate, render, check privacy, write.

Each stage adds to one list of problems; the site is only written when that list has no
errors, so a broken edit never touches the previous ``site/``.
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .bankfile import load_bank
from .bundle import BundleError
from .content import expected_slugs, load_content, optional_pages
from .locales import load_ui
from .problems import BuildFailed, Problem, Problems
from .privacy import check_css, check_html
from .render import TEMPLATES, Site, not_found_root, render_site
from .single import FILE_NAME as SINGLE_FILE
from .theme import Theme
from .writer import write_site


@dataclass
class Project:
    root: Path

    @property
    def bank(self) -> Path:
        return self.root / "questions.yaml"

    @property
    def content(self) -> Path:
        return self.root / "content"


def load_and_validate(root: Path) -> tuple[dict | None, dict, dict, Problems]:
    """Stages one and two: everything read from the project, and every problem found in it."""
    project = Project(Path(root))
    bank, problems = load_bank(project.bank)
    data = bank.data if isinstance(bank.data, dict) else {}
    languages = [lang for lang in data.get("languages") or [] if isinstance(lang, str)]
    ids = {key: [item.get("id") for item in data.get(key) or [] if isinstance(item, dict) and isinstance(item.get("id"), str)]
           for key in ("levels", "areas")}
    slugs = expected_slugs(ids["levels"], ids["areas"], optional_pages(data, project.content, languages))
    pages = load_content(project.content, "content", languages, slugs, problems)
    ui = load_ui(project.content, "content", languages, problems)
    _check_logo(project.root, data, bank, problems)
    _check_sources_privacy(problems, Theme(project.root))
    return (data if not problems.errors() else None), pages, ui, problems


def check(root: Path | str = ".", strict: bool = False) -> list[Problem]:
    """Every check ``build`` makes, without writing anything; returns every problem, warnings included."""
    return produce(Path(root))[1]


def produce(root: Path, dev_script: str | None = None) -> tuple[Site | None, list[Problem]]:
    """Stages one to four: the finished site in memory (None when there are errors) and every problem."""
    data, pages, ui, problems = load_and_validate(root)
    if data is None:
        return None, problems.sorted()
    epoch = _source_date_epoch()
    build_date = time.strftime("%Y-%m-%d", time.gmtime(epoch)) if epoch is not None else ""
    try:
        site = render_site(data, pages, ui, root, dev_script=dev_script, build_date=build_date)
    except BundleError as exc:
        problems.error("builder/static/js", 0, 0, "", str(exc))
        return None, problems.sorted()
    problems.extend(_check_output_privacy(site))
    problems.extend(_check_links(site, root, (data.get("site") or {}).get("url", "")))
    return (None if problems.errors() else site), problems.sorted()


def build(root: Path | str = ".", out: Path | str | None = None, strict: bool = False,
          dev_script: str | None = None) -> tuple[Site, list[Problem]]:
    """Build the site into ``out`` (default ``<root>/site``); raises BuildFailed with every problem."""
    root = Path(root)
    target = Path(out) if out else root / "site"
    refusal = _unsafe_target(root, target)
    if refusal:
        raise BuildFailed([Problem(str(target), 0, 0, "", refusal)])
    site, problems = produce(root, dev_script)
    failing = [p for p in problems if strict or p.severity == "error"]
    if site is None or failing:
        raise BuildFailed(failing)
    write_site(site.files, target, mtime=_source_date_epoch())
    return site, problems


def _unsafe_target(root: Path, target: Path) -> str:
    """Why writing to ``target`` could destroy something, or "" when it is safe.

    The output folder is replaced as a whole, so it must never be the project, hold the
    project, or be a folder of other files that happens to be named on the command line.
    """
    project, out = root.resolve(), target.resolve()
    if out.exists() and not out.is_dir():
        return "is a file (expected a folder for the site)"
    if out == project or project.is_relative_to(out):
        return "holds the project itself; the output folder is replaced as a whole (expected a folder like site/)"
    if out.is_dir() and any(out.iterdir()) and not ((out / "index.html").is_file() and (out / "assets").is_dir()):
        return ("holds files that are not a Koers site; refusing to replace them "
                "(expected an empty folder or an earlier build)")
    return ""


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def _check_logo(root: Path, data: dict, bank, problems: Problems) -> None:
    logo = (data.get("site") or {}).get("logo") if isinstance(data.get("site"), dict) else None
    if isinstance(logo, str):
        line, col = bank.position(("site", "logo"))
        path = (root / logo)
        if not path.is_file():
            problems.error("questions.yaml", line, col, "site.logo", f"file '{logo}' not found (expected a path relative to questions.yaml)")
        elif path.suffix.lower() not in (".svg", ".png", ".webp", ".jpg", ".jpeg"):
            problems.error("questions.yaml", line, col, "site.logo", f"'{logo}' is not an image (expected .svg, .png, .webp or .jpg)")


def _check_sources_privacy(problems: Problems, theme: Theme) -> None:
    """Templates and style sheets, the package's and the project's theme: checked as sources, with their lines."""
    folder = Path(str(TEMPLATES))
    static = folder.parent / "static"
    templates = [(f"builder/templates/{p.relative_to(folder).as_posix()}", p) for p in sorted(folder.rglob("*.html"))]
    styles = [(f"builder/static/{p.relative_to(static).as_posix()}", p) for p in sorted(static.rglob("*.css"))]
    for display, path in templates + theme.sources("*.html"):
        # The single-file edition inlines its style and script, pinned by hashes in its CSP.
        for line, message in check_html(path.read_text("utf-8", errors="replace"), allow_inline=path.name == "single.html"):
            problems.error(display, line, 1, "", f"privacy: {message}")
    for display, path in styles + theme.sources("*.css"):
        for line, message in check_css(path.read_text("utf-8")):
            problems.error(display, line, 1, "", f"privacy: {message}")


# Starting at the literal `="` finds the candidates forty times faster than matching whole
# tags, which took seconds on a large bank's pages; _links keeps those inside real tags.
HREF = re.compile(r'="(?<=\shref=")([^"#?]*)|="(?<=\ssrc=")([^"#?]*)')


def _links(html: str) -> set[str]:
    """The href and src values of a page's real tags; markup shown as code (&lt;a href="…") is text."""
    found = set()
    for match in HREF.finditer(html):
        start = html.rfind("<", 0, match.start())
        if start >= 0 and html.rfind(">", start, match.start()) < 0 and html[start + 1: start + 2].isalpha():
            found.add(match.group(1) if match.group(1) is not None else match.group(2))
    return found


def _check_links(site: Site, root: Path, site_url: str = "") -> Problems:
    """Every relative link of the finished pages must land on a built file.

    Links written in guidance pages were already checked at their source (:mod:`links`), so
    what this finds is a template's mistake, or a guidance link the source check missed.
    """
    problems = Problems()
    for page in site.pages:
        folder = posixpath.dirname(page)
        for url in sorted(_links(site.files[page].decode("utf-8"))):
            if not url or re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I) or "__koers/" in url:  # dev server
                continue
            # Root-relative links (the 404 page's) start from the site's root path.
            base = not_found_root(site_url) if url.startswith("/") else ""
            target = url[len(base):] if base and url.startswith(base) else posixpath.normpath(posixpath.join(folder, url))
            if target in site.files or (target + "/index.html") in site.files or target.startswith(".."):
                continue
            source = site.sources.get(page)
            line = _line_in(root / source.source, url) if source else 0
            if source and line:
                problems.error(source.source, line, 1, "", f"link '{url}' leads nowhere (expected a page of the site, "
                                                           f"e.g. '../levels/<id>.html' from a level or area page)")
            else:
                problems.error(f"site/{page}", 0, 0, "", f"link '{url}' leads nowhere")
    return problems


def _line_in(path: Path, needle: str) -> int:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, start=1) if needle in line), 0)


def _check_output_privacy(site: Site) -> Problems:
    """A last guard on the finished pages, for anything the source checks could not see."""
    problems = Problems()
    shared: dict = {}
    for path, data in sorted(site.files.items()):
        if path.endswith(".html"):
            found = _page_verdicts.get((data, path.endswith(SINGLE_FILE)))
            if found is None:
                found = _check_page(data.decode("utf-8"), path.endswith(SINGLE_FILE), site.shared, shared)
                _remember_verdict((data, path.endswith(SINGLE_FILE)), found)
        elif path.endswith(".css"):
            found = check_css(data.decode("utf-8"))
        else:
            continue
        for line, message in found:
            problems.error(f"site/{path}", line, 1, "", f"privacy: {message}")
    return problems


# koers serve rebuilds every page on each save; most come out byte for byte as before.
_page_verdicts: dict[tuple[bytes, bool], list[tuple[int, str]]] = {}


def _remember_verdict(key: tuple[bytes, bool], found: list[tuple[int, str]]) -> None:
    if len(_page_verdicts) > 1000:
        _page_verdicts.clear()
    _page_verdicts[key] = found


def _check_page(text: str, allow_inline: bool, fragments: list[str], checked: dict) -> list[tuple[int, str]]:
    """check_html, with the fragments several pages share looked at once: the scan form of a
    10,000-criteria bank is megabytes, in three pages per language. Lines stay the page's own."""
    found = []
    for fragment in fragments:
        start = text.find(fragment) if fragment else -1
        if start < 0:
            continue
        key = (fragment, allow_inline)
        if key not in checked:
            checked[key] = check_html(fragment, allow_inline)
        offset = text.count("\n", 0, start)
        found += [(offset + line, message) for line, message in checked[key]]
        text = text[:start] + "\n" * fragment.count("\n") + text[start + len(fragment):]
    return sorted(found + check_html(text, allow_inline))
