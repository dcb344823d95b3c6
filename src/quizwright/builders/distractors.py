"""Three wrong options of the same kind as the answer, never the answer in disguise."""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from ..analysis import lexicon
from ..analysis.entities import Mention
from ..facts import Fact, genus, number_value
from ..matching import occurs_in, same_entity
from .pool import Candidate, Pool, display_form, role_of, stated_nationality

COUNT = 3
# Used only when the readings name too few of a kind; well-known so that none stands out.
FALLBACK = {
    ("place", "country"): ["Russia", "India", "Germany", "France", "Vietnam", "Canada", "Australia", "Brazil"],
    ("place", "city"): ["Tokyo", "Moscow", "London", "Paris", "Hanoi", "Berlin", "Singapore", "Bangkok"],
    ("group", ""): ["Japanese", "Chinese", "American", "Russian", "Korean", "Vietnamese", "Indian", "German"],
}
# Organisations are only interchangeable within one class: a broadcaster for a broadcaster.
MEDIA = ["CCTV", "NHK", "KBS", "BBC", "CNN", "Xinhua", "Yonhap", "Reuters", "Al Jazeera", "Associated Press"]
MEDIA_CUES = {"broadcaster", "broadcasters", "network", "agency", "newspaper", "daily", "outlet", "media",
              "state-run", "state-owned", "channel", "reported", "told", "interview"}
CONSIDERED = 40
"""Names of a kind weighed per question: this many of the commonest, and as many of those
mentioned once. Plenty for three good options, and a bound, so that a book's thousands of
names do not make every question go through all of them."""
WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def choose(fact: Fact, pool: Pool, sentence: str, rng: random.Random) -> list[str] | None:
    """Three distractors for the fact, or None when there are not three good ones."""
    answer = display_form(fact.answer) if fact.kind != "term" else fact.answer.text
    if fact.answer.kind == "date":
        options = _dates(fact, rng)
    elif fact.answer.kind == "number":
        options = _numbers(fact, rng)
    elif fact.kind == "term":
        options = [_same_case(o, answer) for o in _ranked(_terms(fact, pool), rng)]
    elif fact.answer.kind == "organization":
        options = _organizations(fact, pool, rng)
    else:
        # the readings' own names first, but a name they mention once ('Venezuelan' in a story
        # on Korea and China) only after the well-known ones
        found = _entities(fact, pool)
        options = (_ranked([c for c in found if c.count > 1], rng) + _fallback(fact, rng)
                   + _ranked([c for c in found if c.count == 1], rng))
    chosen: list[str] = []
    same = _same_term if fact.kind == "term" else same_entity
    named = _countries_named(fact.context)
    peoples = _nationalities_of_people(fact, pool)
    named |= frozenset().union(*(lexicon.place_identity(n) for n in peoples))
    for option in options:
        if _acceptable(option, answer, sentence, chosen, same) and not lexicon.place_identity(option) & named \
                and not any(same_entity(option, n) for n in peoples):
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


def _acceptable(option: str, answer: str, sentence: str, chosen: list[str], same) -> bool:
    if same(option, answer) or any(same(option, c) for c in chosen):
        return False
    if len(option) > max(3 * len(answer), len(answer) + 15):
        return False  # a much longer option stands out as the odd one
    return not occurs_in(option, sentence)


def _same_term(a: str, b: str) -> bool:
    """Terms differ even when one contains the other ('organ' and 'organ system')."""
    return a.strip().lower() == b.strip().lower()


def _ranked(candidates: list[Candidate], rng: random.Random) -> list[str]:
    """Commonest first, with a seeded shuffle among near-equals so banks differ by seed."""
    weighted = sorted(candidates, key=lambda c: (-c.count * (0.75 + rng.random() / 2), c.text))
    return [c.text for c in weighted]


def _organizations(fact: Fact, pool: Pool, rng: random.Random) -> list[str]:
    """Same class only: 'Yongin University' for a university, broadcasters for 'CCTV'; else none."""
    wanted = org_class(fact.answer.text, _words_before(fact.answer, 3))
    if not wanted:
        return []
    same = _entities(fact, pool, lambda c: org_class(c.text) == wanted)
    extra = list(MEDIA) if wanted == "media" else []
    rng.shuffle(extra)
    return _ranked(same, rng) + extra


@lru_cache(maxsize=16384)
def org_class(name: str, before: tuple[str, ...] = ()) -> str:
    """'university', 'group', 'party' ... from the last word; 'media' for a known or introduced outlet."""
    last = name.split()[-1].lower()
    if last in lexicon.ORG_SUFFIXES:
        return last
    if name.removeprefix("the ") in MEDIA or MEDIA_CUES & {w.lower() for w in before}:
        return "media"
    return ""


def _words_before(m: Mention, n: int) -> tuple[str, ...]:
    return tuple(t.text for t in m.sentence.tokens[max(0, m.first - n) : m.first])


def _entities(fact: Fact, pool: Pool, accept: Callable[[Candidate], bool] = lambda c: True) -> list[Candidate]:
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


def _fallback(fact: Fact, rng: random.Random) -> list[str]:
    names = list(FALLBACK.get((fact.answer.kind, fact.answer.subtype), []))
    rng.shuffle(names)
    return names


def _same_case(option: str, answer: str) -> str:
    """'Chlorophyll' opens its sentence: its options start with a capital too."""
    if answer[:1].isupper() and option[:1].islower():
        return option[:1].upper() + option[1:]
    if answer[:1].islower() and option[:1].isupper() and option[1:2].islower():
        return option[:1].lower() + option[1:]
    return option


