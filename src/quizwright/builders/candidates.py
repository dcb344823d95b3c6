"""One document's candidate items: every valid item its usable sentences give, scored.

Items depend on nothing but their own fact, the set-wide Context and the seed, so the
documents of a set can be done in any order and in any process (pipeline.build_items).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import facts as fact_rules
from ..analysis.mentions import Mention
from ..analysis.text import Sentence
from ..checks import item_problems
from ..models import AnswerKind, Item
from . import ranking
from .items import build_cloze, build_mcq
from .pool import Pool

SentenceKey = tuple[str, int]
"""(document id, sentence index): a sentence anywhere in the set."""


@dataclass(frozen=True)
class Context:
    """What every document's items are built from: the whole set's analysis, read-only."""

    usable: set[SentenceKey]
    """Sentences worth asking about (facts.usable, and not a repeat)."""
    by_sentence: dict[SentenceKey, list[Mention]]
    """Each sentence's mentions, resolved across the set."""
    definitions: dict[SentenceKey, list[fact_rules.Fact]]
    """The defined-term facts of each usable sentence."""
    term_counts: Counter[str]
    """How often each noun-phrase head occurs in the set (facts.key_term_counts)."""
    singled_out: set[str]
    """Terms an author defined or put in a heading."""
    pool: Pool
    """Where distractors come from."""
    salience: Counter[str]
    """Mentions per entity key across the set."""
    seed: int


@dataclass(frozen=True)
class Candidates:
    """One document's valid items, scored, before the best are chosen."""

    scored: list[tuple[Item, str]]
    """Each item with the key of its answer (ranking.select keeps few per answer)."""
    usable: int
    """The document's sentences worth asking about."""
    rejected: int
    """Items generated but failing validation."""


def candidates(sentences: list[Sentence], context: Context) -> Candidates:
    """Every valid item the document's usable sentences give, scored."""
    scored: list[tuple[Item, str]] = []
    considered = rejected = 0
    for sentence in sentences:
        key = (sentence.doc_id, sentence.index)
        if key not in context.usable:
            continue
        considered += 1
        facts = _facts_for(
            sentence,
            context.by_sentence.get(key, []),
            context.definitions.get(key, []),
            context.term_counts,
            context.singled_out,
        )
        position = sentence.index / max(len(sentences), 1)
        for fact in facts:
            for item in _items_for(fact, context.pool, context.seed):
                if item_problems(item):
                    rejected += 1
                    continue
                value = ranking.score(item, fact, position, context.salience[fact.answer.key])
                scored.append((ranking.with_score(item, value), fact.answer.key))
    return Candidates(scored, considered, rejected)


def _facts_for(
    sentence: Sentence,
    mentions: list[Mention],
    definitions: list[fact_rules.Fact],
    term_counts: Counter[str],
    singled_out: set[str],
) -> list[fact_rules.Fact]:
    facts = list(definitions) + fact_rules.entity_facts(sentence, mentions)
    taken = {(m.first, m.last) for m in mentions} | {(f.answer.first, f.answer.last) for f in definitions}
    if not definitions:
        facts += fact_rules.term_facts(sentence, term_counts, taken, singled_out)
    return facts


def _items_for(fact: fact_rules.Fact, pool: Pool, seed: int) -> list[Item]:
    items = []
    if fact.kind != AnswerKind.TERM or fact.definition is not None:
        mcq = build_mcq(fact, pool, seed)
        if mcq is not None:
            items.append(mcq)
    if fact.definition is None or not items:  # a definition with no fair options is still worth a blank
        items.append(build_cloze(fact))
    return items
