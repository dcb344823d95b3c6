"""Named entities without a trained NER model: POS tags, capitalisation, gazetteers,
first names, WordNet instance hypernyms and cue words (names.py), dates and numbers
(quantities.py), made consistent across a document set (resolution.py)."""

from __future__ import annotations

from .mentions import Mention
from .names import proper_mentions
from .quantities import quantity_mentions
from .text import Sentence


def find_mentions(sentence: Sentence) -> list[Mention]:
    """Entity and quantity mentions in a sentence, typed from local evidence only."""
    if sentence.is_heading:
        return []
    mentions = proper_mentions(sentence) + quantity_mentions(sentence)
    return sorted(mentions, key=lambda m: m.first)
