"""Forms A, B, ... of a worksheet: the same items, questions and options in another order."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Item
from ..seeding import seeded_rng
from .lettering import lettered


@dataclass(frozen=True)
class Question:
    number: int
    item: Item
    options: tuple[str, ...] = ()
    correct: int = 0


@dataclass(frozen=True)
class Form:
    label: str
    """"A", "B", ...; empty when there is a single version."""
    mcqs: tuple[Question, ...]
    clozes: tuple[Question, ...]
    salt: str

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.mcqs + self.clozes


def make_form(items: tuple[Item, ...], label: str, salt: str) -> Form:
    mcqs = [i for i in items if i.is_mcq]
    clozes = [i for i in items if not i.is_mcq]
    if salt:
        seeded_rng("question order", salt).shuffle(mcqs)
        seeded_rng("question order", salt).shuffle(clozes)
    letters = lettered(mcqs, salt)
    numbered = [
        Question(number, item, letters[item.id].options, letters[item.id].correct)
        for number, item in enumerate(mcqs, start=1)
    ]
    gaps = tuple(Question(number, item) for number, item in enumerate(clozes, start=len(mcqs) + 1))
    return Form(label, tuple(numbered), gaps, salt)
