"""Kinds of a term on one scale: 'pluripotent', 'multipotent', 'oligopotent', 'totipotent stem
cell'; 'uniaxial', 'biaxial', 'multiaxial joint'. A kind the reading defines is best asked
among the others of its scale, those the reading only names in passing too ('develop from
totipotent stem cells'): 'adult stem cell', a kind by where it is found, was judged a second
right answer among kinds by potency (rounds 52-55)."""

from __future__ import annotations

from ...analysis.definitions import RARE_MODIFIER
from ...analysis.reading_model import ReadingModel
from ...analysis.reading_terms import Term
from ...analysis.terms import Span, zipf

SHARED_ENDING = 4
"""Letters two kinds' first words end alike in: 'potent', 'axial'."""


def one_scale(text: str, answer: str) -> bool:
    """'multipotent stem cell' for 'oligopotent stem cell': the same rest, first words that end alike."""
    a, b = text.lower().split(), answer.lower().split()
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:] or a[0] == b[0]:
        return False
    return a[0][-SHARED_ENDING:] == b[0][-SHARED_ENDING:]


def kinds_named(key: Term, reading: ReadingModel) -> list[Term]:
    """The kinds on the key's scale that the reading names but does not count among its terms."""
    words = key.key.split()
    if len(words) < 2 or zipf(words[0]) >= RARE_MODIFIER:
        return []
    rest = " ".join(words[1:])
    found: dict[str, Term] = {}
    for index, span in _spans_by_term(reading).get(rest, []):
        tokens = reading.sentences[index].tokens
        before = [t.text for t in tokens[: span.first]]
        if span.first == 0 or before.count("(") > before.count(")"):
            continue  # '(polyaxial or triaxial joint)': another name for the multiaxial joint before it
        word = tokens[span.first - 1].text.lower()
        name = f"{word} {rest}"
        if word.isalpha() and zipf(word) < RARE_MODIFIER and one_scale(name, key.key) and name not in reading.terms:
            found.setdefault(name, Term(name, name, 1, 0.0))
    return list(found.values())


def _spans_by_term(reading: ReadingModel) -> dict[str, list[tuple[int, Span]]]:
    """Where the reading names each term: its term_spans turned round, once a reading."""
    memo_key = ("spans by term", ())
    found: dict[str, list[tuple[int, Span]]] | None = reading.option_memo.get(memo_key)
    if found is None:
        found = {}
        for index, spans in reading.term_spans.items():
            for span, key in spans:
                found.setdefault(key, []).append((index, span))
        reading.option_memo[memo_key] = found
    return found
