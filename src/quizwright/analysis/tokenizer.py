"""NLTK's word tokenizer, its patterns run on Python's own regular-expression engine.

NLTK 3.10 routes every pattern through its ReDoS guard: the third-party `regex` engine under a
timeout. The tokenizer's thirty-odd substitutions are NLTK's own fixed patterns, not a
caller's, and on `re`, searched before each substitution (most find nothing in most sentences), they
take half the time (a tenth of a cold build went to them).
The two engines read some characters differently (`regex` counts combining marks and
superscript digits as word characters, `re` counts the control characters 0x1c-0x1f as space;
the dotless i folds to 'i' in one only), so a sentence holding such a character goes to
NLTK's tokenizer as it is: the tokens are NLTK's in every case.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from nltk.tokenize import NLTKWordTokenizer

PORTABLE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII
"""The flags both engines give the same meaning and number ('regex' adds its own above them)."""


class OnRe:
    """A compiled pattern of either engine, compiled again by `re`, for the tokenizer's `sub`:
    most of its patterns find nothing in most sentences, and `re` searches in a fraction of the
    time its `sub` takes to set up a replacement template."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: Any) -> None:
        self.pattern = re.compile(pattern.pattern, pattern.flags & PORTABLE_FLAGS)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.pattern.search(text) else text


def _substitutions(rules: list[tuple[Any, str]]) -> list[tuple[OnRe, str]]:
    return [(OnRe(pattern), replacement) for pattern, replacement in rules]


class _OnStdlibRe(NLTKWordTokenizer):  # type: ignore[misc]
    """NLTKWordTokenizer with every substitution it makes compiled by `re`; its methods unchanged."""

    STARTING_QUOTES = _substitutions(NLTKWordTokenizer.STARTING_QUOTES)
    ENDING_QUOTES = _substitutions(NLTKWordTokenizer.ENDING_QUOTES)
    PUNCTUATION = _substitutions(NLTKWordTokenizer.PUNCTUATION)
    PARENS_BRACKETS = _substitutions([NLTKWordTokenizer.PARENS_BRACKETS])[0]
    CONVERT_PARENTHESES = _substitutions(NLTKWordTokenizer.CONVERT_PARENTHESES)
    DOUBLE_DASHES = _substitutions([NLTKWordTokenizer.DOUBLE_DASHES])[0]
    CONTRACTIONS2 = tuple(OnRe(p) for p in NLTKWordTokenizer.CONTRACTIONS2)
    CONTRACTIONS3 = tuple(OnRe(p) for p in NLTKWordTokenizer.CONTRACTIONS3)


CLASSES = [r"\w", r"\s", r"\d", *("(?i)" + letter for letter in string.ascii_letters)]
"""What the tokenizer's patterns ask of a single character: word, space, digit, and (its
contractions and quotes are case-blind) which letter it is taken for."""


@lru_cache(maxsize=1)
def _class_pairs() -> list[tuple[Any, re.Pattern[str]]]:
    import regex  # NLTK's own dependency

    return [(regex.compile(c), re.compile(c)) for c in CLASSES]


@cache
def read_alike(char: str) -> bool:
    """Both engines put the character in the same classes."""
    return all(bool(theirs.match(char)) == bool(ours.match(char)) for theirs, ours in _class_pairs())


def engines_agree(text: str) -> bool:
    """Every character of the text reads alike in both engines, so `re` tokenizes it as NLTK does."""
    return all(read_alike(char) for char in set(text))


class WordTokenizer:
    """Spans of NLTK's word tokens (NLTKWordTokenizer.span_tokenize), sooner."""

    def __init__(self) -> None:
        self._nltk = NLTKWordTokenizer()
        self._on_re = _OnStdlibRe()

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        tokenizer = self._on_re if engines_agree(text) else self._nltk
        spans: Iterator[tuple[int, int]] = tokenizer.span_tokenize(text)
        return spans
