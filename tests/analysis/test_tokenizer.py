"""The sentence splitter and word tokenizer on `re` give NLTK's sentences and tokens, and take
the `re` path for ordinary text."""

import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktTokenizer

from quizwright.analysis.tokenizer import SentenceSplitter, WordTokenizer, engines_agree, read_alike

WORDS = (WordTokenizer(), NLTKWordTokenizer())
SENTENCES = (SentenceSplitter(), PunktTokenizer("english"))

# characters the two engines read differently (a combining mark, superscript two, a fraction,
# the dotless and dotted i, 0x1c) and some they read alike though either might not (the long s
# and the Kelvin sign fold to ASCII letters; a no-break space, a line separator, an Arabic digit)
DIFFERENT = ["\u0301", "\u00b2", "\u00bd", "\u0131", "\u0130", "\u017f", "\u212a", "\x1c", "\u00a0", "\u2028", "\u0663"]
# what the word tokenizer's patterns act on: quotes of every kind, brackets, the dots, dashes
# and signs they split off, contractions, digits
WORD_PIECES = [
    *"abcXYZ019 .,;:!?'\"`()[]{}<>-*&%$#@é",
    *"«»“”‘’„\u2012\u2013\u2014\u2015",
    "can", "not", "gonna", "'s", "'re", "n't", "'ll", "'t", "is", "wanna", "...", "--", "``", "''",
]  # fmt: skip
# what Punkt decides a boundary by: periods after abbreviations, initials, numbers and ordinary
# words, ellipses, closing quotes and brackets after a period, capitals after it, other marks
SENTENCE_PIECES = [
    "Dr.", "Mr.", "U.S.", "J.", "etc.", "e.g.", "No.", "1.", "3.5", "vs.", "Inc.", "...", ". . .",
    " the", " The", " It", " said", " 20", " (", ")", "\"", "\u201d", "\u2019", "'", "]", "?", "!", ".",
    "  ", "\n", " -- ", ",", ";", ":", " Smith", " sentence",
]  # fmt: skip


def spans(tokenizer: Any, text: str) -> list[tuple[int, int]]:
    return list(tokenizer.span_tokenize(text))


@pytest.mark.parametrize(
    ("pair", "pieces"),
    [(WORDS, WORD_PIECES + DIFFERENT), (SENTENCES, SENTENCE_PIECES + DIFFERENT)],
    ids=["words", "sentences"],
)
def test_the_spans_are_nltks(pair: tuple[Any, Any], pieces: list[str]) -> None:
    ours, nltks = pair

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=40).map("".join))
    def same(text: str) -> None:
        assert spans(ours, text) == spans(nltks, text)

    same()


ORDINARY = [
    (WORDS, "He said, \u201cWe can't\u2014and won't\u2014stop (not now).\u201d"),
    (WORDS, 'The "fresh ART [assisted reproductive technology] embryos" cost $3.88 ... or 90% more?'),
    (WORDS, "Cannot, gonna, 'tis: Dr. Cram's lab at Monash IVF -- in 2006 -- said so!"),
    (WORDS, "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00ab quoted \u00bb costs 5\u20136 euros."),
    (SENTENCES, "Dr. Cram of Monash IVF said so. The U.S. team (led by J. Smith) agreed... It rose 3.5 per cent!"),
    (SENTENCES, "\u201cWe did this mission,\u201d Brownlee says. \u201cIt\u2019s a thrill.\u201d Then it ended."),
    (SENTENCES, "In 1969, Apollo 10 set the record. e.g. this one, etc. Another sentence follows: yes."),
]


@pytest.mark.parametrize(("pair", "text"), ORDINARY)
def test_ordinary_text_takes_the_re_path_to_nltks_spans(pair: tuple[Any, Any], text: str) -> None:
    assert engines_agree(text)  # else the properties above would only test NLTK against itself
    assert spans(pair[0], text) == spans(pair[1], text)


def test_characters_the_engines_read_differently_send_the_text_to_nltk() -> None:
    for char in ["\u0301", "\u00b2", "\u0131", "\x1c"]:
        assert not read_alike(char)
        text = f"The word{char} it's here."
        assert not engines_agree(text)
        assert spans(WORDS[0], text) == spans(WORDS[1], text)
    for text in ["It ended.\x1cThe next", "word. \x1cThe"]:  # on re, \x1c is a space: two sentences, or one shorter
        assert spans(SENTENCES[0], text) == spans(SENTENCES[1], text)


def test_printable_ascii_reads_alike() -> None:
    assert all(read_alike(c) for c in string.printable)
