"""`quizwright export FORMAT BANK`: one command per entry of exporters.formats.FORMATS.

Each command takes the bank, -o/--output, --approved-only and --readings, plus an option for every field
of the format's options class made with exporters.option (its help, choices and bounds).
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, cast

import typer

from .. import api
from ..errors import QuizwrightError
from ..exporters.formats import FORMATS, Format
from .console import ReadingsOption, fail, interrupted, reporting_warnings, working

EXPORT_HELP = (
    "Write a bank as an Anki deck (anki), a PDF worksheet and its answer key (pdf), or a quiz for "
    "Moodle (gift), Canvas (qti), a spreadsheet (csv) or Quizlet (quizlet)."
)
export_app = typer.Typer(
    name="export",
    help=EXPORT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def run(format: Format, bank: Path, output: Path | None, options: Any, readings: list[Path]) -> None:
    try:
        with working("exporting"), reporting_warnings(after_failure=False):
            result = api.export(format.name, bank, output, options, readings)
    except QuizwrightError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        raise interrupted("no file was left half-written") from None
    for path, role in zip(result.paths, result.roles or [""] * len(result.paths)):
        typer.echo(f"wrote {path} ({result.items} {format.counted})" + (f": {role}" if role else ""))
    if result.drafts:
        typer.echo(
            f"{result.drafts} of the {result.items} {format.counted} are drafts nobody has reviewed: "
            "pass --approved-only to leave them out, or review them first with quizwright review BANK"
        )


def command(format: Format) -> Any:
    """The typer command for one format, its parameters made from the format's options."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter(
            "bank", keyword, annotation=Annotated[Path, typer.Argument(help="The question bank (YAML).")]
        ),
        inspect.Parameter(
            "output",
            keyword,
            default=None,
            annotation=Annotated[
                Optional[Path],
                typer.Option(
                    "-o", "--output", help=f"The {format.file} to write (default: output/BANK{format.suffix})."
                ),
            ],
        ),
        inspect.Parameter(
            "approved_only",
            keyword,
            default=False,
            annotation=Annotated[
                bool, typer.Option("--approved-only", help="Export approved items only (drafts are skipped).")
            ],
        ),
        inspect.Parameter("readings", keyword, default=None, annotation=ReadingsOption),
    ]
    choices: dict[str, type[Enum]] = {}
    hints = typing.get_type_hints(format.options)
    for field in dataclasses.fields(format.options):
        if "help" not in field.metadata:
            continue  # not an option for the command line (approved_only is above; a timestamp is for tests)
        meta = field.metadata
        kind: Any = hints[field.name]
        default = field.default
        flags: tuple[str, ...] = ()
        if meta["choices"]:
            # mypy takes the functional Enum(...) for a member; it makes a class
            kind = choices[field.name] = cast(
                type[Enum], Enum(field.name.title(), [(str(c), str(c)) for c in meta["choices"]], type=str)
            )
            if default is None:
                kind = Optional[kind]
            else:
                default = kind(default)
        elif kind is bool:
            flags = ("--" + field.name.replace("_", "-"),)
        elif Path in typing.get_args(kind):
            kind = Optional[Path]
        elif type(None) in typing.get_args(kind):
            kind = Optional[next(t for t in typing.get_args(kind) if t is not type(None))]
        option = typer.Option(*flags, help=meta["help"], min=meta["min"], max=meta["max"])
        parameters.append(inspect.Parameter(field.name, keyword, default=default, annotation=Annotated[kind, option]))

    def export(bank: Path, output: Path | None, approved_only: bool, readings: list[Path] | None, **extra: Any) -> None:
        values = {
            name: value.value if name in choices and value is not None else value for name, value in extra.items()
        }
        run(format, bank, output, format.options(approved_only=approved_only, **values), readings or [])

    export.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]  # typer reads the parameters from here
    export.__annotations__ = {p.name: p.annotation for p in parameters}
    export.__name__ = export.__qualname__ = format.name
    export.__doc__ = format.help
    return export


for _format in FORMATS.values():
    export_app.command(name=_format.name)(command(_format))
