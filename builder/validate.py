"""Checks on the bank that a JSON Schema cannot express: references, cycles, coverage, languages.

Each check is written to survive a bank that also failed the schema, so one run reports
every problem; malformed items are skipped here because the schema already named them.
"""

from __future__ import annotations

from .loader import Located, dotted
from .markup import render_markdown
from .problems import Problems
from .scale import level_numbers
from .schema import did_you_mean

TEXT_FIELDS = {
    "site": ("tagline", "footer", "duration"),
    "groups": ("name",),
    "answers": ("label",),
    "levels": ("name", "summary", "daily", "risk"),
    "areas": ("name", "question", "why"),
    "criteria": ("text", "why", "action", "owner", "find_out"),
    "pitfalls": ("title", "summary", "body"),
    "sources": ("note",),
}


def check_bank(bank: Located, problems: Problems) -> None:
    data = bank.data if isinstance(bank.data, dict) else {}
    report = _Reporter(bank, problems)
    ids = {section: _unique_ids(data, section, report)
           for section in ("levels", "areas", "criteria", "pitfalls", "sources", "groups")}
    criteria = _items(data, "criteria")
    numbers = level_numbers(data)
    _check_scale(data, report)
    _check_criteria_refs(criteria, ids, numbers, report)
    _check_cycles(criteria, report)
    _check_coverage(data, criteria, ids, numbers, report)
    _check_colour(data, report)
    _check_groups(data, ids, report)
    _check_pitfalls(data, ids, numbers, report)
    _check_languages(data, report)
    _check_markdown(data, report)
    _check_style(criteria, report, owners=data.get("owners", True) is not False)


class _Reporter:
    def __init__(self, bank: Located, problems: Problems):
        self.bank, self.problems = bank, problems

    def error(self, path, message, at_key=False):
        line, col = self.bank.position(path, at_key)
        self.problems.error(self.bank.file, line, col, dotted(path), message)

    def warning(self, path, message, at_key=False):
        line, col = self.bank.position(path, at_key)
        self.problems.warning(self.bank.file, line, col, dotted(path), message)


def _items(data: dict, section: str) -> list[tuple[int, dict]]:
    items = data.get(section)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _unique_ids(data, section, report) -> dict[str, int]:
    seen: dict[str, int] = {}
    for i, item in _items(data, section):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            first = report.bank.position((section, seen[item_id], "id"))[0]
            report.error((section, i, "id"), f"id '{item_id}' is used twice (first on line {first}; ids must be unique)")
        else:
            seen[item_id] = i
    return seen


def _check_scale(data, report) -> None:
    """The scale must let a visitor say "not met" and "fully met", each answer meaning one thing."""
    answers = data.get("answers")
    if not isinstance(answers, list):
        return  # the short form has fixed meanings; other shapes were reported by the schema
    items = [(i, a) for i, a in enumerate(answers) if isinstance(a, dict)]
    seen: dict[str, int] = {}
    for i, item in items:
        answer_id = item.get("id")
        if isinstance(answer_id, str) and answer_id in seen:
            first = report.bank.position(("answers", seen[answer_id], "id"))[0]
            report.error(("answers", i, "id"), f"answer id '{answer_id}' is used twice (first on line {first}; "
                                               f"expected each answer to have its own id)")
        elif isinstance(answer_id, str):
            seen[answer_id] = i
        if ("credit" in item) == ("means" in item):
            report.error(("answers", i), f"has {'both' if 'credit' in item else 'neither'} of 'credit' and 'means' "
                                         "(expected either a credit from 0 to 1, or means: unknown or not-applicable)")
    for meaning in ("unknown", "not-applicable"):
        same = [i for i, item in items if item.get("means") == meaning]
        for i in same[1:]:
            report.error(("answers", i, "means"), f"a second answer means '{meaning}' (expected at most one)")
    credits = [item.get("credit") for _, item in items if isinstance(item.get("credit"), (int, float))]
    if len(items) >= 2 and 0 not in credits:
        report.error(("answers",), "no answer means 'not met' (expected one answer with credit: 0)", at_key=True)
    if len(items) >= 2 and 1 not in credits:
        report.error(("answers",), "no answer means 'fully met' (expected one answer with credit: 1)", at_key=True)
    rules = data.get("scoring") if isinstance(data.get("scoring"), dict) else {}
    if rules.get("method") == "all" and "threshold" in rules:
        report.warning(("scoring", "threshold"), "is only used by method threshold (expected no threshold with method all)",
                       at_key=True)


