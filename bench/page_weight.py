"""What a visitor downloads for the scan, gzipped: landing, scan and results HTML, CSS, JS.

    .venv/bin/python bench/page_weight.py [PROJECT] [--lang nl] [--budget 40000]

Builds PROJECT (default: the repository root, i.e. the default question bank) into a temporary
folder, gzips each file at level 9 and prints one row per file and the total: the journey
(landing, scan, results and what they load, each file once, as the browser caches it). Exits 1
when the total is over the budget (issue 12's 40 KB by default).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import build  # noqa: E402


def weigh(site: Path, lang: str | None = None) -> list[tuple[str, int, int]]:
    """(file, raw bytes, gzip bytes) for the pages of one language and the assets they load."""
    index = site / "index.html"
    prefix = ""
    if lang:
        # The default language sits at the root, the others under <lang>/.
        first = re.search(r'<html lang="([^"]+)"', index.read_text("utf-8")).group(1)
        prefix = "" if lang == first else f"{lang}/"
    pages = [f"{prefix}index.html", f"{prefix}scan.html", f"{prefix}results.html"]
    assets: list[str] = []
    for page in pages:
        for ref in re.findall(r'(?:href|src)="((?:\.\./)*assets/[^"]+\.(?:css|js|svg))"', (site / page).read_text("utf-8")):
            name = ref.lstrip("./")
            if name not in assets:
                assets.append(name)
    rows = []
    for name in pages + assets:
        data = (site / name).read_bytes()
        rows.append((name, len(data), len(gzip.compress(data, compresslevel=9, mtime=0))))
    return rows


PER_PAGE = ["index.html", "scan.html", "results.html", "levels/adaptive.html", "embed/scan.html", "team.html",
            "koers-scan.html"]


def per_page(site: Path) -> list[tuple[str, int, int]]:
    """(page, requests, gzip bytes) with everything each page loads, on an empty cache."""
    rows = []
    for page in PER_PAGE:
        if not (site / page).is_file():
            continue
        html = (site / page).read_text("utf-8")
        refs = re.findall(r'(?:href|src)="((?:\.\./)*assets/[^"]+)"', html)
        files = [site / page] + [(site / page).parent / ref for ref in dict.fromkeys(refs)]
        if page.endswith("results.html"):
            files += _texts_fallbacks(files)
        gz = sum(len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0)) for f in files)
        rows.append((page, len(files), gz))
    return rows


def _texts_fallbacks(files: list[Path]) -> list[Path]:
    """The texts files that a results page loads when the scan handed nothing over (an empty
    cache: a share link opened cold) and an answer is "Don't know": the statements' and the
    find-out questions', named in the bank of the page's core script."""
    for f in files:
        found = re.findall(r'"(?:words|find)":"((?:words|find)\.[\w.]+\.js)"', f.read_text("utf-8")) if f.suffix == ".js" else []
        if found:
            return [f.parent / name for name in found]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(ROOT))
    parser.add_argument("--lang", help="language to weigh (default: the first language of the bank)")
    parser.add_argument("--budget", type=int, default=40_000, help="gzip byte budget (default 40000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(args.project), Path(tmp) / "site")
        rows = weigh(Path(tmp) / "site", args.lang)
        pages = per_page(Path(tmp) / "site")
    print(f"{'page (empty cache)':<22}  {'requests':>8}  {'gzip -9':>8}")
    for name, requests, gz in pages:
        print(f"{name:<22}  {requests:>8}  {gz:>8}")
    print()
    width = max(len(r[0]) for r in rows)
    print(f"{'file':<{width}}  {'raw':>8}  {'gzip -9':>8}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw:>8}  {gz:>8}")
    total_raw, total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'total':<{width}}  {total_raw:>8}  {total:>8}  (budget {args.budget})")
    return 0 if total <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
