"""The scan at the bank's limits stays usable: build, page and step sizes, and the results page.

    .venv/bin/python bench/limits.py [--per-cell 1]

Writes projects with ``koers init`` at the upper limits (30 and 40 areas, 10 levels; every
criterion on every level of every area, ``--per-cell`` of them), builds each with --strict,
and reports per bank: the number of statements a visitor answers, the largest step of the
scan (statements and gzip bytes of its HTML), the whole scan page, and in Chromium the time
from opening the results page with every statement answered to the route on screen.
Exits 1 when a step holds more than 40 statements or the results take more than 1 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from static_host import serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SHAPES = [(30, 10), (40, 10)]


def make(folder: Path, areas: int, levels: int, per_cell: int) -> dict:
    subprocess.run([sys.executable, "-m", "builder", "init", str(folder), "--lang", "en", "--levels", str(levels),
                    "--areas", str(areas)], check=True, capture_output=True)
    bank_file = folder / "questions.yaml"
    data = yaml.safe_load(bank_file.read_text("utf-8"))
    extra = [{**c, "id": f"{c['id']}-{k}"} for c in data["criteria"] for k in range(2, per_cell + 1)]
    data["criteria"] += extra
    bank_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return data


def results_time(site: Path, data: dict) -> float:
    from playwright.sync_api import sync_playwright

    answers = {c["id"]: ("yes", "partly", "no")[i % 3] for i, c in enumerate(data["criteria"])}
    state = {"format": "koers-result", "formatVersion": 1, "bank": data["bank"], "version": data["version"],
             "answers": answers, "notes": {}, "targets": {}}
    with serve(site) as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url + "index.html")
            page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["koers:" + data["bank"], json.dumps(state)])
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                page.goto(url + "results.html")
                page.wait_for_selector("[data-route] [data-item]")
                runs.append(time.perf_counter() - start)
            browser.close()
    return sorted(runs)[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-cell", type=int, default=1, help="criteria per area and level (default 1)")
    args = parser.parse_args()
    print("| areas | levels | statements | largest step | its HTML (gzip) | scan.html (gzip) | build | results |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for areas, levels in SHAPES:
            folder = Path(tmp) / f"{areas}x{levels}"
            data = make(folder, areas, levels, args.per_cell)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "builder", "build", "--strict"], cwd=folder, check=True, capture_output=True)
            build = time.perf_counter() - start
            scan = (folder / "site" / "scan.html").read_text("utf-8")
            steps = re.findall(r'<section class="step".*?</section>', scan, re.S)
            largest = max(steps, key=len)
            count = largest.count('class="criterion"')
            step_bytes = len(gzip.compress(largest.encode(), 9))
            page_bytes = len(gzip.compress(scan.encode(), 9))
            results = results_time(folder / "site", data)
            ok = ok and count <= 40 and results <= 1
            print(f"| {areas} | {levels} | {len(data['criteria']):,} | {count} statements | {step_bytes:,} B | "
                  f"{page_bytes:,} B | {build:.2f} s | {results * 1000:.0f} ms |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