def _is_plural(term: str) -> bool:
    last = term.split()[-1].lower()
    return lexicon.lemma(last) != last


def _terms(fact: Fact, pool: Pool) -> list[Candidate]:
    """Terms of the same class: other organs for 'an organ that pumps blood', processes for a process."""
    plural = _is_plural(fact.answer.text)
    kind = genus(fact.definition or "")
    siblings = [c for c in pool.terms if c.key != fact.answer.key and _is_plural(c.text) == plural
                and _is_process(c.genus) == _is_process(kind)]
    # WordNet's sister processes ('iodination' for 'photosynthesis') are obscure enough to stand out
    sisters = [] if _is_process(kind) else [
        Candidate(w, f"term:{w}", "term", w, 0) for w in _cohyponyms(fact.answer.subtype, kind)
    ]
    if kind and any(c.subtype == kind for c in pool.terms):
        # the genus is itself a term of the readings ('organ'): its siblings are the wrong level
        return [c for c in siblings if c.genus == kind] + sisters
    if len(siblings) >= COUNT:
        return siblings
    return siblings + sisters


PROCESS_LEXNAMES = {"noun.act", "noun.process", "noun.event", "noun.phenomenon"}


@lru_cache(maxsize=4096)
def _is_process(word: str) -> bool:
    """'process', 'reaction', 'study': a term of this class is not interchangeable with a thing."""
    wn = lexicon.wordnet()

    synsets = wn.synsets(word, "n") if word else []
    return bool(synsets) and synsets[0].lexname() in PROCESS_LEXNAMES


def _cohyponyms(head: str, kind: str = "") -> list[str]:
    """Sister terms from WordNet ('tissue' -> 'organ', 'cell' ...), single common words only.

    With a genus ('organ'), the sense of the head that is one ('heart' the organ, not the feeling).
    """
    wn = lexicon.wordnet()

    senses = wn.synsets(head, "n")
    if kind:
        senses = [s for s in senses if kind in {lemma for h in s.closure(lambda x: x.hypernyms()) for lemma in h.lemma_names()}]
    sisters: dict[str, int] = {}
    for synset in senses[:1]:
        for parent in synset.hypernyms():
            for sister in parent.hyponyms():
                lemma = sister.lemmas()[0]
                word = lemma.name()
                if word.isalpha() and word.islower() and word in lexicon.english_words() and word != head:
                    sisters[word] = lemma.count()
    # the familiar ones first (SemCor frequency); obscure sisters make giveaway options
    return [w for w, n in sorted(sisters.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]


def _dates(fact: Fact, rng: random.Random) -> list[str]:
    text, subtype = fact.answer.text, fact.answer.subtype
    if subtype in {"year", "decade"} and text[:4].isdigit():
        year, step = int(text[:4]), 10 if subtype == "decade" else 1  # the 1950s -> the 1940s, 1960s
        near = [year + d * step for d in (-3, -2, -1, 1, 2, 3) if year + d * step <= 2100]
        rng.shuffle(near)
        return [str(y) + text[4:] for y in near]
    names = lexicon.MONTHS if subtype == "month" else lexicon.WEEKDAYS
    first = text.split()[0]
    if first not in names:
        return []
    others = [n for n in names if n != first]
    rng.shuffle(others)
    return [text.replace(first, other, 1) for other in others]


def _numbers(fact: Fact, rng: random.Random) -> list[str]:
    """Same unit, same style, similar magnitude: 'six years' -> 'four years', 'eight years'."""
    text = fact.answer.text
    first = fact.answer.words[0]
    value = number_value(first)
    if value is None:
        return []
    lead = re.match(r"^[$€£]?[\d,.]+|^[A-Za-z]+", text.lstrip("$€£"))
    if first.lower().split("-")[0] in WORD_NUMBERS:
        word = first.lower().split("-")[0]
        index = WORD_NUMBERS.index(word)
        others = [w for i, w in enumerate(WORD_NUMBERS) if i != index and abs(i - index) <= 4]
        rng.shuffle(others)
        return [_replace_number(text, word, other) for other in others]
    if lead is None:
        return []
    number = re.search(r"[\d,.]*\d", text)
    if number is None:
        return []
    if _is_age(fact.answer) and value == int(value):
        ages = [int(value) + d for d in (-15, -10, -6, 5, 8, 12) if 1 <= value + d <= 110]
        rng.shuffle(ages)
        return [text[: number.start()] + str(a) + text[number.end() :] for a in ages]  # not 198 for 99
    factors = [0.5, 0.75, 1.5, 2, 3, 0.25]
    rng.shuffle(factors)
    out = []
    for factor in factors:
        new = _format_like(number.group(), value * factor)
        if new != number.group():
            out.append(text[: number.start()] + new + text[number.end() :])
    return out


def _is_age(m: Mention) -> bool:
    """'died at age 99', 'aged 47', 'Ms. Gross, 47, is ...'."""
    tokens = m.sentence.tokens
    before = tokens[m.first - 1].text.lower() if m.first > 0 else ""
    if before in {"age", "aged", "ages"}:
        return True
    after = tokens[m.last].text if m.last < len(tokens) else ""
    return before == "," and after == "," and m.first > 1 and tokens[m.first - 2].tag == "NNP"


def _replace_number(text: str, word: str, other: str) -> str:
    pattern = re.compile(re.escape(word), re.I)
    return pattern.sub(lambda m: other.capitalize() if m.group()[0].isupper() else other, text, count=1)


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        value = round(value)
        if value == 0:
            value = 1
        return f"{value:,}" if "," in original else str(value)
    return f"{value:.{decimals}f}"
