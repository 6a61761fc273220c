"""Issue 12's three numbers from one run: the journey's weight, the first question, the SurveyJS ratio.

    .venv/bin/python bench/journey.py [--runs 5]

Builds the default bank once (into bench/out/koers, as surveyjs.py does), then reports:

- the journey: landing, scan and results with everything they load, each file counted once
  (the browser caches the style sheet and the shared core script), gzip -9 (page_weight.py);
- the first question answerable on the scan page, median of the runs, with and without 4x CPU
  slowdown, next to SurveyJS rendering the same bank from the same local server (surveyjs.py).

Numbers depend on the machine and its load: run it on an idle machine (see `uptime`).
"""

from __future__ import annotations

import argparse
import os

import page_weight
import surveyjs

TARGETS = {"journey": 40_000, "first": 150}


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    timing = surveyjs.measure(args.runs)
    rows = page_weight.weigh(surveyjs.OUT / "koers")
    journey = sum(gz for _, _, gz in rows)
    k, s = timing["koers"], timing["surveyjs"]
    print(f"load average before the run: {load:.1f}; {args.runs} runs each")
    print(f"{'file of the journey':<36} {'gzip -9':>8}")
    for name, _, gz in rows:
        print(f"{name:<36} {gz:>8}")
    print(f"{'journey (landing, scan, results)':<36} {journey:>8}  (target {TARGETS['journey']})")
    print()
    print(f"{'scan page':<10} {'requests':>8} {'gzip bytes':>11} {'first question (ms)':>20} {'same, 4x CPU':>13}")
    for name, r in timing.items():
        print(f"{name:<10} {r['requests']:>8} {r['gzip_bytes']:>11} {r['ready_ms']:>20.0f} {r['ready_ms_cpu4']:>13.0f}")
    print(f"{'ratio':<10} {s['requests'] / k['requests']:>7.1f}x {s['gzip_bytes'] / k['gzip_bytes']:>10.1f}x "
          f"{s['ready_ms'] / k['ready_ms']:>19.1f}x {s['ready_ms_cpu4'] / k['ready_ms_cpu4']:>12.1f}x  (SurveyJS / Koers)")
    print(f"first question target: {TARGETS['first']} ms")
    return {"journey": journey, **timing}


if __name__ == "__main__":
    main()
