"""`koers check` makes every check `koers build` makes, links and local files included, in one run."""

import subprocess
import sys

import pytest

from builder import BuildFailed, build, check
from builder.links import site_pages

BROKEN_LINK = ("content/en/about.md:{line}:1: link 'nowhere.html' leads nowhere (expected a page of the site, "
               "e.g. '../levels/<id>.html' from a level or area page, or a file under content/)")


def koers(project, *args):
    return subprocess.run([sys.executable, "-m", "builder", "-C", str(project), *args], capture_output=True, text=True)


def append(project, page, text):
    path = project / "content" / page
    path.write_text(path.read_text() + text)
    return len(path.read_text().splitlines())


def test_check_fails_on_the_broken_link_build_fails_on(tiny):
    line = append(tiny, "en/about.md", "\nSee [this](nowhere.html).\n")
    checked, built = koers(tiny, "check"), koers(tiny, "build")
    assert checked.returncode == built.returncode == 1
    assert BROKEN_LINK.format(line=line) in checked.stderr.splitlines()
    assert BROKEN_LINK.format(line=line) in built.stderr.splitlines()
    assert not (tiny / "site").exists()


def test_links_in_code_are_text_not_links(tiny):
    append(tiny, "en/about.md", '\n```html\n<a href="nowhere.html">x</a>\n[y](missing.html)\n```\n\n'
                                "Inline `<img src=\"gone.png\">` too.\n")
    assert check(tiny) == []
    site, _ = build(tiny)
    assert "&lt;a href=\"nowhere.html\"&gt;" in site.files["en/about.html"].decode()


def test_an_image_next_to_a_guidance_page_is_published_as_a_hashed_asset(tiny):
    picture = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    (tiny / "content" / "en" / "levels" / "ladder.png").write_bytes(picture)
    (tiny / "content" / "handout.pdf").write_bytes(b"%PDF-1.4 handout")
    append(tiny, "en/levels/basic.md", "\n![The ladder](ladder.png)\n\n[Handout](../../handout.pdf#page=2)\n")
    assert check(tiny) == []
    site, _ = build(tiny)
    assets = {name: data for name, data in site.files.items() if name.startswith("assets/ladder.")}
    assert list(assets.values()) == [picture] and next(iter(assets)).endswith(".png")
    html = site.files["en/levels/basic.html"].decode()
    assert f'src="../../{next(iter(assets))}"' in html
    handout = next(name for name in site.files if name.startswith("assets/handout."))
    assert f'href="../../{handout}#page=2"' in html and site.files[handout] == b"%PDF-1.4 handout"
    assert (tiny / "site" / next(iter(assets))).read_bytes() == picture


def test_missing_image_outside_file_and_markdown_link_fail_check_and_build(tiny):
    (tiny / "secret.txt").write_text("not for the site")
    start = append(tiny, "en/about.md", "\n![gone](gone.png)\n\n[x](../../secret.txt)\n\n[Privacy](privacy.md)\n")
    expected = [f"content/en/about.md:{start - 4}:1: image 'gone.png' not found (expected a file under content/, "
                "relative to this page)",
                f"content/en/about.md:{start - 2}:1: link '../../secret.txt' is outside content/ (expected a file "
                "under content/, so the site holds only what was meant to be published)",
                f"content/en/about.md:{start}:1: link 'privacy.md' names the Markdown source (expected the page it "
                "becomes: 'privacy.html')"]
    assert [str(p) for p in check(tiny)] == expected
    with pytest.raises(BuildFailed) as failed:
        build(tiny)
    assert [str(p) for p in failed.value.problems] == expected


def test_bank_content_and_ui_problems_are_reported_in_one_run(tiny):
    bank = tiny / "questions.yaml"
    bank.write_text(bank.read_text().replace("    area: data\n    level: 3", "    area: dta\n    level: 3", 1))
    append(tiny, "en/about.md", "\n[x](nowhere.html)\n")
    (tiny / "content" / "en" / "ui.yaml").write_text("scan:\n  area_of: Area {num} of {total}\n")
    result = koers(tiny, "check")
    assert result.returncode == 1
    files = {line.split(":", 1)[0] for line in result.stderr.splitlines() if not line.startswith("koers:")}
    assert files == {"questions.yaml", "content/en/about.md", "content/en/ui.yaml"}


