"""Generate a valid Koers project with N criteria, for build-time and route-speed benchmarks.

    python bench/generate_bank.py 1000 bench/generated/1000

The shape follows the default bank (six levels, nl + en, prerequisites across areas) and
grows the number of areas and criteria per area and level with N.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ["ad-hoc", "standardised", "automated", "personalised", "adaptive", "autonomous"]


def text(value: str) -> dict:
    return {"nl": f"{value} (nl)", "en": f"{value} (en)"}


def generate(count: int) -> dict:
    area_count = 6 if count <= 1000 else 20
    areas = [f"area-{a}" for a in range(area_count)]
    cells = [(a, lv) for a in areas for lv in range(2, 7)]
    criteria = []
    for i in range(count):
        area, level = cells[i % len(cells)]
        criterion = {"id": f"{area}-{level}-c{i}", "area": area, "level": level,
                     "text": text(f"Observable behaviour number {i} in {area} at level {level}, checked in daily work"),
                     "why": text(f"Why criterion {i} matters for the customer and for the employee"),
                     "action": text(f"Take one small step on criterion {i} with one team this month"),
                     "owner": text("Team lead")}
        if level >= 4 and i >= len(cells):  # build on a lower level of another area, like the default bank
            other = criteria[(i - len(cells) + 1) % len(cells)]
            if other["area"] != area and other["level"] < level:
                criterion["requires"] = [other["id"]]
        criteria.append(criterion)
    return {
        "bank": f"bench-{count}", "version": "1", "languages": ["nl", "en"],
        "site": {"name": "Bench", "colour": "#0b5cad"},
        "answers": {k: text(k) for k in ("yes", "partly", "no", "unknown", "na")},
        "levels": [{"id": lv, "name": text(lv), "summary": text("Summary"), "daily": text("Daily"), "risk": text("Risk")}
                   for lv in LEVELS],
        "areas": [{"id": a, "name": text(a), "question": text("Key question?"), "why": text("Why")} for a in areas],
        "criteria": criteria,
    }


def write_project(count: int, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    bank = generate(count)
    target.mkdir(parents=True)
    (target / "questions.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=120))
    for lang in bank["languages"]:
        slugs = ["index", "how-it-works", "privacy", "about", "pitfalls", "embed", "team"]
        slugs += [f"levels/{lv}" for lv in LEVELS] + [f"areas/{a['id']}" for a in bank["areas"]]
        for slug in slugs:
            page = target / "content" / lang / f"{slug}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"---\ntitle: {slug}\ndescription: Benchmark page {slug}.\n---\n\n## Text\n\nBody of {slug}.\n")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    print(write_project(args.count, args.target))
