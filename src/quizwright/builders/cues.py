"""Small facts about where an answer stands in its sentence, shared by the candidate builders."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from ..analysis.text import Sentence
from ..matching import whole_words


def coordinated(sentence: Sentence, first: int, last: int) -> bool:
    """'Republicans and ___', '___, Freud, and the Gestalt psychologists': one of a list, where a sibling fits."""
    tokens = sentence.tokens
    before = tokens[first - 1].text.lower() if first > 0 else ""
    after = tokens[last].text.lower() if last < len(tokens) else ""
    after2 = tokens[last + 1].tag if last + 1 < len(tokens) else ""
    return (
        before in {"and", "or", ","}
        or after in {"and", "or"}
        or (after == "," and after2 in {"NN", "NNS", "NNP", "NNPS"})
    )


def is_subject(sentence: Sentence, first: int, last: int) -> bool:
    """The answer is what the sentence is about: it opens the sentence (after an article) and a verb follows."""
    tokens = sentence.tokens
    lead = [t for t in tokens[:first] if t.text.lower() not in {"a", "an", "the"}]
    return not lead and last < len(tokens) and tokens[last].tag.startswith(("VB", "MD"))


SUBORDINATORS = {"because", "if", "although", "though", "since", "as", "when", "while", "whether", "unless", "once",
                 "until", "whereas"}  # fmt: skip


def in_opening_phrase(sentence: Sentence, first: int, last: int) -> bool:
    """The answer stands in the prepositional phrase that opens the sentence ('Upon ___ (tissue
    injury), damaged cells release ...', 'In ___ (Haiti), the dictators are gone', 'Like ___,
    cognitive psychology is ...'): the blank asks for the frame the sentence sets, not its fact.
    Not a clause ('Because the ___ (lipid tails) are hydrophobic, they ...')."""
    tokens = sentence.tokens
    if not tokens or tokens[0].tag != "IN" or tokens[0].text.lower() in SUBORDINATORS:
        return False
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or last > comma:
        return False
    return not any(t.tag.startswith(("VB", "MD")) for t in tokens[1:comma])


FIRST_OF_THEIR_KIND = {"woman", "man", "person", "president", "psychologist", "scientist", "female"}


def after_a_persons_first(sentence: Sentence, first: int) -> bool:
    """The answer follows a person's first ('Washburn was the first woman awarded the ___
    (doctoral degree) in psychology', 'Bernal, the first Latina to earn her ___ ...'): the fact
    is who was first; a blank after it asks the obvious."""
    words = [t.text for t in sentence.tokens[:first]]
    for i in range(len(words) - 2):
        if words[i].lower() in {"was", "is", "became", ","} and words[i + 1 : i + 3] == ["the", "first"]:
            kind = words[i + 3 : i + 7]
            return bool(kind) and (kind[0][:1].isupper() or any(w.lower() in FIRST_OF_THEIR_KIND for w in kind))
    return False


def in_brackets(sentence: Sentence, first: int) -> bool:
    before = [t.text for t in sentence.tokens[:first]]
    return before.count("(") > before.count(")")


def has_quote(sentence: Sentence) -> bool:
    return '"' in sentence.text or "\u201c" in sentence.text


def occurs_twice(sentence: str, answer: str) -> bool:
    return len(whole_words(answer.lower()).findall(sentence.lower())) > 1


class Ranks:
    """Where a value stands among others: 1 for the largest, falling evenly to 0 for the
    smallest (sorted once, so a book's thousands of candidates each cost a binary search)."""

    def __init__(self, values: Iterable[float]) -> None:
        self.sorted = sorted(values)

    def of(self, value: float) -> float:
        if not self.sorted:
            return 0.0
        return bisect_left(self.sorted, value) / max(len(self.sorted) - 1, 1)
