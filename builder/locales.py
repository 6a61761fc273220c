"""UI texts per language: built-in for nl and en, overridable per project in content/<lang>/ui.yaml.

A new language needs every key; the English file is the reference for what "every" means.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from .loader import read_yaml
from .problems import Problems

REFERENCE = "en"


def _flatten(data, prefix=""):
    for key, value in (data or {}).items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def builtin(lang: str) -> dict[str, str]:
    file = resources.files("builder").joinpath(f"locales/{lang}.yaml")
    return dict(_flatten(yaml.safe_load(file.read_text("utf-8")))) if file.is_file() else {}


def load_ui(content_root: Path, display_root: str, languages: list[str], problems: Problems) -> dict[str, dict]:
    reference = builtin(REFERENCE)
    result = {}
    for lang in languages:
        texts = builtin(lang)
        override = content_root / lang / "ui.yaml"
        display = f"{display_root}/{lang}/ui.yaml"
        if override.is_file():
            located = read_yaml(override, display, problems)
            for key, value in _flatten(located.data if isinstance(located.data, dict) else {}):
                path = tuple(key.split("."))
                line, col = located.position(path, at_key=True)
                if key not in reference:
                    problems.error(display, line, col, key, "unknown UI text key (expected a key that "
                                                            f"builder/locales/{REFERENCE}.yaml has)")
                elif not isinstance(value, str):
                    problems.error(display, line, col, key, "expected text")
                else:
                    texts[key] = value
        missing = [key for key in reference if key not in texts]
        if missing:
            problems.error(display, 0, 0, "", f"missing {len(missing)} UI text(s) for '{lang}': "
                                              f"{', '.join(missing[:8])}{' …' if len(missing) > 8 else ''} "
                                              f"(expected every key of builder/locales/{REFERENCE}.yaml)")
        result[lang] = {key: str(texts.get(key, reference[key])) for key in reference}
    return result
