"""Whole-process time of `koers build` for the default bank and generated banks of 100, 1,000 and 10,000 criteria.

    .venv/bin/python bench/build_time.py [--runs 3]

Prints a table with the median wall time per bank and the growth factor per tenfold.
Targets: default < 1 s, 10,000 criteria < 10 s, growth about linear.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate_bank import ROOT, write_project

SIZES = (100, 1000, 10000)


def time_build(project: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "builder", "-C", str(project), "build", "--out", str(project / "site")],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> list[tuple[str, int, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [("default bank", _count(ROOT / "questions.yaml"), time_build(ROOT, args.runs))]
    for size in SIZES:
        project = write_project(size, ROOT / "bench" / "generated" / str(size))
        rows.append((f"generated {size}", size, time_build(project, args.runs)))
    print(f"{'bank':<16} {'criteria':>8} {'build (s)':>10} {'per tenfold':>12}")
    previous = None
    for name, count, seconds in rows:
        growth = f"x{seconds / previous:.1f}" if previous and name.startswith("generated") and count > 100 else ""
        print(f"{name:<16} {count:>8} {seconds:>10.2f} {growth:>12}")
        previous = seconds if name.startswith("generated") else previous
    return rows


def _count(bank: Path) -> int:
    import yaml
    return len(yaml.load(bank.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["criteria"])


if __name__ == "__main__":
    main()