def _check_criteria_refs(criteria, ids, numbers, report) -> None:
    by_id = {item["id"]: item for _, item in criteria if isinstance(item.get("id"), str)}
    for i, item in criteria:
        area = item.get("area")
        if isinstance(area, str) and area not in ids["areas"]:
            hint = did_you_mean(area, ids["areas"]) or f"expected one of: {', '.join(ids['areas'])}"
            report.error(("criteria", i, "area"), f"area '{area}' does not exist ({hint})")
        level = item.get("level")
        if isinstance(level, int) and not isinstance(level, bool) and len(numbers) > 1 and level not in numbers[1:]:
            report.error(("criteria", i, "level"),
                         f"level {level} does not exist (expected {numbers[1]} to {numbers[-1]}: level {numbers[0]} "
                         f"is the starting point and the bank has {len(numbers)} levels)")
        for j, ref in enumerate(item.get("requires") or []):
            if not isinstance(ref, str):
                continue
            where = ("criteria", i, "requires", j)
            if ref == item.get("id"):
                report.error(where, "a criterion cannot require itself")
            elif ref not in by_id:
                hint = did_you_mean(ref, by_id) or "expected the id of another criterion"
                report.error(where, f"requires '{ref}', which does not exist ({hint})")
            elif by_id[ref].get("area") == area and _num(by_id[ref].get("level")) > _num(level):
                report.error(where, f"requires '{ref}' of the same area at level {by_id[ref].get('level')}; "
                                    f"a criterion can only build on its own or lower levels of its own area")


