"""One term per concept: the glossary in content/README.md is the rule, every visitor text obeys it.

The table's last two columns list the rejected variants per language. This test reads them
from the table itself, so adding a row there is all it takes to enforce a new term.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from builder.locales import builtin

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("nl", "en")


def glossary() -> list[dict]:
    text = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Glossary\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]  # skip header and rule
    out = []
    for line in rows:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        concept, nl, en, not_nl, not_en = cells
        out.append({"concept": concept, "nl": nl, "en": en,
                    "not": {"nl": [t.strip() for t in not_nl.split(",") if t.strip()],
                            "en": [t.strip() for t in not_en.split(",") if t.strip()]}})
    return out


def variant(term: str) -> re.Pattern:
    """A rejected term, matched as the start of a word (so 'uitslag' also catches 'uitslagen')."""
    return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, term.split())), re.IGNORECASE)


def bank_texts(lang: str):
    """Every text of questions.yaml in one language, named by its path (ids are not texts)."""
    data = yaml.safe_load((ROOT / "questions.yaml").read_text(encoding="utf-8"))

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    yield "/".join(path), value
                elif key not in LANGS:
                    yield from walk(value, path + [str(key)])
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, path + [str(item.get("id", "")) if isinstance(item, dict) else ""])

    yield from walk(data, ["questions.yaml"])


def visitor_texts(lang: str):
    yield from bank_texts(lang)
    for page in sorted((ROOT / "content" / lang).rglob("*.md")):
        yield str(page.relative_to(ROOT)), page.read_text(encoding="utf-8")
    for key, value in builtin(lang).items():
        yield f"builder/locales/{lang}.yaml: {key}", value
    override = ROOT / "content" / lang / "ui.yaml"
    if override.is_file():
        yield str(override.relative_to(ROOT)), override.read_text(encoding="utf-8")


def offences(texts, terms):
    found = []
    for where, text in texts:
        for term in terms:
            m = variant(term).search(text)
            if m:
                found.append(f"{where}: '{m.group(0)}' (glossary: not '{term}')")
    return found


def test_glossary_table_is_read():
    rows = glossary()
    assert len(rows) >= 10
    by = {r["concept"]: r for r in rows}
    assert by["what a visitor answers"]["nl"] == "stelling" and by["what a visitor answers"]["en"] == "statement"
    assert "uitspraak" in by["what a visitor answers"]["not"]["nl"]
    assert "straks" in by["the three parts of the route"]["not"]["nl"]


def test_checker_catches_a_planted_variant():
    terms = ["uitspraak", "uitslag", "IVR"]
    texts = [("a", "Beantwoord elke uitspraak."), ("b", "Deel je uitslagen."), ("c", "Een TIVR-code en routing."),
             ("d", "Een stelling, een resultaat.")]
    assert offences(texts, terms) == ["a: 'uitspraak' (glossary: not 'uitspraak')",
                                      "b: 'uitslag' (glossary: not 'uitslag')"]
    assert offences([("e", "the version of\n  the questions")], ["version of the questions"])


@pytest.mark.parametrize("lang", LANGS)
def test_no_rejected_variant_in_bank_guidance_or_ui(lang):
    terms = [t for row in glossary() for t in row["not"][lang]]
    found = offences(visitor_texts(lang), terms)
    assert not found, f"{len(found)} rejected variant(s) in {lang}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_ui_labels_are_the_glossary_terms(lang):
    ui, by = builtin(lang), {r["concept"]: r for r in glossary()}
    phases = [p.strip() for p in by["the three parts of the route"][lang].split(",")]
    assert [ui["results.phase_now"], ui["results.phase_next"], ui["results.phase_later"]] == phases
    assert ui["results.forget"] == by["removing saved answers"][lang]
    assert ui["nav.how"] == by["the page with the rules"][lang]
    assert ui["nav.results"] == "Route"
