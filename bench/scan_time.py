"""How long the scan takes one visitor: an estimate from what the scan page asks them to read and decide.

    .venv/bin/python bench/scan_time.py [questions.yaml ...] [--git REV]

Per language it counts the words a visitor reads (each area's name and key question, each
statement, and the one-line answer legend once per area) and the number of answers they give,
then applies two reading profiles:

- brisk: 230 words a minute and 5 seconds to choose an answer;
- careful: 180 words a minute and 9 seconds to choose an answer (thinking of an example).

"Why" texts open on demand and notes are optional, so neither is counted. The landing page
and "How it works" quote the rounded range of the Dutch bank, the default language.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.rules_text import answer_legend  # noqa: E402  (the legend exactly as the scan shows it)
from builder.locales import builtin  # noqa: E402
from builder.model import localize  # noqa: E402

PROFILES = {"brisk": (230, 5), "careful": (180, 9)}
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def estimate(data: dict, lang: str) -> dict[str, float]:
    view = localize(data, lang)
    legend = words(answer_legend(view, builtin(lang)))
    read = sum(words(a["name"]) + words(a["question"]) + legend for a in view["areas"])
    read += sum(words(c["text"]) for c in view["criteria"])
    n = len(view["criteria"])
    return {"statements": n, "words": read,
            **{name: read / wpm + n * secs / 60 for name, (wpm, secs) in PROFILES.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("banks", nargs="*", type=Path, default=[ROOT / "questions.yaml"])
    parser.add_argument("--git", help="also estimate questions.yaml as it was at this revision")
    args = parser.parse_args()
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in args.banks]
    if args.git:
        sources.append((f"{args.git}:questions.yaml", subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{args.git}:questions.yaml"],
            check=True, capture_output=True, text=True).stdout))
    print(f"{'bank':<34} {'lang':<4} {'statements':>10} {'words':>6} {'brisk':>7} {'careful':>8}")
    for name, text in sources:
        data = yaml.safe_load(text)
        for lang in data["languages"]:
            e = estimate(data, lang)
            print(f"{name[-34:]:<34} {lang:<4} {e['statements']:>10} {e['words']:>6} "
                  f"{e['brisk']:>6.1f}m {e['careful']:>7.1f}m")


if __name__ == "__main__":
    main()
