"""Wrong options for a person, a place or a nationality: the readings' own names of the same
kind, and well-known fallbacks when they name too few."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from typing import Any

from ...analysis import lexicon
from ...analysis.terms import zipf
from ...facts import Fact
from ...matching import same_entity
from ..pool import Candidate, Pool, role_of, stated_nationality

# Used only when the readings name too few of a kind; well-known so that none stands out.
FALLBACK = {
    ("place", "country"): ["Russia", "India", "Germany", "France", "Vietnam", "Canada", "Australia", "Brazil",
                           "the Philippines", "Indonesia", "Egypt", "Mexico"],
    ("place", "city"): ["Tokyo", "Moscow", "London", "Paris", "Hanoi", "Berlin", "Singapore", "Bangkok"],
    ("group", ""): ["Japanese", "Chinese", "American", "Russian", "Korean", "Vietnamese", "Indian", "German"],
}  # fmt: skip
CONSIDERED = 40
"""Names of a kind weighed per question: this many of the commonest, and as many of those
mentioned once. Plenty for three good options, and a bound, so that a book's thousands of
names do not make every question go through all of them."""


@lru_cache(maxsize=4096)
def place_synsets(name: str) -> tuple[Any, ...]:
    """WordNet's first two noun senses of a place name ('the Philippines' as 'Philippines')."""
    return tuple(lexicon.wordnet().first_synsets(name.removeprefix("the ").strip().replace(" ", "_"), "n", 2))


@lru_cache(maxsize=4096)
def is_national_capital(name: str) -> bool:
    """'Beijing', 'Moscow'; not 'Shanghai' or 'Sydney'. A capital names its government."""
    return any(h.name() == "national_capital.n.01" for s in place_synsets(name) for h in s.instance_hypernyms())


def ranked(candidates: list[Candidate], rng: random.Random) -> list[str]:
    """Commonest first, with a seeded shuffle among near-equals so banks differ by seed."""
    weighted = sorted(candidates, key=lambda c: (-c.count * (0.75 + rng.random() / 2), c.text))
    return [c.text for c in weighted]


def entity_options(fact: Fact, pool: Pool, accept: Callable[[Candidate], bool] = lambda c: True) -> list[Candidate]:
    """Names of the answer's kind that could stand in for it: the commonest first."""
    kind, subtype = fact.answer.kind, fact.answer.subtype
    in_sentence = {m.key for m in fact.context}  # "President Xi" rules out Xi Jinping as an option
    role = role_of(fact.answer) if kind == "person" else ""
    nationality = stated_nationality(fact.answer, fact.context) if kind == "person" else ""

    def fits(c: Candidate) -> bool:
        if c.key == fact.answer.key or c.key in in_sentence:
            return False
        # "_____, a professor at ...": a president is no option, whatever the student remembers
        if kind == "person" and (len(c.text.split()) < 2 or (role and c.role and c.role != role)):
            return False
        # "Japanese Prime Minister _____": not the president the readings call South Korean
        if nationality and c.nationality and not same_entity(c.nationality, nationality):
            return False
        return accept(c)

    # a country for a country, a city for a city
    candidates = pool.of_kind(kind, subtype if kind == "place" else None)
    often = list(islice((c for c in candidates if c.count > 1 and fits(c)), CONSIDERED))
    once_from = bisect_left(candidates, -1, key=lambda c: -c.count)  # commonest first: a search, not a scan
    once = list(islice((c for c in candidates[once_from:] if fits(c)), CONSIDERED))
    return often + once


def fallback_options(fact: Fact, rng: random.Random) -> list[str]:
    """The well-known names of the answer's kind, in a seeded order (choose puts a place's
    continent first: Berlin beside Beijing, Seoul and Tokyo is the one a student rules out)."""
    names = list(FALLBACK.get((fact.answer.kind, fact.answer.subtype), []))
    rng.shuffle(names)
    return names


