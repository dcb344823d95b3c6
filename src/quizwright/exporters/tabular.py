"""A bank as a spreadsheet (CSV) or as Quizlet's term/definition import text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..models import Bank, Item
from . import (
    ExportOptions,
    ExportResult,
    cloze_prompt,
    letter,
    require_items,
    source_label,
    with_context,
    write_output,
)
from .lettering import lettered

CSV_COLUMNS = ("question", "options", "answer", "source", "sentence", "id")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, Sheets or LibreOffice read a cell as a formula (OWASP, "CSV Injection")."""


def export_csv(bank: Bank, output: str | Path, options: ExportOptions = ExportOptions()) -> ExportResult:
    items = require_items(bank, options)
    write_output(Path(output), csv_text(bank, items).encode("utf-8-sig"))  # the BOM tells Excel it is UTF-8
    return ExportResult(paths=(Path(output),), items=len(items))


def export_quizlet(bank: Bank, output: str | Path, options: ExportOptions = ExportOptions()) -> ExportResult:
    items = require_items(bank, options)
    write_output(Path(output), quizlet_text(items).encode("utf-8"))
    return ExportResult(paths=(Path(output),), items=len(items))


def csv_text(bank: Bank, items: tuple[Item, ...]) -> str:
    """One row per item; an MCQ's options lettered A-D, one per line inside their cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; the csv module quotes commas, quotes, newlines
    writer.writerow(CSV_COLUMNS)
    letters = lettered(items)
    for item in items:
        if item.is_mcq:
            options = letters[item.id].options
            listed = "\n".join(f"{letter(n)}. {_flat(option)}" for n, option in enumerate(options))
            prompt = item.question or ""
        else:
            listed, prompt = "", cloze_prompt(item)
        row = [
            with_context(item, prompt, "\n"),
            listed,
            item.answer,
            source_label(bank, item),
            item.source.sentence,
            item.id,
        ]
        writer.writerow([inert(cell) for cell in row])
    return out.getvalue()


def quizlet_text(items: tuple[Item, ...]) -> str:
    """term<TAB>definition lines (Quizlet's default import separators): the question, then its answer."""
    lines = []
    for item in items:
        term = with_context(item, (item.question if item.is_mcq else cloze_prompt(item)) or "")
        lines.append(f"{inert(_flat(term))}\t{inert(_flat(item.answer))}")
    return "\n".join(lines) + "\n"


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe (OWASP's advice), which Excel and Sheets hide; "=HYPERLINK(...)" stays words."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _flat(text: str) -> str:
    """Tabs and line breaks would start a new field or card: make them plain spaces."""
    return " ".join(text.split())
