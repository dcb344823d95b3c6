"""`quizwright export anki|pdf|gift|qti|csv|quizlet`: parse options, call one library function, report."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .bank import load_bank
from .errors import QuizwrightError
from .export import ExportResult, default_output
from .export.anki import AnkiOptions, export_anki
from .export.gift import GiftOptions, export_gift
from .export.pdf import PdfOptions, export_pdf
from .export.qti import QtiOptions, export_qti
from .export.tabular import TableOptions, export_csv, export_quizlet

export_app = typer.Typer(
    name="export",
    help="Write a bank as an Anki deck, printable worksheets, or a quiz for Moodle, Canvas, a spreadsheet or Quizlet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

BankArg = Annotated[Path, typer.Argument(help="The question bank (YAML).")]
ApprovedOnly = Annotated[bool, typer.Option("--approved-only", help="Export approved items only (drafts are skipped).")]


class KeyMode(str, Enum):
    append = "append"
    separate = "separate"
    none = "none"


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


@export_app.command()
def anki(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .apkg to write (default: output/BANK.apkg).")] = None,
    approved_only: ApprovedOnly = False,
    subdecks: Annotated[bool, typer.Option("--subdecks", help="One sub-deck per source document (Title::Document).")] = False,
) -> None:
    """Write an Anki deck; re-importing it after edits updates the notes instead of duplicating them."""
    target = output or default_output(bank, ".apkg")
    run(lambda: export_anki(load_bank(bank), target, AnkiOptions(approved_only=approved_only, subdecks=subdecks)), "notes")


@export_app.command()
def pdf(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The PDF to write (default: output/BANK.pdf).")] = None,
    approved_only: ApprovedOnly = False,
    word_bank: Annotated[bool, typer.Option("--word-bank", help="Print the fill-in answers, shuffled, in a box.")] = False,
    key: Annotated[KeyMode, typer.Option(help="Answer key: after the worksheet, in NAME-key.pdf, or none.")] = KeyMode.append,
    versions: Annotated[int, typer.Option(min=1, max=26, help="Forms A, B, ... with questions and options shuffled.")] = 1,
    seed: Annotated[Optional[int], typer.Option(help="Seed for the shuffles; same bank and seed, same forms.")] = None,
    paper: Annotated[Paper, typer.Option(help="Paper size.")] = Paper.a4,
    font: Annotated[Optional[Path], typer.Option(help="A TrueType (.ttf) font to print with.")] = None,
) -> None:
    """Write a student worksheet (multiple choice, then fill in the blanks) and its answer key."""
    target = output or default_output(bank, ".pdf")
    options = PdfOptions(
        approved_only=approved_only, word_bank=word_bank, key=key.value, versions=versions, seed=seed, paper=paper.value, font=font
    )
    run(lambda: export_pdf(load_bank(bank), target, options), "items")


@export_app.command()
def gift(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The GIFT file to write (default: output/BANK-moodle.txt).")] = None,
    approved_only: ApprovedOnly = False,
) -> None:
    """Write Moodle GIFT (Question bank > Import > GIFT format): one category per source document."""
    target = output or default_output(bank, "-moodle.txt")
    run(lambda: export_gift(load_bank(bank), target, GiftOptions(approved_only=approved_only)), "questions")


@export_app.command()
def qti(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The QTI zip to write (default: output/BANK-canvas-qti.zip).")] = None,
    approved_only: ApprovedOnly = False,
) -> None:
    """Write a QTI 1.2 zip for Canvas (Settings > Import Course Content > QTI .zip file)."""
    target = output or default_output(bank, "-canvas-qti.zip")
    run(lambda: export_qti(load_bank(bank), target, QtiOptions(approved_only=approved_only)), "questions")


@export_app.command()
def csv(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The CSV to write (default: output/BANK.csv).")] = None,
    approved_only: ApprovedOnly = False,
) -> None:
    """Write a CSV (question, options, answer, source, sentence, id), UTF-8 with a BOM for Excel."""
    target = output or default_output(bank, ".csv")
    run(lambda: export_csv(load_bank(bank), target, TableOptions(approved_only=approved_only)), "questions")


@export_app.command()
def quizlet(
    bank: BankArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The text file to write (default: output/BANK-quizlet.txt).")] = None,
    approved_only: ApprovedOnly = False,
) -> None:
    """Write term<TAB>definition lines to paste into Quizlet's Import (question as term, answer as definition)."""
    target = output or default_output(bank, "-quizlet.txt")
    run(lambda: export_quizlet(load_bank(bank), target, TableOptions(approved_only=approved_only)), "cards")


def run(export: Callable[[], ExportResult], counted: str) -> None:
    from .cli import fail, interrupted, working  # cli imports this module first

    try:
        with working("exporting"):
            result = export()
    except QuizwrightError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        raise interrupted("no file was left half-written") from None
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for path in result.paths:
        typer.echo(f"wrote {path} ({result.items} {counted})")
