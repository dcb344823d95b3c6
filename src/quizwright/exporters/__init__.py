"""What the exporters share: which items go out, option shuffles, cloze parsing, safe writes.

Every exporter is a function (bank, output path, options) -> ExportResult, registered in
formats.py; the CLI makes one `quizwright export FORMAT` command of each entry there.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ExportError, LeftOutWarning, UnknownStatusWarning
from ..files import holds_a_bank, write_atomic, write_problem
from ..matching import BLANK, Deletion, split_cloze
from ..models import Bank, Finding, Item, ItemType, Status
from ..review import filter_items
from ..seeding import seeded_rng

DEFAULT_DIR = Path("output")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote (anything the user should hear about goes to warnings.warn)."""

    paths: tuple[Path, ...]
    items: int
    drafts: int = 0
    """How many of the items are drafts nobody has approved (set by quizwright.export)."""
    roles: tuple[str, ...] = ()
    """What each path is, where an export writes more than one kind of file ('answer key, Form A')."""


def setting(
    default: Any, help: str, *, choices: tuple[str, ...] = (), minimum: int | None = None, maximum: int | None = None
) -> Any:
    """An exporter option the CLI offers as --NAME (a dataclass field with what its help needs)."""
    return field(default=default, metadata={"help": help, "choices": choices, "min": minimum, "max": maximum})


@dataclass(frozen=True)
class ExportOptions:
    """What every exporter takes; an exporter with more subclasses it."""

    approved_only: bool = False
    """Only approved items (drafts are skipped); rejected items never go out."""
    status: str | None = setting(
        None, "Only items with this status (as quizwright show --status).", choices=(Status.DRAFT, Status.APPROVED)
    )
    type: str | None = setting(None, "Only multiple-choice or only fill-in-the-blank items.", choices=tuple(ItemType))
    doc: str | None = setting(None, "Only items from this reading (its source id, as quizwright show --doc).")
    limit: int | None = setting(
        None, "At most this many items (the first in the bank, after the other choices).", minimum=1
    )


def select_items(bank: Bank, approved_only: bool = False, options: ExportOptions | None = None) -> tuple[Item, ...]:
    """Rejected items never leave the bank; drafts go out unless approved_only; then the
    options' status, type and reading, and at most their limit of items, in bank order.

    A stale draft cites a sentence its reading no longer has and nobody has vouched for it,
    so it stays home too; a stale item the teacher approved still goes out.
    """
    wanted = (Status.APPROVED,) if approved_only else (Status.APPROVED, Status.DRAFT)
    chosen = filter_items(bank, *(_filters(options) if options else ()))
    items = tuple(item for item in chosen if item.status in wanted and not (item.stale and item.status == Status.DRAFT))
    return items[: options.limit] if options and options.limit else items


def _filters(options: ExportOptions) -> tuple[str | None, str | None, str | None]:
    return options.status, options.type, options.doc


def require_items(bank: Bank, options: ExportOptions) -> tuple[Item, ...]:
    if options.doc is not None and bank.source(options.doc) is None:
        known = ", ".join(s.id for s in bank.sources) or "none"
        raise ExportError(f"the bank has no reading '{options.doc}' (its readings: {known})")
    _warn_of_unknown_statuses(bank)
    items = select_items(bank, options.approved_only, options)
    if not items and any(_filters(options)):
        which = "approved item" if options.approved_only else "item that is not rejected"
        raise ExportError(f"nothing to export: no {which} has the status, type and reading asked for")
    if not items:
        which = "approved items" if options.approved_only else "items that are not rejected"
        raise ExportError(f"nothing to export: the bank has no {which}")
    return items


def vetted(bank: Bank, findings: Sequence[Finding], options: ExportOptions) -> Bank:
    """The bank without the items validate finds fault with: none of them ever goes out.

    Warns (LeftOutWarning) for each one the export would have taken, naming it and why, and
    for each problem with the bank as a whole (a reading that is missing or changed).
    """
    _warn_of_unknown_statuses(bank)  # validate faults them too, but they are not among the items exported
    problems: dict[str, list[str]] = {}
    for finding in findings:
        if finding.item_id is None:
            warnings.warn(f"{finding}", LeftOutWarning, stacklevel=2)
        else:
            problems.setdefault(finding.item_id, []).append(finding.message)
    for item in select_items(bank, options.approved_only, replace(options, limit=None)):
        if item.id in problems:
            where = f" (line {item.line})" if item.line else ""
            warnings.warn(f"left out {item.id}{where}: {'; '.join(problems[item.id])}", LeftOutWarning, stacklevel=2)
    return replace(bank, items=tuple(item for item in bank.items if item.id not in problems))