def _num(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_cycles(criteria, report) -> None:
    """Report each prerequisite cycle once; a cycle makes every level on it unreachable."""
    graph = {item["id"]: [r for r in item.get("requires") or [] if isinstance(r, str)]
             for _, item in criteria if isinstance(item.get("id"), str)}
    index = {item["id"]: i for i, item in criteria if isinstance(item.get("id"), str)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset] = set()
    for root in graph:
        if root in state:
            continue
        trail, stack = [root], [iter(graph[root])]  # iterative: long chains must not hit the recursion limit
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[trail.pop()] = 2
                stack.pop()
            elif nxt in graph and state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    report.error(("criteria", index[cycle[0]], "requires"),
                                 f"prerequisite cycle: {' -> '.join(cycle)} (expected each step to need only earlier ones)")
            elif nxt in graph and nxt not in state:
                state[nxt] = 1
                trail.append(nxt)
                stack.append(iter(graph[nxt]))


def _check_coverage(data, criteria, ids, numbers, report) -> None:
    """An area without criteria on a level passes through it: allowed, but worth a warning."""
    levels = _items(data, "levels")
    if any(item.get("area") not in ids["areas"] or _num(item.get("level")) not in numbers[1:]
           for _, item in criteria):
        return  # a criterion with a broken area or level was reported already; its intent is unknown
    present = {(item.get("area"), item.get("level")) for _, item in criteria}
    for a, area in _items(data, "areas"):
        for index, level in enumerate(numbers[1:], start=1):
            if (area.get("id"), level) not in present and index < len(levels):
                name = _any_text(levels[index][1].get("name"))
                report.warning(("areas", a, "id"),
                               f"area '{area.get('id')}' has no criteria on level {level} ({name}), so it passes "
                               f"through that level once the level below is reached (expected at least one criterion)")


def _check_groups(data, ids, report) -> None:
    """With groups, every area names one that exists; without, no area names one."""
    for a, area in _items(data, "areas"):
        group = area.get("group")
        if not ids["groups"] and isinstance(group, str):
            report.error(("areas", a, "group"), f"group '{group}' does not exist (the bank has no groups: "
                                                "expected a list under groups: with this id, or no group here)")
        elif ids["groups"] and group is None:
            report.error(("areas", a, "id"), f"area '{area.get('id')}' has no group (expected one of: "
                                             f"{', '.join(ids['groups'])}, as every area once the bank has groups)")
        elif ids["groups"] and isinstance(group, str) and group not in ids["groups"]:
            hint = did_you_mean(group, ids["groups"]) or f"expected one of: {', '.join(ids['groups'])}"
            report.error(("areas", a, "group"), f"group '{group}' does not exist ({hint})")


def contrast_ratio(colour_a: str, colour_b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(colour_a), luminance(colour_b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _check_colour(data, report) -> None:
    """The brand colour carries white button text and is the link colour on white: both need 4.5:1."""
    site = data.get("site") if isinstance(data.get("site"), dict) else {}
    colour = site.get("colour")
    if isinstance(colour, str) and len(colour) == 7 and colour.startswith("#"):
        try:
            ratio = contrast_ratio(colour, "#ffffff")
        except ValueError:
            return  # not hex: the schema reported it
        if ratio < 4.5:
            report.error(("site", "colour"), f"colour {colour} gives a text contrast of {ratio:.2f}:1 with white "
                                             f"(expected at least 4.5:1 for WCAG AA; choose a darker shade)")


def _check_pitfalls(data, ids, numbers, report) -> None:
    for i, item in _items(data, "pitfalls"):
        source = item.get("source")
        if isinstance(source, str) and source not in ids["sources"]:
            hint = did_you_mean(source, ids["sources"]) or "expected the id of an entry under sources"
            report.error(("pitfalls", i, "source"), f"source '{source}' does not exist ({hint})")
        for j, area in enumerate(item.get("areas") or []):
            if isinstance(area, str) and area not in ids["areas"]:
                hint = did_you_mean(area, ids["areas"]) or f"expected one of: {', '.join(ids['areas'])}"
                report.error(("pitfalls", i, "areas", j), f"area '{area}' does not exist ({hint})")
        for j, level in enumerate(item.get("levels") or []):
            if isinstance(level, int) and numbers and level not in numbers:
                report.error(("pitfalls", i, "levels", j),
                             f"level {level} does not exist (expected {numbers[0]} to {numbers[-1]})")


def _check_languages(data, report) -> None:
    languages = [lang for lang in data.get("languages") or [] if isinstance(lang, str)]
    if not languages:
        return
    for path, text in _texts(data):
        if isinstance(text, str):
            if len(languages) > 1:
                report.error(path, f"is a single text, but the site has {len(languages)} languages "
                                   f"(expected a text per language: {{{', '.join(f'{lang}: …' for lang in languages)}}})")
            continue
        missing = [lang for lang in languages if lang not in text]
        for lang in missing:
            report.error(path, f"has no '{lang}' text (expected a text for every language: {', '.join(languages)})")
        for lang in text:
            if lang not in languages:
                hint = did_you_mean(lang, languages)
                report.error((*path, lang), f"'{lang}' is not one of the site's languages "
                                            f"({hint + ' ' if hint else ''}expected: {', '.join(languages)})", at_key=True)


def _texts(data):
    """Every text of the bank: {lang: text}, or a plain string (allowed with one language)."""
    def text(value):
        return isinstance(value, (dict, str))

    site = data.get("site") if isinstance(data.get("site"), dict) else {}
    for key in TEXT_FIELDS["site"]:
        if text(site.get(key)):
            yield ("site", key), site[key]
    for key in ("answers", "vocabulary"):  # answers' short form: answer id -> label; vocabulary: noun -> text
        if isinstance(data.get(key), dict):
            for name, label in data[key].items():
                if text(label):
                    yield (key, name), label
    for section in ("answers", "levels", "areas", "criteria", "pitfalls", "sources", "groups"):
        for i, item in _items(data, section):
            for key in TEXT_FIELDS[section]:
                if text(item.get(key)):
                    yield (section, i, key), item[key]
            if section == "criteria" and isinstance(item.get("meta"), dict):
                for name, value in item["meta"].items():
                    if text(value):
                        yield (section, i, "meta", name), value


def _check_markdown(data, report) -> None:
    """Pitfall bodies are Markdown: the same link and image rules as content/ apply."""
    for i, item in _items(data, "pitfalls"):
        for where, text in _per_language(("pitfalls", i, "body"), item.get("body")):
            for kind, url in render_markdown(text)[1] if isinstance(text, str) else ():
                if kind == "external-image":
                    report.error(where, f"image '{url}' would be fetched from another origin (privacy: expected a local file)")
                else:
                    report.warning(where, f"link '{url}' was removed: it could run script "
                                                                  f"(expected https:, mailto: or a relative link)")


def _check_style(criteria, report, owners: bool = True) -> None:
    """Warnings: things that build, but make a poorer scan (``--strict`` fails on them)."""
    for i, item in criteria:
        if owners and "owner" not in item:
            report.warning(("criteria", i, "id"), "has no owner (expected who typically owns the action, "
                                                  "or owners: false when the model names no owners)")
        for where, text in _per_language(("criteria", i, "text"), item.get("text")):
            if isinstance(text, str) and len(text) > 300:
                report.warning(where,
                               f"is {len(text)} characters long (expected at most 300: one observable statement)")


def _per_language(path, value):
    """(path, text) for each language of a text; a plain string stands at the text's own path."""
    if isinstance(value, str):
        return [(path, value)]
    return [((*path, lang), text) for lang, text in value.items()] if isinstance(value, dict) else []


def _any_text(value) -> str:
    if isinstance(value, dict) and value:
        return str(next(iter(value.values())))
    if value is None:
        return ""
    return str(value)
