"""Load YAML while remembering where every value stands, so errors can name file:line:col.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two equal keys;
composing the node tree ourselves keeps both facts. The C parser is used when present,
because a 10,000-criteria bank must still build in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple  # a path into the data: ("criteria", 3, "text", "en")


@dataclass
class Located:
    """Loaded data plus the (line, column) of each value and of each mapping key."""

    file: str
    data: Any = None
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, at_key: bool = False) -> tuple[int, int]:
        """Position of ``path``, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path:
            table = self.keys if at_key else self.values
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def dotted(path: Path_) -> str:
    return ".".join(str(part) for part in path)


def load_yaml(text: str, file: str, problems: Problems) -> Located:
    """Parse ``text``; syntax errors and duplicate keys are added to ``problems``."""
    located = Located(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        hint = f" ({exc.context})" if exc.context else ""
        problems.error(file, line, col, "", f"YAML syntax error: {what}{hint}")
        return located
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        problems.error(file, 1, 1, "", f"cannot read YAML: {exc}")
        return located
    if node is not None:
        located.data = _build(node, (), located, problems)
    return located


def _build(node: yaml.Node, path: Path_, located: Located, problems: Problems) -> Any:
    located.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            # Keys are names, so take them as typed: YAML 1.1 would turn `yes:` and `no:` into booleans.
            # Other tools (and editors' schema checks) still do, hence the warning below.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                problems.error(located.file, line, col, dotted(path), "a key must be plain text")
                continue
            child = (*path, key)
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in result:
                first = located.keys[child][0]
                problems.error(located.file, line, col, dotted(child),
                               f"duplicate key '{key}' (first given on line {first}; keep one)")
                continue
            if key_node.tag == "tag:yaml.org,2002:bool":  # plain yes/no/on/off: quoting makes it str
                problems.warning(located.file, line, col, dotted(child),
                                 f"key {key} is a true/false value to other YAML tools (expected \"{key}\": "
                                 f"in quotes, so every tool reads the text {key})")
            located.keys[child] = (line, col)
            result[key] = _build(value_node, child, located, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), located, problems) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:str":  # most values are text: skip the general constructor
        return node.value
    value = _constructor.construct_object(node)
    # Dates and times have no meaning in a bank; keep what the maintainer typed.
    return node.value if hasattr(value, "isoformat") else value


def read_yaml(path: Path, display: str, problems: Problems) -> Located:
    text = read_text(path, display, problems)
    return Located(display) if text is None else load_yaml(text, display, problems)


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """The file's text, or None with the reason added to ``problems``."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(display, 0, 0, "", "file not found (expected the question bank here; "
                                          "`koers init DIR` creates a project that builds)")
    except UnicodeDecodeError as exc:
        problems.error(display, 1, 1, "", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")
    return None
