"""Who a reading names (people, places, organisations, peoples) and which of them it is about:
named in its title or lead, or again and again, and not only as the source of a quotation."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..matching import name_key
from . import lexicon
from .mentions import Mention
from .terms import long_forms
from .text import Sentence

ACTOR_KINDS = {"person", "place", "organization", "group", "proper"}
SAYING = {
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "explained",
    "explains", "noted", "notes", "according", "believes", "thinks", "argues", "argued", "warned", "warns",
    "suggests", "suggested", "claims", "claimed", "stated", "states", "reported", "reports", "commented",
}  # fmt: skip
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Actor:
    """A person, place, organisation or people the reading names."""

    key: str
    kind: str
    count: int
    weight: float
    attributed: bool
    """Named mostly as the source of a quotation or claim ('..., says Dr Nguyen')."""
    main: bool
    """In the title or the lead, or named again and again: one of the reading's subjects."""
    in_title: bool = False
    """The reading's title names it: in the opening, it is the report's premise."""


def find_actors(
    sentences: list[Sentence], mentions: dict[int, list[Mention]], title: Sentence | None
) -> dict[str, Actor]:
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    attributed: Counter[str] = Counter()
    lead: set[str] = set()
    lead_indexes = {s.index for s in [s for s in sentences if not s.is_heading][:LEAD_SENTENCES]}
    things = abbreviated_things(sentences)
    for sentence in sentences:
        for m in mentions.get(sentence.index, []):
            if m.kind not in ACTOR_KINDS or m.key in things:
                continue
            counts[m.key] += 1
            kinds[m.key] = m.kind
            attributed[m.key] += is_attribution(m)
            if sentence.index in lead_indexes:
                lead.add(m.key)
    title_key = name_key(title.text) if title else ""
    actors = {}
    for key, count in counts.items():
        in_title = len(key) > 3 and key in title_key
        weight = math.log1p(count) + (1.5 if key in lead else 0) + (2 if in_title else 0)
        source = attributed[key] * 2 >= count  # mostly the source of quotes: 'says Brownlee'
        main = in_title or key in lead or count >= 3
        actors[key] = Actor(key, kinds[key], count, round(weight * (0.3 if source else 1), 3), source, main, in_title)
    return dict(sorted(actors.items(), key=lambda kv: (-kv[1].weight, kv[0])))


def abbreviated_things(sentences: list[Sentence]) -> set[str]:
    """Name keys of the capitals a reading spells out as a thing, not a body: 'adenosine
    triphosphate (ATP)', 'in-vitro fertilisation (IVF)' are no organisations, though their
    capitals look like one; 'institutional review board (IRB)' is one."""
    return {
        name_key(short)
        for short, long in long_forms(sentences).items()
        if long.islower() and long.split()[-1] not in lexicon.ORG_SUFFIXES
    }


def is_attribution(m: Mention) -> bool:
    """'..., says lead author Dr Nguyen', 'Brownlee said', 'Jan Davis from Growcom says'."""
    tokens = m.sentence.tokens
    before = {t.text.lower() for t in tokens[max(0, m.first - 6) : m.first]}
    after = set()
    for t in tokens[
        m.last : m.last + 16
    ]:  # "Park Seung-chan, a professor of China studies at Yongin University, commented"
        after.add(t.text.lower())
        if t.tag.startswith("VB") and t.text.lower() not in SAYING:
            break
    return bool(SAYING & (before | after))
