"""Named entities without a trained NER model: POS tags, capitalisation, gazetteers,
first names, WordNet instance hypernyms and cue words (names.py), dates and numbers
(quantities.py), made consistent across a document set (resolution.py)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from . import lexicon
from .mentions import Mention
from .names import PLACE_CLASSES, proper_mentions
from .quantities import quantity_mentions
from .text import Sentence


def find_mentions(sentence: Sentence) -> list[Mention]:
    """Entity and quantity mentions in a sentence, typed from local evidence only."""
    if sentence.is_heading:
        return []
    mentions = sorted(proper_mentions(sentence) + quantity_mentions(sentence), key=lambda m: m.first)
    return places_by_company(mentions)


LINKS = ({","}, {"and"}, {"or"}, {",", "and"}, {",", "or"})
"""What stands between two names of one list: 'Victoria, New South Wales and South Australia'."""
PLACE_NOUNS = {"regions", "states", "districts", "areas", "towns", "cities", "provinces", "countries", "shires"}
"""A plural after a list of names makes each a place: 'the Innisfail and Tully regions'."""


def places_by_company(mentions: list[Mention]) -> list[Mention]:
    """A one-word name listed with places is a place: 'Victoria' (a queen to WordNet, a first
    name) in 'Victoria, New South Wales and South Australia'; 'Tully' in 'the Innisfail and
    Tully regions'. Only one-word names without a title, and beside a place only a name that
    may be one ('Lee and China' stays a person)."""
    out = list(mentions)
    names = [n for n, m in enumerate(out) if m.kind not in {"date", "number"}]
    for a, b in pairwise(names):
        first, second = out[a], out[b]
        tokens = first.sentence.tokens
        between = {t.text.lower() for t in tokens[first.last : second.first]}
        if between not in LINKS:
            continue
        after = tokens[second.last].text.lower() if second.last < len(tokens) else ""
        listed_places = after in PLACE_NOUNS
        for this, other in ((a, b), (b, a)):
            beside_place = out[other].kind == "place" and may_be_place(out[this].text)
            if _could_be_place(out[this]) and (listed_places or beside_place):
                out[this] = replace(out[this], kind="place", subtype=out[this].subtype or "region")
    return out


def _could_be_place(m: Mention) -> bool:
    if len(m.words) != 1 or m.kind not in {"person", "proper"}:
        return False
    before = m.sentence.tokens[m.first - 1].text.lower() if m.first > 0 else ""
    return before not in lexicon.PERSON_TITLES


@lru_cache(maxsize=4096)
def may_be_place(name: str) -> bool:
    """One of the name's senses in WordNet is a place ('Victoria': a queen, a state, a city)."""
    senses = lexicon.wordnet().synsets(name.replace(" ", "_"), pos="n")
    return any(lexicon.instance_class(s) in PLACE_CLASSES for s in senses)
