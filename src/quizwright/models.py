"""Plain records that flow through quizwright: documents in, items and findings out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SCHEMA = "quizwright/1"
ITEM_TYPES = ("mcq", "cloze")
STATUSES = ("draft", "approved", "rejected")
ANSWER_KINDS = (
    "person",
    "place",
    "organization",
    "group",
    "date",
    "number",
    "term",
    "proper",
)


@dataclass(frozen=True)
class Document:
    """A source text as read from disk."""

    id: str
    """Unique within a bank: the file stem."""
    path: str
    """Where the file is, as given or as stored in the bank."""
    sha256: str
    """Of the file's bytes."""
    text: str
    """The decoded text, exactly as the document writes it (for PDFs, Word files, web pages: as extracted)."""
    pages: tuple[int, ...] = ()
    """For a PDF: the offset in `text` where each page starts (page 1 first)."""


@dataclass(frozen=True)
class SourceRef:
    """Where an item comes from: a document and one of its sentences, verbatim."""

    doc: str
    sentence: str
    page: int | None = None
    """The PDF page (1-based) the sentence starts on; None for documents without pages."""


@dataclass(frozen=True)
class Source:
    """A bank's record of one source document."""

    id: str
    path: str
    """Relative to the bank file's folder, with forward slashes."""
    sha256: str


@dataclass(frozen=True)
class Item:
    """One question. MCQs use question/distractors, clozes use text."""

    id: str
    type: str
    status: str
    answer: str
    answer_kind: str
    source: SourceRef
    question: str | None = None
    distractors: tuple[str, ...] = ()
    text: str | None = None
    score: float | None = None
    """The generator's quality estimate, 0 to 1 (higher is better)."""
    fingerprint: str | None = None
    """Hash of the text as generated; when the item no longer matches it, a teacher edited it."""
    stale: str | None = None
    """Why the item no longer matches its source (set by a rebuild; the item is kept)."""
    line: int | None = field(default=None, compare=False)
    """1-based line of the item in the YAML it was read from, if any."""

    def content_hash(self) -> str:
        """Of what a teacher may edit: the prompt, the answer, the options."""
        parts = [self.type, self.question or "", self.text or "", self.answer, *self.distractors]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

    @property
    def edited(self) -> bool:
        """Changed by hand since it was generated (or carries no fingerprint to tell)."""
        return self.fingerprint != self.content_hash()

    @property
    def options(self) -> tuple[str, ...]:
        """The answer followed by the distractors (MCQ); shuffle before showing."""
        return (self.answer, *self.distractors)


@dataclass(frozen=True)
class Bank:
    """A question bank: what the YAML file holds."""

    title: str
    sources: tuple[Source, ...]
    items: tuple[Item, ...]
    schema: str = SCHEMA

    def source(self, doc_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == doc_id), None)


@dataclass(frozen=True)
class Finding:
    """One problem the validator found."""

    path: str
    line: int | None
    item_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        who = f" {self.item_id}:" if self.item_id else ""
        return f"{where}:{who} {self.message}"
