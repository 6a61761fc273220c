"""Every benchmark in one command, printed as tables.

    .venv/bin/python bench/run.py [--quick]

1. `koers build` whole-process time: default bank and generated banks of 100, 1,000 and
   10,000 criteria, with the growth per tenfold (bench/build_time.py).
   Then save -> open tab updated for `koers serve` (bench/serve_latency.py).
2. Per page: requests and gzip bytes for landing, scan and results (bench/page_weight.py).
3. Route recomputation in Chromium for 1,000 and 10,000 criteria (bench/route_speed.py).
4. Lighthouse scores for landing, scan and results, also from a share link (bench/lighthouse.py).
5. Issue 12's numbers from one build: the journey's weight, the first question answerable and
   Koers side by side with SurveyJS on the same bank (bench/journey.py, using surveyjs.py).
6. The scan in Firefox, where firefox-esr is installed (bench/firefox.py).

Not part of the test suite: numbers depend on the machine. `--quick` takes one run where
the scripts would take several.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def section(title: str, script: str, *args: str) -> None:
    print(f"\n== {title}", flush=True)
    # A script exits non-zero when a budget is missed; the table should still be complete.
    subprocess.run([sys.executable, str(BENCH / script), *args], check=False)


def main() -> None:
    quick = "--quick" in sys.argv
    runs = ["--runs", "1" if quick else "3"]
    section("Build time (s), median per bank", "build_time.py", *runs)
    section("koers serve: save -> open tab updated", "serve_latency.py", "--runs", "4" if quick else "10")
    section("What a visitor downloads (default bank, gzip -9)", "page_weight.py")
    for criteria in ("1000", "10000"):
        section(f"Route recomputation, {criteria} criteria", "route_speed.py", "--criteria", criteria)
    section("Lighthouse (mobile defaults)", "lighthouse.py")
    section("Journey weight, first question, side by side with SurveyJS", "journey.py", "--runs", "1" if quick else "5")
    section("The scan in Firefox", "firefox.py")


if __name__ == "__main__":
    main()
