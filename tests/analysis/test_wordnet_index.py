"""WordNet's lemma index parsed lemma by lemma: the same index, synsets and errors as NLTK's
own reader, which parses every line at start."""

from __future__ import annotations

import warnings

import pytest
from nltk.corpus.reader.wordnet import WordNetCorpusReader, WordNetError

from quizwright.analysis import lexicon, resources
from quizwright.analysis.wordnet_index import LemmaIndex, english_wordnet, lines_by_lemma, satellite_offsets


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


def synset_state(synset):
    """Everything NLTK's parser sets on a synset and its lemmas."""
    lemmas = [
        (
            lemma._name,
            lemma._syntactic_marker,
            lemma._lexname_index,
            lemma._lex_id,
            lemma._key,
            lemma._frame_ids,
            lemma._frame_strings,
        )
        for lemma in synset._lemmas
    ]
    pointers = {symbol: set(targets) for symbol, targets in synset._pointers.items()}
    return (synset._pos, synset._offset, synset._name, synset._lexname, synset._definition, synset._examples,
            synset._frame_ids, synset._lemma_names, pointers, dict(synset._lemma_pointers), lemmas)  # fmt: skip


def data_offsets(reader, pos):
    """Where each synset's line starts in a data file (the licence lines at its top start with spaces)."""
    offsets, at = [], 0
    for line in reader._data(pos).split(b"\n"):
        if line and not line.startswith(b" "):
            offsets.append(at)
        at += len(line) + 1
    return offsets


@pytest.mark.parametrize("pos", ["n", "v", "a", "r"])
def test_synsets_parsed_from_their_lines_are_nltks(nltk_reader, pos):
    # every 25th synset of each file: verbs with their frames, satellites with their head's key,
    # adjectives with a position marker ('elect(ip)'), glosses with examples
    reader = lexicon.wordnet()
    offsets = data_offsets(reader, pos)[::25]
    assert len(offsets) > 100
    for offset in offsets:
        ours = reader.synset_from_pos_and_offset(pos, offset)
        assert synset_state(ours) == synset_state(nltk_reader.synset_from_pos_and_offset(pos, offset))


def test_a_synset_is_parsed_once_and_kept(nltk_reader):
    reader = lexicon.wordnet()
    offset = nltk_reader.synset("dog.n.01").offset()
    assert reader.synset_from_pos_and_offset("n", offset) is reader.synset_from_pos_and_offset("n", offset)


def test_an_offset_inside_a_line_finds_no_synset_as_in_nltk(nltk_reader):
    reader = lexicon.wordnet()
    offset = nltk_reader.synset("dog.n.01").offset() + 3
    with pytest.warns(UserWarning, match="No WordNet synset"):
        assert reader.synset_from_pos_and_offset("n", offset) is None
    with pytest.warns(UserWarning, match="No WordNet synset"):
        assert nltk_reader.synset_from_pos_and_offset("n", offset) is None


@pytest.mark.parametrize(
    "line",
    [
        "02084071 05 n 01 dog 0 001 @ 02083346 n | a domesticated animal",  # a pointer short of its fields
        "02084071 05 n 0x dog 0 000 | a dog",  # not a count
        "01143838 29 v 01 fish 0 000 01 * 02 00 | catch fish",  # a verb frame without its '+'
    ],
)
def test_a_damaged_data_line_is_a_wordnet_error_quoting_it(line):
    with pytest.raises(WordNetError, match="line '0"):
        lexicon.wordnet()._synset_from_pos_and_line(line.split()[2], line + "  \n")


@pytest.mark.parametrize(
    ("word", "pos", "count"),
    [("head", "n", 3), ("bones", "n", 3), ("Japan", "n", 2), ("ran", "v", 2), ("quick", "as", 3), ("qwxzy", "n", 3)],
)
def test_the_first_synsets_are_the_first_of_nltks(nltk_reader, word, pos, count):
    assert lexicon.wordnet().first_synsets(word, pos, count) == nltk_reader.synsets(word, pos)[:count]


def test_the_first_synsets_read_no_more_senses_than_asked_for():
    reader = english_wordnet(resources.locate("wordnet"))
    assert len(reader.first_synsets("head", "n", 3)) == 3
    assert sum(map(len, reader._synset_offset_cache.values())) == 3  # 'head' has 33 noun senses
