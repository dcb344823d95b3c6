"""One entity, one kind and one key across a document set, and names the tagger missed."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from ..matching import name_key
from .mentions import Mention
from .names import PROPER_TAGS
from .text import Sentence


def with_missed_names(sentences: list[Sentence], found: list[Mention]) -> list[Mention]:
    """found, plus single words the tagger took for common words that the set names as part of
    a person's full name: 'Lee has already asked Xi in earlier meetings' (Xi tagged NN, the
    Greek letter) where 'Chinese President Xi Jinping' is named elsewhere. Only capitalised
    words not opening their sentence and not already in a mention."""
    name_words = {
        w for m in found if m.kind == "person" and len(m.words) >= 2 for w in m.words if w[:1].isupper() and len(w) > 1
    }
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in found:
        by_sentence[(m.sentence.doc_id, m.sentence.index)].append(m)
    out: list[Mention] = []
    for sentence in sentences:
        here = by_sentence.get((sentence.doc_id, sentence.index), [])
        covered = {i for m in here for i in range(m.first, m.last)}
        missed = [
            Mention(sentence, i, i + 1, "person")
            for i, token in enumerate(sentence.tokens)
            if i > 0 and token.text in name_words and token.tag not in PROPER_TAGS and i not in covered
        ]
        out.extend(sorted(here + missed, key=lambda m: m.first) if missed else here)
    return out


def resolve(mentions: list[Mention]) -> list[Mention]:
    """One entity, one kind and one key across the document set.

    A single word that is part of a known person's name ("Lee", "President Lee") is that
    person; otherwise the kind most mentions agree on wins, ties going to the more specific.
    """
    said = [m.words for m in mentions]  # a property that slices the sentence's tokens: made once a mention
    people = {
        word: name_key(" ".join(words))
        for m, words in zip(mentions, said)
        if m.kind == "person" and len(words) >= 2
        for word in words
    }
    surnames = {words[-1] for m, words in zip(mentions, said) if m.kind == "person"}
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    keyed: list[Mention] = []
    for m, words in zip(mentions, said):
        if m.kind in {"date", "number"}:
            keyed.append(Mention(m.sentence, m.first, m.last, m.kind, m.subtype, f"{m.kind}:{name_key(m.text)}"))
            continue
        key, kind = name_key(" ".join(words)), m.kind
        if len(words) == 1 and words[0] in people and m.kind in {"person", "proper"}:
            key, kind = people[words[0]], "person"
        elif m.kind == "proper" and 2 <= len(words) <= 3 and words[-1] in surnames:
            kind = "person"  # "Conor McCourt" where "Mr. McCourt" is a person
        votes[key][(kind, m.subtype)] += 1
        keyed.append(Mention(m.sentence, m.first, m.last, kind, m.subtype, key))  # dataclasses.replace: 5x dearer
    winners = {key: _winner(counter) for key, counter in votes.items()}
    # copied only where the vote changes them: dataclasses.replace is slow, and a set has many mentions
    return [
        m
        if m.kind in {"date", "number"} or (m.kind, m.subtype) == winners[m.key]
        else replace(m, kind=winners[m.key][0], subtype=winners[m.key][1])
        for m in keyed
    ]


def _winner(counter: Counter[tuple[str, str]]) -> tuple[str, str]:
    specific = {k: v for k, v in counter.items() if k[0] != "proper"}
    pool = specific or counter
    return max(pool.items(), key=lambda kv: (kv[1], kv[0][1] != "", kv[0]))[0]
