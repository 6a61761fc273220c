"""Each page downloads only the code it runs, and the scan page carries each text once
(builder/entries.py): guidance pages load no app script, the home page only the core it runs,
and the scan's script reads nothing the form on the page already shows."""

import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

from builder import build
from builder.bundle import graph
from builder.entries import ENTRIES

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "builder" / "static" / "js"
GUIDANCE = re.compile(r"(^|/)(levels/|areas/|how-it-works\.html|privacy\.html|about\.html|pitfalls\.html|404\.html)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built, _ = build(ROOT, tmp_path_factory.mktemp("entries") / "site")
    return built


def scripts_of(site, page: str) -> list[str]:
    base = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    srcs = re.findall(r'<script[^>]* src="([^"]+)"', site.files[page].decode("utf-8"))
    return [site.files[re.sub(r"^(\.\./)+", "", src) if src.startswith("../") else base + src].decode("utf-8") for src in srcs]


def modules_in(script: str) -> list[str]:
    return re.findall(r'^__m\["(\./[\w./-]+\.js)"\] ?= ?\(\(\)', script, re.M)


def needs(entry: str) -> set[str]:
    order, _ = graph(JS, entry, {"./bank.js", "./texts.js"})
    return set(order)


def test_guidance_pages_load_no_script(site):
    guidance = [p for p in site.pages if GUIDANCE.search(p)]
    assert len(guidance) >= 20
    for page in guidance:
        assert scripts_of(site, page) == [], page


@pytest.mark.parametrize("page", ["index.html", "en/index.html"])
def test_the_home_page_runs_every_module_it_loads_and_no_bank_text(site, page):
    scripts = scripts_of(site, page)
    loaded = [m for s in scripts for m in modules_in(s)]
    assert sorted(loaded) == sorted(needs("landing-main.js")), "the home page loads exactly what its entry imports"
    assert "./scan.js" not in loaded and "./results.js" not in loaded
    data = json.loads(re.search(r'__m\["\./bank\.js"\] = (.*);$', scripts[0], re.M).group(1))
    assert all(set(c) <= {"id", "area", "level", "requires", "weight"} for c in data["bank"]["criteria"])
    assert data["bank"]["pitfalls"] == []


@pytest.mark.parametrize("kind, page", [("scan", "scan.html"), ("results", "results.html"), ("scan", "embed/scan.html")])
def test_each_page_loads_the_core_once_and_then_only_its_own_code(site, kind, page):
    scripts = [modules_in(s) for s in scripts_of(site, page)]
    assert scripts[0] == modules_in(scripts_of(site, "index.html")[0]), "one core for the journey, cached after the home page"
    loaded = [m for s in scripts for m in s]
    assert len(loaded) == len(set(loaded)), "no module travels twice"
    assert set(loaded) == needs(ENTRIES[kind][0])
    other = "./results.js" if kind == "scan" else "./scan.js"
    assert other not in loaded


def test_the_scan_and_the_results_share_their_common_code(site):
    scan, results = scripts_of(site, "scan.html"), scripts_of(site, "results.html")
    assert scan[:2] == results[:2], "the same core and shared scripts: the results page finds both in the cache"
    assert not set(modules_in(scan[2])) & set(modules_in(results[2]))


def criterion_texts():
    from builder.loader import read_yaml
    from builder.model import localize
    from builder.problems import Problems

    data = read_yaml(ROOT / "questions.yaml", "questions.yaml", Problems()).data
    view = localize(data, data["languages"][0])
    return [(c["id"], field, c[field]) for c in view["criteria"] for field in ("text", "why", "action", "find_out") if c.get(field)]


def test_no_criterion_text_appears_twice_in_the_scan_page(site):
    """The form shows each statement and its "why" once; the scan's script carries neither,
    nor the route's texts, which only the results page uses."""
    html = site.files["scan.html"].decode("utf-8")
    script = "\n".join(scripts_of(site, "scan.html"))
    texts = criterion_texts()
    assert len(texts) > 300
    for cid, field, text in texts:
        in_html = html.count(str(escape(text)))
        in_script = script.count(json.dumps(text, ensure_ascii=False)[1:-1].replace("<", "\\u003c"))
        expected = 1 if field in ("text", "why") else 0
        assert in_html + in_script == expected, f"{cid}.{field} appears {in_html} times in the HTML and {in_script} in the script"


def fallback_lists(site, name: str) -> dict:
    text = site.files["assets/" + name].decode("utf-8")
    return json.loads(text[text.index("{detail:") + 8:text.rindex("}));")])


def test_statements_why_and_find_out_travel_only_when_needed(site):
    """The results' script leaves out what the scan's form shows: the scan hands it over
    (words.js), and a words file, named in the core's bank, is the fallback that holds it all.
    It leaves out the find-out questions too: a file of their own, for answers with a "Don't know"."""
    results = scripts_of(site, "results.html")[2]
    texts = criterion_texts()
    for cid, field, text in texts:
        quoted = json.dumps(text, ensure_ascii=False)[1:-1].replace("<", "\\u003c")
        assert (quoted in results) == (field not in ("text", "why", "find_out")), f"{cid}.{field} in the results' script"
    core = json.loads(re.search(r'__m\["\./bank\.js"\] = (.*);$', scripts_of(site, "scan.html")[0], re.M).group(1))
    words_file, find_file = core["bank"]["words"], core["bank"]["find"]
    assert re.fullmatch(r"words\.nl\.[0-9a-f]{10}\.js", words_file)
    assert re.fullmatch(r"find\.nl\.[0-9a-f]{10}\.js", find_file)
    ids = [c["id"] for c in core["bank"]["criteria"]]
    by_id = {(cid, field): text for cid, field, text in texts}
    words, find = fallback_lists(site, words_file), fallback_lists(site, find_file)
    assert words["text"] == [by_id[(cid, "text")] for cid in ids]
    assert words["why"] == [by_id[(cid, "why")] for cid in ids]
    assert find == {"find_out": [by_id.get((cid, "find_out"), "") for cid in ids]}
    for page in site.pages:
        for name in (words_file, find_file):
            assert name not in site.files[page].decode("utf-8"), f"{page} must not load {name} itself"
