"""What the exporters share: which items go out, option shuffles, cloze parsing, safe writes.

Every exporter is a function (bank, output path, options) -> ExportResult, registered in
formats.py; the CLI makes one `quizwright export FORMAT` command of each entry there.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ExportError, UnknownStatusWarning
from ..files import holds_a_bank, write_atomic, write_problem
from ..matching import BLANK, Deletion, split_cloze
from ..models import Bank, Item, Status
from ..seeding import seeded_rng

DEFAULT_DIR = Path("output")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote (anything the user should hear about goes to warnings.warn)."""

    paths: tuple[Path, ...]
    items: int


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


def select_items(bank: Bank, approved_only: bool = False) -> tuple[Item, ...]:
    """Rejected items never leave the bank; drafts go out unless approved_only.

    A stale draft cites a sentence its reading no longer has and nobody has vouched for it,
    so it stays home too; a stale item the teacher approved still goes out.
    """
    wanted = (Status.APPROVED,) if approved_only else (Status.APPROVED, Status.DRAFT)
    return tuple(
        item for item in bank.items if item.status in wanted and not (item.stale and item.status == Status.DRAFT)
    )


def require_items(bank: Bank, approved_only: bool) -> tuple[Item, ...]:
    _warn_of_unknown_statuses(bank)
    items = select_items(bank, approved_only)
    if not items:
        which = "approved items" if approved_only else "items that are not rejected"
        raise ExportError(f"nothing to export: the bank has no {which}")
    return items


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
    """A cloze as a fill-in question: the deletion holding the answer blanked, any other filled in."""
    parts = cloze_parts(item)
    deletions = [p for p in parts if isinstance(p, Deletion)]
    target = next((d for d in deletions if d.answer == item.answer), deletions[0])
    return "".join(blank if p is target else p.answer if isinstance(p, Deletion) else p for p in parts)


def with_context(item: Item, prompt: str, joiner: str = " ") -> str:
    """What a student reads: the context sentence first, when the item has one, then the prompt."""
    return f"{item.context}{joiner}{prompt}" if item.context else prompt


def source_label(item: Item) -> str:
    """Where the item comes from, for a reader: the document, and the page of a PDF."""
    return f"{item.source.doc}, p. {item.source.page}" if item.source.page else item.source.doc
