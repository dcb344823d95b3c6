"""What every command shares: the terminal, one-line errors, Ctrl-C, spinners, warnings."""

from __future__ import annotations

import contextlib
import functools
import os
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Optional, ParamSpec, TypeVar

import typer
from rich.console import Console

from ..errors import MissingGlyphsWarning, OutOfReachError, QuizwrightError

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)
INTERNAL_ERROR = 3  # a bug in quizwright, not in the input
debugging = False
"""Set by --debug: errors show their Python traceback too."""
ADVICE: dict[type[Warning], str] = {
    MissingGlyphsWarning: "pass --font with a font that has them",
}
"""What the user can do about a library warning, in this command line's words."""

StatusFilter = Annotated[Optional[str], typer.Option(help="Only items with this status (draft, approved, rejected).")]
TypeFilter = Annotated[Optional[str], typer.Option("--type", help="Only mcq (multiple-choice) or cloze items.")]
DocFilter = Annotated[Optional[str], typer.Option(help="Only items from this reading (its source id).")]
"""The selection `show` and `review` share (the exports have theirs from ExportOptions)."""
ReadingsOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--readings",
        help="A folder of the bank's readings outside the bank's folder that may be read (repeatable); "
        "the folders your own builds of the bank read are allowed already.",
    ),
]
"""validate, review and export read a bank's readings only where the user allows (reading_folders.py)."""

P = ParamSpec("P")
R = TypeVar("R")


def say(message: str) -> None:
    """One line on stderr, printed as written (no markup)."""
    err.print(message, markup=False, highlight=False)


def fail(exc: QuizwrightError) -> typer.Exit:
    if debugging:
        traceback.print_exception(exc)
    one_line = " ".join(str(exc).splitlines())  # a library's message may span lines (text2qti's do)
    if isinstance(exc, OutOfReachError) and exc.folder is not None:
        near = os.path.relpath(exc.folder)
        one_line += f": if you trust this bank, add --readings {exc.folder if near.startswith('..') else near}"
    say(f"error: {one_line}")
    return typer.Exit(exc.exit_code)


def interrupted(what: str) -> typer.Exit:
    """Ctrl-C: every write is atomic, so whatever was there before is still there."""
    if debugging:
        traceback.print_exc()
    say(f"error: interrupted; {what}")
    return typer.Exit(INTERRUPTED)


def read_only(command: Callable[P, R]) -> Callable[P, R]:
    """Ctrl-C in a command that writes nothing: say so and exit 130, not click's 'Aborted!' and 1."""

    @functools.wraps(command)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            raise interrupted("nothing was changed") from None

    return guarded


def working(message: str) -> contextlib.AbstractContextManager[object]:
    """A spinner on stderr while a long step runs, when stderr is a terminal: a bank of
    100,000 items takes minutes to read, and silence looks like a hang."""
    return err.status(message, spinner="line") if err.is_terminal else contextlib.nullcontext()


@contextlib.contextmanager
def steps() -> Iterator[Callable[[str], None]]:
    """step(message) ends the last step's spinner and starts one for the next."""
    with contextlib.ExitStack() as current:

        def step(message: str) -> None:
            current.close()
            current.enter_context(working(message))

        yield step


@contextlib.contextmanager
def reporting_warnings(after_failure: bool = True) -> Iterator[None]:
    """Every warning the library gives while the block runs, as `warning: ...` on stderr
    (with what to do about it, where ADVICE knows), even if the block fails unless not
    after_failure (an export that failed wrote nothing the warnings could be about)."""
    failed = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except BaseException:
            failed = True
            raise
        finally:
            for warning in caught if after_failure or not failed else ():
                advice = ADVICE.get(warning.category)
                say(f"warning: {warning.message}" + (f"; {advice}" if advice else ""))
