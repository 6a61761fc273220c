"""The ``koers`` command: build, check, serve and init.

Errors in the sources are printed one per line as ``file:line:col: where: what (expected …)``
and end with exit code 1; a mistake on the command line is one line with the fix and exit
code 2. A Python traceback is always a bug in Koers, never the user's fault.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import time
from pathlib import Path

from . import __version__
from .problems import Problem

PROJECT_HELP = "project folder, with questions.yaml and content/ (default: the current folder)"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """One line with what was expected, instead of argparse's usage block."""
        message = message.replace("argument ", "", 1)
        if "required: COMMAND" in message:
            message += " (expected one of: build, check, serve, init)"
        self.exit(2, f"{self.prog}: {message}; see '{self.prog} --help'\n")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (expected a whole number from 1 to 65535, e.g. 8000)")
    return int(text)


def parser() -> argparse.ArgumentParser:
    # -C is accepted before and after the command; SUPPRESS keeps the command's parser from undoing
    # an earlier -C with a default (the action is shared, so no parser may set one).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-C", "--project", metavar="DIR", default=argparse.SUPPRESS, help=PROJECT_HELP)
    main = _Parser(prog="koers", parents=[common], description="Build a private, static maturity scan site "
                   "from questions.yaml and the Markdown pages in content/.")
    main.add_argument("--version", action="version", version=f"koers {__version__}")
    verbs = main.add_subparsers(dest="verb", required=True, metavar="COMMAND", parser_class=_Parser)

    def verb(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return verbs.add_parser(name, parents=[common], help=summary, description=description)

    strict = "treat warnings (such as a criterion without an owner) as errors (default: off)"
    build = verb("build", "build the site into site/ (or --out)",
                 "Load, validate, render and write the site. A failed build leaves the previous site as it was.")
    build.add_argument("--out", metavar="DIR", help="output folder, replaced as a whole (default: site/ in the project)")
    build.add_argument("--strict", action="store_true", help=strict)
    check = verb("check", "every check of build, without writing anything",
                 "Report every problem of questions.yaml, content/ and ui.yaml files in one run, "
                 "links and local files included; writes nothing.")
    check.add_argument("--strict", action="store_true", help=strict)
    serve = verb("serve", "preview with rebuild and reload on every save",
                 "Serve a preview that rebuilds on every save and reloads the open tab. "
                 "It is kept in memory: nothing is written, not even site/.")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on; 0.0.0.0 shows the preview to the whole network (default: 127.0.0.1)")
    init = verb("init", "create a new scan project that builds at once",
                "Create a scan project of the given shape: a questions.yaml of placeholders, a page per "
                "level and area, and a README. It builds with --strict as it is.")
    init.add_argument("dir", metavar="DIR", help="folder to create (new or empty)")
    init.add_argument("--lang", default="nl,en", metavar="LANGS",
                      help="language(s), the first the default: en, nl or nl,en (default: nl,en)")
    init.add_argument("--levels", type=int, default=3, metavar="N",
                      help="number of levels, the starting point included: 2 to 10 (default: 3)")
    init.add_argument("--areas", type=int, default=2, metavar="N", help="number of areas: 1 to 40 (default: 2)")
    init.add_argument("--first-level", type=int, default=1, choices=(0, 1),
                      help="number of the first level: 1 or 0 (default: 1)")
    return main


class _Stopped(BaseException):
    """SIGTERM, turned into an exception so that clean-up code runs as it does for Ctrl+C."""


def _stop(signum, frame):
    raise _Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root = Path(getattr(args, "project", "."))
    if args.verb != "init" and not root.is_dir():
        print(f"koers: -C {root}: {'is a file' if root.exists() else 'no such folder'} "
              f"(expected the project folder, with questions.yaml)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop)
    if args.verb in ("build", "check"):
        _collect_rarely()
    try:
        if args.verb == "build":
            return _build(root, args.out, args.strict)
        if args.verb == "check":
            return _check(root, args.strict)
        if args.verb == "serve":
            from .serve import serve
            return serve(root, args.host, args.port)
        from .scaffold import init
        return init(Path(args.dir), tuple(args.lang.split(",")), args.levels, args.areas, args.first_level)
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except _Stopped:
        return 128 + signal.SIGTERM


def _collect_rarely() -> None:
    """A build keeps nearly all it makes until it ends, so the garbage collector's passes find
    next to nothing; in a 10,000-criteria build they took a quarter of the time. What is
    already loaded is frozen out of them, and they run far less often."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)


def _print(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: list[Problem], strict: bool) -> str:
    errors = sum(1 for p in problems if p.severity == "error" or strict)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def _build(root: Path, out: str | None, strict: bool) -> int:
    from .pipeline import build
    from .problems import BuildFailed

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
