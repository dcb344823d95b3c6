"""The fast tagger gives NLTK's perceptron tagger's tags, word for word."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest
from nltk.tag.perceptron import PerceptronTagger
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktTokenizer

from conftest import ROOT, SEEDS
from quizwright.analysis.tagging import MODEL_FILES, FastPerceptronTagger


def test_the_tags_are_nltks_on_real_text():
    """The seeds, a textbook section and a speech of the dev set, every word as NLTK tags it."""
    dev = ROOT.parent / "shared" / "dev"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [(dev / "textbook" / "anatomy" / "m46021.txt").read_text(encoding="utf-8")]
    texts += [(dev / "readings" / "speeches" / "inaugural_2009-obama.txt").read_text(encoding="utf-8")]
    splitter, words = PunktTokenizer("english"), NLTKWordTokenizer()
    sentences = [words.tokenize(s) for text in texts for s in splitter.tokenize(text)]
    nltk_tagger = PerceptronTagger(lang="eng")
    assert sum(map(len, sentences)) > 10_000
    ours = FastPerceptronTagger.load(nltk.data.find("taggers/averaged_perceptron_tagger_eng/"))  # as a build loads it
    assert ours.tag_sents(sentences) == nltk_tagger.tag_sents(sentences)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_model_with_a_weight_that_is_not_finite_is_refused(tmp_path, monkeypatch, bad):
    """As NLTK's own loader refuses it: such a weight would make every score it enters NaN or infinite."""
    folder = tmp_path / "taggers" / "averaged_perceptron_tagger_eng"
    folder.mkdir(parents=True)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # a data folder of its own, found as NLTK finds one
    (folder / MODEL_FILES[1]).write_text('{"the": "AA"}')
    (folder / MODEL_FILES[2]).write_text('["AA", "BB"]')
    (folder / MODEL_FILES[0]).write_text('{"bias": {"AA": 1.0}, "i suffix ord": {"BB": ' + bad + "}}")
    with pytest.raises(ValueError, match="not finite"):
        FastPerceptronTagger.load(nltk.data.find("taggers/averaged_perceptron_tagger_eng/"))
    (folder / MODEL_FILES[0]).write_text('{"bias": {"AA": 1.0}, "i suffix ord": {"BB": 2.5}}')
    tagger = FastPerceptronTagger.load(nltk.data.find("taggers/averaged_perceptron_tagger_eng/"))
    assert tagger.tag(["the", "word"]) == [("the", "AA"), ("word", "BB")]  # the dictionary; 2.5 over 1.0


def tiny_tagger(weights: dict[str, dict[str, float]], tagdict: dict[str, str] | None = None) -> PerceptronTagger:
    tagger = PerceptronTagger(load=False)
    tagger.decode_json_params((weights, tagdict or {}, ["AA", "BB", "CC"]))
    return tagger


def test_scores_are_added_in_nltks_order_not_pairwise():
    """1e16 + 1 - 1e16 + 1 ... is 1 added in NLTK's order, and 0 in numpy's pairwise order for
    the same 14 numbers (eight running sums, then pairs of them): the tag turns on it."""
    big = {"BB": 1e16}
    weights = {
        "bias": {"AA": 0.5, "BB": 1e16},
        "i suffix ord": {"BB": 1.0},
        "i pref1 w": {"BB": -1e16},
        "i-1 tag -START-": {"BB": 1.0},
        "i-2 tag -START2-": big,
        "i tag+i-2 tag -START- -START2-": {"BB": 1.0},
        "i word word": {"BB": -1e16},
        "i-1 tag+i word -START- word": {"BB": 1.0},
    }
    nltk_tagger = tiny_tagger(weights)
    assert nltk_tagger.tag(["word"]) == [("word", "BB")]  # BB scores 1.0 > 0.5
    assert FastPerceptronTagger.of(nltk_tagger).tag(["word"]) == [("word", "BB")]


def test_ties_and_unweighed_tags_go_as_in_nltk():
    """Equal scores: the greatest tag wins; a tag no feature weighs scores 0 and beats negatives;
    a word in the tag dictionary takes its tag."""
    cases = [
        {"bias": {"AA": 1.0, "BB": 1.0}},  # a tie: BB
        {"bias": {"AA": -1.0, "BB": -2.0}},  # CC, unweighed, scores 0
        {"bias": {"AA": 0.0, "CC": -1.0}},  # AA and unweighed BB tie at 0: BB
        {},  # nothing weighed: CC
    ]
    for weights in cases:
        nltk_tagger = tiny_tagger(weights, {"the": "AA"})
        sentence = ["the", "word", "is", "here"]
        assert FastPerceptronTagger.of(nltk_tagger).tag(sentence) == nltk_tagger.tag(sentence)
    assert [t for _, t in tiny_tagger(cases[0], {"the": "AA"}).tag(["the", "word"])] == ["AA", "BB"]


def test_a_zipped_model_is_read_as_a_folder_is(tmp_path, monkeypatch):
    """NLTK finds a package in its zip as well as unzipped: the model read from the zip tags as
    the one read from the folder."""
    import shutil

    from quizwright.analysis import resources

    folder = nltk.data.find("taggers/averaged_perceptron_tagger_eng/")
    (tmp_path / "taggers").mkdir()
    shutil.make_archive(
        str(tmp_path / "taggers" / "averaged_perceptron_tagger_eng"),
        "zip",
        root_dir=Path(str(folder.path)).parent,
        base_dir="averaged_perceptron_tagger_eng",
    )
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # a data folder holding only the zip
    zipped = resources.locate("averaged_perceptron_tagger_eng")
    assert zipped is not None and ".zip" in str(zipped)
    sentence = ["The", "cell", "membrane", "is", "a", "thin", "layer", "of", "lipids", "."]
    assert FastPerceptronTagger.load(zipped).tag(sentence) == FastPerceptronTagger.load(folder).tag(sentence)
