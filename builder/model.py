"""The bank as one language sees it: plain strings, criteria grouped, ready for templates and the browser.

Templates and the browser app never look at the raw YAML; this module is the one place that
knows how a multilingual field becomes a string.
"""

from __future__ import annotations

from .markup import inline_markdown, render_markdown
from .scale import answer_scale, level_numbers, scoring_rules
from .wording import text_in

# The CSV export's cells and decimal mark by language: Excel in a comma-decimal locale reads
# ';' and ',', elsewhere ',' and '.'. A bank sets its own under site.csv.
COMMA_DECIMAL = {"nl", "de", "fr", "es", "it", "pt", "da", "sv", "nb", "fi", "pl", "cs", "tr", "ru", "id"}


def csv_format(site: dict, lang: str) -> dict:
    comma = lang.split("-")[0] in COMMA_DECIMAL
    given = site.get("csv") if isinstance(site.get("csv"), dict) else {}
    return {"delimiter": given.get("delimiter", ";" if comma else ","), "decimal": given.get("decimal", "," if comma else ".")}


def localize(data: dict, lang: str) -> dict:
    def text(value) -> str:
        return text_in(value, lang)

    levels = [{"n": n, "id": lv["id"], "name": text(lv["name"]), "summary": text(lv["summary"]),
               "daily": text(lv["daily"]), "risk": text(lv["risk"])}
              for n, lv in zip(level_numbers(data), data["levels"])]
    criteria = [{"id": c["id"], "area": c["area"], "level": c["level"], "text": text(c["text"]),
                 "why": text(c["why"]), "action": text(c["action"]), "owner": text(c.get("owner")),
                 "find_out": text(c.get("find_out")),
                 "weight": c.get("weight", 1), "requires": list(c.get("requires") or []),
                 "meta": [{"key": k, "value": text(v)} for k, v in (c.get("meta") or {}).items()]}
                for c in data["criteria"]]
    groups = {g["id"]: {"id": g["id"], "name": text(g["name"])} for g in data.get("groups") or []}
    areas = []
    for a in data["areas"]:
        own = [c for c in criteria if c["area"] == a["id"]]
        areas.append({"id": a["id"], "name": text(a["name"]), "question": text(a["question"]),
                      "why": text(a["why"]), "group": groups.get(a.get("group")),
                      "criteria": sorted(own, key=lambda c: c["level"]), "by_level": _by_level(own)})
    sources = {s["id"]: s for s in data.get("sources") or []}
    pitfalls = [{"id": p["id"], "title": text(p["title"]), "summary": text(p["summary"]),
                 "body_html": render_markdown(text(p["body"]))[0],
                 "source": sources.get(p.get("source"), {}).get("title", ""),
                 "areas": list(p.get("areas") or []), "levels": list(p.get("levels") or [])}
                for p in data.get("pitfalls") or []]
    site = data["site"]
    show_pitfalls = bool(pitfalls) and site.get("pitfalls", True) is not False
    return {
        "bank": data["bank"], "version": str(data["version"]), "lang": lang,
        "site": {"name": site["name"], "tagline": text(site.get("tagline")), "footer": text(site.get("footer")),
                 "contact": site.get("contact", ""), "url": site.get("url", ""),
                 "pitfalls": show_pitfalls, "team": site.get("team", True) is not False,
                 "embed": site.get("embed", True) is not False, "csv": csv_format(site, lang)},
        "groups": list(groups.values()), "owners": data.get("owners", True) is not False,
        "answers": [{**a, "label": text(a["label"])} for a in answer_scale(data)],
        "scoring": scoring_rules(data),
        "levels": levels, "areas": areas, "criteria": criteria, "pitfalls": pitfalls if show_pitfalls else [],
        "sources": [{"title": s["title"], "publisher": s["publisher"], "note": text(s.get("note"))}
                    for s in data.get("sources") or []],
        "footer_html": inline_markdown(text(site.get("footer"))) if site.get("footer") else "",
    }


def _by_level(criteria: list[dict]) -> dict[int, list[dict]]:
    """An area's criteria per level: level pages list one level of every area, and filtering
    all criteria in the template for each of them took seconds on a large bank."""
    grouped: dict[int, list[dict]] = {}
    for c in criteria:
        grouped.setdefault(c["level"], []).append(c)
    return grouped


def browser_data(view: dict) -> dict:
    """What the browser app needs to score, route and export: no guidance prose, to keep it small."""
    return {
        "bank": view["bank"], "version": view["version"], "lang": view["lang"],
        "answers": view["answers"], "scoring": view["scoring"],
        "levels": [{"n": lv["n"], "id": lv["id"], "name": lv["name"]} for lv in view["levels"]],
        "areas": [{"id": a["id"], "name": a["name"]} | ({"group": a["group"]["name"]} if a["group"] else {})
                  for a in view["areas"]],
        "csv": view["site"]["csv"],
        "criteria": [{k: c[k] for k in ("id", "area", "level", "text", "why", "action", "owner")}
                     | ({"find_out": c["find_out"]} if c["find_out"] else {})
                     | ({"requires": c["requires"]} if c["requires"] else {})
                     | ({"meta": c["meta"]} if c["meta"] else {})
                     | ({"weight": c["weight"]} if c["weight"] != 1 else {})
                     for c in view["criteria"]],
        "pitfalls": [{k: p[k] for k in ("id", "title", "summary", "areas", "levels")} for p in view["pitfalls"]],
    }
