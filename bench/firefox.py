"""The scan outside Chromium: Debian's firefox-esr, headless, over WebDriver BiDi.

    apt-get install -y firefox-esr && .venv/bin/python bench/firefox.py

Builds the default site, then (bench/firefox.mjs) checks that the style sheet alone shows one
step, the one the address names; that the scan taken with its script leads to a route; and
that a statement's address focuses it. Uses puppeteer-core, which comes with Lighthouse in
bench/node_modules. Not part of the suite: CI installs only Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from builder import build  # noqa: E402


def main() -> int:
    if not Path("/usr/bin/firefox-esr").exists():
        print("firefox-esr is not installed: apt-get install -y firefox-esr")
        return 2
    if not (BENCH / "node_modules" / "puppeteer-core").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH, check=True)
    with tempfile.TemporaryDirectory() as temp:
        site, bare = Path(temp) / "site", Path(temp) / "bare"
        build(BENCH.parent, site)
        shutil.copytree(site, bare)
        for script in bare.rglob("*.js"):
            script.write_text("")
        return subprocess.run(["node", str(BENCH / "firefox.mjs"), str(site), str(bare)], cwd=BENCH).returncode


if __name__ == "__main__":
    sys.exit(main())
