"""What counts as the same name, a phrase in a sentence, a blank and a cloze deletion."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizwright.matching import (
    BLANK,
    CLOZE,
    CaseBlind,
    deletion,
    name_key,
    occurs_in,
    same_entity,
    sentence_at,
    split_cloze,
    stands_in,
    whole_words,
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("US", "U.S.", True),
        ("the United States", "US", True),
        ("Lee", "Lee Jae-myung", True),
        ("Lee Jae Myung", "Lee Jae-myung", True),
        ("North Korea", "South Korea", False),
        ("China", "Japan", False),
    ],
)
def test_variants_of_a_name_count_as_the_same_entity(a, b, same):
    assert same_entity(a, b) is same


def test_split_cloze_finds_answers_and_hints():
    parts = split_cloze("From {{c1::Seoul}}’s view — {{c2::Lee Jae-myung::a name}}.")
    assert [getattr(p, "answer", p) for p in parts] == ["From ", "Seoul", "’s view — ", "Lee Jae-myung", "."]
    assert parts[3].hint == "a name" and parts[1].hint is None


@pytest.mark.parametrize(
    ("text", "key"),
    [("Lee Jae-myung", "leejaemyung"), ("Lee Jae Myung", "leejaemyung"), ("the U.S.", "us"), ("  The Hague ", "hague")],
)
def test_name_keys_ignore_spelling_spaces_and_a_leading_the(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("Japan", "Seoul and Japan met.", True),
        ("the United States", "United States troops", True),
        ("Lee Jae Myung", "President Lee Jae-myung spoke.", True),
        ("cell", "Cells divide.", False),  # a common word: whole words only
        ("China", "Japan and Korea met.", False),
    ],
)
def test_a_phrase_occurs_as_whole_words_or_as_a_spelling_of_a_name(phrase, text, found):
    assert occurs_in(phrase, text) is found


def test_the_cloze_pattern_and_deletion_agree():
    text = "Seoul is the capital of " + deletion("South Korea") + "."
    match = CLOZE.search(text)
    assert match is not None and match.group(2) == "South Korea"
    assert BLANK == "_____"


def test_a_source_sentence_is_found_where_the_reading_holds_it_even_past_a_connective():
    text = "Passive transport takes no energy. In contrast, active transport uses ATP. The end."
    assert sentence_at(text, "Passive transport takes no energy.") == 0
    assert sentence_at(text, "Active transport uses ATP.") == text.index("active transport")
    assert sentence_at(text, "active transport uses ATP.") == text.index("active transport")
    assert sentence_at(text, "Active transport uses GTP.") == -1
    assert sentence_at(text, "The End.") == -1  # only the first letter may differ


def test_a_source_sentence_is_found_without_the_figure_letter_that_closes_it():
    text = "An acid releases H+ in solution (a). A base releases OH- in solution (see b). A salt forms (c) in water."
    assert sentence_at(text, "An acid releases H+ in solution.") == 0
    assert sentence_at(text, "A base releases OH- in solution.") == text.index("A base")
    assert sentence_at(text, "A salt forms in water.") == -1  # a letter inside the sentence is no closing one
    assert sentence_at(text, "An acid releases H+.") == -1


PHRASES = r"\b(this|the) (chapter|figure)\b|\bsee [a-z]\)|\bXX\b|\b(figure|fig\.) \d|click here|sign up"
PIECES = ["this", "The", "CHAPTER", "figure", "Fig.", "see", "(", ")", "b", "xx", "XX", "Xx", "click", "HERE",
          "sign", "Up", "s", "i", " ", "-", "2", "İ", "ı", "ſ", "K", "é", "“", "sıgn", "ſign"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=14).map(lambda parts: " ".join(parts)), st.booleans())
def test_a_case_blind_search_finds_what_ignorecase_finds(text, joined):
    text = text if joined else text.replace(" ", "")
    assert CaseBlind(PHRASES).search(text) is (re.search(PHRASES, text, re.I) is not None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("As THE CHAPTER shows, bones grow.", True),
        ("Bones grow (see b) at the ends.", True),
        ("They seethe chapter by chapter.", False),  # "the chapter" inside "seethe chapter": no word boundary
        ("Sıgn up today.", True),  # dotless i: IGNORECASE takes it for 'i', lower() does not
        ("ſign up today.", True),
        ("Bones grow at the ends.", False),
    ],
)
def test_a_case_blind_search_in_examples(text, found):
    assert CaseBlind(PHRASES).search(text) is found


def test_a_case_blind_pattern_refuses_an_escape_lower_case_would_change():
    with pytest.raises(ValueError, match="escape"):
        CaseBlind(r"\bnot\S+")


WORDS = ["cell", "Cell", "cells", "stem cell", "STEM", "_", "a", "İ", "ı", "ſ", "K", "é", "2", "-", "’", "(", " "]


@given(
    st.lists(st.sampled_from(WORDS), max_size=4).map("".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
)
def test_a_phrase_stands_in_a_text_where_its_whole_word_pattern_matches(phrase, text):
    assert stands_in(phrase, text) is (whole_words(phrase, re.I).search(text) is not None)


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("stem cell", "Each Stem Cell divides.", True),
        ("cell", "Stem cells divide.", False),
        ("cell", "cells and a cell_line", False),
        ("cell", "cells, then a cell.", True),  # found past a first place that is inside a word
        ("Kelvin", "the \u212aelvin scale", True),  # the Kelvin sign is a K, as re finds it
    ],
)
def test_a_phrase_stands_in_a_text_as_whole_words(phrase, text, found):
    assert stands_in(phrase, text) is found
