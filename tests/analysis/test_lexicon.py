"""Word lists from NLTK's corpora and WordNet: the look-ups entity typing and distractors lean on."""

from __future__ import annotations

import pytest

from quizwright.analysis import lexicon


@pytest.mark.parametrize(("word", "nationality"), [("Chinese", True), ("South Korean", True), ("Beijing", False)])
def test_nationalities_come_from_the_gazetteer(word, nationality):
    assert lexicon.is_nationality(word) is nationality


def test_a_capital_and_a_nationality_stand_for_their_country():
    assert "china.n.01" in lexicon.place_identity("Beijing")  # WordNet's synset for the country
    assert lexicon.place_identity("Chinese") & lexicon.place_identity("China")
    assert not lexicon.place_identity("Japan") & lexicon.place_identity("China")


@pytest.mark.parametrize(("name", "kind"), [("Japan", "country"), ("Shanghai", "city")])
def test_wordnet_says_what_a_place_is(name, kind):
    assert lexicon.wordnet_class(name) == kind


def test_lemmas_and_roles():
    assert lexicon.lemma("cells") == "cell"
    assert lexicon.role_class("professor") == "scholar" and lexicon.role_class("president") == "office"
    assert lexicon.role_class("farmer") == ""


def test_english_words_are_the_words_corpus_in_lower_case():
    """Read from the corpus's lines: every word NLTK's words.words() gives, lower-cased, and nothing else."""
    from nltk.corpus import words

    assert lexicon.english_words() == {w.lower() for w in words.words()}
    assert {"abacus", "zygote", "a"} <= lexicon.english_words()
