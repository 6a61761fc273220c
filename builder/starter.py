"""The question bank and pages that ``koers init`` writes, shaped by its options.

Every text is a placeholder that says what belongs there, in the project's own languages;
the project builds with ``--strict`` as it is, so a maintainer can replace one text at a
time and see the site change.
"""

from __future__ import annotations

import json

SHIPPED = ("en", "nl")  # languages with built-in UI texts
WORDS = {
    "en": {"area": "Area", "level": "Level", "start": "Starting point", "name": "My scan",
           "tagline": "A maturity scan of your own", "question": "What does {area} look at?",
           "area_why": "Why {area} matters: one or two sentences.",
           "summary": "One line: what {level} is.", "daily": "What {level} looks like in daily work.",
           "risk": "The typical risk at {level}.",
           "text": "{area}, {level}: one observable statement, checkable in daily work.",
           "why": "Why this statement matters, shown on demand.", "action": "The small next step when it is not met.",
           "yes": "Yes", "partly": "Partly", "no": "No", "unknown": "Don't know", "na": "Not applicable",
           "page": "Write this page in Markdown. Headings start at `##`; the title above becomes the page's heading."},
    "nl": {"area": "Gebied", "level": "Niveau", "start": "Beginpunt", "name": "Mijn scan",
           "tagline": "Een eigen volwassenheidsscan", "question": "Waar kijkt {area} naar?",
           "area_why": "Waarom {area} belangrijk is: een of twee zinnen.",
           "summary": "Eén regel: wat {level} is.", "daily": "Hoe {level} eruitziet in het dagelijkse werk.",
           "risk": "Het typische risico op {level}.",
           "text": "{area}, {level}: één waarneembare stelling, te toetsen aan het dagelijkse werk.",
           "why": "Waarom deze stelling belangrijk is, te lezen op verzoek.", "action": "De kleine volgende stap als het niet klopt.",
           "yes": "Ja", "partly": "Deels", "no": "Nee", "unknown": "Weet ik niet", "na": "Niet van toepassing",
           "page": "Schrijf deze pagina in Markdown. Koppen beginnen bij `##`; de titel hierboven wordt de paginakop."},
}
LIMITS = {"levels": (2, 10), "areas": (1, 40)}


def problems(languages: list[str], levels: int, areas: int, first_level: int) -> list[str]:
    """What is wrong with the options, each with what was expected."""
    found = [f"--lang {lang}: Koers has built-in texts for {', '.join(SHIPPED)} (add other languages later; "
             f"see the README's 'Add a language')" for lang in languages if lang not in SHIPPED]
    if len(set(languages)) != len(languages) or not languages:
        found.append("--lang: expected each language once, e.g. --lang en or --lang nl,en")
    for name, value in (("levels", levels), ("areas", areas)):
        low, high = LIMITS[name]
        if not low <= value <= high:
            found.append(f"--{name} {value}: expected {low} to {high}")
    if first_level not in (0, 1):
        found.append(f"--first-level {first_level}: expected 0 or 1")
    return found


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Texts:
    def __init__(self, languages: list[str]):
        self.languages = languages

    def __call__(self, key: str, **values) -> str:
        """A YAML text: plain with one language, {nl: …, en: …} with more."""
        per = {lang: WORDS[lang][key].format(**values.get(lang, {})) for lang in self.languages}
        if len(self.languages) == 1:
            return _q(per[self.languages[0]])
        return "{" + ", ".join(f"{lang}: {_q(text)}" for lang, text in per.items()) + "}"


def bank_yaml(languages: list[str], levels: int, areas: int, first_level: int = 1) -> str:
    text = _Texts(languages)
    level_ids = ["start"] + [f"level-{n}" for n in range(first_level + 1, first_level + levels)]
    level_names = {lang: [WORDS[lang]["start"]] + [f"{WORDS[lang]['level']} {n}"
                                                   for n in range(first_level + 1, first_level + levels)]
                   for lang in languages}
    area_names = {lang: [f"{WORDS[lang]['area']} {i}" for i in range(1, areas + 1)] for lang in languages}
    out = ["# yaml-language-server: $schema=questions.schema.json",
           "# Your scan: levels, areas and criteria. `koers check` validates this file; see README.md.",
           "bank: my-scan", 'version: "1"', f"languages: [{', '.join(languages)}]",
           "site:", f"  name: {_q(WORDS[languages[0]]['name'])}", f"  tagline: {text('tagline')}", '  colour: "#0b5cad"',
           "answers:"]
    for key in ("yes", "partly", "no", "unknown", "na"):
        out.append(f"  {_q(key)}: {text(key)}")
    out += ["scoring:", "  method: threshold", f"  first_level: {first_level}",
            "# Criteria name no owner yet; set this to true and give each criterion an owner: to show who acts.",
            "owners: false", "levels:"]
    for i, level_id in enumerate(level_ids):
        names = {lang: {"level": level_names[lang][i]} for lang in languages}
        out += [f"  - id: {level_id}", "    name: " + _texts_of(languages, level_names, i),
                f"    summary: {text('summary', **names)}", f"    daily: {text('daily', **names)}",
                f"    risk: {text('risk', **names)}"]
    out.append("areas:")
    for i in range(areas):
        names = {lang: {"area": area_names[lang][i]} for lang in languages}
        out += [f"  - id: area-{i + 1}", "    name: " + _texts_of(languages, area_names, i),
                f"    question: {text('question', **names)}", f"    why: {text('area_why', **names)}"]
    out.append("criteria:")
    for i in range(areas):
        for j, n in enumerate(range(first_level + 1, first_level + levels), start=1):
            names = {lang: {"area": area_names[lang][i], "level": level_names[lang][j]} for lang in languages}
            out += [f"  - id: area-{i + 1}-level-{n}", f"    area: area-{i + 1}", f"    level: {n}",
                    f"    text: {text('text', **names)}", f"    why: {text('why')}", f"    action: {text('action')}"]
    return "\n".join(out) + "\n"


def _texts_of(languages, names, i) -> str:
    if len(languages) == 1:
        return _q(names[languages[0]][i])
    return "{" + ", ".join(f"{lang}: {_q(names[lang][i])}" for lang in languages) + "}"


def page_body(lang: str, slug: str) -> str:
    body = WORDS[lang]["page"]
    return body + "\n\n[[scoring-rules]]" if slug == "how-it-works" else body
