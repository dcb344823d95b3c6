"""The sentence splitter and word tokenizer on `re` give NLTK's sentences and tokens, and take
the `re` path for ordinary text."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktTokenizer

from quizwright.analysis.tokenizer import SentenceSplitter, WordTokenizer, engines_agree, read_alike

NLTK = NLTKWordTokenizer()
OURS = WordTokenizer()
PUNKT = PunktTokenizer("english")
SPLITTER = SentenceSplitter()

# what the patterns act on: quotes of every kind, brackets, the dots, dashes and signs they
# split off, contractions, digits, and characters the two engines read differently
PIECES = [
    *"abcXYZ019 .,;:!?'\"`()[]{}<>-*&%$#@",
    *"«»“”‘’„\u2012\u2013\u2014\u2015",
    "can", "not", "gonna", "'s", "'re", "n't", "'ll", "'t", "is", "wanna", "...", "--", "``", "''",
    "\u0301", "\u00b2", "\u00bd", "\u0131", "\u0130", "\u017f", "\u212a", "\x1c", "\u00a0", "\u2028", "\u0663", "é",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_tokens_and_spans_are_nltks(text: str) -> None:
    assert list(OURS.span_tokenize(text)) == list(NLTK.span_tokenize(text))


def test_ordinary_sentences_are_tokenized_as_nltk_does_on_the_re_path() -> None:
    sentences = [
        "He said, \u201cWe can't\u2014and won't\u2014stop (not now).\u201d",
        'The "fresh ART [assisted reproductive technology] embryos" cost $3.88 ... or 90% more?',
        "Cannot, gonna, 'tis: Dr. Cram's lab at Monash IVF -- in 2006 -- said so!",
        "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00ab\u00a0quoted\u00a0\u00bb costs 5\u20136 euros.",
    ]
    for sentence in sentences:
        assert engines_agree(sentence)  # else the property above would only test NLTK against itself
        assert list(OURS.span_tokenize(sentence)) == list(NLTK.span_tokenize(sentence))


def test_characters_the_engines_read_differently_send_the_sentence_to_nltk() -> None:
    for char in ["\u0301", "\u00b2", "\u0131", "\x1c"]:
        assert not read_alike(char)
        text = f"The word{char} it's here."
        assert not engines_agree(text)
        assert list(OURS.span_tokenize(text)) == list(NLTK.span_tokenize(text))
    for text in ["It ended.\x1cThe next", "word. \x1cThe"]:  # on re, \x1c is a space: two sentences, or one shorter
        assert list(SPLITTER.span_tokenize(text)) == list(PUNKT.span_tokenize(text))


def test_printable_ascii_reads_alike() -> None:
    assert all(read_alike(c) for c in string.printable)


# what Punkt decides a boundary by: periods after abbreviations, initials, numbers and ordinary
# words, ellipses, closing quotes and brackets after a period, capitals after it, other marks
SENTENCE_PIECES = [
    "Dr.", "Mr.", "U.S.", "J.", "etc.", "e.g.", "No.", "1.", "3.5", "vs.", "Inc.", "...", ". . .",
    " the", " The", " It", " said", " 20", " (", ")", "\"", "\u201d", "\u2019", "'", "]", "?", "!", ".",
    "  ", "\n", " -- ", ",", ";", ":", " Smith", " sentence", "\u0301", "\u00b2", "\u0131", "\x1c",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=40).map("".join))
def test_the_sentences_are_punkts(text: str) -> None:
    assert list(SPLITTER.span_tokenize(text)) == list(PUNKT.span_tokenize(text))


def test_ordinary_paragraphs_are_split_as_punkt_does_on_the_re_path() -> None:
    paragraphs = [
        "Dr. Cram of Monash IVF said so. The U.S. team (led by J. Smith) agreed... It rose 3.5 per cent!",
        "\u201cWe did this mission,\u201d Brownlee says. \u201cIt\u2019s an incredible thrill.\u201d Then it ended.",
        "In 1969, Apollo 10 set the record. e.g. this one, etc. Another sentence follows: yes.",
    ]
    for paragraph in paragraphs:
        assert engines_agree(paragraph)
        assert list(SPLITTER.span_tokenize(paragraph)) == list(PUNKT.span_tokenize(paragraph))
