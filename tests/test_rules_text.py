"""The answer scale as the build reads it, and "How it works" written from the bank's rules."""

import re
import shutil
from pathlib import Path

from builder import build
from builder.loader import read_yaml
from builder.locales import builtin as raw_builtin
from builder.wording import in_bank_words
from builder.model import localize
from builder.problems import Problems
from builder.rules_text import answer_legend, scoring_markdown
from builder.scale import answer_scale, level_numbers, scoring_rules

TINY = Path(__file__).parent / "fixtures" / "tiny"
SAMM = [{"id": "none", "label": {"en": "No"}, "credit": 0}, {"id": "some", "label": {"en": "Some"}, "credit": 0.25},
        {"id": "half", "label": {"en": "Half"}, "credit": 0.5}, {"id": "most", "label": {"en": "Most"}, "credit": 1}]


def builtin(lang: str, data: dict | None = None) -> dict:
    """The built-in texts in the bank's words, as the build gives them to rules_text."""
    return in_bank_words(data or tiny_data(), {lang: raw_builtin(lang)})[lang]


def tiny_data() -> dict:
    # Koers' own loader: it keeps the short form's yes: and no: keys as text.
    return read_yaml(TINY / "questions.yaml", "questions.yaml", Problems()).data


def test_short_form_means_the_standard_scale():
    data = tiny_data()
    assert [(a["id"], a["credit"], a["means"]) for a in answer_scale(data)] == [
        ("yes", 1.0, "credit"), ("partly", 0.5, "credit"), ("no", 0.0, "credit"),
        ("unknown", None, "unknown"), ("na", None, "not-applicable")]
    assert scoring_rules(data) == {"method": "threshold", "threshold": 0.75, "applicable": 0.5, "first_level": 1}
    assert level_numbers(data) == [1, 2, 3]


def test_list_form_and_level_numbers_from_zero():
    data = {**tiny_data(), "answers": SAMM, "scoring": {"method": "average", "first_level": 0}}
    assert [(a["id"], a["credit"]) for a in answer_scale(data)] == [("none", 0), ("some", 0.25), ("half", 0.5), ("most", 1)]
    assert level_numbers(data) == [0, 1, 2]
    assert [lv["n"] for lv in localize(data, "en")["levels"]] == [0, 1, 2]


def rules_text(data: dict, lang: str = "en") -> str:
    return scoring_markdown(localize(data, lang), builtin(lang))


def test_threshold_rules_and_example_follow_the_bank():
    text = rules_text(tiny_data())
    assert "- **Yes**: counts for 100%." in text and "- **Partly**: counts for 50%." in text
    assert "- **N/A**: left out of the count." in text
    assert "at least **75%** of their weight" in text and "at least 50% of its statements" in text
    # 1 + 1 + 0.5 + 0 = 2.5 of 4 = 63% (half up) < 75%; No -> Partly gives 75%: reached.
    assert "1 + 1 + 0.5 + 0 = 2.5 of 4, which is 63%; 75% is needed, so the area stays at level 2." in text
    assert "earns 75%, so the area reaches level 3." in text


def test_other_threshold_changes_the_words_and_the_verdict():
    data = {**tiny_data(), "scoring": {"threshold": 0.6, "applicable": 0.4}}
    text = rules_text(data)
    assert "at least **60%**" in text and "at least 40% of its statements" in text
    assert "which is 63%; 60% is needed, so the area reaches level 3." in text


def test_average_method_with_a_four_step_scale():
    data = {**tiny_data(), "languages": ["en"], "answers": SAMM, "scoring": {"method": "average", "first_level": 0}}
    text = rules_text(data)
    assert "- **Some**: counts for 25%." in text
    assert "A score with decimals" in text
    assert "(1 + 1 + 0.5 + 0) / 4 = 0.62" in text or "(1 + 1 + 0.5 + 0) / 4 = 0.63" in text


def test_dutch_uses_a_decimal_comma():
    text = rules_text(tiny_data(), "nl")
    assert "1 + 1 + 0,5 + 0 = 2,5 van de 4" in text


def test_legend_says_what_each_answer_does():
    legend = answer_legend(localize(tiny_data(), "en"), builtin("en"))
    assert legend == ("What the answers do: Yes: counts for 100% · Partly: counts for 50% · No: counts for 0% · "
                      "Don't know: counts for 0% and becomes a find-out item on your route · N/A: left out of the count.")


def test_built_pages_carry_the_generated_rules(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(TINY, project)
    how = project / "content" / "en" / "how-it-works.md"
    how.write_text(how.read_text() + "\n[[scoring-rules]]\n\nAfter the rules.\n")
    build(project, tmp_path / "site")
    page = (tmp_path / "site" / "en" / "how-it-works.html").read_text()
    assert "[[scoring-rules]]" not in page
    assert page.index("at least <strong>75%</strong>") < page.index("After the rules.")
    scan = (tmp_path / "site" / "en" / "scan.html").read_text()
    assert scan.count('class="answer-key"') == 2  # one per step
    assert re.search(r'value="partly"> Partly', scan)
