"""An option written in the answer's form: its number and its initial capital, so that no
option stands out by its grammar ('bones' beside 'tendons', 'Respiration' beside 'Digestion')."""

from __future__ import annotations

from lemminflect import getInflection

from ...analysis import lexicon
from ...analysis.terms import zipf

MASS_NOUNS = {"water", "air", "blood", "energy", "information", "research", "evidence", "knowledge", "equipment",
              "money", "food", "oxygen", "hydrogen", "carbon", "nitrogen", "matter", "heat", "light", "sunlight"}  # fmt: skip
"""Nouns whose plural reads as a mistake ('waters' among 'acids', 'bases', 'salts')."""


def inflected_like(text: str, answer: str) -> str:
    """The option in the answer's number and initial capital: 'bone' for 'bones' -> 'bones';
    '' for a mass noun that reads wrong in the plural ('waters')."""
    words = text.split()
    last = answer.split()[-1].lower()
    plural = lexicon.lemma(last) != last and last.endswith("s")
    head = words[-1]
    if plural and lexicon.lemma(head.lower()) == head.lower():
        inflected = getInflection(head, tag="NNS")
        if not inflected or head.lower() in MASS_NOUNS or zipf(inflected[0].lower()) < zipf(head.lower()) - 1.5:
            return ""
        words[-1] = inflected[0]
    elif not plural and lexicon.lemma(head.lower()) != head.lower():
        words[-1] = lexicon.lemma(head.lower())
    out = " ".join(words)
    if answer[:1].isupper() and out[:1].islower():
        return out[:1].upper() + out[1:]
    if answer[:1].islower() and out[:1].isupper() and out[1:2].islower():
        return out[:1].lower() + out[1:]
    return out
