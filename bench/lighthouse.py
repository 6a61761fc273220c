"""Lighthouse category scores for the landing, scan and results pages, in Debian's Chromium.

"shared" is the results page opened from a share link (every statement answered, a mix of
answers), as a colleague who was sent the link sees it first.

    .venv/bin/python bench/lighthouse.py

Installs the npm package `lighthouse` into bench/node_modules when missing (bench only, never
shipped), builds the default site, serves it locally, gzipped as a static host sends it
(static_host.py), and audits each page once with Lighthouse's default mobile settings. Not
part of the test suite or CI.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from builder import build  # noqa: E402
from builder.entries import read_back  # noqa: E402
from static_host import serve  # noqa: E402

PAGES = {"landing": "index.html", "scan": "scan.html", "results": "results.html", "shared": "results.html#r={code}"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"


def share_code(site: Path) -> str:
    """A share link's code for a full set of answers, written as the app's codec does."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob("assets/*.js")}
    first = re.search(r'<html lang="([^"]+)"', (site / "index.html").read_text("utf-8")).group(1)
    bank = read_back(files, first)["bank"]
    answers = [a["id"] for a in bank["answers"]]
    result = {"format": "koers-result", "formatVersion": 1, "bank": bank["bank"], "version": bank["version"],
              "answers": {c["id"]: answers[i % len(answers)] for i, c in enumerate(bank["criteria"])}}
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(result).encode())).decode().rstrip("=")


METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def audit() -> dict[str, dict]:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH, check=True)
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        build(ROOT, site)
        scores = {}
        with serve(site) as base:
            code = share_code(site)
            for name, path in PAGES.items():
                path = path.format(code=code)
                report = Path(temp) / f"{name}.json"
                subprocess.run([str(binary), base + path, "--chrome-path=/usr/bin/chromium",
                                f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report}", "--quiet",
                                "--only-categories=" + ",".join(CATEGORIES)], check=True)
                found = json.loads(report.read_text())
                scores[name] = {c: round(found["categories"][c]["score"] * 100) for c in CATEGORIES}
                # What decides the performance score, to see which one moved.
                scores[name]["metrics"] = {m: found["audits"][m]["numericValue"] for m in METRICS}
    return scores


def main() -> dict:
    scores = audit()
    print(f"{'page':<9}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<9}" + "".join(f"{row[c]:>16}" for c in CATEGORIES))
    print()
    print(f"{'page':<9}" + "".join(f"{m.replace('-', ' ')[:14]:>16}" for m in METRICS) + "   (ms; shift unitless)")
    for name, row in scores.items():
        print(f"{name:<9}" + "".join(f"{row['metrics'][m]:>16.{3 if 'shift' in m else 0}f}" for m in METRICS))
    return scores


if __name__ == "__main__":
    main()
