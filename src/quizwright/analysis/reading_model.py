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
from .definitions import Definition
from .mentions import Mention
from .reading_terms import ReadingTerms, Term, find_reading_terms
from .terms import Span, term_key
from .text import Sentence, without_figure_letter

PART_OF = re.compile(
    r"\b([a-z][a-z-]+)\s*(?:\([^)]{1,30}\)\s*)?(?:(?:region|end|part|portion|section|surface|tip)\s+)?"
    r"of\s+(?:the|these|those|each|its|their)\s+([a-z-]+)(?:\s+([a-z-]+))?"
)
"""A word, perhaps a gloss in brackets and 'region' or 'end', then 'of the' and the whole (one or
two words: either may be its head)."""


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

    @cached_property
    def parts(self) -> frozenset[tuple[str, str]]:
        """(part, whole), each a lemma, wherever a sentence names a word as part of something:
        'the diaphysis (shaft) region of the long bones', 'each epiphysis (expanded end) of these
        bones' give (diaphysis, bone), (epiphysis, bone); a part of a bone is no kind of bone."""
        return frozenset(
            (lexicon.lemma(match.group(1)), lexicon.lemma(whole))
            for s in self.sentences
            for match in PART_OF.finditer(s.text.lower())
            for whole in match.groups()[1:]
            if whole
        )

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
        the key and the readings it searched besides this one; and ('wider', (key,)): the
        terms the key also is."""
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

    @cached_property  # asked for every term span a reading's candidates weigh
    def kinds_by_head(self) -> dict[str, list[str]]:
        """The key terms of two words or more by their last word ('reasoning': deductive
        reasoning, inductive reasoning), in the terms' order."""
        found: dict[str, list[str]] = defaultdict(list)
        for key in self.terms:
            if " " in key:
                found[key.split()[-1]].append(key)
        return dict(found)

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The last words of the people the reading names, in lower case: 'skinner', 'pavlov'
        (a heading's 'Pavlov, Watson, Skinner, and Behaviorism' makes them terms too)."""
        return frozenset(
            m.text.split()[-1].lower() for found in self.mentions.values() for m in found if m.kind == "person"
        )

    def most_named_words(self) -> frozenset[str]:
        """The two one-word terms the reading names most."""
        singles = sorted((t for t in self.terms.values() if " " not in t.key), key=lambda t: (-t.count, t.key))
        return frozenset(t.key for t in singles[:2])

    def topic_words(self) -> set[str]:
        """The one-word terms the reading is most about ('cyclone', 'embryo'): blanked in
        passing, any student guesses them."""
        topic = set(self.most_named_words())
        if self.expository:  # a textbook section names its subject in its title; its other terms are what it teaches
            return topic & set(self.title_key().split())
        return topic


QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|["\u201c][^"\u201d]*$')
"""A quotation, or one that runs on past the end of its sentence."""


def unquoted(text: str) -> str:
    """The sentence without what it quotes."""
    return QUOTED.sub(" ", text)


def build_reading_model(
    doc_id: str, sentences: list[Sentence], mentions: dict[int, list[Mention]], own: ReadingTerms | None = None
) -> ReadingModel:
    """own: find_reading_terms(sentences), when the document's analysis has it already."""
    if own is None:
        own = find_reading_terms(sentences)
    sentences = [without_figure_letter(s) for s in sentences]  # what items are asked from
    title = sentences[0] if sentences and sentences[0].is_heading else None
    actors = find_actors(sentences, mentions, title)
    model = ReadingModel(
        doc_id, sentences, own.words, own.terms, actors, own.definitions, mentions, own.term_spans, lists=own.lists
    )
    for sentence in sentences:
        if not sentence.is_heading:
            model.weights[sentence.index] = _sentence_weight(sentence, own.term_spans[sentence.index], model)
    return model


def _sentence_weight(sentence: Sentence, spans: list[tuple[Span, str]], model: ReadingModel) -> float:
    value = sum(model.terms[key].weight for _, key in spans)
    value += sum(model.actors[m.key].weight for m in model.mentions.get(sentence.index, []) if m.key in model.actors)
    if sentence.index in model.definitions:
        value += 5
    return round(value, 3)
