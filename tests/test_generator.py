"""Koers as a generator for any maturity model: texts in the bank's words and counts, groups,
optional pages, themes, CSV by language, plain-string single-language banks, raised limits,
koers init's options and the example project."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder import BuildFailed, build, check
from builder.entries import read_back
from builder.locales import builtin
from builder.wording import in_bank_words, names, values

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "open-source"
CUSTOMER = re.compile(r"customer|klant|contact centre", re.I)


def init(target: Path, *options: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "builder", "init", str(target), *options],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh English project: 4 levels numbered from 0, 5 areas."""
    return init(tmp_path / "scan", "--lang", "en", "--levels", "4", "--areas", "5", "--first-level", "0")


def edit_bank(root: Path, change) -> None:
    data = yaml.safe_load((root / "questions.yaml").read_text("utf-8"))
    change(data)
    (root / "questions.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def site_option(root: Path, line: str) -> None:
    """Add a line under site: (the tiny bank's bare yes/no keys would not survive a YAML round trip)."""
    text = (root / "questions.yaml").read_text("utf-8")
    (root / "questions.yaml").write_text(text.replace("site:\n", f"site:\n  {line}\n", 1), "utf-8")


def texts_of(site_folder: Path, lang: str = "en") -> dict:
    return read_back({p.relative_to(site_folder).as_posix(): p.read_bytes() for p in site_folder.glob("assets/*.js")}, lang)


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# Texts follow the bank ------------------------------------------------------------------

def test_no_builtin_text_names_a_model_or_hard_codes_a_count():
    for lang in ("en", "nl"):
        texts = " ".join(builtin(lang).values())
        assert not CUSTOMER.search(texts), lang
        assert not re.search(r"\b(six|zes|15 to 20|15 tot 20)\b", texts, re.I), lang


def test_vocabulary_and_counts_fill_the_placeholders():
    data = {"areas": [{}] * 8, "levels": [{}] * 4, "criteria": [{}] * 30, "site": {"name": "Check"},
            "vocabulary": {"area": "practice", "areas": "practices", "statement": "question", "statements": "questions"}}
    given = values(data, "en", builtin("en"))
    assert given["Areas_noun"] == "Practices" and given["statements_noun"] == "questions"
    assert given["level_noun"] == "level", "a noun the bank leaves out keeps the built-in word"
    assert (given["areas"], given["areas_counted"], given["levels_counted"]) == ("8", "8 practices", "4 levels")
    assert given["duration"] == "About 6 to 8 minutes"  # 30 statements at 12 to 16 seconds each
    texts = in_bank_words(data, {"en": builtin("en")})["en"]
    assert texts["landing.fact_areas"] == "8 practices, 4 levels"
    assert texts["scan.area_of"] == "Practice {n} of {total}", "the browser's own placeholders stay"
    assert set(names()) >= {"areas", "levels", "criteria", "duration", "area_noun", "Statements_noun"}


def test_one_of_each_counts_in_the_singular_and_the_bank_may_set_the_duration():
    data = {"areas": [{}], "levels": [{}, {}], "criteria": [{}], "site": {"duration": {"nl": "Een uur"}}}
    given = values(data, "nl", builtin("nl"))
    assert given["areas_counted"] == "1 gebied" and given["criteria_counted"] == "1 stelling"
    assert given["duration"] == "Een uur"


def test_a_projects_ui_yaml_may_use_the_banks_placeholders(project, tmp_path):
    (project / "content" / "en" / "ui.yaml").write_text('landing:\n  fact_result: "{criteria_counted} to answer"\n')
    build(project, tmp_path / "site", strict=True)
    assert "<li>15 statements to answer</li>" in (tmp_path / "site" / "index.html").read_text("utf-8")


# The example project and a fresh koers init ---------------------------------------------

def test_the_example_builds_strictly_in_its_own_words(tmp_path):
    site, problems = build(EXAMPLE, tmp_path / "site", strict=True)
    assert problems == []
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "About ten minutes, 8 practices, 4 maturity levels." in index
    for path in site.pages:
        assert not CUSTOMER.search(visible_text(site.files[path].decode("utf-8"))), path
    data = texts_of(tmp_path / "site")
    assert data["ui"]["results.table_area"] == "Practice" and data["bank"]["csv"] == {"delimiter": ",", "decimal": "."}
    assert [lv["n"] for lv in data["bank"]["levels"]] == [0, 1, 2, 3]


@pytest.mark.parametrize("options, counts", [
    ((), ("2 gebieden, 3 niveaus", "2 areas, 3 levels")),
    (("--lang", "en", "--levels", "4", "--areas", "8"), ("8 areas, 4 levels",)),
    (("--lang", "nl", "--levels", "10", "--areas", "30", "--first-level", "0"), ("30 gebieden, 10 niveaus",)),
])
def test_a_fresh_init_project_builds_strictly_with_the_right_counts(tmp_path, options, counts):
    root = init(tmp_path / "scan", *options)
    site, problems = build(root, tmp_path / "site", strict=True)
    assert problems == []
    homes = [p for p in site.pages if p.endswith("index.html") and p.count("/") <= 1]
    shown = " ".join(visible_text(site.files[p].decode("utf-8")) for p in homes)
    for count in counts:
        assert count in shown
    for path in site.pages:
        assert not CUSTOMER.search(visible_text(site.files[path].decode("utf-8"))), path
    assert "pitfalls.html" not in site.files, "the starter has no pitfalls, so no pitfalls page"


def test_init_refuses_options_it_cannot_honour(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "init", str(tmp_path / "x"), "--lang", "de",
                             "--levels", "11", "--areas", "0"], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--lang de: Koers has built-in texts for en, nl" in result.stderr
    assert "--levels 11: expected 2 to 10" in result.stderr and "--areas 0: expected 1 to 40" in result.stderr
    assert not (tmp_path / "x").exists()


def test_owners_false_means_no_owner_warnings(project):
    assert check(project) == []
    edit_bank(project, lambda d: d.pop("owners"))
    warnings = [p for p in check(project) if p.severity == "warning"]
    assert len(warnings) == 15 and all("has no owner" in p.message for p in warnings)


# Plain strings ---------------------------------------------------------------------------

def test_single_language_banks_write_plain_strings(project, tmp_path):
    bank = (project / "questions.yaml").read_text("utf-8")
    assert "{en:" not in bank, "the starter writes one language as plain strings"
    build(project, tmp_path / "site", strict=True)
    assert "What does Area 1 look at?" in (tmp_path / "site" / "areas" / "area-1.html").read_text("utf-8")


def test_a_plain_string_in_a_two_language_bank_names_its_line(tmp_path):
    root = init(tmp_path / "scan")
    text = (root / "questions.yaml").read_text("utf-8").replace(
        'tagline: {nl: "Een eigen volwassenheidsscan", en: "A maturity scan of your own"}', "tagline: Only one")
    (root / "questions.yaml").write_text(text, "utf-8")
    problems = [str(p) for p in check(root)]
    assert problems == ["questions.yaml:8:12: site.tagline: is a single text, but the site has 2 languages "
                        "(expected a text per language: {nl: …, en: …})"]


def test_a_text_of_the_wrong_shape_says_what_a_text_is(project):
    edit_bank(project, lambda d: d["areas"][0].update(name=42))
    assert [p.message for p in check(project)] == ["expected text (or a text per language, e.g. {en: ...}), got the number 42"]


# Groups and meta ---------------------------------------------------------------------------

def grouped(data):
    data["groups"] = [{"id": "people", "name": "People"}, {"id": "tools", "name": "Tools"}]
    for i, area in enumerate(data["areas"]):
        area["group"] = "people" if i < 2 else "tools"
    data["criteria"][0]["meta"] = {"Effort": "an hour", "Reference": "Guide, chapter 2"}


def test_groups_and_meta_reach_the_scan_and_the_browser(project, tmp_path):
    edit_bank(project, grouped)
    build(project, tmp_path / "site", strict=True)
    scan = (tmp_path / "site" / "scan.html").read_text("utf-8")
    assert scan.count('<span class="group-name">People</span> · Area') == 2
    assert scan.count('<span class="group-name">Tools</span> · Area') == 3
    assert "<dt>Effort</dt><dd>an hour</dd><dt>Reference</dt><dd>Guide, chapter 2</dd>" in scan
    bank = texts_of(tmp_path / "site")["bank"]
    assert [a.get("group") for a in bank["areas"]] == ["People", "People", "Tools", "Tools", "Tools"]
    assert bank["criteria"][0]["meta"] == [{"key": "Effort", "value": "an hour"},
                                           {"key": "Reference", "value": "Guide, chapter 2"}]


def test_group_mistakes_are_named(project):
    def broken(data):
        grouped(data)
        data["areas"][0]["group"] = "peple"
        del data["areas"][1]["group"]
    edit_bank(project, broken)
    messages = [p.message for p in check(project)]
    assert messages == ["group 'peple' does not exist (did you mean 'people'?)",
                        "area 'area-2' has no group (expected one of: people, tools, as every area once the bank has groups)"]
    edit_bank(project, lambda d: d.pop("groups"))
    assert "the bank has no groups" in check(project)[0].message


# Optional pages -----------------------------------------------------------------------------

def test_pages_exist_only_when_the_project_has_their_content(project, tmp_path):
    site, _ = build(project, tmp_path / "a", strict=True)
    assert {"team.html", "embed.html", "embed/scan.html", "about.html"} <= set(site.files)
    assert "pitfalls.html" not in site.files and 'href="pitfalls.html"' not in site.files["index.html"].decode()
    edit_bank(project, lambda d: d["site"].update(team=False, embed=False))
    for slug in ("team", "embed", "about"):
        (project / "content" / "en" / f"{slug}.md").unlink()
    site, problems = build(project, tmp_path / "b", strict=True)
    assert problems == []
    assert not {"team.html", "embed.html", "embed/scan.html", "about.html", "embed.js"} & set(site.files)
    for page in site.pages:
        html = site.files[page].decode("utf-8")
        assert not re.search(r'href="[^"]*(team|embed|about|pitfalls)\.html"', html), page
    assert not any(p.startswith("assets/team.") for p in site.files)


def test_pitfalls_switched_off_leave_no_page_menu_or_section(tiny, tmp_path):
    site, _ = build(tiny, tmp_path / "a")
    assert "pitfalls.html" in site.files and 'href="pitfalls.html"' in site.files["index.html"].decode()
    site_option(tiny, "pitfalls: false")
    (tiny / "content" / "nl" / "pitfalls.md").unlink()
    (tiny / "content" / "en" / "pitfalls.md").unlink()
    site, _ = build(tiny, tmp_path / "b")
    assert "pitfalls.html" not in site.files and 'href="pitfalls.html"' not in site.files["index.html"].decode()
    results = site.files["results.html"].decode("utf-8")
    assert "Pitfalls that fit" not in results and "Valkuilen" not in results
    assert texts_of(tmp_path / "b", "en")["bank"]["pitfalls"] == []


# Themes ---------------------------------------------------------------------------------------

def test_a_theme_overrides_templates_and_static_files(project, tmp_path):
    theme = project / "theme"
    (theme / "js").mkdir(parents=True)
    (theme / "landing.html").write_text('{% extends "base.html" %}{% set title = "T" %}{% set description = "D" %}'
                                        '{% block main %}<h1>Our own landing page</h1>{% endblock %}')
    (theme / "extra.css").write_text(".hero { outline: 0; } /* our addition */\n")
    (theme / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>')
    package_js = ROOT / "builder" / "static" / "js" / "chart.js"
    (theme / "js" / "chart.js").write_text(package_js.read_text("utf-8").replace("const ROW = 50;", "const ROW = 64;"))
    site, problems = build(project, tmp_path / "site", strict=True)
    assert problems == []
    assert "<h1>Our own landing page</h1>" in site.files["index.html"].decode()
    assert "Our own landing page" not in site.files["scan.html"].decode(), "only the landing template is replaced"
    css = next(v for k, v in site.files.items() if k.startswith("assets/koers.") and k.endswith(".css")).decode()
    assert css.rstrip().endswith(".hero{outline:0}") and "--brand" in css  # added last, minified
    icon = next(v for k, v in site.files.items() if k.startswith("assets/icon."))
    assert b'<rect width="1"' in icon
    app = next(v for k, v in site.files.items() if k.startswith("assets/results.en.")).decode()
    assert "const ROW=64;" in app and "const ROW=50;" not in app  # minified


def test_a_theme_that_loads_a_foreign_script_is_refused_with_file_and_line(project, tmp_path):
    base = (ROOT / "builder" / "templates" / "base.html").read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(base) if "</head>" in line)
    base.insert(at, '<script src="https://cdn.example.net/tracker.js"></script>')
    (project / "theme").mkdir()
    (project / "theme" / "base.html").write_text("\n".join(base) + "\n")
    (project / "theme" / "extra.css").write_text("body {}\n@import 'https://fonts.example.net/a.css';\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("previous")
    (tmp_path / "site" / "assets").mkdir()
    with pytest.raises(BuildFailed) as failed:
        build(project, tmp_path / "site")
    found = [str(p) for p in failed.value.problems if p.file.startswith("theme/")]
    assert found == [f'theme/base.html:{at + 1}:1: privacy: <script src="https://cdn.example.net/tracker.js"> would fetch from another origin',
                     "theme/extra.css:2:1: privacy: CSS loads 'https://fonts.example.net/a.css' from another origin"]
    assert (tmp_path / "site" / "index.html").read_text() == "previous"


# CSV by language ------------------------------------------------------------------------------

def test_csv_format_follows_the_language_unless_the_bank_sets_it(tiny, tmp_path):
    build(tiny, tmp_path / "a")
    assert texts_of(tmp_path / "a", "nl")["bank"]["csv"] == {"delimiter": ";", "decimal": ","}
    assert texts_of(tmp_path / "a", "en")["bank"]["csv"] == {"delimiter": ",", "decimal": "."}
    site_option(tiny, 'csv: {delimiter: "\\t"}')
    build(tiny, tmp_path / "b")
    assert texts_of(tmp_path / "b", "en")["bank"]["csv"] == {"delimiter": "\t", "decimal": "."}
    site_option(tiny, 'csv: {decimal: ","}')
    assert "duplicate key 'csv'" in check(tiny)[0].message


# Limits ---------------------------------------------------------------------------------------

def test_limits_allow_40_areas_and_10_levels_and_no_more(tmp_path):
    root = init(tmp_path / "scan", "--lang", "en", "--levels", "10", "--areas", "40")
    assert check(root) == []
    def more(data):
        data["areas"].append({**data["areas"][0], "id": "area-41"})
        data["levels"].append({**data["levels"][1], "id": "level-11"})
    edit_bank(root, more)
    messages = {p.message for p in check(root) if p.severity == "error" and p.file == "questions.yaml"}
    assert messages == {"has 11 items (expected at most 10)", "has 41 items (expected at most 40)"}
