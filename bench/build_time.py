"""Whole-process time of `koers build` for the default bank and generated banks of 100, 1,000 and 10,000 criteria.

    .venv/bin/python bench/build_time.py [--runs 3]

Prints a table with the median wall time per bank, the CPU time of that process (on a
shared machine the wall time also holds other people's work; the load average is printed
too) and the growth factor per tenfold, twice:

- **again**: the bank was built before, as a maintainer's next build after editing guidance
  would be: the per-user cache (compiled templates, converted pages, the checked bank) is warm;
- **cold**: every run with an empty cache, as the first build after installing Koers, or after
  editing questions.yaml and every page at once.

Targets (wall, "again"): default bank <= 0.45 s, 10,000 criteria <= 6 s; exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_bank import ROOT, write_project

SIZES = (100, 1000, 10000)
TARGETS = {"default bank": 0.45, "generated 10000": 6.0}


def time_build(project: Path, runs: int, cold: bool = False) -> tuple[float, float]:
    """Median (wall, CPU) seconds of a whole `koers build` process."""
    command = [sys.executable, "-m", "builder", "-C", str(project), "build", "--out", str(project / "site")]
    subprocess.run(command, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "XDG_CACHE_HOME": empty} if cold else None
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> list[tuple[str, int, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    projects = [("default bank", _count(ROOT / "questions.yaml"), ROOT)]
    for size in SIZES:
        projects.append((f"generated {size}", size, write_project(size, ROOT / "bench" / "generated" / str(size))))
    rows = [(name, count, *time_build(project, args.runs), *time_build(project, args.runs, cold=True))
            for name, count, project in projects]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'bank':<16} {'criteria':>8} {'again (s)':>10} {'CPU (s)':>8} {'per tenfold':>12} "
          f"{'cold (s)':>9} {'CPU (s)':>8} {'target':>7}")
    previous, missed = None, []
    for name, count, seconds, cpu, cold, cold_cpu in rows:
        growth = f"x{seconds / previous:.1f}" if previous and name.startswith("generated") and count > 100 else ""
        target = TARGETS.get(name)
        if target and seconds > target:
            missed.append(name)
        print(f"{name:<16} {count:>8} {seconds:>10.2f} {cpu:>8.2f} {growth:>12} {cold:>9.2f} {cold_cpu:>8.2f} "
              f"{target or '':>7}")
        previous = seconds if name.startswith("generated") else previous
    return missed


def _count(bank: Path) -> int:
    import yaml
    return len(yaml.load(bank.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["criteria"])


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
