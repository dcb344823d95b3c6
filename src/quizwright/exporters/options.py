"""The settings of the exporters that load a large library (reportlab, genanki): here, so that
the CLI can offer them, and every other command start, without importing that library."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import ExportOptions, setting

ANSWER_KEYS = ("append", "separate", "none")
PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class PdfOptions(ExportOptions):
    word_bank: bool = setting(False, "Print the fill-in answers in a box above them: each once, sorted.")
    key: str = setting(
        "separate",
        "Answer key: in a file of its own (NAME-key.pdf), after the worksheet, or none.",
        choices=ANSWER_KEYS,
    )
    """separate: NAME-key.pdf, so the sheet can go to students as it is; append: the key follows the worksheet; none: no key."""
    versions: int = setting(1, "Forms A, B, ... with questions and options shuffled.", minimum=1, maximum=26)
    seed: int | None = setting(None, "Seed for the shuffles; same bank and seed, same forms.")
    paper: str = setting("a4", "Paper size.", choices=PAPER_SIZES)
    font: str | Path | None = setting(None, "A TrueType (.ttf) font to print with.")


@dataclass(frozen=True)
class AnkiOptions(ExportOptions):
    subdecks: bool = setting(False, "One sub-deck per reading, named after its title (Bank title::Reading title).")
    timestamp: float | None = None
    """Note modification time; None means now, so a re-export updates the notes on import."""
