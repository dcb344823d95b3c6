"""Typographic text -> the ASCII forms NLTK's models were trained on, with a map back.

Analysis runs on the normalised copy; every span found there is mapped back to the
original characters, so items quote the document exactly as it is written.
"""

from __future__ import annotations

import re

REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2011": "-",
    "\u2010": "-",
    "\u2212": "-",
    # an em dash joins words without spaces ("vessels—a move"); spaces keep them apart
    "\u2014": " -- ",
    "\u2015": " -- ",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}


TYPOGRAPHIC = re.compile("[" + "".join(re.escape(c) for c in REPLACEMENTS) + "]")


def normalize(text: str) -> tuple[str, list[int]]:
    """Return (normalised text, offsets) where offsets[i] is the original index of char i.

    offsets has one extra entry at the end, the original length, so that a span
    [start, end) of the normalised text maps to [offsets[start], end_offset(end)).
    """
    out: list[str] = []
    offsets: list[int] = []
    done = 0
    for match in TYPOGRAPHIC.finditer(text):  # the plain runs between copied whole, not a character at a time
        at = match.start()
        out.append(text[done:at])
        offsets.extend(range(done, at))
        replacement = REPLACEMENTS[text[at]]
        out.append(replacement)
        offsets.extend([at] * len(replacement))
        done = at + 1
    out.append(text[done:])
    offsets.extend(range(done, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a normalised span back to the original text."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1
