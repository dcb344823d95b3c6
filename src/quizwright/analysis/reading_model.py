"""What a reading is about: its key terms, its main actors, and how much of that each sentence
carries. Built once per document from its sentences, their mentions and its definitions."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import lexicon
from .actors import Actor, find_actors
from .definitions import Definition, find_definition
from .mentions import Mention
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


@dataclass
class ReadingModel:
    """The model of one document: what it is about, sentence by sentence."""

    doc_id: str
    sentences: list[Sentence]
    """In document order: sentences[i].index == i."""
    words: int
    terms: dict[str, Term]
    """Key terms by key, the weightiest first."""
    actors: dict[str, Actor]
    """By entity key, the weightiest first."""
    definitions: dict[int, Definition]
    """By sentence index."""
    mentions: dict[int, list[Mention]]
    """By sentence index, resolved across the set."""
    term_spans: dict[int, list[tuple[Span, str]]] = field(default_factory=dict)
    """By sentence index: where each key term stands (the longest match, whole phrases)."""
    weights: dict[int, float] = field(default_factory=dict)
    """By sentence index (headings have none): how much of what the reading is about the sentence carries."""
    lists: dict[str, set[str]] = field(default_factory=dict)
    """Term key -> the keys the reading lists it with ('oxygen, carbon, hydrogen, and nitrogen')."""

    @cached_property
    def phrases(self) -> frozenset[str]:
        """Every run of two to six words in the reading, in lower case: to look a phrase up in
        once per distractor, not by scanning the text ('integral membrane')."""
        found: set[str] = set()
        for s in self.sentences:
            words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", s.text.lower())
            found.update(" ".join(words[i : i + n]) for n in range(2, 7) for i in range(len(words) - n + 1))
        return frozenset(found)

    def position(self, index: int) -> float:
        """Where a sentence stands among the reading's sentences that are not headings: 0 first, 1 last."""
        return self._positions.get(index, 0.0)

    @cached_property
    def _positions(self) -> dict[int, float]:
        body = self.body_indexes()
        return {index: n / max(len(body) - 1, 1) for n, index in enumerate(body)}

    def body_indexes(self) -> list[int]:
        return [s.index for s in self.sentences if not s.is_heading]

    @property
    def expository(self) -> bool:
        """A textbook section or handout: it defines its terms."""
        return len(self.definitions) >= 2

    @cached_property  # asked for every candidate: counted once
    def speech_like(self) -> bool:
        """First person throughout, outside quotations: an address, whose words are rhetoric more
        often than facts. A report quoting the people in it ('"We believe ...," she said') is not one."""
        words = [w for s in self.sentences for w in re.findall(r"[a-z]+", unquoted(s.text).lower())]
        first_person = sum(w in {"we", "our", "us", "i", "my", "me"} for w in words)
        return first_person > 0.02 * max(len(words), 1)

    def title_key(self) -> str:
        """The reading's title as a term key ('contemporary psychology'), or ''."""
        return self._title_key

    @cached_property  # asked for every pair of terms a distractor search weighs
    def _title_key(self) -> str:
        title = self.sentences[0] if self.sentences and self.sentences[0].is_heading else None
        return term_key(title.text.split()) if title and title.text.strip() else ""

    @cached_property
    def option_memo(self) -> dict[tuple[str, tuple[str, ...]], Any]:
        """What the distractor search found for a key term (builders/distractors/terms.py), by
        the key and the readings it searched besides this one."""
        return {}

    def definitions_of(self, key: str) -> str:
        """What the reading's definitions of a term say, in lower case, one after another."""
        return self._definition_texts.get(key, "")

    @cached_property
    def _definition_texts(self) -> dict[str, str]:
        texts: dict[str, list[str]] = defaultdict(list)
        for d in self.definitions.values():
            texts[d.key].append(d.definition.lower())
        return {key: " ".join(found) for key, found in texts.items()}

    def protagonists(self) -> set[str]:
        """The person the reading names far more than anyone else, and their country (keys):
        'South Korea's President ___', '___ wants stronger trade ties' in a report on South
        Korea's president ask what every student knows."""
        return self._protagonists[0]

    def is_protagonists_country(self, name: str) -> bool:
        """'South Korea' where the protagonist is called 'South Korean President Lee'."""
        return bool(lexicon.place_identity(name) & self._protagonists[1])

    @cached_property  # asked for every mention: found once
    def _protagonists(self) -> tuple[set[str], frozenset[str]]:
        ranked = sorted((a for a in self.actors.values() if a.kind == "person"), key=lambda a: (-a.count, a.key))
        if not (ranked and ranked[0].count >= 3 and (len(ranked) == 1 or ranked[0].count >= 1.5 * ranked[1].count)):
            return set(), frozenset()
        person = ranked[0].key
        country = [  # named right before the protagonist: 'South Korea's President Lee'
            x
            for mentions in self.mentions.values()
            for m in mentions
            if m.key == person
            for x in mentions
            if x.kind in {"place", "group"} and x.sentence is m.sentence and 0 <= m.first - x.last <= 3
        ]
        identities = frozenset().union(*(lexicon.place_identity(x.text) for x in country))
        return {person} | {x.key for x in country}, identities

    def topic_words(self) -> set[str]:
        """The one-word terms the reading is most about ('cyclone', 'embryo'): blanked in
        passing, any student guesses them."""
        singles = sorted((t for t in self.terms.values() if " " not in t.key), key=lambda t: (-t.count, t.key))
        topic = {t.key for t in singles[:2]}
        if self.expository:  # a textbook section names its subject in its title; its other terms are what it teaches
            return topic & set(self.title_key().split())
        return topic


QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|["\u201c][^"\u201d]*$')
"""A quotation, or one that runs on past the end of its sentence."""


def unquoted(text: str) -> str:
    """The sentence without what it quotes."""
    return QUOTED.sub(" ", text)


def build_reading_model(doc_id: str, sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> ReadingModel:
    definitions = {s.index: d for s in sentences if not s.is_heading and (d := find_definition(s)) is not None}
    words = sum(1 for s in sentences for t in s.tokens if any(c.isalnum() for c in t.text))
    # a headline repeated as the first line of the text is one heading, not two
    distinct = [
        s for n, s in enumerate(sentences) if not (s.is_heading and any(p.text == s.text for p in sentences[:n]))
    ]
    terms = key_terms(count_terms(distinct), definitions, budget=10 + words // 40)
    title = sentences[0] if sentences and sentences[0].is_heading else None
    model = ReadingModel(
        doc_id, sentences, words, terms, find_actors(sentences, mentions, title), definitions, mentions
    )
    lists: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        spans = term_spans(sentence, terms)
        model.term_spans[sentence.index] = spans
        for run in coordinated_runs(sentence, spans):
            for key in run:
                lists[key] |= set(run) - {key}
        if not sentence.is_heading:
            model.weights[sentence.index] = _sentence_weight(sentence, spans, model)
    model.lists = dict(lists)
    return model


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
    if len(head) < 3 or words[0] in QUANTIFIERS or (len(words) == 1 and (head in META_NOUNS or head in UNITS)):
        return 0.0
    if len(words) > 1 and (words[0] in META_NOUNS or (head in META_NOUNS and zipf(words[0]) >= 4.0)):
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


def term_spans(sentence: Sentence, terms: dict[str, Term]) -> list[tuple[Span, str]]:
    """Where key terms stand in the sentence, the longest match in each phrase, never overlapping."""
    found: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for span in chunks(sentence) + adjective_spans(sentence):
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


def _sentence_weight(sentence: Sentence, spans: list[tuple[Span, str]], model: ReadingModel) -> float:
    value = sum(model.terms[key].weight for _, key in spans)
    value += sum(model.actors[m.key].weight for m in model.mentions.get(sentence.index, []) if m.key in model.actors)
    if sentence.index in model.definitions:
        value += 5
    return round(value, 3)
