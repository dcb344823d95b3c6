"""A reading's key terms: the part of its model that depends on its document alone (no other
reading, no mention resolved across the set), so that it can be found with the document's
analysis, in the worker that analyses it, and cached with it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import lexicon
from .definitions import Definition, find_definition
from .terms import (
    Span,
    TermCounts,
    adjective_spans,
    chunks,
    count_terms,
    keyness,
    sub_spans,
    term_key,
    words_of,
    zipf,
)
from .text import Sentence

# Nouns that say what kind of thing a passage is, never what it teaches.
META_NOUNS = {
    "example", "chapter", "section", "figure", "table", "text", "book", "course", "reader", "student",
    "page", "question", "answer", "type", "kind", "way", "part", "number", "lot", "thing", "fact",
    "case", "instance", "result", "use", "feature", "aspect", "term", "word", "category", "form",
    "variety", "amount", "degree", "level", "range", "area", "side", "end", "point", "time", "year",
    "day", "percent", "majority", "minority", "rest", "group", "role", "purpose", "reason", "idea",
    "today", "tomorrow", "yesterday", "something", "someone", "anything", "everything", "people",
}  # fmt: skip
UNITS = {
    "kilometre", "kilometer", "metre", "meter", "centimetre", "centimeter", "millimetre", "millimeter", "mile",
    "foot", "inch", "kilogram", "gram", "milligram", "tonne", "ton", "pound", "ounce", "litre", "liter", "percent",
    "dollar", "cent", "hour", "minute", "second", "day", "week", "month", "year", "decade", "century", "degree",
    "celsius", "fahrenheit", "mph", "hectare", "acre", "million", "billion", "thousand", "hundred",
}  # fmt: skip
QUANTIFIERS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "single", "several", "various",
    "many", "few", "certain", "other", "different", "same", "such", "new", "major", "main", "important", "specific",
    "particular", "similar", "whole", "entire", "total", "overall", "general", "first", "second", "third", "last",
    "next", "previous", "following", "additional", "further", "multiple", "numerous", "own", "precise", "exact",
}  # fmt: skip
GENERIC_PEOPLE = {
    "researcher", "scientist", "expert", "grower", "farmer", "official", "people", "person", "child", "student",
    "patient", "author", "team", "member", "worker", "resident", "citizen", "american", "individual", "participant",
    "colleague", "leader", "man", "woman", "baby", "adult", "subject", "doctor", "psychologist", "infant",
    "clinician", "therapist", "practitioner",
}  # fmt: skip
COMMON_ZIPF = 4.6
"""A single noun this common in general English ('body', 'system') is filler unless the
reading defines it or puts it in a heading."""
GENERIC_ADJECTIVE_ZIPF = 4.9
"""An adjective this common ('new', 'large') makes a free combination, not a term, unless the
reading defines the phrase or puts it in a heading."""
TECHNICAL_ZIPF = 2.3
"""A word rarer than this ('pinocytosis', 'oligopotent') is a term even said once."""


@dataclass(frozen=True)
class Term:
    """A key concept of one reading."""

    key: str
    """terms.term_key: 'synovial joint'."""
    text: str
    """How the reading writes it most often."""
    count: int
    """Occurrences in the reading, as itself or inside a longer term."""
    weight: float
    """Keyness (terms.keyness), with bonuses for a definition or a heading."""
    defined: bool = False
    in_heading: bool = False
    adjective: bool = False
    genus: str = ""
    """The class the reading's definition puts it in ('a substance composed of ...' -> substance)."""


@dataclass(frozen=True)
class ReadingTerms:
    """What a reading's model takes from its document alone, no other reading and no mention
    resolved across the set: found with the document's analysis (in the worker that analyses
    it, and cached with it), so that planning a set does not count every reading's terms in
    one process."""

    words: int
    definitions: dict[int, Definition]
    """By sentence index."""
    terms: dict[str, Term]
    """Key terms by key, the weightiest first."""
    term_spans: dict[int, list[tuple[Span, str]]]
    """By sentence index: where each key term stands."""
    lists: dict[str, set[str]]
    """Term key -> the keys the reading lists it with."""


