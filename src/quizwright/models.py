"""Plain records that flow through quizwright: documents in, items and findings out."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Self

SCHEMA = "quizwright/1"
"""The bank format this quizwright reads and writes; CHANGELOG.md records every change to it."""
MIN_DISTRACTORS = 3
"""Wrong options an MCQ needs: the builders choose this many, validate asks for at least this many."""
TEACHER = "teacher"
"""`source: teacher` in a bank: an item a teacher wrote, which quotes no reading."""


class _Vocabulary(StrEnum):
    """A closed set of words a bank uses. Members equal (and hash as) their strings, so
    `item.type == "mcq"` still holds; write `.value` where a plain str must go out (YAML)."""

    @classmethod
    def parse(cls, value: str) -> Self | str:
        """The member named by `value`, or `value` itself when a bank file says something
        unknown (kept, so that validate can report it)."""
        try:
            return cls(value)
        except ValueError:
            return value

    @classmethod
    def listed(cls, separator: str = ", ") -> str:
        return separator.join(member.value for member in cls)

    @classmethod
    def unknown(cls, value: str, separator: str = ", ") -> str:
        """What to say of a word that is not one of ours: what is expected, and the member it
        was probably meant to be ('Approved', 'aproved': approved), matched exactly otherwise."""
        said = f"(expected {cls.listed(separator)})"
        close = difflib.get_close_matches(value.strip().lower(), [m.value for m in cls], n=1, cutoff=0.75)
        return f"{said}: did you mean '{close[0]}'?" if close else said


class ItemType(_Vocabulary):
    """What kind of question an item is."""

    MCQ = "mcq"
    """Multiple choice: `question`, `answer` and three or more `distractors`."""
    CLOZE = "cloze"
    """Fill in the blank: `text` with a {{c1::answer}} deletion."""


class Status(_Vocabulary):
    """Where an item stands in a teacher's review."""

    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"


class AnswerKind(_Vocabulary):
    """What an item's answer is; decides its distractors and its weight in ranking.

    To add one: a member here, the `answer_kind` enum in schema/bank.schema.json (a test
    compares them), its distractors in builders/, its weight in builders/ranking.py.
    """

    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    GROUP = "group"
    """A nationality or people: 'South Korean', 'Chinese'."""
    DATE = "date"
    NUMBER = "number"
    TERM = "term"
    """A key term, a defined term, or a proper name of no other kind."""


class EntityKind(StrEnum):
    """What the analysis takes a mention for: the answer kinds, and PROPER (a name of no known
    kind) that becomes AnswerKind.TERM when it is asked about."""

    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    GROUP = "group"
    DATE = "date"
    NUMBER = "number"
    TERM = "term"
    PROPER = "proper"


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

    @property
    def by_teacher(self) -> bool:
        """A teacher's own item (`source: teacher`): it quotes no reading, so nothing checks it against one."""
        return self.doc == TEACHER and not self.sentence


@dataclass(frozen=True)
class Source:
    """A bank's record of one source document."""

    id: str
    path: str
    """Relative to the bank file's folder, with forward slashes."""
    sha256: str
    title: str | None = None
    """The reading's own title (its first heading), which students see instead of the file name."""


@dataclass(frozen=True)
class Item:
    """One question; its type decides its fields: an MCQ has question and distractors, a
    cloze has text. One record rather than two because a bank file read back may say anything
    (an unknown type or status is kept as the file's text, and validate reports it)."""

    id: str
    type: ItemType | str
    """An ItemType; a plain str only when read from a bank that names an unknown type."""
    status: Status | str
    """A Status; a plain str only when read from a bank that names an unknown status."""
    answer: str
    answer_kind: AnswerKind | str
    """An AnswerKind; a plain str only when read from a bank that names an unknown kind."""
    source: SourceRef
    question: str | None = None
    """MCQ only: a question, or the sentence with one blank (matching.BLANK)."""
    distractors: tuple[str, ...] = ()
    """MCQ only: the wrong options."""
    text: str | None = None
    """Cloze only: the sentence with a {{c1::answer}} deletion (matching.CLOZE)."""
    context: str | None = None
    """The sentence before the source sentence, shown above the item, when the source sentence
    leans on it ('This makes it the fastest ...'); None when the sentence stands alone."""
    score: float | None = None
    """The generator's quality estimate, 0 to 1 (higher is better)."""
    fingerprint: str | None = None
    """Hash of the text as generated; when the item no longer matches it, a teacher edited it."""
    stale: str | None = None
    """Why the item no longer matches its source (set by a rebuild; the item is kept)."""
    line: int | None = field(default=None, compare=False)
    """1-based line of the item in the YAML it was read from, if any."""

    def __post_init__(self) -> None:
        # a known word becomes its member, so `isinstance(item.status, Status)` tells known from not
        object.__setattr__(self, "type", ItemType.parse(self.type))
        object.__setattr__(self, "status", Status.parse(self.status))
        object.__setattr__(self, "answer_kind", AnswerKind.parse(self.answer_kind))

    @property
    def is_mcq(self) -> bool:
        return self.type == ItemType.MCQ

    def content_hash(self) -> str:
        """Of every field a teacher may edit but the status (which tells on its own): the id, the
        type, the prompt, the answer, the options, the context, the answer kind and the source
        document and sentence. Not what a build sets: score, page, stale and the fingerprint."""
        parts = [self.id, str(self.type), self.question or "", self.text or "", self.answer, self.context or ""]
        parts += [str(self.answer_kind), self.source.doc, self.source.sentence, *self.distractors]
        return "2-" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

    def legacy_hash(self) -> str:
        """The fingerprint quizwright 0.1 wrote: of the prompt, the answer, the options and the
        context only, so it cannot tell whether the answer kind, the source or the id were edited."""
        parts = [str(self.type), self.question or "", self.text or "", self.answer, *self.distractors]
        if self.context:  # appended only when there is one: banks from before contexts keep their hashes
            parts.append(self.context)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

    @property
    def edited(self) -> bool:
        """Changed by hand since it was generated (or carries no fingerprint to tell); with a
        legacy fingerprint, only what that covered (merge.py is careful with the rest)."""
        return self.fingerprint not in (self.content_hash(), self.legacy_hash())

    @property
    def legacy_fingerprint(self) -> bool:
        """Fingerprinted by quizwright 0.1, and not edited in what that fingerprint covers."""
        return self.fingerprint == self.legacy_hash()

    @property
    def options(self) -> tuple[str, ...]:
        """The answer followed by the distractors (MCQ); shuffle before showing."""
        return (self.answer, *self.distractors)


