"""Koers: turns a YAML question bank and Markdown guidance into a private, static scan site.

The public surface is small on purpose: :func:`build` and :func:`check` do what the
``koers build`` and ``koers check`` commands do, for callers that prefer Python.
"""

__version__ = "0.1.0"  # first: modules imported below read it

from .pipeline import build, check  # noqa: E402
from .problems import BuildFailed, Problem  # noqa: E402

__all__ = ["build", "check", "BuildFailed", "Problem"]