def test_a_folder_for_an_undeclared_language_is_an_error(tiny):
    (tiny / "content" / "de").mkdir()
    (tiny / "content" / "images").mkdir()  # not a language code: a folder for shared files
    assert [str(p) for p in check(tiny)] == [
        "content/de/: folder for language 'de', which questions.yaml does not declare (expected one of: nl, en; "
        "add 'de' to languages: or remove the folder)"]


def test_link_targets_are_the_pages_a_build_makes(tiny):
    site, _ = build(tiny)
    from builder.content import expected_slugs
    slugs = expected_slugs(["start", "basic", "smart"], ["info", "data"])
    built = {name for name in site.files if not name.startswith("assets/")}
    assert site_pages(["nl", "en"], slugs) == built | {"sitemap.xml"}  # a sitemap needs site.url


def ui_problems(project, text, lang="en"):
    (project / "content" / lang / "ui.yaml").write_text(text)
    return [str(p) for p in check(project)]


def test_ui_yaml_unknown_placeholder_is_an_error_with_its_line(tiny):
    assert ui_problems(tiny, "nav:\n  home: Start\nscan:\n  area_of: Area {num} of {total}\n") == [
        "content/en/ui.yaml:4:3: scan.area_of: unknown placeholder {num} (expected: {n}, {total}, "
        "or the bank's own such as {areas} or {area_noun} (see README: Make your own scan))"]
    with pytest.raises(BuildFailed):
        build(tiny)


@pytest.mark.parametrize("text, expected", [
    ("- one\n- two\n", "content/en/ui.yaml:1:1: expected blocks of 'key: text' lines like builder/locales/en.yaml, "
                       "got a list"),
    ("just text\n", "content/en/ui.yaml:1:1: expected blocks of 'key: text' lines like builder/locales/en.yaml, "
                    "got a single value"),
    ("nav: Home\n", "content/en/ui.yaml:1:1: nav: expected a block of texts (nav.…), got a single value"),
    ("nav:\n  home:\n    short: Home\n", "content/en/ui.yaml:2:3: nav.home: expected text, got a block of keys"),
])
def test_ui_yaml_of_the_wrong_shape_is_an_error(tiny, text, expected):
    assert ui_problems(tiny, text) == [expected]


def test_every_unknown_ui_key_of_a_block_is_reported_at_once(tiny):
    assert ui_problems(tiny, "nav:\n  hom: Home\n  scna: Scan\n  home: Home\n") == [
        "content/en/ui.yaml:2:3: nav.hom: unknown UI text key (did you mean 'nav.home'? expected a key that "
        "builder/locales/en.yaml has)",
        "content/en/ui.yaml:3:3: nav.scna: unknown UI text key (did you mean 'nav.scan'? expected a key that "
        "builder/locales/en.yaml has)"]


def test_a_missing_ui_text_falls_back_to_english_with_a_warning(tiny, add_language):
    add_language(tiny, "fr")
    (tiny / "content" / "fr" / "ui.yaml").write_text("language_name: Français\nnav:\n  scan: Questionnaire\n")
    problems = [p for p in check(tiny) if p.file == "content/fr/ui.yaml"]
    assert [p.severity for p in problems] == ["warning"]
    assert "UI text(s) missing for 'fr', shown in English instead: skip, nav.label" in problems[0].message
    result = koers(tiny, "build")
    assert result.returncode == 0, result.stderr
    french = (tiny / "site" / "fr" / "index.html").read_text()
    assert "Questionnaire" in french and "Skip to content" in french
    strict = koers(tiny, "build", "--strict")
    assert strict.returncode == 1 and "UI text(s) missing for 'fr'" in strict.stderr


def test_the_link_finder_sees_real_tags_only():
    from builder.pipeline import _links
    html = ('<p><a class="x" href="a.html#top">a</a> <img alt="" src="b.png"> '
            '<code>&lt;a href="code.html"&gt;</code> data-href="no.html" <a href="">e</a></p>')
    assert _links(html) == {"a.html", "b.png", ""}
