"""Item records and their stems: a real question where the sentence allows one (a definition,
an appositive, a subject), else the sentence with a blank."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..analysis import lexicon
from ..analysis.definitions import Definition
from ..analysis.mentions import Mention
from ..analysis.text import Sentence, Token
from ..facts import Fact
from ..matching import BLANK, deletion
from ..models import AnswerKind, Item, ItemType, SourceRef, Status
from ..seeding import seeded_rng
from .cues import replaced

CITY_NOUNS = {"city", "capital", "hub", "port", "town", "centre", "center", "home", "venue", "site"}
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


def cloze_item(
    sentence: Sentence,
    start: int,
    end: int,
    kind: AnswerKind,
    context: str | None = None,
    again: tuple[tuple[int, int], ...] = (),
) -> Item:
    """The sentence with characters start..end as its deletion, and each span of `again` (where
    the sentence says the answer again: one card hides them all, as Anki does with one number)."""
    text = replaced(sentence.text, ((start, end), *again), deletion)
    return _generated(ItemType.CLOZE, sentence, start, end, kind, context, text=text)


def mcq_item(
    sentence: Sentence,
    start: int,
    end: int,
    kind: AnswerKind,
    question: str,
    wrong: list[str],
    context: str | None = None,
) -> Item:
    """The answer at characters start..end, asked by `question` with the wrong options `wrong`."""
    return _generated(ItemType.MCQ, sentence, start, end, kind, context, question=question, distractors=tuple(wrong))


def _generated(
    type: ItemType, sentence: Sentence, start: int, end: int, kind: AnswerKind, context: str | None, **fields: Any
) -> Item:
    """A fingerprinted draft of `type` whose answer is the sentence's characters start..end;
    `fields` are what the type has of its own (a cloze's text; an MCQ's question and options)."""
    answer = sentence.text[start:end]
    return fingerprinted(
        Item(
            id=item_id(type, sentence.doc_id, sentence.text, answer),
            type=type,
            status=Status.DRAFT,
            answer=answer,
            answer_kind=kind,
            source=SourceRef(sentence.doc_id, sentence.text),
            context=context,
            **fields,
        )
    )


def gapped(sentence: Sentence, start: int, end: int) -> str:
    """The sentence with a blank for characters start..end: an MCQ stem when no question fits."""
    return sentence.text[:start] + BLANK + sentence.text[end:]


VAGUE = re.compile(
    r"\b(important|useful|major|common|key|significant|great|good|critical|interesting|familiar|diverse|broad|"
    r"simple|complex|extremely|very|particular|certain|similar)\b",
    re.I,
)


def definition_question(definition: Definition, answer: str) -> str | None:
    """'What is an immobile or nearly immobile joint called?', 'Which term names a solution of a
    weak acid and its conjugate base?'; None for a definition too vague to pin one term down
    ('an extremely important process in the body') or one that hints at the answer."""
    # an aside closing the definition restates the name: '... in a single plane (around a single
    # axis)' for the uniaxial joint (judged a giveaway, round 54)
    text = re.sub(r"\s*\([^()]*\)$", "", definition.definition.rstrip(".").strip())
    if shares_stem(distinguishing(answer), text):
        return None
    if vague(text):
        return None
    one = re.match(r"^(one|any one)\s+(that|which|who|whose|where|in which)\b", text, re.I)
    if one:  # 'a long bone is one that ...' -> 'a bone that ...'
        head = lexicon.lemma(answer.split()[-1].lower())
        text = f"{'an' if head[:1] in 'aeiou' else 'a'} {head} {text[one.end(1) :].strip()}"
    text = text[:1].lower() + text[1:]
    if definition.called:
        plural = answer.split()[-1].endswith("s") and not answer.endswith("ss")
        return f"What {'are' if plural else 'is'} {text} called?"
    link = _link(definition)
    if link not in DOING:
        return f"Which term names {text}?"
    # 'Social psychology focuses on how we interact ...': the field is no name for how we
    # interact ('Which term names how we interact ...?' judged garbled); it is what focuses on it
    return f"What {link} {text}?"


DOING = {"focuses on", "deals with", "is concerned with", "involves", "consists of", "occurs when"}
"""Words after which a definition says what its term does, not what it is (of definitions.py's
'refers' pattern, which takes only these singular forms)."""


def _link(definition: Definition) -> str:
    """The words between the term and its definition in the sentence: 'is', 'focuses on'."""
    sentence = definition.sentence
    term_end = sentence.tokens[definition.term.last - 1].end - sentence.start
    at = sentence.text.find(definition.definition, term_end)
    return " ".join(sentence.text[term_end:at].strip(" ,").split()).lower() if at >= 0 else ""


LIKENED = re.compile(
    r"\b(?:somewhat|rather|much|a bit|a little|sort of|kind of) like\b|\bresembl(?:es|ing)\b|\bakin to\b", re.I
)
"""A definition by likeness: 'a mixture that is somewhat like a heavy solution' fits a suspension as well."""


def vague(definition: str) -> bool:
    """'an extremely important process in the body', 'a critical tool for ...', 'a mixture that is
    somewhat like a heavy solution': it fits too many terms to pin one down."""
    first = " ".join(definition.split()[:4])
    return bool(VAGUE.search(first) or LIKENED.search(definition)) or len(re.findall(r"[A-Za-z]{3,}", definition)) < 4


