"""The bank as one language sees it: plain strings, criteria grouped, ready for templates and the browser.

Templates and the browser app never look at the raw YAML; this module is the one place that
knows how a multilingual field becomes a string.
"""

from __future__ import annotations

from .markup import inline_markdown, render_markdown
from .scale import answer_scale, level_numbers, scoring_rules


def localize(data: dict, lang: str) -> dict:
    def text(value) -> str:
        return value.get(lang, "") if isinstance(value, dict) else ""

    levels = [{"n": n, "id": lv["id"], "name": text(lv["name"]), "summary": text(lv["summary"]),
               "daily": text(lv["daily"]), "risk": text(lv["risk"])}
              for n, lv in zip(level_numbers(data), data["levels"])]
    criteria = [{"id": c["id"], "area": c["area"], "level": c["level"], "text": text(c["text"]),
                 "why": text(c["why"]), "action": text(c["action"]), "owner": text(c.get("owner")),
                 "find_out": text(c.get("find_out")),
                 "weight": c.get("weight", 1), "requires": list(c.get("requires") or [])}
                for c in data["criteria"]]
    areas = []
    for a in data["areas"]:
        own = [c for c in criteria if c["area"] == a["id"]]
        areas.append({"id": a["id"], "name": text(a["name"]), "question": text(a["question"]),
                      "why": text(a["why"]),
                      "criteria": sorted(own, key=lambda c: c["level"])})
    sources = {s["id"]: s for s in data.get("sources") or []}
    pitfalls = [{"id": p["id"], "title": text(p["title"]), "summary": text(p["summary"]),
                 "body_html": render_markdown(text(p["body"]))[0],
                 "source": sources.get(p.get("source"), {}).get("title", ""),
                 "areas": list(p.get("areas") or []), "levels": list(p.get("levels") or [])}
                for p in data.get("pitfalls") or []]
    site = data["site"]
    return {
        "bank": data["bank"], "version": str(data["version"]), "lang": lang,
        "site": {"name": site["name"], "tagline": text(site.get("tagline")), "footer": text(site.get("footer")),
                 "contact": site.get("contact", ""), "url": site.get("url", "")},
        "answers": [{**a, "label": text(a["label"])} for a in answer_scale(data)],
        "scoring": scoring_rules(data),
        "levels": levels, "areas": areas, "criteria": criteria, "pitfalls": pitfalls,
        "sources": [{"title": s["title"], "publisher": s["publisher"], "note": text(s.get("note"))}
                    for s in data.get("sources") or []],
        "footer_html": inline_markdown(text(site.get("footer"))) if site.get("footer") else "",
    }


def browser_data(view: dict) -> dict:
    """What the browser app needs to score, route and export: no guidance prose, to keep it small."""
    return {
        "bank": view["bank"], "version": view["version"], "lang": view["lang"],
        "answers": view["answers"], "scoring": view["scoring"],
        "levels": [{"n": lv["n"], "id": lv["id"], "name": lv["name"]} for lv in view["levels"]],
        "areas": [{"id": a["id"], "name": a["name"]} for a in view["areas"]],
        "criteria": [{k: c[k] for k in ("id", "area", "level", "text", "why", "action", "owner")}
                     | ({"find_out": c["find_out"]} if c["find_out"] else {})
                     | ({"requires": c["requires"]} if c["requires"] else {})
                     | ({"weight": c["weight"]} if c["weight"] != 1 else {})
                     for c in view["criteria"]],
        "pitfalls": [{k: p[k] for k in ("id", "title", "summary", "areas", "levels")} for p in view["pitfalls"]],
    }
