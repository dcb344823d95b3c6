"""A quality score per item, and the best items per document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..facts import Fact, words_of
from ..matching import BLANK
from ..models import AnswerKind, Item, ItemType

KIND_WEIGHT = {
    AnswerKind.PERSON: 0.85,
    AnswerKind.PLACE: 0.7,
    AnswerKind.ORGANIZATION: 0.75,
    AnswerKind.DATE: 0.85,
    AnswerKind.NUMBER: 0.85,
    AnswerKind.GROUP: 0.45,
    AnswerKind.TERM: 0.6,
}
GUESSABLE = 25
"""An answer the readings mention this often is what a student guesses anyway."""


def score(item: Item, fact: Fact, position: float, salience: int) -> float:
    """0..1: what is asked (kind, definition), how it is asked, and where the sentence stands."""
    value = KIND_WEIGHT.get(fact.kind, 0.5)
    if fact.definition is not None:
        value = 0.95
    if item.type == ItemType.MCQ and item.question and BLANK not in item.question:
        value += 0.1  # a real question reads better than a gapped sentence
    words = len(words_of(fact.answer.sentence))
    if 12 <= words <= 32:
        value += 0.05
    if position < 0.4:
        value += 0.05  # the lead states the main facts
    value += min(salience, 10) * 0.01
    asks_relation = item.type == ItemType.MCQ and item.question is not None and BLANK not in item.question
    if salience > GUESSABLE and not asks_relation:
        value -= 0.15
    if '"' in fact.answer.sentence.text or "\u201c" in fact.answer.sentence.text:
        value -= 0.05  # quotations read less well out of context
    return round(min(value, 1.0), 3)


def select(
    scored: list[tuple[Item, str]],
    per_type: dict[str, int],
    used: dict[str, list[frozenset[str]]],
    max_per_answer: int = 2,
    max_in_bank: int = 3,
    max_share_per_kind: float = 0.4,
) -> list[Item]:
    """Best-first per type, at most one item per sentence and a few per answer.

    `scored` holds (item, answer key) for one document, items already carrying a score;
    `used` maps each answer key chosen so far (in earlier documents too) to the words of the
    sentences it was asked from, and is updated.
    """
    ordered = sorted(scored, key=lambda pair: (-(pair[0].score or 0), pair[0].id))
    kind_cap = max(2, round(max_share_per_kind * sum(per_type.values())))
    # first a varied selection, then the best of the rest if slots remain
    taken = _pick(ordered, per_type, used, max_per_answer, max_in_bank, kind_cap, [])
    taken = _pick(ordered, per_type, used, max_per_answer, max_in_bank, None, taken)
    return sorted(taken, key=lambda item: (item.type != ItemType.MCQ, -(item.score or 0), item.id))


def _pick(
    ordered: list[tuple[Item, str]],
    per_type: dict[str, int],
    used: dict[str, list[frozenset[str]]],
    max_per_answer: int,
    max_in_bank: int,
    kind_cap: int | None,
    taken: list[Item],
) -> list[Item]:
    taken = list(taken)
    chosen = {item.id for item in taken}
    keys = {item.id: key for item, key in ordered}
    sentences = {item.source.sentence for item in taken}
    answers = Counter(keys[item.id] for item in taken)
    per_type_count = Counter(item.type for item in taken)
    per_kind = Counter(item.answer_kind for item in taken)
    for item, key in ordered:
        if item.id in chosen or (kind_cap is not None and per_kind[item.answer_kind] >= kind_cap):
            continue
        if per_type_count[item.type] >= per_type.get(item.type, 0):
            continue
        if item.source.sentence in sentences or answers[key] >= max_per_answer or len(used.get(key, [])) >= max_in_bank:
            continue
        words = sentence_words(item.source.sentence)
        if any(near_duplicate(words, earlier) for earlier in used.get(key, [])):
            continue  # the same fact told again by another reading
        taken.append(item)
        chosen.add(item.id)
        sentences.add(item.source.sentence)
        answers[key] += 1
        used.setdefault(key, []).append(words)
        per_kind[item.answer_kind] += 1
        per_type_count[item.type] += 1
    return taken


def sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", sentence.lower()) if len(w) > 3)


def near_duplicate(a: frozenset[str], b: frozenset[str], threshold: float = 0.35) -> bool:
    """Two sentences sharing most of their content words ask the same thing."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= threshold


def with_score(item: Item, value: float) -> Item:
    return replace(item, score=value)
