"""A bank as an Anki package (.apkg): MCQ notes of our own note type, and cloze notes."""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import re
import sqlite3
import time
import zipfile
from pathlib import Path

import genanki

from ..matching import Deletion
from ..models import TEACHER, Bank, Item
from . import ExportResult, cloze_parts, letter, require_items, write_output
from .lettering import Lettered, lettered
from .options import AnkiOptions

# Hard-coded on purpose: Anki recognises a note type by its id. Changing a note type's
# fields or templates needs a NEW id here, plus an entry in CHANGELOG.md telling teachers
# that the old note type stays in their collection (see "The Anki note types" there).
MCQ_MODEL_ID = 1607392319
CLOZE_MODEL_ID = 1607392320

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }
.option { margin: 0.3em 0; }
.back .correct { font-weight: bold; background: #d8f5d8; }
.back .correct::after { content: " \\2714"; }
.cloze { font-weight: bold; color: #1a5fb4; }
.source { font-size: 15px; color: #555; margin-top: 1em; }
.source::before { content: "Source: "; font-weight: bold; }
"""

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "quizwright multiple choice",
    fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Source"}],
    templates=[
        {
            "name": "Multiple choice",
            "qfmt": '<div class="front">{{Question}}<div class="options">{{Options}}</div></div>',
            "afmt": '<div class="back">{{Question}}<div class="options">{{Options}}</div></div>'
            '<hr id="answer"><div class="answer">{{Answer}}</div><div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "quizwright cloze",
    fields=[{"name": "Text"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}<hr id="answer"><div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


def export_anki(bank: Bank, output: str | Path, options: AnkiOptions = AnkiOptions()) -> ExportResult:
    """Write the bank's exportable items to one .apkg at `output`."""
    items = require_items(bank, options)
    package = build_package(bank, items, options.subdecks)
    write_output(Path(output), package_bytes(package, options.timestamp))
    return ExportResult(paths=(Path(output),), items=len(items))


def package_bytes(package: genanki.Package, timestamp: float | None = None) -> bytes:
    """What Package.write_to_file writes, built in memory.

    write_to_file leaves its temporary SQLite file behind in /tmp on every call.
    """
    stamp = time.time() if timestamp is None else timestamp
    conn = sqlite3.connect(":memory:")
    try:
        package.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
        conn.commit()
        database = conn.serialize()
    finally:
        conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as apkg:
        apkg.writestr(_entry("collection.anki2"), database)
        apkg.writestr(_entry("media"), "{}")
    return buffer.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry dated the same on every export: writestr(name) dates it now, so two exports a
    second apart differed in the zip's own header (the notes keep the times Anki needs)."""
    entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    entry.external_attr = 0o600 << 16  # what writestr(name) gives
    return entry


def build_package(bank: Bank, items: tuple[Item, ...], subdecks: bool = False) -> genanki.Package:
    title = deck_title(bank)
    decks: dict[str, genanki.Deck] = {}
    letters = lettered(items)
    for item in items:
        name = f"{title}::{deck_title(bank, item.source.doc)}" if subdecks else title
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name)
        decks[name].add_note(build_note(bank, item, letters.get(item.id)))
    return genanki.Package(list(decks.values()))


def deck_title(bank: Bank, doc: str | None = None) -> str:
    """The deck's name: the bank's title, or a reading's (never its file name)."""
    if doc is None:
        name = bank.title
    else:
        name = "Your own questions" if doc == TEACHER else bank.reading_title(doc)
    return (name.strip() or "quizwright").replace("::", ":")  # "::" would nest decks in Anki


def deck_id(name: str) -> int:
    """Fixed by the deck's name, in the range genanki recommends."""
    digest = hashlib.sha256(f"quizwright deck\x1f{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def build_note(bank: Bank, item: Item, lettering: Lettered | None = None) -> genanki.Note:
    if item.is_mcq:
        model, fields = MCQ_MODEL, mcq_fields(item, lettering or lettered([item])[item.id])
    else:
        model, fields = CLOZE_MODEL, [context_html(item) + cloze_html(item), esc(item.source.sentence)]
    # Identity is the bank's id and the item's, not the fields: an edit updates the note, and so
    # does renaming the bank. A bank from before ids uses its title, as its GUIDs always did.
    return genanki.Note(model=model, fields=fields, tags=tags(item), guid=genanki.guid_for(bank.identity, item.id))


def mcq_fields(item: Item, lettering: Lettered) -> list[str]:
    options, correct = lettering.options, lettering.correct
    rows = []
    for i, option in enumerate(options):
        css = "option correct" if i == correct else "option"
        rows.append(f'<div class="{css}">{letter(i)}. {esc(option)}</div>')
    answer = f"{letter(correct)}. {esc(item.answer)}"
    return [context_html(item) + esc(item.question or ""), "".join(rows), answer, esc(item.source.sentence)]


def context_html(item: Item) -> str:
    """The sentence the item leans on, above it (fields only: the note types stay as they are)."""
    return f'<div class="context"><i>{esc(item.context)}</i></div>' if item.context else ""


def cloze_html(item: Item) -> str:
    """Escape the text around and inside each deletion, keeping the {{cN::...}} markers."""
    out = []
    for part in cloze_parts(item):
        if isinstance(part, Deletion):
            hint = f"::{esc(part.hint)}" if part.hint is not None else ""
            out.append(f"{{{{c{part.number}::{esc(part.answer)}{hint}}}}}")
        else:
            out.append(esc(part))
    return "".join(out)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def tags(item: Item) -> list[str]:
    return [tag("kind", item.answer_kind), tag("doc", item.source.doc)]


def tag(prefix: str, value: str) -> str:
    """An Anki tag: no whitespace allowed, '::' makes a hierarchy."""
    return f"{prefix}::" + (re.sub(r"\s+", "_", value.strip()) or "none")
