"""Three wrong options of the same kind as the answer, never the answer in disguise.

`choose` asks the family that fits a named answer (names.py: people, places, nationalities;
organizations.py) for candidates, best first, and keeps the first three that pass the rules
here. Key terms (terms.py) and numbers and dates (quantities.py) have options of their own.
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
from .names import entity_options, fallback_options, is_national_capital, of_its_continent_first, ranked
from .organizations import organization_options

COUNT = MIN_DISTRACTORS


def choose(
    fact: Fact, pool: Pool, sentence: str, rng: random.Random, accept: Callable[[str], bool] = lambda name: True
) -> list[str] | None:
    """Three distractors for a named answer, or None when there are not three good ones.
    accept: a further test each must pass (a person's gender, say)."""
    answer = display_form(fact.answer)
    if fact.answer.kind == "organization":
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
        if fact.answer.kind == "place":
            options = of_its_continent_first(options, fact)  # 'drills around ___ (Taiwan)': not the United States
    if fact.answer.kind == "place" and is_national_capital(answer):
        # 'Beijing sees North Korea as a buffer': a capital stands for its government, and
        # Shanghai beside Tokyo and Seoul is the one that cannot be the answer
        options = [o for o in options if is_national_capital(o)]
    chosen: list[str] = []
    namesakes = {_without_compass(m.text) for m in fact.context if m.kind == "place"}
    named = _countries_named(fact.context)
    peoples = _nationalities_of_people(fact, pool)
    named |= frozenset().union(*(lexicon.place_identity(n) for n in peoples))
    for option in options:
        if (
            accept(option)
            and _acceptable(option, answer, sentence, chosen, same_entity)
            and not lexicon.place_identity(option) & named
            and not any(same_entity(option, n) for n in peoples)
            and _without_compass(option) not in namesakes
        ):
            chosen.append(option)
        if len(chosen) == COUNT:
            return chosen
    return None


def _without_compass(name: str) -> str:
    """'korea' of 'North Korea' and of 'South Korea': 'South Korea's biggest trading partner'
    among North Korea, Japan and Vietnam was judged a giveaway in four rounds of six."""
    return " ".join(w for w in name.lower().split() if w not in lexicon.COMPASS and w != "the")


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
