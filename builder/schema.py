"""Check the bank against the shipped JSON Schema and phrase each error for a maintainer.

The schema is the single source of truth for the shape of ``questions.yaml``: editors use
it for autocompletion, and this module turns its verdicts into file:line messages.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from importlib import resources

import fastjsonschema

from . import cache
from .loader import Located, dotted
from .problems import Problems

_TYPE_NAMES = {"object": "a mapping (key: value)", "array": "a list", "string": "text",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


@lru_cache(maxsize=1)
def schema() -> dict:
    text = resources.files("builder").joinpath("schema/questions.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _fast_check():
    """A compiled validator: fast, but it stops at the first error, so it only answers 'valid?'."""
    draft7 = {**schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    made_from = fastjsonschema.VERSION + json.dumps(draft7, sort_keys=True)
    namespace: dict = {}
    exec(cache.compiled("validator", made_from, lambda: _validator_source(draft7)), namespace)
    return namespace["validate_bank"]


def _validator_source(draft7: dict) -> str:
    source = fastjsonschema.compile_to_code(draft7)
    root = re.search(r"^def (\w+)", source, re.MULTILINE).group(1)  # the whole schema's function comes first
    return f"{source}\nvalidate_bank = {root}\n"


@lru_cache(maxsize=1)
def _validator():
    """The thorough validator, which names every error; imported only for a bank that has some,
    because importing jsonschema costs a valid build a tenth of its time."""
    from jsonschema import Draft202012Validator

    # With every $ref inlined, validating 10,000 criteria takes a third of the time.
    return Draft202012Validator(_inline(schema(), schema()["$defs"]))


def _inline(node, defs):
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            merged = {**defs[ref.removeprefix("#/$defs/")], **{k: v for k, v in node.items() if k != "$ref"}}
            return _inline(merged, defs)
        return {k: (v if k == "$defs" else _inline(v, defs)) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def check_schema(bank: Located, problems: Problems) -> None:
    try:
        _fast_check()(bank.data)
        return  # the usual case; the thorough validator below takes seconds on a 10,000-criteria bank
    except fastjsonschema.JsonSchemaException:
        pass
    errors = list(_validator().iter_errors(bank.data))
    misspelt = _misspelt_keys(errors)
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required" and (path, _quoted(error.message)) in misspelt:
            continue  # the "unknown key … did you mean" message already says it
        for message, at_key, where in _describe(error, path):
            line, col = bank.position(where, at_key=at_key)
            problems.error(bank.file, line, col, dotted(where), message)


def _quoted(message: str) -> str:
    return message.split("'")[1] if "'" in message else message


def _misspelt_keys(errors) -> set:
    """(object path, intended key) for unknown keys that look like a missing required one."""
    found = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            for key in set(error.instance) - set(allowed):
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                if close and close[0] not in error.instance:
                    found.add((tuple(error.absolute_path), close[0]))
    return found


def _describe(error, path):
    """Yield (message, point at the key?, path) for one schema error: one per unknown key of a mapping."""
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        # A text written as {lang: text}: the mapping branch's own error says what is wrong.
        inner = [e for e in error.context if e.relative_schema_path and e.relative_schema_path[0] == 1]
        if inner:
            best = min(inner, key=lambda e: len(e.relative_schema_path))
            yield from _describe(best, tuple(best.absolute_path))
            return
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            hint = did_you_mean(key, allowed)
            expected = f"{hint} expected one of: {', '.join(allowed)}" if hint else f"expected one of: {', '.join(allowed)}"
            yield f"unknown key '{key}' ({expected})", True, (*path, key)
    else:
        yield _describe_one(error, path)


def _describe_one(error, path):
    kind, spec, value = error.validator, error.schema, error.instance
    if kind == "anyOf":  # a text that is neither one string nor a mapping of language codes
        if value == "":
            return "is empty (expected a value)", False, path
        return f"expected text (or a text per language, e.g. {{en: ...}}), got {_kind_of(value)}", False, path
    if kind == "required":
        missing = _quoted(error.message)
        what = spec.get("properties", {}).get(missing, {}).get("description", "")
        hint = f": {what}" if what else ""
        return f"missing required key '{missing}'{hint}", False, path
    if kind == "type":
        expected = _TYPE_NAMES.get(spec.get("type"), spec.get("type"))
        return f"expected {expected}, got {_kind_of(value)}", False, path
    if kind == "pattern" and "propertyNames" in str(error.schema_path) or kind == "propertyNames":
        return f"'{value}' is not a language code (expected e.g. nl, en, pt-BR)", True, (*path, value)
    if kind == "pattern":
        explain = (spec.get("description") or f"the pattern {spec['pattern']}").split(". ")[0].rstrip(".")
        return f"'{value}' is not valid (expected {explain[0].lower() + explain[1:]})", False, path
    if kind in ("minLength", "minProperties", "minItems") and not value:
        return "is empty (expected a value)", False, path
    if kind == "minItems":
        return f"has {len(value)} item(s) (expected at least {spec['minItems']})", False, path
    if kind == "maxItems":
        return f"has {len(value)} items (expected at most {spec['maxItems']})", False, path
    if kind == "maxLength":
        return f"is {len(value)} characters long (expected at most {spec['maxLength']})", False, path
    if kind == "minimum":
        return f"is {value} (expected {spec['minimum']} or more)", False, path
    if kind == "maximum":
        return f"is {value} (expected {spec['maximum']} or less)", False, path
    if kind == "exclusiveMinimum":
        return f"is {value} (expected more than {spec['exclusiveMinimum']})", False, path
    if kind == "enum":
        options = [str(o) for o in spec["enum"]]
        hint = did_you_mean(value, options)
        return f"'{value}' is not valid ({hint + ' ' if hint else ''}expected one of: {', '.join(options)})", False, path
    if kind == "uniqueItems":
        return "lists the same item twice (expected each once)", False, path
    return error.message, False, path


def _kind_of(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    for python_type, name in ((bool, "true/false (YAML reads a bare yes, no, on or off as true/false: put the text in quotes)"), (dict, "a mapping"), (list, "a list"),
                              (str, f"the text '{str(value)[:40]}'"), (int, f"the number {value}"),
                              (float, f"the number {value}")):
        if isinstance(value, python_type):
            return name
    return type(value).__name__
