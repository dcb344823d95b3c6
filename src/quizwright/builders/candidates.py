"""One reading's candidate items: every valid item its key terms, main actors and findings give,
with the features they are scored on.

What is asked comes from the reading's model (analysis/reading_model.py): a key term (above
all where the sentence defines it), one of the reading's main actors, or a number or date its
lead reports. Never whoever a quotation is attributed to, a filler word, an incidental figure,
the word the whole reading is about, or a note about the book itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.reading_model import ReadingModel
from ..checks import item_problems
from .entity_candidates import NAMED, entity_candidates
from .pool import Pool
from .ranking import Candidate, score
from .term_candidates import past_connective, term_candidates
from .where import Where

__all__ = ["Built", "Where", "reading_candidates"]


@dataclass(frozen=True)
class Built:
    """A reading's valid candidates, scored, and how many items failed validation."""

    candidates: list[Candidate]
    rejected: int
    askable: int
    """Sentences items may come from (Where): the reading's report counts them."""


def reading_candidates(model: ReadingModel, related: list[ReadingModel], where: Where, pool: Pool, seed: int) -> Built:
    found = term_candidates(model, related, where, seed) + entity_candidates(model, where, pool, seed)
    at: dict[str, int] = {}  # where each item's sentence stands
    for i in where.indexes():
        text = model.sentences[i].text
        at[text] = i
        at.setdefault(past_connective(text), i)  # an item may be asked past the sentence's opening connective
    generic = model.most_named_words()
    valid = []
    for c in found:
        if item_problems(c.item):
            continue
        c.score = score(c.features)
        c.at = at[c.item.source.sentence]
        c.names = names_in(model, c.at, generic) - {c.answer_key}
        valid.append(c)
    return Built(valid, len(found) - len(valid), len(where.usable) + len(where.contexts))


def names_in(model: ReadingModel, index: int, generic: frozenset[str]) -> frozenset[str]:
    """The key terms and main actors a sentence names, as candidates' answer keys, but for the
    reading's most common words and names ('bone' in a section on bones, 'China' in a report on
    a visit to China relate nothing in particular)."""
    terms = {f"term:{key}" for _, key in model.term_spans.get(index, []) if key not in generic}
    actors = {
        f"{m.kind}:{m.key}"
        for m in model.mentions.get(index, [])
        if m.kind in NAMED and m.key in model.actors and not model.actors[m.key].attributed and m.key not in generic
    }
    return frozenset(terms | actors)
