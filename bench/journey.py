"""Issue 12's three numbers from one run: the journey's weight, the first question, the SurveyJS ratio.

    .venv/bin/python bench/journey.py [--runs 5]

Builds the default bank once (into bench/out/koers, as surveyjs.py does), then reports:

- the journey: landing, scan and results, taken in Chromium on an empty cache; every file it
  fetched, counted once (the browser caches the style sheet and the shared scripts), gzip -9;
- the first question answerable on the scan page, median of the runs, with and without 4x CPU
  slowdown, next to SurveyJS rendering the same bank from the same local server (surveyjs.py).

Numbers depend on the machine and its load: run it on an idle machine (see `uptime`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from urllib.parse import urlsplit

import page_weight
import surveyjs
from static_host import serve

TARGETS = {"journey": 40_000, "first": 150}


def walk(site) -> list[tuple[str, int]]:
    """Take the journey in Chromium on an empty cache, as a visitor: the home page, its start
    button, one answer per statement and Next through every step, then Finish. Returns each
    file the browser fetched, once, with its gzip -9 size: what the journey really downloads
    (the statements' fallback file, say, only if the results page asked for it)."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base:
        fetched: list[str] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=surveyjs.CHROMIUM, args=surveyjs.FLAGS)
            page = browser.new_page()
            page.on("request", lambda r: r.url.startswith(base) and fetched.append(urlsplit(r.url).path.lstrip("/")))
            page.goto(base + "index.html")
            page.click('main a.button.primary[href="scan.html"]')
            page.wait_for_url("**/scan.html*")
            page.wait_for_load_state("load")
            for step in page.query_selector_all(".step"):
                for box in step.query_selector_all("[data-criterion]"):
                    box.query_selector_all("input[type=radio]")[1].check()  # "partly": the route has work in it
                if page.is_visible("[data-next]"):
                    page.click("[data-next]")
            page.click("[data-finish]")
            page.wait_for_url("**/results.html*")
            page.wait_for_selector("[data-route] [data-item]")
            page.wait_for_load_state("networkidle")
            browser.close()
    return [(name, len(gzip.compress((site / name).read_bytes(), 9, mtime=0))) for name in dict.fromkeys(fetched)]


def bank_texts(site, find_out: bool) -> int:
    """The bank's own words that the journey carried, as one gzip -9 stream (every statement,
    "why", action, owner, fact and pitfall of the first language; the find-out questions only
    when it fetched their file): what no journey can do without, so the rest of the journey is
    what Koers adds to them."""
    from builder.entries import GUIDANCE, read_back

    first = site / "index.html"
    lang = first.read_text("utf-8").split('<html lang="', 1)[1].split('"', 1)[0]
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob("assets/*.js")}
    bank = read_back(files, lang)["bank"]
    keys = [k for k in GUIDANCE if find_out or k != "find_out"]
    words = [[c.get(k) for k in keys] for c in bank["criteria"]] + [bank["pitfalls"]]
    return len(gzip.compress(json.dumps(words, ensure_ascii=False).encode("utf-8"), 9, mtime=0))


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    timing = surveyjs.measure(args.runs)
    rows = walk(surveyjs.OUT / "koers")
    journey = sum(gz for _, gz in rows)
    print(f"load average before the run: {load:.1f}; {args.runs} runs each")
    print(f"{'file the journey fetched':<36} {'gzip -9':>8}")
    for name, gz in rows:
        print(f"{name:<36} {gz:>8}")
    print(f"{'journey (landing, scan, results)':<36} {journey:>8}  (target {TARGETS['journey']})")
    texts = bank_texts(surveyjs.OUT / "koers", find_out=any(name.startswith("assets/find.") for name, _ in rows))
    print(f"{'  of which the bank texts, once':<36} {texts:>8}  (everything else: {journey - texts})")
    static = sum(gz for _, _, gz in page_weight.weigh(surveyjs.OUT / "koers"))
    if static != journey:
        print(f"(the pages' own references add up to {static}: they and the walk disagree)")
    print()
    surveyjs.table(timing)
    print(f"first question target: {TARGETS['first']} ms")
    return {"journey": journey, **timing}


if __name__ == "__main__":
    main()
