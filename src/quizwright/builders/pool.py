"""What the whole document set names, so distractors come from the readings themselves."""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..analysis import lexicon
from ..analysis.mentions import Mention


@dataclass(frozen=True)
class Candidate:
    """Something that could stand in as a wrong option."""

    text: str
    key: str
    kind: str
    subtype: str
    count: int
    """How often the readings the pool is made of mention it."""
    role: str = ""
    """For a person, the class of role the readings give them (lexicon.ROLE_CLASSES), if any."""
    nationality: str = ""
    """For a person, the nationality the readings put before their title ('South Korean
    President Lee Jae Myung' -> 'South Korean'), if any."""


@dataclass(frozen=True)
class Pool:
    candidates: tuple[Candidate, ...]
    """Commonest first; names mentioned equally often in an order fixed by their text."""

    def named(self, key: str) -> Candidate | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, Candidate]:
        return {c.key: c for c in self.candidates}

    def of_kind(self, kind: str, subtype: str | None = None) -> tuple[Candidate, ...]:
        """The candidates of a kind (and subtype), in pool order: looked up, not scanned."""
        return self._by_kind.get((kind, subtype), ())

    @cached_property
    def _by_kind(self) -> dict[tuple[str, str | None], tuple[Candidate, ...]]:
        index: dict[tuple[str, str | None], list[Candidate]] = defaultdict(list)
        for c in self.candidates:
            index[(c.kind, None)].append(c)
            index[(c.kind, c.subtype)].append(c)
        return {key: tuple(found) for key, found in index.items()}


def build_pool(mentions: list[Mention]) -> Pool:
    """The names these mentions give (a reading's, with those of readings on its topic)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    nationalities: dict[str, Counter[str]] = defaultdict(Counter)
    groups: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind == "group":
            groups[(m.sentence.doc_id, m.sentence.index)].append(m)
    for m in mentions:
        if m.kind in {"date", "number"}:
            continue
        forms[m.key][display_form(m)] += 1
        types[m.key][(m.kind, m.subtype)] += 1
        if m.kind == "person":
            if role := role_of(m):
                roles[m.key][role] += 1
            if nationality := stated_nationality(m, groups[(m.sentence.doc_id, m.sentence.index)]):
                nationalities[m.key][nationality] += 1
    candidates = []
    for key, counter in forms.items():
        kind, subtype = types[key].most_common(1)[0][0]
        role = roles[key].most_common(1)[0][0] if roles[key] else ""
        nationality = nationalities[key].most_common(1)[0][0] if nationalities[key] else ""
        candidates.append(
            Candidate(
                _best_form(counter, kind), key, kind, subtype, sum(counter.values()), role=role, nationality=nationality
            )
        )
    # Among equals, a fixed scatter rather than the alphabet: a book names thousands once, and
    # distractor search reads only the first few dozen of them.
    order = lambda c: (-c.count, zlib.crc32(c.text.encode("utf-8")), c.text)  # noqa: E731 - a sort key
    return Pool(tuple(sorted(candidates, key=order)))


def stated_nationality(person: Mention, others: Iterable[Mention]) -> str:
    """'South Korean' for 'South Korean President Lee', 'Japanese' for 'Japanese Prime Minister
    Sanae Takaichi': a nationality that ends one or two words (the title) before the name."""
    return next((m.text for m in others if m.kind == "group" and 1 <= person.first - m.last <= 2), "")


def role_of(mention: Mention) -> str:
    """The class of the title before a name ('Premier Li Qiang') or the role after it ('Kang, a professor')."""
    tokens = mention.sentence.tokens
    before = [t.text for t in tokens[max(0, mention.first - 2) : mention.first]]
    for word in reversed(before):
        if lexicon.role_class(word):
            return lexicon.role_class(word)
    after = [t.text.lower() for t in tokens[mention.last : mention.last + 5]]
    if after[:1] == [","] and len(after) > 2 and after[1] in {"a", "an", "the"}:
        for word in after[2:]:
            if lexicon.role_class(word):
                return lexicon.role_class(word)
    return ""


def display_form(mention: Mention) -> str:
    """How the entity reads as an option: with 'the' where the text uses it ('the United States')."""
    tokens = mention.sentence.tokens
    text = mention.text
    after = tokens[mention.last] if mention.last < len(tokens) else None
    modifier = after is not None and (
        after.tag in {"NN", "NNS", "NNP", "NNPS"} or after.text.startswith(("-", "\u2013"))
    )
    if (
        mention.kind in {"place", "organization", "proper"}
        and mention.first > 0
        and tokens[mention.first - 1].text.lower() == "the"
        and not modifier  # 'the China-Japan spat', 'the Seoul government': 'the' is the noun's
    ):
        return "the " + text
    return text


def _best_form(forms: Counter[str], kind: str) -> str:
    if kind == "person":  # the fullest name, then the commonest spelling of it
        return max(forms.items(), key=lambda kv: (len(kv[0].split()), kv[1], kv[0]))[0]
    best = max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0]
    if kind != "proper" and not best.startswith("the ") and any(form.startswith("the ") for form in forms):
        return "the " + best  # 'US troops', 'a US ally' and once 'The US supports ...': as an option, 'the US'
    return best
