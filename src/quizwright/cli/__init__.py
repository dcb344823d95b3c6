"""The `quizwright` command: parse, call one library function, turn errors into messages.

typer and rich live here only: the library (everything outside cli/) never imports them.
"""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import threading
import time
from typing import Annotated, Any

import typer
import typer.core

from ..errors import QuizwrightError
from . import build, console, review, session, setup
from .cache import cache
from .export import EXPORT_HELP, export_app

_type_in_help = typer.core.TyperOption.display_type_rich


def _no_type_for_flags(option: typer.core.TyperOption, ctx: typer.Context) -> str | None:
    """A flag takes no value: typer's help would show it as `--approved-only <bool>`, and a teacher
    who typed `--approved-only true` got an error."""
    return None if option.is_flag else _type_in_help(option, ctx)


typer.core.TyperOption.display_type_rich = _no_type_for_flags  # type: ignore[method-assign,assignment]

app = typer.Typer(
    help="Turn readings into a question bank you review, then into Anki decks, worksheets and LMS quizzes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def options(
    debug: Annotated[bool, typer.Option("--debug", help="On an error, show the Python traceback too.")] = False,
) -> None:
    console.debugging = debug


for _command in (
    build.build,
    session.review,
    session.approve,
    session.reject,
    review.validate,
    review.show,
    review.stats,
    cache,
    setup.setup,
    setup.version,
):
    app.command()(_command)
app.add_typer(export_app, name="export", help=EXPORT_HELP)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (kill, a service manager, a closed session) is handled as Ctrl-C is: every command
    already leaves the files as they were and says so."""
    raise KeyboardInterrupt


def _interrupt_again(unraisable: Any) -> None:
    """Python drops an exception raised in a __del__, printing it: a Ctrl-C or SIGTERM that
    lands in one (NLTK's regex objects have them) would be lost and the command go on. Send it
    again, a moment later, from a thread: by then the __del__ has returned."""
    if not issubclass(unraisable.exc_type, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
        return

    def again() -> None:
        time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=again, daemon=True).start()


def main() -> None:
    # at exit the interpreter's collector walks every object the command left (0.6 s after a
    # large build), to free what the ending process gives back anyway
    atexit.register(gc.freeze)
    signal.signal(signal.SIGTERM, _terminated)
    sys.unraisablehook = _interrupt_again
    if "--debug" in sys.argv[2:]:  # also accepted after the command: quizwright build ... --debug
        sys.argv.remove("--debug")
        sys.argv.insert(1, "--debug")
    try:
        app()
    except QuizwrightError as exc:  # errors the commands did not catch themselves
        if console.debugging:
            raise
        console.say(f"error: {exc}")
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug: one line unless asked for the traceback
        if console.debugging:
            raise
        console.say(
            f"error: quizwright failed unexpectedly ({type(exc).__name__}: {exc}); "
            "run it again with --debug for the details, and please report them"
        )
        sys.exit(console.INTERNAL_ERROR)
