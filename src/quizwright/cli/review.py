"""`quizwright validate | show | stats`: read a bank, write nothing."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from .. import api, review
from ..bank import load_bank
from ..errors import OutOfReachError, QuizwrightError
from ..models import Bank
from . import console
from .console import fail, read_only, steps, working


def read_bank(bank: Path) -> Bank:
    try:
        with working(f"reading {bank}"):
            return load_bank(bank)
    except QuizwrightError as exc:
        raise fail(exc) from None


@read_only
def validate(
    bank: Annotated[Path, typer.Argument(help="The bank to check.")],
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    readings: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--readings",
            help="A folder of the bank's readings outside the bank's folder, that validate may read (repeatable).",
        ),
    ] = None,
) -> None:
    """Check every item against its source sentence; exit 1 if anything is wrong.

    Readings are read only inside the bank's folder and the --readings folders: a bank from
    someone else cannot make validate read your files.
    """
    try:
        with steps() as step:
            checked = api.validate(bank, step, readings or [])
    except OutOfReachError as exc:
        if "outside the bank's folder" in str(exc):
            near = os.path.relpath(exc.folder)
            folder = exc.folder if near.startswith("..") else near
            exc = OutOfReachError(f"{exc}: if you trust this bank, add --readings {folder}", exc.folder)
        raise fail(exc) from None
    except QuizwrightError as exc:
        raise fail(exc) from None
    findings = checked.findings
    if format == "json":
        print(json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        if not findings:
            print(f"{bank}: {len(checked.bank.items)} items, all valid")
    raise typer.Exit(1 if findings else 0)


@read_only
def show(
    bank: Annotated[Path, typer.Argument(help="The bank to show.")],
    status: Annotated[
        Optional[str], typer.Option(help="Only items with this status (draft, approved, rejected).")
    ] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Only mcq or cloze items.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only items from this source document id.")] = None,
) -> None:
    """Show the bank's items as a table."""
    loaded = read_bank(bank)
    items = review.filter_items(loaded, status, type, doc)
    table = Table(title=Text(f"{bank}: {len(items)} of {len(loaded.items)} items"), show_lines=True)
    for column in ("line", "id", "status", "kind", "question / text", "answer", "distractors"):
        table.add_column(column, overflow="fold")
    for item in items:
        # Text, not markup: "[citation needed]" must show, and a stray "[/b]" must not end the command
        table.add_row(
            *map(
                Text,
                (
                    str(item.line or ""),
                    item.id,
                    item.status,
                    item.answer_kind,
                    review.prompt_of(item),
                    item.answer,
                    " / ".join(item.distractors),
                ),
            )
        )
    console.out.print(table)


@read_only
def stats(bank: Annotated[Path, typer.Argument(help="The bank to count.")]) -> None:
    """Count the bank's items by status, type, answer kind and source."""
    loaded = read_bank(bank)
    figures = review.bank_stats(loaded)
    for title, counter in (
        ("status", figures.by_status),
        ("type", figures.by_type),
        ("answer kind", figures.by_kind),
        ("source", figures.by_source),
    ):
        table = Table(title=f"by {title}")
        table.add_column(title)
        table.add_column("items", justify="right")
        for key, count in sorted(counter.items()):
            table.add_row(Text(key), str(count))
        console.out.print(table)
    console.out.print(f"{figures.total} items, {figures.to_review} still to review", highlight=False)
