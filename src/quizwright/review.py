"""What a teacher looks at while reviewing: filtered items and counts. Pure functions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import Bank, Item, Status


def filter_items(bank: Bank, status: str | None = None, type: str | None = None, doc: str | None = None) -> list[Item]:
    return [
        item
        for item in bank.items
        if (status is None or item.status == status)
        and (type is None or item.type == type)
        and (doc is None or item.source.doc == doc)
    ]


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
