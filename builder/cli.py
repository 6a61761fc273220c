"""The ``koers`` command: build, check, serve and init.

Errors in the sources are printed one per line as ``file:line:col: where: what (expected …)``
and end with exit code 1; a Python traceback is always a bug in Koers, never the user's fault.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .problems import BuildFailed, Problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="koers", description="Build a private, static maturity scan site.")
    parser.add_argument("--version", action="version", version=f"koers {__version__}")
    parser.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: current)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")

    build = verbs.add_parser("build", help="build the site into site/ (or --out)")
    build.add_argument("--out", metavar="DIR", help="output folder (default: site/ in the project)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")

    check = verbs.add_parser("check", help="validate questions.yaml and content/ without building")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")

    serve = verbs.add_parser("serve", help="preview with rebuild and reload on every change")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")

    init = verbs.add_parser("init", help="create a new scan project that builds at once")
    init.add_argument("dir", help="folder to create")

    args = parser.parse_args(argv)
    root = Path(args.project)
    try:
        if args.verb == "build":
            return _build(root, args.out, args.strict)
        if args.verb == "check":
            return _check(root, args.strict)
        if args.verb == "serve":
            from .serve import serve
            return serve(root, args.host, args.port)
        if args.verb == "init":
            from .scaffold import init
            return init(Path(args.dir))
    except KeyboardInterrupt:
        return 130
    return 2


def _print(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: list[Problem], strict: bool) -> str:
    errors = sum(1 for p in problems if p.severity == "error" or strict)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def _build(root: Path, out: str | None, strict: bool) -> int:
    from .pipeline import build

    started = time.perf_counter()
    try:
        site, warnings = build(root, out, strict)
    except BuildFailed as failed:
        _print(failed.problems)
        print(f"koers: build failed: {_summary(failed.problems, strict)}; the previous site was left as it was.",
              file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk or a read-only folder: the swap never happened
        print(f"koers: cannot write the site ({exc.strerror or exc}: {exc.filename or ''}); "
              f"the previous site was left as it was.", file=sys.stderr)
        return 1
    _print(warnings)
    target = Path(out) if out else root / "site"
    print(f"koers: built {len(site.pages)} pages ({len(site.files)} files) into {target} "
          f"in {time.perf_counter() - started:.2f} s")
    return 0


def _check(root: Path, strict: bool) -> int:
    from .pipeline import check

    problems = check(root, strict)
    _print(problems)
    failing = [p for p in problems if strict or p.severity == "error"]
    print(f"koers: {_summary(problems, strict)}" + ("" if failing else " — ready to build"),
          file=sys.stderr if failing else sys.stdout)
    return 1 if failing else 0