def find_reading_terms(sentences: list[Sentence]) -> ReadingTerms:
    definitions = {s.index: d for s in sentences if not s.is_heading and (d := find_definition(s)) is not None}
    words = sum(1 for s in sentences for t in s.tokens if any(c.isalnum() for c in t.text))
    # a headline repeated as the first line of the text is one heading, not two
    distinct = [
        s for n, s in enumerate(sentences) if not (s.is_heading and any(p.text == s.text for p in sentences[:n]))
    ]
    chunked = {s.index: chunks(s) for s in sentences}  # once a sentence: counting and placing terms both need them
    terms = key_terms(count_terms(distinct, chunked), definitions, budget=10 + words // 40)
    spans: dict[int, list[tuple[Span, str]]] = {}
    lists: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        spans[sentence.index] = term_spans(sentence, terms, chunked[sentence.index])
        for run in coordinated_runs(sentence, spans[sentence.index]):
            for key in run:
                lists[key] |= set(run) - {key}
    return ReadingTerms(words, definitions, terms, spans, dict(lists))


def key_terms(found: TermCounts, definitions: dict[int, Definition], budget: int) -> dict[str, Term]:
    """The weightiest `budget` candidate terms, and every term the reading defines."""
    defined = {d.key: d for d in definitions.values()}
    terms = []
    for key, count in found.counts.items():
        is_defined, in_heading = key in defined, key in found.in_heading
        if " " in key and _generic_modifier(key) and not (is_defined or in_heading):
            continue
        form = found.form(key)
        weight = term_weight(key, count, found.tokens, is_defined, in_heading, key in found.adjectives, form)
        if weight <= 0:
            continue
        definition = defined.get(key)
        terms.append(
            Term(key, form, count, round(weight, 4), is_defined, in_heading, key in found.adjectives,
                 definition.genus if definition else "")
        )  # fmt: skip
    terms.sort(key=lambda t: (-t.weight, t.key))
    kept = {t.key: t for t in terms[:budget]} | {t.key: t for t in terms if t.defined}
    return dict(sorted(kept.items(), key=lambda kv: (-kv[1].weight, kv[0])))


def term_weight(key: str, count: int, tokens: int, defined: bool, heading: bool, adjective: bool, form: str) -> float:
    """How key a candidate is; 0 for filler ('body', 'large number', 'researchers', 'kilometres')."""
    words = key.split()
    head = words[-1]
    # under three letters a stray ('s', 'ad'), unless defined and written as a symbol is ('pH')
    short = len(head) < 3 and not (defined and form[:1].islower() and not form.islower())
    if short or words[0] in QUANTIFIERS or (len(words) == 1 and (head in META_NOUNS or head in UNITS)):
        return 0.0
    if len(words) > 1 and (words[0] in META_NOUNS or (head in META_NOUNS and zipf(words[0]) >= 4.0 and not defined)):
        return 0.0  # 'example cell', 'large number'; but 'atomic number' is a term
    if len(words) == 1 and head in GENERIC_PEOPLE:
        return 0.0  # 'researchers', 'patients': who says it, not what the reading teaches
    if (
        len(words) == 1
        and not (defined or heading)
        and (zipf(head) >= COMMON_ZIPF or (zipf(head) >= 4.0 and count < 3))
    ):
        return 0.0  # filler: 'body', 'system'
    if not (defined or heading) and count < 2 and not _technical(words):
        return 0.0  # said once: a free combination, or a word the writer reached for
    weight = keyness(count, form.lower(), tokens)
    if defined:
        weight = weight * 1.5 + 4.0
    if heading:
        weight = weight * 1.3 + 1.0
    if len(words) > 1:
        weight *= 1.15
    if adjective:
        weight *= 0.8
    return weight


def _technical(words: list[str]) -> bool:
    return min(zipf(w) for w in words) < TECHNICAL_ZIPF and all(len(w) > 3 for w in words)


def _generic_modifier(key: str) -> bool:
    first = key.split()[0]
    return zipf(first) >= GENERIC_ADJECTIVE_ZIPF and not lexicon.is_noun(first)


def term_spans(sentence: Sentence, terms: dict[str, Term], chunked: list[Span]) -> list[tuple[Span, str]]:
    """Where key terms stand in the sentence, the longest match in each phrase, never overlapping.
    chunked: the sentence's chunks()."""
    found: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for span in chunked + adjective_spans(sentence):
        for sub in sub_spans(span):  # longest first
            key = term_key(words_of(sentence, sub))
            if key in terms and not taken & set(range(sub.first, sub.last)):
                found.append((sub, key))
                taken |= set(range(sub.first, sub.last))
                break
    return sorted(found, key=lambda pair: pair[0].first)


def coordinated_runs(sentence: Sentence, spans: list[tuple[Span, str]]) -> list[list[str]]:
    """Runs of terms joined by commas and 'and'/'or': 'oxygen, carbon, hydrogen, and nitrogen'."""
    joiners = {",", "and", "or", "as", "well", "the", "a", "an"}
    runs: list[list[str]] = []
    current: list[str] = []
    previous_end = -1
    for span, key in spans:
        between = [t.text.lower() for t in sentence.tokens[previous_end : span.first]] if previous_end >= 0 else []
        if between and set(between) <= joiners and {",", "and", "or"} & set(between):
            current.append(key)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = [key]
        previous_end = span.last
    if len(current) >= 2:
        runs.append(current)
    return runs
