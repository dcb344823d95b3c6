"""NLTK's averaged-perceptron tagger, run with the same weights to the same tags, faster.

NLTK's `PerceptronTagger.tag` adds up, for each word the tag dictionary does not settle, the
weights of 14 features one (feature, tag) pair at a time in Python dicts, about 220 additions a
word, then picks the best of 45 tags with a lambda per tag: most of a long reading's tagging
time. Here each feature's weights are a row of an array with a column per tag, and a word's
scores are its features' rows added in NLTK's order: each tag's score is the same sequence of
float additions NLTK makes (a tag a feature does not weigh gets + 0.0, which changes no
number), so every score is the float NLTK computes and every tag the tag it picks (tested
against NLTK's own tagger); ties go, as in NLTK, to the alphabetically greatest tag.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

START = ("-START-", "-START2-")
END = ("-END-", "-END2-")


MODEL_FILES = tuple(f"averaged_perceptron_tagger_eng.{part}.json" for part in ("weights", "tagdict", "classes"))
"""The English model's files, in the folder NLTK finds as taggers/averaged_perceptron_tagger_eng/."""


class FastPerceptronTagger:
    """tag_sents() as NLTK's PerceptronTagger gives it, from that tagger's model."""

    def __init__(self, weights: dict[str, dict[str, float]], tagdict: dict[str, str], classes: Iterable[str]) -> None:
        # greatest first: argmax takes the first of equal scores, NLTK the greatest tag
        self.tags: list[str] = sorted(classes, reverse=True)
        column = {tag: n for n, tag in enumerate(self.tags)}
        self.rows = {feature: n for n, feature in enumerate(weights)}
        self.unknown = len(weights)
        """The row of a feature the model lacks: all zeros."""
        self.weights = np.zeros((len(weights) + 1, len(self.tags)))
        # every (feature, tag) weight set at once: one assignment per weight took 0.17 s
        rows = np.repeat(np.arange(len(weights)), [len(by_tag) for by_tag in weights.values()])
        self.weights[rows, [column[tag] for by_tag in weights.values() for tag in by_tag]] = [
            weight for by_tag in weights.values() for weight in by_tag.values()
        ]
        if not np.isfinite(self.weights).all():  # as NLTK's loader refuses them
            raise ValueError("the tagger's weights hold a number that is not finite (NaN or Infinity)")
        self.tagdict = tagdict

    @classmethod
    def of(cls, nltk_tagger: Any) -> FastPerceptronTagger:
        """The tagger with the model of one of NLTK's PerceptronTagger objects."""
        return cls(nltk_tagger.model.weights, nltk_tagger.tagdict, nltk_tagger.classes)

    @classmethod
    def load(cls, folder: Any) -> FastPerceptronTagger:
        """The model in `folder` (a path pointer, as nltk.data.find gives it), read as
        PerceptronTagger(lang="eng") reads it, but by the json module's C parser alone: NLTK's
        loader walks every number again for NaN and Infinity (0.3 s of every build's start),
        which the weights' check above does in one step."""
        weights, tagdict, classes = (_json(folder.join(name)) for name in MODEL_FILES)
        return cls(weights, tagdict, classes)

    def tag_sents(self, sentences: Iterable[Sequence[str]]) -> list[list[tuple[str, str]]]:
        return [self.tag(words) for words in sentences]

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        context = [*START, *(normalize(w) for w in words), *END]
        prev, prev2 = START
        out = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if not tag:
                tag = self._best(_features(i + 2, word, context, prev, prev2))
            out.append((word, tag))
            prev2, prev = prev, tag
        return out

    def _best(self, features: list[str]) -> str:
        # summed down the rows, one after another as NLTK adds them (numpy sums pairwise only
        # along the contiguous axis, which is the tags here); add.reduce of take is what
        # .sum(axis=0) of an indexed array does, without its Python wrappers (half the time)
        rows = self.weights.take([self.rows.get(f, self.unknown) for f in features], axis=0)
        return self.tags[int(np.add.reduce(rows, axis=0).argmax())]


def normalize(word: str) -> str:
    """NLTK's PerceptronTagger.normalize."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


def _features(i: int, word: str, context: list[str], prev: str, prev2: str) -> list[str]:
    """NLTK's PerceptronTagger._get_features as its keys, in its order (each occurs once, so
    each counts 1)."""
    return [
        "bias",
        "i suffix " + word[-3:],
        "i pref1 " + word[:1],
        "i-1 tag " + prev,
        "i-2 tag " + prev2,
        "i tag+i-2 tag " + prev + " " + prev2,
        "i word " + context[i],
        "i-1 tag+i word " + prev + " " + context[i],
        "i-1 word " + context[i - 1],
        "i-1 suffix " + context[i - 1][-3:],
        "i-2 word " + context[i - 2],
        "i+1 word " + context[i + 1],
        "i+1 suffix " + context[i + 1][-3:],
        "i+2 word " + context[i + 2],
    ]


def _json(pointer: Any) -> Any:
    with pointer.open() as stream:
        return json.load(stream)
