"""Koers: turns a YAML question bank and Markdown guidance into a private, static scan site.

The public surface is small on purpose: :func:`build` and :func:`check` do what the
``koers build`` and ``koers check`` commands do, for callers that prefer Python.
"""

from .pipeline import build, check
from .problems import BuildFailed, Problem

__all__ = ["build", "check", "BuildFailed", "Problem"]
__version__ = "0.1.0"
