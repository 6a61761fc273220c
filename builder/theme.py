"""A project's own theme: files in ``theme/`` replace the package's files of the same name.

As MkDocs' ``custom_dir``: ``theme/landing.html`` replaces the landing template (or extends
``base.html`` and fills only its blocks), ``theme/koers.css``, ``theme/icon.svg`` and
``theme/embed.js`` replace those static files, ``theme/js/<module>.js`` replaces one module of
the browser app, and ``theme/extra.css`` is added after the style sheet. The privacy checks
read the theme as sources too, so a theme that loads anything from another origin is refused
with its file and line.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = "theme"


class Theme:
    def __init__(self, project_root: Path):
        self.root = Path(project_root) / FOLDER

    def templates(self) -> list[str]:
        return [str(self.root)] if self.root.is_dir() else []

    def static(self, name: str, package_static) -> bytes:
        own = self.root / name
        return own.read_bytes() if own.is_file() else package_static.joinpath(name).read_bytes()

    def extra_css(self) -> str:
        extra = self.root / "extra.css"
        return "\n/* theme/extra.css */\n" + extra.read_text("utf-8") if extra.is_file() else ""

    def script_folders(self, package_js: Path) -> list[Path]:
        own = self.root / "js"
        return [own, package_js] if own.is_dir() else [package_js]

    def sources(self, pattern: str) -> list[tuple[str, Path]]:
        """(display path, file) for the theme's files matching ``pattern``, e.g. '*.html'."""
        if not self.root.is_dir():
            return []
        return [(f"{FOLDER}/{path.relative_to(self.root).as_posix()}", path) for path in sorted(self.root.rglob(pattern))]