def unreviewed(bank: Bank, options: ExportOptions) -> int:
    """How many of the items an export takes are drafts nobody has approved."""
    return sum(item.status == Status.DRAFT for item in select_items(bank, options.approved_only, options))


def _warn_of_unknown_statuses(bank: Bank) -> None:
    """An item whose status is misspelt ('Approved') is neither approved nor a draft, so it is
    not exported; say so, once per spelling, rather than leave it out in silence."""
    unknown: dict[str, list[Item]] = {}
    for item in bank.items:
        if not isinstance(item.status, Status):
            unknown.setdefault(item.status, []).append(item)
    for status, items in unknown.items():
        first = items[0]
        count = "1 item has" if len(items) == 1 else f"{len(items)} items have"
        where = f", line {first.line}" if first.line else ""
        warnings.warn(
            f"{count} the unknown status '{status}' {Status.unknown(status)}; not exported (first: {first.id}{where})",
            UnknownStatusWarning,
            stacklevel=3,
        )


def shuffled_options(item: Item, salt: str = "") -> tuple[tuple[str, ...], int]:
    """The item's options in an order fixed by its id (and salt); and where the answer landed."""
    order = list(range(len(item.options)))
    seeded_rng("options", item.id, salt).shuffle(order)
    return tuple(item.options[i] for i in order), order.index(0)


def letter(index: int) -> str:
    return chr(ord("A") + index)


def cloze_parts(item: Item) -> list[str | Deletion]:
    """Like split_cloze, but an item without any deletion is an error the teacher must fix."""
    parts = split_cloze(item.text or "")
    if not any(isinstance(p, Deletion) for p in parts):
        where = f" (line {item.line})" if item.line else ""
        raise ExportError(f"item {item.id}{where}: cloze text has no {{{{c1::...}}}} deletion")
    return parts


def default_output(bank_path: str | Path, suffix: str) -> Path:
    """output/<bank file stem><suffix>, relative to the working directory."""
    return DEFAULT_DIR / f"{Path(bank_path).stem}{suffix}"


def write_output(path: Path, data: bytes) -> None:
    """Atomic: on any failure (a full disk, Ctrl-C) the file that was there before survives.
    Never over a question bank (`-o BANK.yaml` would lose the teacher's work)."""
    if holds_a_bank(path):
        raise ExportError(f"{path} is a question bank; an export never writes over one: name another file for it")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the export: {write_problem(path, exc)}") from None


def cloze_prompt(item: Item, blank: str = BLANK) -> str:
    """A cloze as a fill-in question: the deletion holding the answer blanked, and every other of
    its number ('{{c1::hypertonic}} ... a {{c1::hypertonic}} solution', as Anki's card for c1
    hides both); any other deletion filled in."""
    parts = cloze_parts(item)
    deletions = [p for p in parts if isinstance(p, Deletion)]
    target = next((d for d in deletions if d.answer == item.answer), deletions[0])
    return "".join((blank if p.number == target.number else p.answer) if isinstance(p, Deletion) else p for p in parts)


def with_context(item: Item, prompt: str, joiner: str = " ") -> str:
    """What a student reads: the context sentence first, when the item has one, then the prompt."""
    return f"{item.context}{joiner}{prompt}" if item.context else prompt


def source_label(bank: Bank, item: Item) -> str:
    """Where the item comes from, for a student: the reading's title (never its file name), and
    the page of a PDF; empty for a teacher's own question."""
    if item.source.by_teacher:
        return ""
    title = bank.reading_title(item.source.doc)
    return f"{title}, {page_label(bank, item)}" if item.source.page else title


def page_label(bank: Bank, item: Item) -> str:
    """'p. 4' for a PDF's page, 'slide 4' for a presentation's slide; empty when the item has neither."""
    if item.source.page is None:
        return ""
    source = bank.source(item.source.doc)
    return f"slide {item.source.page}" if source and source.path.lower().endswith(".pptx") else f"p. {item.source.page}"


def source_note(bank: Bank, item: Item) -> str:
    """'Source (TITLE, p. N): SENTENCE', the feedback a student sees after answering; empty for a teacher's own question."""
    return f"Source ({source_label(bank, item)}): {item.source.sentence}" if not item.source.by_teacher else ""


NAME_WORDS = 8


def question_name(item: Item) -> str:
    """A question's name where an LMS shows one: its first words (never the item's id)."""
    words = (item.question if item.is_mcq else cloze_prompt(item, "...")) or ""
    first = words.split()
    return " ".join(first[:NAME_WORDS]) + ("…" if len(first) > NAME_WORDS else "")