def without_abbreviation(answer: str) -> str:
    """'sodium ions' of 'sodium ions (Na+)': options take the form of the name, not of '(Na+)'."""
    return re.sub(r"\s*\([^()]*\)$", "", answer)


def distinguishing(answer: str) -> str:
    """What tells a term from its siblings: 'radioactive' of 'radioactive isotope' (the stem may
    say 'isotope'); 'Intracellular' of 'Intracellular fluid (ICF)'; the whole word of a one-word term."""
    words = without_abbreviation(answer).split()
    return " ".join(words[:-1]) if len(words) > 1 else answer


def shares_stem(answer: str, text: str) -> bool:
    """'electrons' and 'electron shells', 'long' and 'longer', 'membrane' and 'membranous': the
    text hints at the answer. 'humanism' and 'humans' are different words."""
    words = set(re.findall(r"[a-z]{4,}", text.lower()))
    return any(_same_stem(a, w) for a in re.findall(r"[a-z]{4,}", answer.lower()) for w in words)


def hints_at(answer: str, text: str) -> bool:
    """The text holds a word the answer is built on, or one built on it: 'vertebrae' for
    'intervertebral', 'specialized' for 'unspecialized', 'humans' for 'humanism', 'therapist'
    for 'psychotherapy', 'neutral' for 'neutrons'. A blank there is filled by the sentence."""
    words = set(re.findall(r"[a-z]{5,}", text.lower()))
    # a compass point is no root: not 'south' of 'South Australia' for New South Wales
    built_on = [a for a in re.findall(r"[a-z]{5,}", answer.lower()) if a not in lexicon.COMPASS]
    return any(_builds_on(a, w) for a in built_on for w in words)


def spelled_out(answer: str, rest: str) -> bool:
    """'WEIRD stands for western, educated, industrialized, rich, and democratic': the stem
    spells the acronym's letters out."""
    if not (answer.isupper() and 2 <= len(answer) <= 8 and answer.isalpha()):
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() not in {"and", "of", "the", "for", "or"}]
    initials = "".join(w[0].upper() for w in words)
    return answer in initials


def gives_away(answer: str, text: str) -> bool:
    """shares_stem or hints_at, each pair of words compared once: the text says the answer's
    word in another form, or a word built on it."""
    words = set(re.findall(r"[a-z]{4,}", text.lower()))
    return any(_gives_away(a, w) for a in re.findall(r"[a-z]{4,}", answer.lower()) for w in words)


@lru_cache(maxsize=65536)  # the same pairs come back for every stem and option of a key term
def _gives_away(a: str, w: str) -> bool:
    return _same_stem(a, w) or (len(a) >= 5 and len(w) >= 5 and _derived(a, w))


