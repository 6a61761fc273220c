"""Credits name only what the articles themselves show.

Every name in the bank's `sources` (title and publisher), every bold name and quoted title in
the About pages' list of articles, and every quoted title in the README's credits must occur
in the seed articles. A name from memory or from elsewhere ("Sound of Data", "Klantcontact.nl")
fails here, with the file it came from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
# Ordinary words that Dutch capitalises or that open a description, not names.
GENERIC = {"Blog", "Interview", "Nederlandstalige"}
_NAME = re.compile(r"[^\W\d_][\w.\-]*")


@pytest.fixture(scope="module")
def seeds() -> str:
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.iterdir()):
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.iterdir()) if p.is_file())


def names(text: str) -> list[str]:
    """Capitalised tokens (and ones like 'huXam' or 'Klantcontact.nl'), minus generic words."""
    return [t.rstrip(".") for t in _NAME.findall(text)
            if any(ch.isupper() for ch in t) and t not in GENERIC]


def unsourced(text: str, seeds: str) -> list[str]:
    """The names in `text` that occur nowhere in the articles as a whole word."""
    return [n for n in names(text) if not re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", seeds)]


def credits_section(path: Path, start: str, end: str = "\n## ") -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(start, 1)[1].split(end, 1)[0]


def test_checker_flags_names_the_articles_do_not_contain(seeds):
    assert unsourced("Sound of Data (blog)", seeds) == ["Sound"]
    assert unsourced("een interview van Adformatie", seeds) == ["Adformatie"]
    assert unsourced("samenvatting op Klantcontact.nl", seeds) == ["Klantcontact.nl"]
    assert unsourced("Ziptone, interview met Marco Derksen door Erik Bouwer", seeds) == []
    assert unsourced("Blog van huXam", seeds) == []


def test_bank_sources_name_only_what_the_articles_show(seeds):
    data = yaml.safe_load((ROOT / "questions.yaml").read_text(encoding="utf-8"))
    found = []
    for s in data["sources"]:
        # A title that starts with a capital is a sentence: its first word is no name.
        title = s["title"].split(" ", 1)[1] if " " in s["title"] else ""
        found += [f"{s['id']}: {n}" for n in unsourced(title + " " + s["publisher"], seeds)]
    assert not found, "names in sources that no article contains:\n" + "\n".join(found)


@pytest.mark.parametrize("lang,heading", [("nl", "## Waar het model op voortbouwt"), ("en", "## What the model builds on")])
def test_about_page_credits_name_only_what_the_articles_show(seeds, lang, heading):
    section = credits_section(ROOT / "content" / lang / "about.md", heading)
    items = [line for line in section.splitlines() if re.match(r"\d+\. ", line)]
    assert len(items) == 5, "the About page lists the five articles"
    found = []
    for item in items:
        for bold in re.findall(r"\*\*(.+?)\*\*", item):
            quoted = re.fullmatch(r'"(.+)"', bold)
            if quoted:  # a title: verbatim from the article
                if quoted.group(1) not in seeds:
                    found.append(f"title {bold}")
            else:
                found += [f"name {n}" for n in unsourced(bold, seeds)]
    assert not found, f"content/{lang}/about.md credits what no article shows:\n" + "\n".join(found)


def test_readme_credits_name_only_what_the_articles_show(seeds):
    section = credits_section(ROOT / "README.md", "\n## Credits\n")
    for title in re.findall(r'"([^"]+)"', section):
        assert " ".join(title.split()) in " ".join(seeds.split()), f"README credits a title no article has: {title!r}"
    for bad in ("Sound of Data", "Klantcontact.nl"):
        assert bad not in section
    # The names it does give are the articles' own.
    for name in ("huXam", "CX Today", "Ziptone", "Marco Derksen", "Erik Bouwer", "Mirella Kleijnen"):
        assert name in section and name in seeds


# Words a guidance text may capitalise mid-sentence that are no source: the tool's own name,
# file formats, roles and departments, days, and the names of places and of the EU.
OWN_WORDS = {"Koers", "CSV", "JSON", "Markdown", "CRM", "HR", "IT", "I", "IVR", "IVRs",
             "Content", "Security", "Policy", "localStorage", "European", "Europese", "Dutch",
             "Netherlands", "Monday", "Tuesday"}
# After a lower-case word, a comma or semicolon, or an opening parenthesis (the bank credits a
# source as "(Kleijnen)"), but not in the translation that follows a quoted title: '"…"** (The …'.
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )[^\W\d_][\w.\-]*|(?<=\()(?<![\"*] \()[^\W\d_][\w.\-]*")


def mid_sentence_names(text: str, seeds: str) -> list[str]:
    """Capitalised words inside a sentence (where only names are capitalised) that no article has.

    A compound such as 'MIT-onderzoek' counts by its parts, so 'MIT' is checked and 'onderzoek'
    is not. Links are dropped: their text names a page of this site ('level 2, Standardised').
    """
    text = re.sub(r"\[[^\]]*\]\([^)]*\)", "", text)
    found = []
    for word in _MID_SENTENCE.findall(text):
        for part in word.rstrip(".").split("-"):
            if any(ch.isupper() for ch in part) and part not in OWN_WORDS and part not in GENERIC:
                found += unsourced(part, seeds)
    return found


def test_mid_sentence_checker_catches_a_medium_from_memory(seeds):
    assert mid_sentence_names("How much? In Adformatie, Mirella Kleijnen asks who.", seeds) == ["Adformatie"]
    assert mid_sentence_names("the blog (Sound of Data) says", seeds) == ["Sound"]
    assert mid_sentence_names("volgens een MIT-onderzoek dat huXam noemt, in Ziptone", seeds) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_guidance_and_bank_name_only_what_the_articles_show(seeds, lang):
    """An attribution in the running text ('In Adformatie, Kleijnen asks …') is a credit too."""
    from test_glossary import bank_texts

    texts = list(bank_texts(lang))
    texts += [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8").split("---", 2)[2])
              for p in sorted((ROOT / "content" / lang).rglob("*.md"))]
    found = [f"{where}: {n}" for where, text in texts for n in mid_sentence_names(text, seeds)]
    assert not found, "names no article contains:\n" + "\n".join(found)
