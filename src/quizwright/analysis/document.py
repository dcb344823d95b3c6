"""What one document yields on its own, and the models that yield it."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Document
from . import lexicon, text
from .entities import find_mentions
from .mentions import Mention
from .reading_terms import ReadingTerms, find_reading_terms
from .terms import zipf
from .text import Sentence, analyse


@dataclass(frozen=True)
class DocumentAnalysis:
    """What one document yields on its own: tagged sentences and, for each, its mentions; its terms.

    Cached on disk per document (cache.py): bump cache.CACHE_FORMAT when its shape changes.
    """

    sentences: tuple[Sentence, ...]
    mentions: tuple[tuple[Mention, ...], ...]
    """mentions[i] are those find_mentions finds in sentences[i]."""
    terms: ReadingTerms
    """The part of the reading's model that depends on this document alone."""


def analyse_document(doc: Document) -> DocumentAnalysis:
    sentences = tuple(analyse(doc))
    mentions = tuple(tuple(find_mentions(s)) for s in sentences)
    return DocumentAnalysis(sentences, mentions, find_reading_terms(list(sentences)))


def load_models() -> None:
    """Load the tagger, WordNet and the word lists in this process (a no-op once loaded): before
    forking workers, so that every worker starts with them loaded (each worker of a build's two
    pools loaded the word lists again)."""
    text.load_models()
    lexicon.wordnet_class("China")  # loads WordNet and reads its noun index
    word_lists = (lexicon.stopwords, lexicon.first_names, lexicon.female_names, lexicon.male_names,
                  lexicon.english_words, lexicon.gazetteer, lexicon.nationalities)  # fmt: skip
    for word_list in word_lists:
        word_list()
    zipf("the")  # loads wordfreq's English frequencies
