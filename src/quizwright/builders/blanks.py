"""Where a term's blank goes in its sentence: the whole term, never half of one."""

from __future__ import annotations

import re

from ..analysis import lexicon
from ..analysis.reading_terms import QUANTIFIERS
from ..analysis.terms import Span, zipf
from ..analysis.text import Sentence

FORMULA = re.compile(r"[A-Z][a-z]?\d*[+\-]|[A-Z][a-z]?\d*(?:[A-Z][a-z]?\d*)+[+\-]?")
"""A chemical symbol or formula: 'H+', 'Na+', 'Cl-', 'HCO3-', 'H2O'."""


def term_answer_span(sentence: Sentence, span: Span) -> tuple[int, int] | None:
    """Where a term's blank goes: the whole term, with its abbreviation ('adenosine triphosphate
    (ATP)'); None where a blank would cut a longer term ('Connective ___', '6 ___'), sit inside
    brackets ('(ATP)' after its full form) or be named again right after it ('(polyaxial joint)')."""
    tokens = sentence.tokens
    start, end = tokens[span.first].start - sentence.start, tokens[span.last - 1].end - sentence.start
    before = [t.text for t in tokens[: span.first]]
    if before.count("(") > before.count(")"):
        return None
    if span.first > 0:
        left = tokens[span.first - 1]
        if FORMULA.fullmatch(left.text):
            return None  # 'the H+ ___' (protons), 'Na+ ___': the formula before the blank names it
        if (left.tag == "CD" and not left.text.isalpha()) or left.text.lower() == "per":
            return None  # '6 kilometres': the unit of a quantity
        rare_modifier = left.tag in {"JJ", "VBN"} and zipf(left.text.lower()) < 4.5
        # 'Strong ___', 'positive ___': an adjective before the blank is part of the term, unless it only counts
        describing = left.tag == "JJ" and left.text.lower() not in QUANTIFIERS
        if left.text.isalpha() and (
            describing
            or left.tag.startswith("NN")
            or rare_modifier
            or left.text.lower() in {"freely", "slightly", "highly", "nearly"}
        ):
            return None  # 'freely moveable joints', 'fibrous connective tissue'
    if (
        span.last < len(tokens)
        and tokens[span.last].text.isalpha()
        and _a_noun(tokens[span.last].text, tokens[span.last].tag)
    ):
        return None  # 'cell' in 'cell membrane'; 'solute' in 'The solute particles consist of ...'
    if span.last < len(tokens) and tokens[span.last].tag == "NNP" and tokens[span.last].text[:1].isupper():
        return None  # 'Lucius' of 'Lucius Wright': half a name
    if RENAMED.match(sentence.text[end:]):
        return None  # 'begins with ___—one hypothesis—': the aside names it too
    if span.last < len(tokens) and tokens[span.last].text == "(":
        abbreviation = span.last + 2 < len(tokens) and tokens[span.last + 2].text == ")"
        if abbreviation and re.fullmatch(r"[A-Z][A-Za-z0-9+\-]{1,7}", tokens[span.last + 1].text):
            return start, tokens[span.last + 2].end - sentence.start
        if not GLOSS.match(sentence.text[end:]):
            return None  # '(polyaxial joint)': named again right after the blank
    return start, end


def _a_noun(word: str, tag: str) -> bool:
    """A noun, or a plural the tagger took for a verb that WordNet knows only as a noun ('particles')."""
    return tag in {"NN", "NNS"} or (tag == "VBZ" and not lexicon.wordnet().synsets(word.lower(), "v"))


RENAMED = re.compile(r"\s*(?:[—–]|\s-\s)\s*(?:[\w'-]+\s+){0,3}[\w'-]+\s*(?:[—–]|\s-\s)")
"""An aside set off by dashes right after a term, a few words long: another name for it."""


GLOSS = re.compile(r"\s*\(\s*(?:[a-z]+ ){0,3}[\u201c\"][^\u201d\"()]+[\u201d\"]\s*\)")
"""A quoted gloss after a term: 'exocytosis (taking \u201cout of the cell\u201d)', 'phagocytosis (\u201ccell eating\u201d)',
'introspection (he called it \u201cinternal perception\u201d)'."""