def of_its_continent_first(names: list[str], fact: Fact) -> list[str]:
    """The names in the answer's continent first, then those WordNet places nowhere, then the
    rest, each in their order ('disputes over ___ (Taiwan)': not 'France' while 'Vietnam' is there)."""
    home = home_continents(fact)
    if not home:
        return names
    return sorted(names, key=lambda n: 0 if home & continents(n) else 2 if continents(n) else 1)  # stable


def home_continents(fact: Fact) -> frozenset[str]:
    """The answer's continents; where WordNet does not say (Taiwan is an island to it), those
    every other place the sentence names shares ('East Asia ... disputes over Taiwan, ... China
    and Japan': Asia)."""
    own = continents(fact.answer.text)
    if own:
        return own
    named = [found for m in fact.context if m.kind == "place" and (found := continents(m.text))]
    return frozenset.intersection(*named) if named else frozenset()


CONTINENTS = {"asia", "europe", "africa", "north_america", "south_america", "australia"}


@lru_cache(maxsize=4096)
def continents(name: str) -> frozenset[str]:
    """The continents WordNet puts a place in (through what it is part of): Beijing -> asia."""
    found = set()
    for synset in place_synsets(name):
        found |= {h.name().split(".")[0] for h in synset.closure(lambda x: x.part_holonyms())}
    return frozenset(found & CONTINENTS)


@lru_cache(maxsize=4096)
def wordnet_siblings(name: str) -> tuple[str, ...]:
    """Other instances of what WordNet says a place is, well-known ones first: Queensland ->
    New South Wales, Victoria, Tasmania (Australian states); Helsinki -> other capitals. For a
    single reading that names no other place of the kind."""
    found: dict[str, float] = {}
    for synset in place_synsets(name):
        if lexicon.instance_class(synset) not in PLACE_CLASSES:
            continue  # 'France' the writer Anatole France: his siblings are other writers
        for parent in synset.instance_hypernyms()[:2]:
            for sibling in parent.instance_hyponyms():
                other = sibling.lemmas()[0].name().replace("_", " ")
                fame = zipf(other.lower())
                common_word = other.lower() in lexicon.english_words() and other not in lexicon.gazetteer()
                if sibling != synset and fame >= 2.5 and other[:1].isupper() and not common_word:
                    found[other] = max(found.get(other, 0.0), fame)
    return tuple(n for n, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


PLACE_CLASSES = {"country", "city", "region", "state"}
FEMALE_WORDS = {"she", "her", "hers", "woman", "female", "women", "mother", "daughter", "latina", "wife", "girl"}
MALE_WORDS = {"he", "his", "him", "man", "male", "men", "father", "son", "husband", "boy"}


def gender_in(sentence_words: set[str], name: str) -> str:
    """'f', 'm' or '' for a person: from the sentence ('the first woman', 'her work') or the first name."""
    if sentence_words & FEMALE_WORDS and not sentence_words & MALE_WORDS:
        return "f"
    if sentence_words & MALE_WORDS and not sentence_words & FEMALE_WORDS:
        return "m"
    return name_gender(name)


def name_gender(name: str) -> str:
    first = name.split()[0]
    female, male = first in lexicon.female_names(), first in lexicon.male_names()
    return "f" if female and not male else "m" if male and not female else ""


def looks_like_person(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[-1].lower() not in lexicon.ORG_SUFFIXES | {"government", "council", "state"}


def in_answer_form(answer: str, options: list[str]) -> list[str] | None:
    """Person options written as the answer is: surnames for a surname ('Skinner'), full names
    for a full name; None when a surname cannot be told ('Lee Jae Myung' puts it first)."""
    if not all(looks_like_person(o) for o in options):
        return None
    if len(answer.split()) > 1:
        return options
    if any(o.split()[0] not in lexicon.first_names() for o in options):
        return None
    return [o.split()[-1] for o in options]
