"""The record the analysis finds in a sentence: a stretch of tokens that names or counts something."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Sentence, Token


@dataclass(frozen=True)
class Mention:
    """A stretch of a sentence that names an entity or states a quantity."""

    sentence: Sentence
    first: int
    """Index of the first token in the sentence."""
    last: int
    """Index one past the last token."""
    kind: str
    """A models.EntityKind value ("" only while _split_titles has not typed it yet)."""
    subtype: str = ""
    """Depends on the kind: the place class (country, city, region, state, province) for a
    place; the date part (year, decade, month, weekday, time) for a date; the unit lemma
    ('year', 'percent', 'dollar', 'count') for a number; the head noun's lemma for a term."""
    key: str = ""
    """The same for every mention of one entity across the document set."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens[self.first : self.last]

    @property
    def text(self) -> str:
        """Verbatim from the document."""
        s = self.sentence
        return s.text[self.tokens[0].start - s.start : self.tokens[-1].end - s.start]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokens)
