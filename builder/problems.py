"""Problems found in a project's sources, reported all at once and never as a traceback.

Every stage appends to one :class:`Problems` list instead of raising, so a maintainer
sees every mistake in one run, each pointing at a file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    where: str  # dotted path into the data (questions.yaml) or a short label
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        where = f" {self.where}:" if self.where else ""
        tag = "" if self.severity == "error" else " warning:"
        return f"{location}:{tag}{where} {self.message}"


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, line: int, column: int, where: str, message: str) -> None:
        self.items.append(Problem(file, line, column, where, message, "error"))

    def warning(self, file: str, line: int, column: int, where: str, message: str) -> None:
        self.items.append(Problem(file, line, column, where, message, "warning"))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def errors(self, strict: bool = False) -> list[Problem]:
        """Problems that stop the build; with ``strict``, warnings count too."""
        return [p for p in self.items if strict or p.severity == "error"]

    def sorted(self) -> list[Problem]:
        unique = dict.fromkeys(self.items)  # the same problem can be found by two checks
        return sorted(unique, key=lambda p: (p.file, p.line, p.column, p.where, p.message))


class BuildFailed(Exception):
    """Raised by :func:`builder.build` when the sources have errors; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the sources")
