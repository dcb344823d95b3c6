"""Wrong options for an organisation: only of its own class (a university for a university)."""

from __future__ import annotations

import random
from functools import lru_cache

from ...analysis import lexicon
from ...analysis.mentions import Mention
from ...facts import Fact
from ..pool import Pool
from .names import entity_options, ranked

# Organisations are only interchangeable within one class: a broadcaster for a broadcaster.
MEDIA = ["CCTV", "NHK", "KBS", "BBC", "CNN", "Xinhua", "Yonhap", "Reuters", "Al Jazeera", "Associated Press"]
MEDIA_CUES = {
    "broadcaster",
    "broadcasters",
    "network",
    "agency",
    "newspaper",
    "daily",
    "outlet",
    "media",
    "state-run",
    "state-owned",
    "channel",
    "reported",
    "told",
    "interview",
}


def organization_options(fact: Fact, pool: Pool, rng: random.Random) -> list[str]:
    """Same class only: 'Yongin University' for a university, broadcasters for 'CCTV'; else none."""
    wanted = org_class(fact.answer.text, _words_before(fact.answer, 3))
    if not wanted:
        return []
    same = entity_options(fact, pool, lambda c: org_class(c.text) == wanted)
    extra = list(MEDIA) if wanted == "media" else []
    rng.shuffle(extra)
    return ranked(same, rng) + extra


@lru_cache(maxsize=16384)
def org_class(name: str, before: tuple[str, ...] = ()) -> str:
    """'university', 'group', 'party' ... from the last word; 'media' for a known or introduced outlet."""
    last = name.split()[-1].lower()
    if last in lexicon.ORG_SUFFIXES:
        return last
    if name.removeprefix("the ") in MEDIA or MEDIA_CUES & {w.lower() for w in before}:
        return "media"
    return ""


def _words_before(m: Mention, n: int) -> tuple[str, ...]:
    return tuple(t.text for t in m.sentence.tokens[max(0, m.first - n) : m.first])
