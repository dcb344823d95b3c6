"""WordNet's lemma index parsed lemma by lemma: the same index, synsets and errors as NLTK's
own reader, which parses every line at start."""

from __future__ import annotations

import warnings

import pytest
from nltk.corpus.reader.wordnet import WordNetCorpusReader, WordNetError

from quizwright.analysis import lexicon, resources
from quizwright.analysis.wordnet_index import LemmaIndex, lines_by_lemma, satellite_offsets


@pytest.fixture(scope="module")
def nltk_reader() -> WordNetCorpusReader:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return WordNetCorpusReader(resources.locate("wordnet"), omw_reader=None)


def test_every_lemma_has_the_entry_nltk_parses(nltk_reader):
    ours = lexicon.wordnet()._lemma_pos_offset_map
    theirs = nltk_reader._lemma_pos_offset_map
    assert isinstance(ours, LemmaIndex)
    assert len(ours) == len(theirs) and set(ours) == set(theirs)
    assert all(ours[lemma] == entry for lemma, entry in theirs.items())


@pytest.mark.parametrize("word", ["dog", "running", "quick", "better", "bones", "synovial", "ran", "geese"])
def test_synsets_are_nltks(nltk_reader, word):
    # 'quick' and 'synovial' have satellite senses ('s'), told apart by the adjective data file
    assert lexicon.wordnet().synsets(word) == nltk_reader.synsets(word)


def test_satellites_are_found_as_nltk_finds_them(nltk_reader):
    reader = lexicon.wordnet()
    with reader.abspath("data.adj").open() as raw:
        assert satellite_offsets(raw.read().decode("utf8")) == nltk_reader.satellite_offsets


def test_a_word_wordnet_lacks_has_no_entry():
    index = lexicon.wordnet()._lemma_pos_offset_map
    assert "qwxzy" not in index and index["qwxzy"] == {} and "qwxzy" not in index
    assert lexicon.wordnet().synsets("qwxzy") == []


def test_a_lemma_in_two_files_is_one_lemma_with_both_parts_of_speech():
    lines = {
        "noun": lines_by_lemma("  1 licence line\nfish n 1 0 1 0 02512053  \n"),
        "verb": lines_by_lemma("fish v 1 0 1 0 01143838  \n"),
    }
    index = LemmaIndex(lines, satellites=set)
    assert list(index) == ["fish"] and len(index) == 1 and "  1" not in index
    assert index["fish"] == {"n": [2512053], "v": [1143838]}


@pytest.mark.parametrize("line", ["dog n 2 0 3 0 02084071 10114209  ", "dog n x 0 1 0 02084071  ", "dog n 1 1 @ 1"])
def test_a_damaged_index_line_is_a_wordnet_error_naming_its_file(line):
    index = LemmaIndex({"noun": lines_by_lemma(line)}, satellites=set)
    with pytest.raises(WordNetError, match="index.noun"):
        index["dog"]
