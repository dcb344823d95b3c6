"""How text is matched: one name written several ways, a phrase standing in a sentence, and
the two markers items carry (the MCQ blank and the cloze deletion).

The builders use these to keep a wrong option from being the answer in disguise; validate
uses the same ones to check a bank, and the exporters to read clozes, so the generator and
the checker can never disagree about what counts as "the same name".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

BLANK = "_____"
"""The gap in an MCQ stem made from a sentence ("... since _____, highlighting ...")."""
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
"""A cloze deletion, {{cN::answer}} or {{cN::answer::hint}}; it may span a line break."""
NAME_RUN = re.compile(r"[A-Z][\w.\-]*(?:\s+(?:of\s+)?[A-Z][\w.\-]*)*")
"""A run of capitalised words ('Republic of Korea'), where a name may hide in a sentence."""
LEADING_THE = re.compile(r"^the\s+", re.I)
NOT_A_LETTER_OR_DIGIT = re.compile(r"[\W_]")


def sentence_at(text: str, sentence: str) -> int:
    """Where a reading holds an item's source sentence: its offset in `text`, or -1. A sentence
    asked from its term on ('Active transport is the movement ...' of 'In contrast, active
    transport is the movement ...', builders/term_candidates.py) opens with a capital the reading
    does not have there."""
    at = text.find(sentence)
    if at < 0 and sentence[:1].isupper():
        at = text.find(sentence[:1].lower() + sentence[1:])
    return at


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Spelling-insensitive key: 'Lee Jae-myung' and 'Lee Jae Myung' give the same key."""
    return NOT_A_LETTER_OR_DIGIT.sub("", LEADING_THE.sub("", text.strip()).lower())


@lru_cache(maxsize=65536)
def same_entity(a: str, b: str) -> bool:
    """Variants of one name: 'US'/'U.S.'/'the United States', 'Lee'/'Lee Jae-myung'."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb or ka == kb:
        return True
    wa, wb = _word_keys(a), _word_keys(b)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return _acronym(a) in {kb} or _acronym(b) in {ka}


def _word_keys(text: str) -> set[str]:
    words = {name_key(w) for w in text.replace("-", " ").split()}
    return {w for w in words if w and w != "the"}


def _acronym(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w[:1].isupper() and w.lower() != "the"]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


@lru_cache(maxsize=65536)
def whole_words(phrase: str, flags: int = 0) -> re.Pattern[str]:
    """The phrase as a pattern that matches it only as whole words ('cell' not in 'cells').
    Compiled once a phrase: a build asks about thousands of answers and options, and re's own
    cache of 512 patterns compiled most of them again and again."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", flags)


def occurs_in(phrase: str, text: str) -> bool:
    """Does the phrase (or its spelling variant) stand in the text as whole words?"""
    plain = re.sub(r"^the\s+", "", phrase, flags=re.I)
    if whole_words(plain, re.I).search(text):
        return True
    if plain.islower():
        return False  # common words: whole-word match only ('cell' is not in 'cells')
    key = name_key(plain)  # names: also 'Lee Jae Myung' in 'Lee Jae-myung', 'U.S.' in 'United States'
    if len(key) > 3 and key in name_key(text):
        return True
    return any(same_entity(plain, name) for name in NAME_RUN.findall(text))


@dataclass(frozen=True)
class Deletion:
    """One `{{cN::answer::hint}}` marker of a cloze text."""

    number: int
    answer: str
    hint: str | None = None


def split_cloze(text: str) -> list[str | Deletion]:
    """The cloze text as plain pieces and deletions, in order."""
    parts: list[str | Deletion] = []
    pos = 0
    for match in CLOZE.finditer(text):
        parts.append(text[pos : match.start()])
        parts.append(Deletion(int(match.group(1)), match.group(2), match.group(3)))
        pos = match.end()
    parts.append(text[pos:])
    return [p for p in parts if p != ""]


def deletion(answer: str) -> str:
    """The cloze marker around an answer: {{c1::answer}}."""
    return "{{c1::" + answer + "}}"
