"""Facts -> multiple-choice and cloze items, with stems that read as real questions."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace

from ..analysis import lexicon
from ..analysis.mentions import Mention
from ..analysis.text import Token
from ..facts import Fact
from ..matching import BLANK, deletion
from ..models import AnswerKind, Item, ItemType, SourceRef, Status
from ..seeding import seeded_rng
from . import distractors
from .pool import Pool, display_form

CITY_NOUNS = {"city", "capital", "hub", "port", "town", "centre", "center", "home", "venue", "site"}
NAMED_KINDS = {AnswerKind.PERSON, AnswerKind.PLACE, AnswerKind.ORGANIZATION, AnswerKind.GROUP}
COPULAS = {"is", "was", "are", "were", "remains", "remained", "became", "becomes"}
WH_BY_KIND = {
    ("person", ""): "Who",
    ("place", "country"): "Which country",
    ("place", "city"): "Which city",
    ("organization", ""): "Which organization",
}


def item_id(kind: ItemType, doc: str, sentence: str, answer: str) -> str:
    digest = hashlib.sha256(f"{kind}\n{doc}\n{sentence}\n{answer}".encode()).hexdigest()
    return f"{kind}-{digest[:8]}"


def item_rng(seed: int, item: str) -> random.Random:
    return seeded_rng(seed, item, separator=":")


def answer_span(fact: Fact) -> tuple[int, int]:
    """Offsets of the answer inside its sentence text (with 'the' where the option carries it)."""
    m = fact.answer
    s = m.sentence
    start, end = m.tokens[0].start - s.start, m.tokens[-1].end - s.start
    if fact.kind != AnswerKind.TERM and display_form(m).startswith("the ") and m.first > 0:
        start = s.tokens[m.first - 1].start - s.start
    return start, end


def build_cloze(fact: Fact) -> Item:
    s = fact.answer.sentence
    start, end = answer_span(fact)
    answer = s.text[start:end]
    text = s.text[:start] + deletion(answer) + s.text[end:]
    return _fingerprinted(
        Item(
            id=item_id(ItemType.CLOZE, s.doc_id, s.text, answer),
            type=ItemType.CLOZE,
            status=Status.DRAFT,
            answer=answer,
            answer_kind=fact.kind,
            source=SourceRef(s.doc_id, s.text),
            text=text,
        )
    )


def build_mcq(fact: Fact, pool: Pool, seed: int) -> Item | None:
    s = fact.answer.sentence
    if distractors.gives_itself_away(fact) or _names_a_persons_nationality(fact):
        return None
    start, end = answer_span(fact)
    answer = s.text[start:end]
    ident = item_id(ItemType.MCQ, s.doc_id, s.text, answer)
    rest = s.text[:start] + " " + s.text[end:]  # a distractor may be part of the answer, not elsewhere
    wrong = distractors.choose(fact, pool, rest, item_rng(seed, ident))
    if wrong is None:
        return None
    question = question_for(fact)
    if question is None:
        if _used_as_modifier(fact.answer) and fact.answer.kind == "place":
            return None  # "against _____ influence": only the answer's own word fits the gap
        if not any(m.kind in NAMED_KINDS for m in fact.context) and fact.answer.kind in NAMED_KINDS:
            return None  # "One of the most sensitive topics is _____": nothing pins one option down
        question = s.text[:start] + BLANK + s.text[end:]
    return _fingerprinted(
        Item(
            id=ident,
            type=ItemType.MCQ,
            status=Status.DRAFT,
            answer=answer,
            answer_kind=fact.kind,
            source=SourceRef(s.doc_id, s.text),
            question=question,
            distractors=tuple(wrong),
        )
    )


def _names_a_persons_nationality(fact: Fact) -> bool:
    """'_____ leader Xi Jinping': the question only asks where a named leader is from."""
    if fact.answer.kind != "group":
        return False
    return any(m.kind == "person" and 0 <= m.first - fact.answer.last <= 2 for m in fact.context)


def _fingerprinted(item: Item) -> Item:
    return replace(item, fingerprint=item.content_hash())


def _used_as_modifier(m: Mention) -> bool:
    tokens = m.sentence.tokens
    return m.last < len(tokens) and tokens[m.last].tag in {"NN", "NNS"} and tokens[m.last].text.islower()


def question_for(fact: Fact) -> str | None:
    """A wh-question when the sentence allows one, else None (the caller uses a blank)."""
    if fact.definition is not None:
        return _definition_question(fact)
    wh = WH_BY_KIND.get((fact.answer.kind, fact.answer.subtype if fact.answer.kind == "place" else ""))
    if wh is None:
        return None
    question = _appositive_question(fact.answer, wh) or _subject_question(fact.answer, wh)
    if question and wh == "Which city" and not CITY_NOUNS & set(question.lower().rstrip("?").split()[2:]):
        return None  # "Which city is a US ally?": the city stands for its government
    return question


def _definition_question(fact: Fact) -> str:
    definition = fact.definition or ""
    m = fact.answer
    sentence = m.sentence.text.strip()
    if sentence.lower().startswith(definition.lower()):  # "... is called X"
        verb = "are" if m.words[-1].endswith("s") and not m.words[-1].endswith("ss") else "is"
        return f"What {verb} {definition[0].lower()}{definition[1:]} called?"
    return f"Which term names {definition}?"


def _appositive_question(m: Mention, wh: str) -> str | None:
    """'China, as South Korea's largest trading partner, wields ...' -> 'Which country is
    South Korea's largest trading partner?'"""
    tokens = m.sentence.tokens
    i = m.last
    if i >= len(tokens) or tokens[i].text != ",":
        return None
    i += 1
    if i < len(tokens) and tokens[i].text.lower() == "as":
        i += 1
    if i >= len(tokens) or not _opens_description(tokens, i):
        return None
    j = i
    while j < len(tokens) and tokens[j].text not in {",", ".", ";", ":", "--"}:
        if tokens[j].tag.startswith("VB") or (tokens[j].tag in {"WDT", "WP", "IN"} and tokens[j].text in CLAUSE_WORDS):
            return None
        j += 1
    if j >= len(tokens) or not 2 <= j - i <= 9 or not any(t.tag.startswith("NN") for t in tokens[i:j]):
        return None
    if not any(t.tag in {"NNP", "NNPS"} for t in tokens[i:j]):
        return None  # "Who is the center's director?": out of its text, which center is anyone's guess
    s = m.sentence
    phrase = s.text[tokens[i].start - s.start : tokens[j - 1].end - s.start]
    return f"{wh} is {phrase}?"


CLAUSE_WORDS = {"that", "which", "who", "whom", "whose", "where", "when", "albeit", "although", "while"}


def _opens_description(tokens: tuple[Token, ...], i: int) -> bool:
    """'a professor at ...', 'the financial hub ...', "South Korea's largest ...", 'head of ...'."""
    word = tokens[i].text.lower()
    if word in {"a", "an", "the"}:
        return True
    if tokens[i].tag == "NNP" and i + 1 < len(tokens) and tokens[i + 1].text == "'s":
        return True
    return word in lexicon.PERSON_ROLES


def _subject_question(m: Mention, wh: str) -> str | None:
    """'The United States is South Korea's key military ally ...' -> 'Which country is ...?'"""
    tokens = m.sentence.tokens
    first = m.first - 1 if m.first == 1 and tokens[0].text.lower() == "the" else m.first
    if first != 0 or m.last >= len(tokens):
        return None
    verb = tokens[m.last]
    if not (verb.tag.startswith("VB") or verb.tag == "MD"):
        return None
    if wh != "Who" and verb.text.lower() not in COPULAS:
        return None  # "Beijing sees ..." means its government; ask with a blank instead
    s = m.sentence
    rest = s.text[verb.start - s.start :].rstrip()
    rest = rest.rstrip(".!").rstrip()
    return f"{wh} {rest}?"
