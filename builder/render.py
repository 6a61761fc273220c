"""Render every page of every language, plus hashed assets, into an in-memory file tree.

Nothing here touches the disk except reading templates and static files: the writer
decides when the result becomes ``site/``. All URLs are relative, so the output works from
any sub-path of any static host and opened straight from disk.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import rcssmin

from . import cache
from .bundle import bundle, core
from .content import Page
from .entries import CORE, ENTRIES, FIND, PAGE_DATA, SHARED, WORDS, core_bank, page_texts, texts_script, whole_bank
from .links import hashed
from .model import localize
from .rules_text import answer_legend, insert_rules
from .single import FILE_NAME, data_uri, render_single
from .theme import Theme
from .wording import in_bank_words

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'none'; form-action 'none'; base-uri 'none'; manifest-src 'self'")
STATIC = resources.files("builder").joinpath("static")
TEMPLATES = resources.files("builder").joinpath("templates")


@dataclass
class Site:
    """Output files by relative path, plus what tests and the dev server like to know."""
    files: dict[str, bytes] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    sources: dict[str, Page] = field(default_factory=dict)  # page path -> the Markdown it shows
    shared: list[str] = field(default_factory=list)  # HTML in several pages (the scan form), to check once


class _Environment(jinja2.Environment):
    def getattr(self, obj, attribute):
        """``criterion.text`` on the bank's plain dicts: the key first, where Jinja would try an
        attribute and catch the error, once per value of a 10,000-criteria scan page."""
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@lru_cache(maxsize=4)
def environment(theme_folders: tuple[str, ...] = ()) -> jinja2.Environment:
    """Shared by the builds of one process (``koers serve``); Jinja recompiles a template whose file changed.

    ``theme_folders``: a project's theme/ first, so its templates replace the package's of the same name.
    """
    place = cache.folder()
    env = _Environment(loader=jinja2.FileSystemLoader([*theme_folders, str(TEMPLATES)]), autoescape=True,
                             bytecode_cache=jinja2.FileSystemBytecodeCache(str(place)) if place else None,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    # Like the browser's fmt(): an unknown {placeholder} in a translated text stays as typed
    # instead of failing the build.
    env.filters["fmt"] = lambda template, **values: re.sub(
        r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)
    return env


def render_site(data: dict, pages: dict[tuple[str, str], Page], ui: dict[str, dict],
                project_root: Path, dev_script: str | None = None, build_date: str = "") -> Site:
    site = Site()
    languages = list(data["languages"])
    ui = in_bank_words(data, ui)
    theme = Theme(project_root)
    views = {lang: localize(data, lang) for lang in languages}
    assets = _assets(data, views, ui, project_root, site, theme)
    for page in pages.values():  # images and files the guidance links to, already hashed
        site.files.update(page.files)
    env = environment(tuple(theme.templates()))
    for lang, view in views.items():
        prefix = "" if lang == languages[0] else f"{lang}/"
        # Optional pages (and their menu items and links) exist only when the project has their content.
        has = {"about": (lang, "about") in pages, "pitfalls": view["site"]["pitfalls"],
               "team": view["site"]["team"], "embed": view["site"]["embed"]}
        scan_form = env.get_template("_scan_form.html").render({"t": ui[lang], "bank": view,
                                                                "answer_legend": answer_legend(view, ui[lang])})
        site.shared.append(scan_form)
        for path, template, extra in _page_list(view, pages, lang, ui[lang], has):
            full = prefix + path
            # Hosts show 404.html at whatever depth the missing address had, so its links start
            # from the site's root path (the path of site.url, or /) instead of being relative.
            up = not_found_root(view["site"]["url"]) if path == "404.html" else "../" * full.count("/")
            context = {
                "lang": lang, "t": ui[lang], "bank": view, "site": view["site"], "page": path,
                "root": up, "home": up + prefix, "assets": assets,
                "csp": _csp(path, dev_script),
                "languages": languages, "ui_all": ui, "build_date": build_date,
                "alternates": [{"lang": other, "name": ui[other]["language_name"],
                                "path": ("" if other == languages[0] else f"{other}/") + path,
                                "href": up + ("" if other == languages[0] else f"{other}/") + path}
                               for other in languages],
                "dev_script": dev_script, "embed": False, "scan_form": scan_form, "has": has,
                "file_stem": data["bank"], **extra,
            }
            html = env.get_template(template).render(context)
            site.files[full] = html.encode("utf-8")
            site.pages.append(full)
            if "content" in extra:
                site.sources[full] = extra["content"]
        single_context = {**context, "page": FILE_NAME, "root": "", "home": "", "lang_path": prefix, "embed": False,
                          "dev_script": None}
        site.files[prefix + FILE_NAME] = render_single(
            env, single_context, assets["css_text"], assets["js_text"][lang], assets["icon_uri"],
            assets["logo_uri"]).encode("utf-8")
    _crawler_files(site, data)
    return site


def not_found_root(url: str) -> str:
    path = urlsplit(url).path if url else "/"
    return path if path.endswith("/") else path + "/"


def _csp(path: str, dev_script: str | None) -> str:
    """The page's policy: the dev server's reload script may poll; the scan may show its inline icon."""
    csp = CSP if not dev_script else CSP.replace("connect-src 'none'", "connect-src 'self'")
    return csp.replace("img-src 'self'", "img-src 'self' data:") if path.endswith("scan.html") else csp


def _crawler_files(site: Site, data: dict) -> None:
    """robots.txt always; a sitemap only when the public address is known (it needs absolute URLs)."""
    url = (data["site"].get("url") or "").rstrip("/")
    robots = "User-agent: *\nAllow: /\n"
    if url:
        robots += f"Sitemap: {url}/sitemap.xml\n"
        pages = [p for p in site.pages if not p.endswith("404.html") and "/embed/" not in f"/{p}"]
        entries = "".join(f"  <url><loc>{url}/{p}</loc></url>\n" for p in pages)
        site.files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                     '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                     f"{entries}</urlset>\n").encode()
    site.files["robots.txt"] = robots.encode()


def _page_list(view: dict, pages: dict, lang: str, t: dict, has: dict):
    def content(slug):
        return {"content": pages[(lang, slug)]}

    # How it works carries the scoring rules written from the bank itself (rules_text.py).
    how = pages[(lang, "how-it-works")]
    how = dataclasses.replace(how, html=insert_rules(how.html, view, t))

    yield "index.html", "landing.html", content("index")
    yield "scan.html", "scan.html", {}
    yield "results.html", "results.html", {}
    yield "how-it-works.html", "page.html", {"content": how}
    yield "privacy.html", "page.html", content("privacy")
    if has["team"]:
        yield "team.html", "team.html", content("team")
    if has["embed"]:
        yield "embed.html", "embed.html", content("embed")
        yield "embed/scan.html", "scan.html", {"embed": True}
        yield "embed/results.html", "results.html", {"embed": True}
    if has["about"]:
        yield "about.html", "page.html", content("about")
    if has["pitfalls"]:
        yield "pitfalls.html", "pitfalls.html", content("pitfalls")
    for level in view["levels"]:
        yield f"levels/{level['id']}.html", "level.html", {**content(f"levels/{level['id']}"), "level": level}
    for area in view["areas"]:
        yield f"areas/{area['id']}.html", "area.html", {**content(f"areas/{area['id']}"), "area": area}
    yield "404.html", "404.html", {}


def _assets(data: dict, views: dict[str, dict], ui: dict, project_root: Path, site: Site, theme: Theme) -> dict:
    assets: dict = {"js": {}}
    css = theme.static("koers.css", STATIC).decode("utf-8") + theme.extra_css()
    colour = data["site"].get("colour")
    if colour:
        css = re.sub(r"--brand:\s*#[0-9a-fA-F]{6}", f"--brand: {colour}", css, count=1)
    # Its comments are for maintainers: without them every page weighs 0.7 KB less (gzip).
    css = rcssmin.cssmin(css)
    assets["css"] = _add(site, "assets/koers.css", css.encode("utf-8"))
    assets["css_text"] = css
    icon = theme.static("icon.svg", STATIC)
    assets["icon"] = _add(site, "assets/icon.svg", icon)
    assets["icon_uri"] = data_uri("icon.svg", icon)
    if data["site"].get("embed", True) is not False:
        site.files["embed.js"] = theme.static("embed.js", STATIC)  # a stable address for other sites
    logo = data["site"].get("logo")
    logo_bytes = (project_root / logo).read_bytes() if logo else b""
    assets["logo"] = _add(site, f"assets/logo.{logo.rsplit('.', 1)[-1].lower()}", logo_bytes) if logo else ""
    assets["logo_uri"] = data_uri(logo, logo_bytes) if logo else ""
    scripts = theme.script_folders(Path(str(STATIC.joinpath("js"))))
    _scripts(data, views, ui, site, scripts, assets)
    return assets


def _scripts(data: dict, views: dict[str, dict], ui: dict, site: Site, scripts: list[Path], assets: dict) -> None:
    """Per page kind and language, the scripts it loads in order (entries.py); the single
    file's script text; the team page's script."""
    assets["js"] = {kind: {} for kind in ENTRIES}
    assets["team_js"], assets["js_text"] = {}, {}
    for lang, view in views.items():
        words = _add(site, f"assets/words.{lang}.js", texts_script(view, WORDS).encode("utf-8"))
        found = texts_script(view, FIND)
        find = _add(site, f"assets/find.{lang}.js", found.encode("utf-8")) if found else ""
        common = core(scripts, CORE, core_bank(view, ui[lang], words.removeprefix("assets/"), find.removeprefix("assets/")),
                      minify=True)
        shared = core(scripts, SHARED, {}, minify=True, below=common, later=PAGE_DATA)  # no bank: one file for all languages
        layers = {"core": (common, _add(site, f"assets/core.{lang}.js", common.script.encode("utf-8"))),
                  "shared": (shared, _add(site, "assets/shared.js", shared.script.encode("utf-8")))}
        for kind, (entry, under) in ENTRIES.items():
            below = layers[under[-1]][0] if under else None
            name = f"assets/{kind}.{lang}.js" if under else f"assets/{kind}.js"  # no core: no bank, no texts
            js = bundle(scripts, entry, page_texts(view, ui[lang], entry), minify=True, core=below)
            assets["js"][kind][lang] = [layers[layer][1] for layer in under] + [_add(site, name, js.encode("utf-8"))]
        assets["js_text"][lang] = bundle(scripts, "main.js", whole_bank(view, ui[lang], ("scan.", "results."), lean=True),
                                         minify=True)
        # The team page has its own entry, so its code never weighs on the single scan.
        if data["site"].get("team", True) is not False:
            team = bundle(scripts, "team-main.js", whole_bank(view, ui[lang], ("scan.", "results.", "team.")),
                          minify=True)
            assets["team_js"][lang] = _add(site, f"assets/team.{lang}.js", team.encode("utf-8"))


def _add(site: Site, name: str, data: bytes) -> str:
    path = hashed(name, data)
    site.files[path] = data
    return path
