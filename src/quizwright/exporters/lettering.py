"""Which letter each multiple-choice answer gets: keys balanced across the questions that go out together.

Shuffling each question's options on its own gives keys like C for 12 of 18 questions. Here
the questions are taken in the order students meet them, and each answer goes to a letter
chosen (by a generator seeded from the item's id and the salt) among those that keep every
letter's count within SPREAD of every other's and make no run of more than MAX_RUN. So each
letter is within a few questions of an even share, the key never repeats a letter four times
running, the same questions and salt give the same letters, and a question added at the end
changes no letter before it. The wrong options keep the order shuffled_options gives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Item
from ..seeding import seeded_rng
from . import shuffled_options

MAX_RUN = 3
"""No letter keys more than this many questions in a row."""
SPREAD = 2
"""No letter keys more than this many questions more than any other letter."""


@dataclass(frozen=True)
class Lettered:
    options: tuple[str, ...]
    """The options in the order they are lettered A, B, C, ..."""
    correct: int
    """Where the answer is among them."""


def lettered(items: Sequence[Item], salt: str = "") -> dict[str, Lettered]:
    """Each MCQ's options, by item id, with the answers spread evenly over the letters."""
    counts: list[int] = []
    keys: list[int] = []
    out: dict[str, Lettered] = {}
    for item in items:
        if not item.is_mcq or item.id in out:
            continue
        shuffled, correct = shuffled_options(item, salt)
        size = len(shuffled)
        counts += [0] * (size - len(counts))
        at = _letter_for(item, salt, counts[:size], keys)
        counts[at] += 1
        keys.append(at)
        wrong = [option for n, option in enumerate(shuffled) if n != correct]
        out[item.id] = Lettered((*wrong[:at], shuffled[correct], *wrong[at:]), at)
    return out


def _letter_for(item: Item, salt: str, counts: list[int], keys: list[int]) -> int:
    """A letter that keeps the counts within SPREAD and makes no run longer than MAX_RUN."""
    run = keys[-MAX_RUN:]
    repeated = run[0] if len(run) == MAX_RUN and len(set(run)) == 1 else None
    fair = [n for n in range(len(counts)) if n != repeated and _spread(counts, n) <= SPREAD]
    if not fair:  # cannot happen while the counts stay within SPREAD; the least used letter, then
        fair = [min((n for n in range(len(counts)) if n != repeated), key=lambda n: counts[n])]
    return fair[seeded_rng("answer letter", item.id, salt).randrange(len(fair))]


def _spread(counts: list[int], letter: int) -> int:
    after = [count + (n == letter) for n, count in enumerate(counts)]
    return max(after) - min(after)
