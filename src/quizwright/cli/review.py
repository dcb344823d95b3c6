"""`quizwright validate | show | stats`: read a bank, write nothing."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from .. import api, review
from ..errors import QuizwrightError
from ..fastbank import load_bank_fast as load_bank
from ..models import Bank, Item
from . import console
from .console import DocFilter, ReadingsOption, StatusFilter, TypeFilter, fail, read_only, steps, working


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
    readings: ReadingsOption = None,
) -> None:
    """Check every item against its source sentence; exit 1 if anything is wrong.

    Readings are read only inside the bank's folder, the folders your own builds of it read,
    and the --readings folders: a bank from someone else cannot make validate read your files.
    """
    try:
        with steps() as step:
            checked = api.validate(bank, step, readings or [])
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
    status: StatusFilter = None,
    type: TypeFilter = None,
    doc: DocFilter = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show only the first N of those items.")] = None,
) -> None:
    """Show the bank's items: a table, or one block per item in a terminal too narrow for it."""
    loaded = read_bank(bank)
    items = review.filter_items(loaded, status, type, doc)
    first = f", the first {limit} shown" if limit is not None and len(items) > limit else ""
    shown = items[:limit]
    if console.out.width < TABLE_WIDTH:
        heading = f"{len(items)} of {len(loaded.items)} items in {bank.name}{first}"
        console.out.print(heading, highlight=False, markup=False)
        for item in shown:
            console.out.print("\n" + item_block(item, console.out.width), highlight=False, markup=False)
        return
    table = Table(title=Text(f"{bank}: {len(items)} of {len(loaded.items)} items{first}"), show_lines=True)
    items = shown
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


TABLE_WIDTH = 120
"""Columns the table needs to be read; a narrower terminal gets one block per item."""


def item_block(item: Item, width: int) -> str:
    """One item as lines no wider than the terminal, no word broken: id and kind, the question, the options."""
    where = f" · line {item.line}" if item.line else ""
    lines = [f"{item.id} · {item.status} · {item.type} · {item.answer_kind}{where}"]
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="  ", break_long_words=False)
    lines += wrap.wrap(review.prompt_of(item))
    lines += wrap.wrap(f"answer: {item.answer}")
    if item.distractors:
        lines += wrap.wrap("wrong: " + " / ".join(item.distractors))
    return "\n".join(lines)


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
