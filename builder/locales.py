"""UI texts per language: built-in for nl and en, overridable per project in content/<lang>/ui.yaml.

The English file is the reference: it says which keys exist, which placeholders each text
may use, and what a visitor sees where a project's own language has no text yet.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from . import wording
from .loader import read_yaml
from .problems import Problems
from .schema import did_you_mean

REFERENCE, REFERENCE_NAME = "en", "English"


def _flatten(data, prefix=""):
    for key, value in (data or {}).items():
        if isinstance(value, dict) and value:
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def builtin(lang: str) -> dict[str, str]:
    file = resources.files("builder").joinpath(f"locales/{lang}.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: a fifth of a build otherwise
    return dict(_flatten(yaml.load(file.read_text("utf-8"), Loader=loader))) if file.is_file() else {}


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load_ui(content_root: Path, display_root: str, languages: list[str], problems: Problems) -> dict[str, dict]:
    """Each language's UI texts: built-in, then the project's ui.yaml on top, then English for any gap.

    A missing text is only a warning (an error with --strict): a Koers release that adds a UI
    text must not break every project in a language Koers does not ship.
    """
    reference = builtin(REFERENCE)
    blocks = {key.rsplit(".", 1)[0] for key in reference if "." in key}
    result = {}
    for lang in languages:
        texts = builtin(lang)
        display = f"{display_root}/{lang}/ui.yaml"
        if (content_root / lang / "ui.yaml").is_file():
            texts.update(_read_override(content_root / lang / "ui.yaml", display, reference, blocks, problems))
        missing = [key for key in reference if key not in texts]
        if missing:
            problems.warning(display, 0, 0, "", f"{len(missing)} UI text(s) missing for '{lang}', shown in "
                                                f"{REFERENCE_NAME} instead: {', '.join(missing[:8])}"
                                                f"{' …' if len(missing) > 8 else ''} (expected every key of "
                                                f"builder/locales/{REFERENCE}.yaml)")
        result[lang] = {key: str(texts.get(key, reference[key])) for key in reference}
    return result


def _read_override(path: Path, display: str, reference: dict, blocks: set, problems: Problems) -> dict[str, str]:
    """The texts of one ui.yaml that fit the reference; every one that does not is a problem with its line."""
    located = read_yaml(path, display, problems)
    if located.data is None:
        return {}
    if not isinstance(located.data, dict):
        problems.error(display, 1, 1, "", f"expected blocks of 'key: text' lines like builder/locales/{REFERENCE}.yaml, "
                                          f"got {'a list' if isinstance(located.data, list) else 'a single value'}")
        return {}
    texts = {}
    for key, value in _flatten(located.data):
        line, col = located.position(tuple(key.split(".")), at_key=True)
        text_above = next((key[:i] for i in range(len(key)) if key[i] == "." and key[:i] in reference), None)
        if key in blocks:
            if not isinstance(value, dict):
                problems.error(display, line, col, key, f"expected a block of texts ({key}.…), got a single value")
        elif text_above:
            line, col = located.position(tuple(text_above.split(".")), at_key=True)
            problems.error(display, line, col, text_above, "expected text, got a block of keys")
        elif key not in reference:
            parent = key.rsplit(".", 1)[0]
            options = [k for k in reference if k.rsplit(".", 1)[0] == parent] if parent in blocks else list(reference)
            hint = did_you_mean(key, options)
            problems.error(display, line, col, key, f"unknown UI text key ({hint + ' ' if hint else ''}expected a key "
                                                    f"that builder/locales/{REFERENCE}.yaml has)")
        elif not isinstance(value, str):
            problems.error(display, line, col, key, "expected text")
        elif unknown := [name for name in PLACEHOLDER.findall(value)
                         if name not in PLACEHOLDER.findall(reference[key]) and name not in wording.names()]:
            allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDER.findall(reference[key])
                                if name not in wording.names()) or "none"
            allowed += ", or the bank's own such as {areas} or {area_noun} (see README: Make your own scan)"
            problems.error(display, line, col, key, f"unknown placeholder {', '.join(f'{{{n}}}' for n in unknown)} "
                                                    f"(expected: {allowed})")
        else:
            texts[key] = value
    return texts
