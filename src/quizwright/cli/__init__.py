"""The `quizwright` command: parse, call one library function, turn errors into messages.

typer and rich live here only: the library (everything outside cli/) never imports them.
"""

from __future__ import annotations

import sys
from typing import Annotated

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


def main() -> None:
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
