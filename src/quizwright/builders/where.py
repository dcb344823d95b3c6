"""Where in a reading items may come from."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.reading_model import ReadingModel
from ..facts import Standing, shortens_the_one_before, standing


@dataclass(frozen=True)
class Where:
    """The sentences of a reading that items may come from."""

    usable: set[int]
    """Sentences that stand alone."""
    contexts: dict[int, str]
    """Sentences that lean on the one before, and that sentence (shown as the item's context)."""

    def context(self, index: int) -> str | None:
        return self.contexts.get(index)

    def indexes(self) -> list[int]:
        return sorted(self.usable | set(self.contexts))


def where_to_ask(model: ReadingModel, repeated: set[tuple[str, int]]) -> Where:
    """The sentences that stand alone, and those that do with the sentence before them shown."""
    known = frozenset(k for k in list(model.terms)[:15] if " " not in k)
    standings = {
        s.index: Standing.UNUSABLE
        if (s.doc_id, s.index) in repeated
        else standing(s, defines=s.index in model.definitions, known=known)
        for s in model.sentences
    }
    for s in model.sentences[1:]:
        if standings[s.index] == Standing.ALONE and shortens_the_one_before(s, model.sentences[s.index - 1].text):
            standings[s.index] = Standing.NEEDS_CONTEXT
    usable = {i for i, v in standings.items() if v == Standing.ALONE}
    contexts = {
        i: model.sentences[i - 1].text
        for i, v in standings.items()
        if v == Standing.NEEDS_CONTEXT and i > 0 and standings[i - 1] == Standing.ALONE
    }
    return Where(usable, contexts)
