"""What a teacher looks at while reviewing: filtered items, counts, an item in its reading. Pure functions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .checks import item_problems, sourcing_problems
from .matching import sentence_at
from .models import Bank, Item, Status

SENTENCE_END = re.compile(r"""[.!?]["')\]\u201d\u2019]*\s+|\n\s*\n""")


def filter_items(bank: Bank, status: str | None = None, type: str | None = None, doc: str | None = None) -> list[Item]:
    return [
        item
        for item in bank.items
        if (status is None or item.status == status)
        and (type is None or item.type == type)
        and (doc is None or item.source.doc == doc)
    ]


def review_order(bank: Bank, status: str | None = None, type: str | None = None, doc: str | None = None) -> list[Item]:
    """The items to review, drafts first (in bank order), then the others."""
    items = filter_items(bank, status, type, doc)
    return [i for i in items if i.status == Status.DRAFT] + [i for i in items if i.status != Status.DRAFT]


@dataclass(frozen=True)
class InReading:
    """A source sentence with the sentences around it in its reading."""

    before: str
    sentence: str
    after: str


def in_reading(item: Item, texts: dict[str, str]) -> InReading | None:
    """The item's sentence with the one before and the one after it, or None when its reading is
    not at hand or no longer holds the sentence (validate says so)."""
    text = texts.get(item.source.doc)
    at = sentence_at(text, item.source.sentence) if text is not None and item.source.sentence else -1
    if text is None or at < 0:
        return None
    end = at + len(item.source.sentence)
    ends_before = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    start = ends_before[-2] if len(ends_before) > 1 else 0
    following = SENTENCE_END.search(text, end + 1)
    stop = following.end() if following else len(text)
    return InReading(" ".join(text[start:at].split()), item.source.sentence, " ".join(text[end:stop].split()))


def findings_for(item: Item, bank: Bank, texts: dict[str, str]) -> list[str]:
    """What validate says about one item, given its readings' texts."""
    return sourcing_problems(item, {s.id for s in bank.sources}, texts) + item_problems(item)


def prompt_of(item: Item) -> str:
    """The text a student sees: the MCQ's question or the cloze's text."""
    return (item.question if item.is_mcq else item.text) or ""


@dataclass(frozen=True)
class BankStats:
    total: int
    by_status: Counter[str]
    by_type: Counter[str]
    by_kind: Counter[str]
    by_source: Counter[str]

    @property
    def to_review(self) -> int:
        return self.by_status[Status.DRAFT]


def bank_stats(bank: Bank) -> BankStats:
    items = bank.items
    return BankStats(
        total=len(items),
        by_status=Counter(i.status for i in items),
        by_type=Counter(i.type for i in items),
        by_kind=Counter(i.answer_kind for i in items),
        by_source=Counter(i.source.doc for i in items),
    )
