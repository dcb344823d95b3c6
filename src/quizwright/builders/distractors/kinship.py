"""What WordNet says two words are to each other: one a kind of the other, the classes above
each, and how specific a class holds both."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...analysis import lexicon


@lru_cache(maxsize=65536)
def parents(word: str) -> frozenset[Any]:
    return frozenset(h for s in synsets(word) for h in s.hypernyms() + s.instance_hypernyms())


@lru_cache(maxsize=65536)
def classes(word: str) -> frozenset[Any]:
    """The word's first senses and every class above them."""
    return frozenset[Any]().union(*(with_hypernyms(s) for s in synsets(word)))


@lru_cache(maxsize=65536)
def synsets(word: str) -> tuple[Any, ...]:
    return tuple(lexicon.wordnet().first_synsets(word.replace(" ", "_"), "n", 3))


@lru_cache(maxsize=65536)
def all_hypernyms(word: str) -> frozenset[str]:
    """The names of every class above the word's first senses (each sense's hypernym closure)."""
    return frozenset(h.name() for s in synsets(word) for h in with_hypernyms(s) - {s})


def is_a(a: str, b: str) -> bool:
    """WordNet says one is a kind of the other: a defensible second answer, or a giveaway."""
    sa, sb = synsets(a), synsets(b)
    return bool(sa and sb) and (sb[0].name() in all_hypernyms(a) or sa[0].name() in all_hypernyms(b))


def wordnet_kinship(a: str, b: str) -> float:
    """See _kinship: the same either way round, so asked once a pair."""
    return _kinship(*sorted((a, b)))


@lru_cache(maxsize=65536)
def _kinship(a: str, b: str) -> float:
    """How specific a class WordNet puts both words in: the depth of their lowest common
    hypernym over senses of one lexical file (proton, neutron -> nucleon: 9; canister, system
    -> instrumentality: 5); 0 when WordNet lacks one; -1 when no senses share a lexical file."""
    sa, sb = synsets(a), synsets(b)
    if not sa or not sb:
        return 0.0
    best = -1.0
    for x in sa:
        for y in sb:
            if x.lexname() == y.lexname() and x != y:
                common = with_hypernyms(x) & with_hypernyms(y)
                if common:  # x.lowest_common_hypernyms(y): those whose longest path to the root is longest
                    deepest = max(depths(c)[1] for c in common)
                    best = max(best, float(max(depths(c)[0] for c in common if depths(c)[1] == deepest)))
    return best


# NLTK's Synset keeps its depths in slots but looks for them in __dict__, so it never reuses
# them: every lowest_common_hypernyms walked the whole hierarchy again (a tenth of a build).


@lru_cache(maxsize=65536)
def with_hypernyms(synset: Any) -> frozenset[Any]:
    """The synset and every hypernym above it (instance hypernyms too), as NLTK's common_hypernyms
    takes them: built on its hypernyms' own, which every word below them shares."""
    return frozenset({synset}).union(*(with_hypernyms(h) for h in synset.hypernyms() + synset.instance_hypernyms()))


@lru_cache(maxsize=65536)
def depths(synset: Any) -> tuple[int, int]:
    """Synset.min_depth() and Synset.max_depth(): the shortest and longest hypernym path to the root."""
    above = [depths(h) for h in synset.hypernyms() + synset.instance_hypernyms()]
    if not above:
        return 0, 0
    return 1 + min(d[0] for d in above), 1 + max(d[1] for d in above)
