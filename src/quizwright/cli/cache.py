"""`quizwright cache`: how much room the build cache takes, and emptying it."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cache_limit import ENVIRONMENT, clear, usage
from ..errors import QuizwrightError
from . import console
from .console import fail


def megabytes(size: int) -> str:
    return f"{size / 1000**2:,.1f} MB"


def cache(
    clear_it: Annotated[
        bool, typer.Option("--clear", help="Delete every entry (the next build analyses afresh).")
    ] = False,
) -> None:
    """Show where the build cache is and how large it is; --clear empties it."""
    from ..cache import default_dir  # here: other commands start without what cache.py imports

    folder = default_dir()
    try:
        if clear_it:
            gone = clear(folder)
            console.out.print(f"{folder}: deleted {gone.entries} entries ({megabytes(gone.bytes)})", highlight=False)
            return
        now = usage(folder)
    except QuizwrightError as exc:
        raise fail(exc) from None
    limit = f"cap {megabytes(now.cap)}" if now.cap else "no cap"
    console.out.print(
        f"{folder}: {now.entries} entries, {megabytes(now.bytes)} ({limit}; set {ENVIRONMENT} to change it)",
        highlight=False,
    )
