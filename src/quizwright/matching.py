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
FOLDS_APART = re.compile("[\u0130\u0131\u017f]")
"""The letters that re.IGNORECASE takes for an ASCII letter their str.lower() is not ('İ', 'ı', 'ſ')."""
NOT_A_LETTER_OR_DIGIT = re.compile(r"[\W_]")


FIGURE_LETTER = r"\s+\((?:see )?[a-z]\)"
"""A figure's panel letter in brackets: ' (a)', ' (see b)'."""
SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]*$")
FIGURE_TAIL = re.compile(FIGURE_LETTER + "(?=" + SENTENCE_END.pattern + ")")
"""A figure's panel letter before a sentence's final stop: '... in solution (a).'"""


def sentence_at(text: str, sentence: str) -> int:
    """Where a reading holds an item's source sentence: its offset in `text`, or -1. A sentence
    asked from its term on ('Active transport is the movement ...' of 'In contrast, active
    transport is the movement ...', builders/term_candidates.py) opens with a capital the reading
    does not have there; one asked without the figure letter that closes it (FIGURE_TAIL) ends
    without it."""
    for written in dict.fromkeys((sentence, sentence[:1].lower() + sentence[1:])):
        at = text.find(written)
        if at < 0 and (end := SENTENCE_END.search(written)) is not None:
            pattern = re.escape(written[: end.start()]) + FIGURE_LETTER + re.escape(end.group())
            found = re.search(pattern, text)
            at = found.start() if found else -1
        if at >= 0:
            return at
    return -1


class CaseBlind:
    """A case-insensitive search over many phrases, as re.IGNORECASE finds them, faster.

    Under IGNORECASE, Python's re drops its scan for the characters a match can start with and
    tries every phrase at every position: 70-130 microseconds a sentence for the lists of page
    furniture and notes about the book (facts.py), 3 s of a book's build. The same phrases in
    lower case, searched for in the lower-cased text, match where it does, but for a text with
    one of FOLDS_APART (searched as written). A search first looks with the word boundaries
    left out, which the scan can start from; only a text that matches so is searched in full."""

    def __init__(self, pattern: str) -> None:
        if re.search(r"\\[A-Z]", pattern):
            raise ValueError(f"an escape lower case would change: {pattern!r}")
        self.pattern = re.compile(pattern, re.I)
        self._lowered = re.compile(pattern.lower())
        self._unbounded = re.compile(pattern.lower().replace(r"\b", ""))

    def search(self, text: str) -> bool:
        if FOLDS_APART.search(text):
            return self.pattern.search(text) is not None
        lowered = text.lower()
        return self._unbounded.search(lowered) is not None and self._lowered.search(lowered) is not None


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


@lru_cache(maxsize=65536)
def _word_keys(text: str) -> frozenset[str]:
    words = {name_key(w) for w in text.replace("-", " ").split()}
    return frozenset(w for w in words if w and w != "the")


@lru_cache(maxsize=65536)
def _acronym(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w[:1].isupper() and w.lower() != "the"]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


@lru_cache(maxsize=65536)
def whole_words(phrase: str, flags: int = 0) -> re.Pattern[str]:
    """The phrase as a pattern that matches it only as whole words ('cell' not in 'cells').
    Compiled once a phrase: a build asks about thousands of answers and options, and re's own
    cache of 512 patterns compiled most of them again and again."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", flags)


def stands_in(phrase: str, text: str) -> bool:
    """The phrase in the text as whole words, case aside: what whole_words(phrase, re.I) finds,
    without compiling a pattern for each of a build's thousands of phrases (2 s of a book's)."""
    if not phrase or not phrase.isascii() or FOLDS_APART.search(text):
        return whole_words(phrase, re.I).search(text) is not None
    lowered, wanted = text.lower(), phrase.lower()  # the same length: only 'İ' lowers to two letters
    at = lowered.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if not (_word_character(text, at - 1) or _word_character(text, end)):
            return True
        at = lowered.find(wanted, at + 1)
    return False


def _word_character(text: str, at: int) -> bool:
    """What re's \\w is at text[at] (nothing before the start or past the end)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def occurs_in(phrase: str, text: str) -> bool:
    """Does the phrase (or its spelling variant) stand in the text as whole words?"""
    plain = re.sub(r"^the\s+", "", phrase, flags=re.I)
    if stands_in(plain, text):
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
