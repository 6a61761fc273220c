"""Content checks for the default question bank (questions.yaml).

- every criterion has text, why and action in every language of the bank;
- every area has 2 to 4 criteria on every level from 2 up (the basics add a fourth on levels 2 and 3);
- plagiarism guard: no run of 10 consecutive words from a seed article may
  appear in questions.yaml or in any content/ file (*.md, *.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
BANK_PATH = ROOT / "questions.yaml"
CONTENT_DIR = ROOT / "content"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SHINGLE = 10

_WORD = re.compile(r"[^\W_]+")  # runs of letters (incl. accented) and digits


# ---------------------------------------------------------------- helpers


def normalise(text: str) -> list[str]:
    """Lower-case, drop punctuation (keep letters and digits), split into words."""
    text = unicodedata.normalize("NFC", text).lower()
    return _WORD.findall(text)


def shingles(words: list[str], n: int = SHINGLE) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def copied_runs(text: str, seed_shingles: set[tuple[str, ...]], n: int = SHINGLE) -> list[str]:
    """Every n-word window of `text` that also occurs in the seeds (merged into runs)."""
    words = normalise(text)
    hits: list[str] = []
    i, last_end = 0, -1
    while i <= len(words) - n:
        if tuple(words[i : i + n]) in seed_shingles:
            j = i
            while j + 1 <= len(words) - n and tuple(words[j + 1 : j + 1 + n]) in seed_shingles:
                j += 1
            if i > last_end:
                hits.append(" ".join(words[i : j + n]))
            last_end = j + n
            i = j + 1
        else:
            i += 1
    return hits


def load_seed_shingles() -> set[tuple[str, ...]]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR}; plagiarism guard skipped")
    files = sorted(p for p in SEEDS_DIR.iterdir() if p.is_file())
    if not files:
        pytest.skip(f"no seed articles in {SEEDS_DIR}; plagiarism guard skipped")
    result: set[tuple[str, ...]] = set()
    for p in files:
        result |= shingles(normalise(p.read_text(encoding="utf-8")))
    return result


def own_text_files() -> list[Path]:
    files = [BANK_PATH]
    if CONTENT_DIR.is_dir():
        for pattern in ("*.md", "*.yaml", "*.yml"):
            files.extend(sorted(CONTENT_DIR.rglob(pattern)))
    return [p for p in files if p.is_file()]


@pytest.fixture(scope="module")
def bank() -> dict:
    with BANK_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------- bank content


def test_every_criterion_has_text_why_action_in_every_language(bank):
    langs = bank["languages"]
    problems = []
    for crit in bank["criteria"]:
        for field in ("text", "why", "action"):
            value = crit.get(field) or {}
            for lang in langs:
                if not isinstance(value.get(lang), str) or not value[lang].strip():
                    problems.append(f"{crit['id']}: {field}.{lang} missing or empty")
        if "owner" in crit:
            for lang in langs:
                if not str(crit["owner"].get(lang, "")).strip():
                    problems.append(f"{crit['id']}: owner.{lang} missing or empty")
    assert not problems, "\n".join(problems)


def test_every_area_has_two_to_four_criteria_per_level(bank):
    counts = Counter((c["area"], c["level"]) for c in bank["criteria"])
    top = len(bank["levels"])
    problems = []
    for area in bank["areas"]:
        for level in range(2, top + 1):
            n = counts.get((area["id"], level), 0)
            if not 2 <= n <= 4:
                problems.append(f"{area['id']} level {level}: {n} criteria (want 2-4)")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- plagiarism guard


def test_shingle_checker_self_test_synthetic():
    seed = "Dit is een voorbeeldzin die uit een artikel komt, met precies genoeg woorden om te testen."
    sh = shingles(normalise(seed))
    copied = "Intro. " + seed.upper().replace(",", " ;") + " Einde."
    assert copied_runs(copied, sh), "checker missed a copied sentence"
    nine = " ".join(normalise(seed)[:9])
    assert not copied_runs(nine + " anders", sh), "checker flagged a run shorter than 10 words"


def test_shingle_checker_catches_sentence_from_a_seed():
    seed_shingles = load_seed_shingles()
    first = sorted(p for p in SEEDS_DIR.iterdir() if p.is_file())[0]
    words = normalise(first.read_text(encoding="utf-8"))
    assert len(words) >= 20
    sentence = " ".join(words[5:17])  # a 12-word stretch of a real article
    text = f"Our own words first. {sentence.capitalize()}! And our own words after."
    hits = copied_runs(text, seed_shingles)
    assert hits and sentence in hits[0], "checker missed a sentence copied from a seed"


@pytest.mark.parametrize("path", own_text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_ten_word_run_from_seed_articles(path):
    seed_shingles = load_seed_shingles()
    hits = copied_runs(path.read_text(encoding="utf-8"), seed_shingles)
    assert not hits, (
        f"{path.relative_to(ROOT)} contains {len(hits)} run(s) of {SHINGLE}+ words copied "
        "from a seed article; rewrite in your own words:\n"
        + "\n".join(f"  - {h!r}" for h in hits)
    )


def test_default_bank_passes_check_strict():
    """`koers check --strict` on the repository: no errors and no warnings either."""
    from builder import check

    assert [str(p) for p in check(ROOT, strict=True)] == []


def test_every_level_and_area_has_a_guidance_page_in_every_language(bank):
    for lang in bank["languages"]:
        for kind in ("levels", "areas"):
            for item in bank[kind]:
                assert (ROOT / "content" / lang / kind / f"{item['id']}.md").is_file(), (lang, kind, item["id"])


# ---------------------------------------------------------------- find out, level pages

FIND_OUT_OPENING = {"nl": "Zoek uit of ", "en": "Find out whether "}


def test_every_criterion_has_a_find_out_question_or_the_generated_form(bank):
    """A "Don't know" becomes a question: the criterion's own find_out, or the generated form."""
    from builder.locales import builtin

    problems = []
    for lang in bank["languages"]:
        opening = FIND_OUT_OPENING[lang]
        generated = builtin(lang)["results.find_out"]
        assert generated.startswith(opening) and generated.endswith(":"), generated
        for crit in bank["criteria"]:
            own = (crit.get("find_out") or {}).get(lang)
            if own is None:
                continue  # the route shows "<generated> <statement>"
            if not own.startswith(opening):
                problems.append(f"{crit['id']}: find_out.{lang} does not start with {opening!r}")
            elif ":" not in own:
                problems.append(f"{crit['id']}: find_out.{lang} says what to find out but not how (no ': …')")
    missing = [c["id"] for c in bank["criteria"] if "find_out" not in c]
    assert not problems, "\n".join(problems)
    assert not missing, f"the default bank gives every criterion its own find_out; missing: {missing}"