@dataclass(frozen=True)
class BuildRecord:
    """How a bank was built, kept in it, so that `quizwright build BANK` can build it again."""

    readings: tuple[str, ...]
    """The files and folders given, relative to the bank file's folder, with forward slashes."""
    settings: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    """The build options that decide the items (pipeline.BuildOptions' recorded fields), by name."""


@dataclass(frozen=True)
class Bank:
    """A question bank: what the YAML file holds."""

    title: str
    sources: tuple[Source, ...]
    items: tuple[Item, ...]
    schema: str = SCHEMA
    id: str = ""
    """Made once, when the bank is created, and never again: Anki note GUIDs come from it, so
    renaming the bank does not duplicate its cards. A bank from before ids has none (its title
    stands in, as it did for its GUIDs) until its next write records the title as its id."""
    build: BuildRecord | None = None
    """The readings and settings of the last build; None in a bank built before they were recorded."""

    def source(self, doc_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == doc_id), None)

    @property
    def identity(self) -> str:
        """What Anki GUIDs are made from: the id, or the title for a bank that has no id yet."""
        return self.id or self.title

    def reading_title(self, doc_id: str) -> str:
        """What students see for a source, never its file name: its title; else, in a bank of
        one reading, the bank's title, and in a bank of several, 'Reading N' (a bank built
        before readings' titles were recorded; its next rebuild records them)."""
        source = self.source(doc_id)
        if source is not None and source.title:
            return source.title
        if len(self.sources) <= 1 and self.title:
            return self.title
        number = next((n for n, s in enumerate(self.sources, 1) if s.id == doc_id), len(self.sources) + 1)
        return f"Reading {number}"


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


@dataclass(frozen=True)
class DocumentReport:
    """What a build considered and kept from one document (a row of `quizwright build`'s table)."""

    document: str
    """The document's id."""
    sentences: int
    usable: int
    """Sentences worth asking about (complete, self-contained, not boilerplate)."""
    candidates: int
    """Valid items those sentences gave, before the best were chosen."""
    mcq: int
    """Multiple-choice items kept."""
    cloze: int
    """Cloze items kept."""
    dropped: tuple[tuple[str, int], ...] = ()
    """Candidates not kept, by reason ('below the quality bar', 'beyond the reading's count', ...)."""


@dataclass(frozen=True)
class BuiltSet:
    """What building a document set gives, before it becomes a bank; cached whole when the
    same documents are built again with the same settings (a teacher's rebuild after review)."""

    items: tuple[Item, ...]
    reports: tuple[DocumentReport, ...]
    rejected: int
    """Items generated but failing validation (never kept)."""
    title: str
    """The first document's heading, else its id."""


@dataclass
class MergeReport:
    """What writing a build into its bank did (or, for a dry run, would do)."""

    added: list[str] = field(default_factory=list)
    """Ids of new items, appended as drafts."""
    refreshed: list[str] = field(default_factory=list)
    """Untouched drafts whose generated text changed (a newer quizwright, a new seed)."""
    kept: int = 0
    """Existing items left exactly as they were."""
    retired: list[str] = field(default_factory=list)
    """Untouched drafts the generator no longer makes (a better rule ruled them out)."""
    stale: list[tuple[str, str]] = field(default_factory=list)
    """(id, reason) of items whose sentence is no longer in their document."""
    changed_sources: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)
    into_existing: bool = False
    """True when merged into a bank that was there; False when a new bank was written."""


@dataclass(frozen=True)
class BuildResult:
    """A built bank, with what the build saw in each document."""

    bank: Bank
    reports: tuple[DocumentReport, ...]
    rejected_by_validation: int
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    """Each document's text by id, for checking an existing bank's items against it."""
    merge: MergeReport | None = None
    """What writing it did; None until it is written (quizwright.build writes it)."""


@dataclass(frozen=True)
class Validation:
    """A bank as read, and every problem validate found in it."""

    bank: Bank
    findings: list[Finding]
