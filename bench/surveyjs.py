"""Koers side by side with SurveyJS, rendering the same default question bank, measured in one run.

    .venv/bin/python bench/surveyjs.py [--runs 5]

Installs SurveyJS (npm `survey-core`, `survey-js-ui`) into bench/node_modules when missing;
it is never shipped with Koers. Both pages are served from the same local server and loaded in
Debian's Chromium with an empty cache. Reported per page: requests, bytes transferred as a
static host would send them (each file gzipped at level 9), and the time from navigation start
until the first question can be answered, without throttling and with 4x CPU slowdown.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(ROOT))

from builder import build  # noqa: E402
from builder.model import localize  # noqa: E402
from builder.loader import read_yaml  # noqa: E402
from builder.problems import Problems  # noqa: E402
from static_host import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# When the browser first painted any of the page's content (a visitor sees something).
PAINTED = "performance.getEntriesByName('first-contentful-paint')[0]?.startTime"
READY = {
    # The first radio button is on screen and the page's script has run.
    "koers": "document.documentElement.classList.contains('js') && !!document.querySelector('form#scan input[type=radio]') "
             "&& document.querySelector('form#scan input[type=radio]').getClientRects().length > 0",
    "surveyjs": "!!document.querySelector('#survey .sd-question input[type=radio]')",
}


def ensure_npm_packages() -> Path:
    modules = BENCH / "node_modules"
    if not (modules / "survey-js-ui").is_dir():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH, check=True)
    return modules


def survey_json(lang: str = "nl") -> dict:
    """The default bank as a SurveyJS survey: a page per area, a radio group per criterion, a comment per area."""
    data = read_yaml(ROOT / "questions.yaml", "questions.yaml", Problems()).data
    view = localize(data, lang)
    choices = [{"value": a["id"], "text": a["label"]} for a in view["answers"]]
    pages = []
    for area in view["areas"]:
        elements = [{"type": "radiogroup", "name": c["id"], "title": c["text"], "description": c["why"],
                     "choices": choices, "colCount": 0} for c in area["criteria"]]
        elements.append({"type": "comment", "name": f"note-{area['id']}", "title": "Notitie bij dit gebied"})
        pages.append({"name": area["id"], "title": area["name"], "description": area["question"], "elements": elements})
    return {"title": view["site"]["name"], "locale": lang, "showProgressBar": "top", "pages": pages}


def write_surveyjs_page(modules: Path) -> Path:
    target = OUT / "surveyjs"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    # Only the Dutch strings, as a site in one language would ship (survey.i18n.min.js has them all).
    for source in ("survey-core/survey.core.min.js", "survey-core/survey-core.fontless.min.css",
                   "survey-js-ui/survey-js-ui.min.js", "survey-core/i18n/dutch.min.js"):
        shutil.copy(modules / source, target / Path(source).name)
    (target / "survey-data.js").write_text("window.surveyJson = " + json.dumps(survey_json(), ensure_ascii=False) + ";\n")
    (target / "start.js").write_text(
        "const survey = new Survey.Model(window.surveyJson);\n"
        "SurveyUI.renderSurvey(survey, document.getElementById('survey'));\n")
    (target / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>SurveyJS</title>'
        '<link rel="stylesheet" href="survey-core.fontless.min.css">'
        '<script src="survey.core.min.js"></script><script src="dutch.min.js"></script>'
        '<script src="survey-js-ui.min.js"></script>'
        '</head><body><div id="survey"></div><script src="survey-data.js"></script><script src="start.js"></script>'
        "</body></html>\n")
    return target


def measure(runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    modules = ensure_npm_packages()
    build(ROOT, OUT / "koers")
    write_surveyjs_page(modules)
    with serve(OUT) as base:
        pages = {"koers": base + "koers/scan.html", "surveyjs": base + "surveyjs/index.html"}
        timings = {name: {1: [], 4: []} for name in pages}
        paints = {name: {1: [], 4: []} for name in pages}
        requests: dict[str, list[str]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            # Koers and SurveyJS take turns, so both meet the same load on a shared machine; the
            # first round warms the browser up (its first contexts are slower) and is not counted.
            for slowdown in (1, 4):
                for run in range(runs + 1):
                    for name, url in pages.items():
                        context = browser.new_context()
                        page = context.new_page()
                        if slowdown > 1:
                            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                        seen: list[str] = []
                        page.on("request", lambda r, seen=seen: seen.append(r.url))
                        page.add_init_script(
                            "new MutationObserver((_, o) => { if (" + READY[name] + ") { window.__ready = performance.now();"
                            " o.disconnect(); } }).observe(document, {subtree: true, childList: true, attributes: true});")
                        page.goto(url)
                        page.wait_for_function("() => window.__ready !== undefined", timeout=60_000)
                        if run:
                            timings[name][slowdown].append(page.evaluate("window.__ready"))
                            # Polled from here: the pages' Content-Security-Policy refuses wait_for_function's eval.
                            while page.evaluate(PAINTED) is None:
                                page.wait_for_timeout(20)
                            paints[name][slowdown].append(page.evaluate(PAINTED))
                        requests[name] = seen
                        context.close()
            browser.close()
    # Only the files the browser asked for, each gzipped at level 9.
    results = {}
    for name in pages:
        files = [OUT / urlsplit(u).path.lstrip("/") for u in requests[name] if u.startswith(base)]
        gz = sum(len(gzip.compress(f.read_bytes(), 9, mtime=0)) for f in files if f.is_file())
        results[name] = {"requests": len(requests[name]), "gzip_bytes": gz, "runs": timings[name],
                         "ready_ms": statistics.median(timings[name][1]), "ready_ms_cpu4": statistics.median(timings[name][4]),
                         "paint_ms": statistics.median(paints[name][1]), "paint_ms_cpu4": statistics.median(paints[name][4])}
    return results


def table(results: dict) -> None:
    """The side-by-side table: requests, bytes, first paint and first question answerable."""
    k, s = results["koers"], results["surveyjs"]
    cols = [("requests", "requests"), ("gzip_bytes", "gzip bytes"), ("paint_ms", "first paint (ms)"),
            ("ready_ms", "first question (ms)"), ("paint_ms_cpu4", "paint, 4x CPU"), ("ready_ms_cpu4", "question, 4x CPU")]
    print(f"{'scan page':<10}" + "".join(f" {title:>{len(title)}}" for _, title in cols))
    for name, r in results.items():
        print(f"{name:<10}" + "".join(f" {r[key]:>{len(title)}.0f}" for key, title in cols))
    print(f"{'ratio':<10}" + "".join(f" {s[key] / k[key]:>{len(title) - 1}.1f}x" for key, title in cols) + "  (SurveyJS / Koers)")


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = measure(args.runs)
    table(results)
    return results


if __name__ == "__main__":
    main()
