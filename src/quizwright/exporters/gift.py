"""A bank as Moodle GIFT text: multiple choice with =/~ options, clozes as short-answer questions.

Each source document gets its own category ($CATEGORY: $course$/top/TITLE/DOCUMENT) so the
imported questions land in Moodle's question bank sorted the way the bank is. Special
characters are escaped the way Moodle's own GIFT exporter does (qformat_gift::repchar).
Texts are marked [html] and HTML-escaped, so "<" or "&" in a reading shows as written;
a short answer is not (Moodle compares it with what the student types).
"""

from __future__ import annotations

import html
from pathlib import Path

from ..models import TEACHER, Bank, Item
from . import ExportOptions, ExportResult, cloze_prompt, question_name, require_items, source_note, write_output
from .lettering import Lettered, lettered

GIFT_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def export_gift(bank: Bank, output: str | Path, options: ExportOptions = ExportOptions()) -> ExportResult:
    items = require_items(bank, options)
    write_output(Path(output), gift_text(bank, items).encode("utf-8"))
    return ExportResult(paths=(Path(output),), items=len(items))


def gift_text(bank: Bank, items: tuple[Item, ...]) -> str:
    """One category line per document, then its questions, each followed by a blank line."""
    blocks: list[str] = [f"// {' '.join((bank.title or 'quizwright').split())} — exported by quizwright"]
    by_doc: dict[str, list[Item]] = {}  # in order of first appearance; one pass, not one per document
    for item in items:
        by_doc.setdefault(item.source.doc, []).append(item)
    letters = lettered([item for of_doc in by_doc.values() for item in of_doc])  # in the file's order
    for doc, of_doc in by_doc.items():
        reading = bank.reading_title(doc) if doc != TEACHER else "Your own questions"
        blocks.append(f"$CATEGORY: $course$/top/{category_name(bank.title or 'quizwright')}/{category_name(reading)}")
        blocks.extend(question(bank, item, letters.get(item.id)) for item in of_doc)
    return "\n\n".join(blocks) + "\n"


def question(bank: Bank, item: Item, lettering: Lettered | None = None) -> str:
    name = f"::{escape(html.escape(question_name(item), quote=False))}::"  # Moodle shows names as HTML
    note = source_note(bank, item)
    feedback = f"\t####{rich(note)}\n" if note else ""
    if item.is_mcq:
        options, answer_at = (lettering.options, lettering.correct) if lettering else (item.options, 0)
        lines = [f"\t{'=' if n == answer_at else '~'}{rich(option)}\n" for n, option in enumerate(options)]
        return f"{name}[html]{context(item)}{rich(item.question or '')} {{\n{''.join(lines)}{feedback}}}"
    # Short answer: the blank stays in the text; Moodle grades the typed answer case-insensitively.
    return f"{name}[html]{context(item)}{rich(cloze_prompt(item))} {{\n\t={escape(item.answer)}\n{feedback}}}"


def context(item: Item) -> str:
    """The sentence the item leans on, in italics on a line of its own above the question."""
    return f"<i>{rich(item.context)}</i><br>" if item.context else ""


def rich(text: str) -> str:
    """Text for an [html] field: HTML-escaped, then GIFT-escaped."""
    return escape(html.escape(text, quote=False))


def escape(text: str) -> str:
    """Backslash before every GIFT control character; newlines as \\n (a blank line ends a question)."""
    return text.translate(GIFT_SPECIAL)


def category_name(name: str) -> str:
    """A category path segment: Moodle reads '/' as a separator and '//' as a slash."""
    return " ".join(name.replace("/", "//").split())
