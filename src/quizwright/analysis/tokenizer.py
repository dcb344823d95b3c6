"""NLTK's sentence splitter (Punkt) and word tokenizer, their patterns run on Python's own
regular-expression engine.

NLTK 3.10 routes every pattern through its ReDoS guard: the third-party `regex` engine under a
timeout. These are NLTK's own fixed patterns, not a caller's, and on `re` they take half the
time (the word tokenizer's thirty-odd substitutions, each searched first since most find
nothing in most sentences, took a tenth of a cold build; Punkt's, a thirtieth). The two engines
read some characters differently (`regex` counts combining marks and superscript digits as word
characters, `re` counts the control characters 0x1c-0x1f as space; the dotless i folds to 'i'
in one only), so a text holding such a character goes to NLTK's own tokenizer: the sentences
and tokens are NLTK's in every case.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from nltk.data import find
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken, load_punkt_params

PORTABLE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII
"""The flags both engines give the same meaning and number ('regex' adds its own above them)."""


class OnRe:
    """A compiled pattern of either engine, compiled again by `re`, for the tokenizer's `sub`:
    most of its patterns find nothing in most sentences, and `re` searches in a fraction of the
    time its `sub` takes to set up a replacement template."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: Any) -> None:
        self.pattern = on_re(pattern)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.pattern.search(text) else text


@cache
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags & PORTABLE_FLAGS)


def on_re(pattern: Any) -> re.Pattern[str]:
    """A compiled pattern of either engine, compiled again by `re`."""
    return _compiled(pattern.pattern, pattern.flags)


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


class _OnReWhereAlike:
    """span_tokenize of a tokenizer on `re` where every character of the text reads alike in
    both engines, else of NLTK's own: NLTK's spans either way, sooner."""

    def __init__(self, on_stdlib_re: Any, nltk_own: Any) -> None:
        self._on_re, self._nltk = on_stdlib_re, nltk_own

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        tokenizer = self._on_re if engines_agree(text) else self._nltk
        spans: Iterator[tuple[int, int]] = tokenizer.span_tokenize(text)
        return spans


class WordTokenizer(_OnReWhereAlike):
    """NLTKWordTokenizer.span_tokenize."""

    def __init__(self) -> None:
        super().__init__(_OnStdlibRe(), NLTKWordTokenizer())


class _PunktVarsOnRe(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English language variables, their patterns compiled by `re`."""

    re_boundary_realignment = on_re(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return on_re(super()._word_tokenizer_re())

    def period_context_re(self) -> re.Pattern[str]:
        return on_re(super().period_context_re())


class _PunktTokenOnRe(PunktToken):  # type: ignore[misc]
    _RE_ELLIPSIS = on_re(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = on_re(PunktToken._RE_NUMERIC)
    _RE_INITIAL = on_re(PunktToken._RE_INITIAL)
    _RE_ALPHA = on_re(PunktToken._RE_ALPHA)


class SentenceSplitter(_OnReWhereAlike):
    """PunktTokenizer("english").span_tokenize: the same trained parameters."""

    def __init__(self) -> None:
        params = load_punkt_params(find("tokenizers/punkt_tab/english/"))  # what PunktTokenizer loads
        on_stdlib_re = PunktSentenceTokenizer(params, lang_vars=_PunktVarsOnRe(), token_cls=_PunktTokenOnRe)
        super().__init__(on_stdlib_re, PunktSentenceTokenizer(params))