@lru_cache(maxsize=65536)  # the same pairs come back for every option of a key and every stem of a name
def _builds_on(a: str, b: str) -> bool:
    return _same_stem(a, b) or _derived(a, b)


def _derived(a: str, b: str) -> bool:
    """One word made from the other: a negation, a long shared beginning, a root inside it."""
    if any(a == negation + b for negation in ("un", "in", "non", "dis", "im", "ir", "il")):
        return True
    n = _common_prefix(a, b)
    if n >= 5 and n >= 0.7 * min(len(a), len(b)):
        return True
    return _inside(b, a) or _inside(a, b)


def _common_prefix(a: str, b: str) -> int:
    """How many letters two words open with alike."""
    shorter, n = min(len(a), len(b)), 0
    while n < shorter and a[n] == b[n]:
        n += 1
    return n


def _inside(part: str, word: str) -> bool:
    """The part's root within the word, not as its head: 'vertebr' (vertebrae) in
    'intervertebral', 'therap' (therapist) in 'psychotherapy'; but not 'protein' in
    'glycoprotein' or 'psychology' in 'biopsychology' (the word says only what it is a kind of)."""
    root = word_root(part)
    at = word.find(root)
    if len(root) < 6 or at < 0:
        return False
    return part not in word or word[at + len(root) :] not in HEAD_ENDINGS


HEAD_ENDINGS = {"", "s", "es", "e", "y", "ies", "a", "ae"}


@lru_cache(maxsize=65536)
def word_root(word: str) -> str:
    """The word without one common ending: 'therap' of 'therapist', 'vertebr' of 'vertebrae'."""
    for ending in ("ists", "ist", "isms", "ism", "ies", "ae", "es", "s", "y", "al", "ic", "ed", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 6:
            return word[: -len(ending)]
    return word


def _same_stem(a: str, b: str) -> bool:
    if lexicon.lemma(a) == lexicon.lemma(b) or lexicon.lemma(a, "a") == lexicon.lemma(b, "a"):
        return True
    return _common_prefix(a, b) >= max(6, 0.8 * min(len(a), len(b)))


def names_a_persons_nationality(fact: Fact) -> bool:
    """'_____ leader Xi Jinping': the question only asks where a named leader is from."""
    if fact.answer.kind != "group":
        return False
    return any(m.kind == "person" and 0 <= m.first - fact.answer.last <= 2 for m in fact.context)


def fingerprinted(item: Item) -> Item:
    return replace(item, fingerprint=item.content_hash())


def used_as_modifier(m: Mention) -> bool:
    """'the Atkins diet', 'against _____ influence': the name labels the noun after it."""
    tokens = m.sentence.tokens
    if m.last >= len(tokens):
        return False
    following = tokens[m.last]
    word = following.text
    if not (word.isalpha() and word.islower()):
        return False
    return following.tag in {"NN", "NNS"} or (lexicon.is_noun(word) and not following.tag.startswith("VB"))


def question_for(fact: Fact) -> str | None:
    """A wh-question when the sentence allows one, else None (the caller uses a blank)."""
    wh = WH_BY_KIND.get((fact.answer.kind, fact.answer.subtype if fact.answer.kind == "place" else ""))
    if wh is None:
        return None
    question = _appositive_question(fact.answer, wh) or _subject_question(fact.answer, wh)
    if question and wh == "Which city" and not CITY_NOUNS & set(question.lower().rstrip("?").split()[2:]):
        return None  # "Which city is a US ally?": the city stands for its government
    return question


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
    if re.search(r"(?:[,;]|\band)\s+(?:he|she)\b", rest):
        return None  # 'Who was ..., and because of ..., he is sometimes called ...?': a second clause on the answer
    rest = re.sub(r"[.!]+([\"\u201d\u2019']?)$", r"\1", rest).rstrip()  # '... Psychology.”' -> '... Psychology”'
    return f"{wh} {rest}?"
