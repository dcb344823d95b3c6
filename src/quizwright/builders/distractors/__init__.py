"""Three wrong options of the same kind as the answer, never the answer in disguise.

`choose` asks the family that fits the answer (names.py: people, places, nationalities;
organizations.py; terms.py; quantities.py: dates and numbers) for candidates, best first,
and keeps the first three that pass the rules here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from ...analysis import lexicon
from ...analysis.mentions import Mention
from ...facts import Fact
from ...matching import occurs_in, same_entity
from ...models import MIN_DISTRACTORS
from ..pool import Pool, display_form
from .names import entity_options, fallback_options, ranked
from .organizations import organization_options
from .quantities import date_options, number_options
from .terms import same_case, term_options

COUNT = MIN_DISTRACTORS


def choose(fact: Fact, pool: Pool, sentence: str, rng: random.Random) -> list[str] | None:
    """Three distractors for the fact, or None when there are not three good ones."""
    answer = display_form(fact.answer) if fact.kind != "term" else fact.answer.text
    if fact.answer.kind == "date":
        options = date_options(fact, rng)
    elif fact.answer.kind == "number":
        options = number_options(fact, rng)
    elif fact.kind == "term":
        options = [same_case(o, answer) for o in ranked(term_options(fact, pool), rng)]
    elif fact.answer.kind == "organization":
        options = organization_options(fact, pool, rng)
    else:
        # the readings' own names first, but a name they mention once ('Venezuelan' in a story
        # on Korea and China) only after the well-known ones
        found = entity_options(fact, pool)
        options = (
            ranked([c for c in found if c.count > 1], rng)
            + fallback_options(fact, rng)
            + ranked([c for c in found if c.count == 1], rng)
        )
    chosen: list[str] = []
    same = _same_term if fact.kind == "term" else same_entity
    named = _countries_named(fact.context)
    peoples = _nationalities_of_people(fact, pool)
    named |= frozenset().union(*(lexicon.place_identity(n) for n in peoples))
    for option in options:
        if (
            _acceptable(option, answer, sentence, chosen, same)
            and not lexicon.place_identity(option) & named
            and not any(same_entity(option, n) for n in peoples)
        ):
            chosen.append(option)
        if len(chosen) == COUNT:
            return chosen
    return None


def _countries_named(context: tuple[Mention, ...]) -> frozenset[str]:
    """Places the sentence names, with the countries their capitals and nationalities stand for."""
    return frozenset().union(*(lexicon.place_identity(m.text) for m in context if m.kind in {"place", "group"}))


def _nationalities_of_people(fact: Fact, pool: Pool) -> list[str]:
    """For a nationality or country answer, those of the people the sentence names: with
    'President Lee' in it, 'South Korean', 'Korean' and 'South Korea' are no wrong options
    (he is one), though the sentence never says so. A city answer keeps them: Seoul is a fair
    wrong answer for 'a tool in _____'s diplomatic arsenal' even where Lee is named."""
    if not (fact.answer.kind == "group" or (fact.answer.kind == "place" and fact.answer.subtype == "country")):
        return []
    people = [pool.named(m.key) for m in fact.context if m.kind == "person"]
    return sorted({c.nationality for c in people if c and c.nationality})


def gives_itself_away(fact: Fact) -> bool:
    """The sentence names the answer's country another way: 'Beijing' in a question whose answer is China."""
    if fact.answer.kind not in {"place", "group"}:
        return False
    return bool(lexicon.place_identity(fact.answer.text) & _countries_named(fact.context))


def _acceptable(option: str, answer: str, sentence: str, chosen: list[str], same: Callable[[str, str], bool]) -> bool:
    if same(option, answer) or any(same(option, c) for c in chosen):
        return False
    if len(option) > max(3 * len(answer), len(answer) + 15):
        return False  # a much longer option stands out as the odd one
    return not occurs_in(option, sentence)


def _same_term(a: str, b: str) -> bool:
    """Terms differ even when one contains the other ('organ' and 'organ system')."""
    return a.strip().lower() == b.strip().lower()