@pytest.fixture(scope="module")
def default_site(tmp_path_factory) -> Path:
    from builder import build

    out = tmp_path_factory.mktemp("site")
    build(ROOT, out)
    return out


def test_level_pages_list_the_next_levels_statements_from_the_bank(bank, default_site):
    """The "to the next level" part is generated from the bank: exactly the next level's criteria."""
    first = bank.get("scoring", {}).get("first_level", 1)
    numbers = {lv["id"]: first + i for i, lv in enumerate(bank["levels"])}
    for lang in bank["languages"]:
        prefix = "" if lang == bank["languages"][0] else f"{lang}/"
        for lv in bank["levels"]:
            html = (default_site / f"{prefix}levels/{lv['id']}.html").read_text(encoding="utf-8")
            n = numbers[lv["id"]]
            want = [c["id"] for c in bank["criteria"] if c["level"] == n + 1]
            if not want:
                assert 'id="next-level"' not in html, f"{lv['id']}: the top level has no next level"
                continue
            section = html.split('id="next-level"', 1)[1].split("</section>", 1)[0]
            got = re.findall(r'data-criterion="([^"]+)"', section)
            assert sorted(got) == sorted(want), f"{lang} {lv['id']}: next-level list is not level {n + 1}"
            nxt = bank["levels"][n + 1 - first]
            assert f"{n + 1}: {nxt['name'][lang]}" in section
            by_id = {c["id"]: c for c in bank["criteria"]}
            for cid in got:
                text = by_id[cid]["text"][lang].replace("'", "&#39;").replace('"', "&#34;")
                assert text in section or by_id[cid]["text"][lang] in section


def test_level_guidance_does_not_hand_write_a_next_level_heading(bank):
    """The heading with the next level's number comes from the template; Markdown keeps the narrative."""
    for lang in bank["languages"]:
        for lv in bank["levels"]:
            text = (CONTENT_DIR / lang / "levels" / f"{lv['id']}.md").read_text(encoding="utf-8")
            assert not re.search(r"^## (Naar niveau|Moving to level|To level) \d", text, re.M), (lang, lv["id"])
