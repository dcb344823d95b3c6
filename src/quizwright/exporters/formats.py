"""Every export format in one table: the writer, its options, where it writes by default.

To add a format: write `export_NAME(bank, output, options) -> ExportResult` in a module of
its own (options: ExportOptions, or a subclass whose extra fields are made with `option`),
and add a Format here. The CLI makes `quizwright export NAME` from the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Bank
from . import ExportOptions, ExportResult
from .gift import export_gift
from .options import AnkiOptions, PdfOptions
from .qti import export_qti
from .tabular import export_csv, export_quizlet


def export_anki(bank: Bank, output: Path, options: AnkiOptions) -> ExportResult:
    from .anki import export_anki  # genanki, imported only by the command that uses it

    return export_anki(bank, output, options)


def export_pdf(bank: Bank, output: Path, options: PdfOptions) -> ExportResult:
    from .pdf import export_pdf  # reportlab: with genanki, a third of a second every other command saves

    return export_pdf(bank, output, options)


@dataclass(frozen=True)
class Format:
    name: str
    """The CLI's command: `quizwright export NAME`."""
    write: Callable[[Bank, Path, Any], ExportResult]
    """Writes the bank's exportable items to the output path."""
    options: type[ExportOptions]
    suffix: str
    """The default output is output/<bank file stem><suffix>."""
    file: str
    """What is written, in the --output help: 'The <file> to write'."""
    counted: str
    """What the items become, in 'wrote PATH (N <counted>)'."""
    help: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "anki",
            export_anki,
            AnkiOptions,
            ".apkg",
            ".apkg",
            "notes",
            "Write an Anki deck; re-importing it after edits updates the notes instead of duplicating them.",
        ),
        Format(
            "pdf",
            export_pdf,
            PdfOptions,
            ".pdf",
            "PDF",
            "items",
            "Write a student worksheet (multiple choice, then fill in the blanks) and its answer key.",
        ),
        Format(
            "gift",
            export_gift,
            ExportOptions,
            "-moodle.txt",
            "GIFT file",
            "questions",
            "Write Moodle GIFT (Question bank > Import > GIFT format): one category per source document.",
        ),
        Format(
            "qti",
            export_qti,
            ExportOptions,
            "-canvas-qti.zip",
            "QTI zip",
            "questions",
            "Write a QTI 1.2 zip for Canvas (Settings > Import Course Content > QTI .zip file).",
        ),
        Format(
            "csv",
            export_csv,
            ExportOptions,
            ".csv",
            "CSV",
            "questions",
            "Write a CSV (question, options, answer, source, sentence, id), UTF-8 with a BOM for Excel.",
        ),
        Format(
            "quizlet",
            export_quizlet,
            ExportOptions,
            "-quizlet.txt",
            "text file",
            "cards",
            "Write term<TAB>definition lines to paste into Quizlet's Import (question as term, answer as definition).",
        ),
    )
}
