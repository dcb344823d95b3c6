"""Readings too long to analyse whole (a book as one file): read in parts, in bounded memory.

A reading longer than LONG_CHARS is cut at paragraph boundaries into parts of at most half
that (about 17,000 words: a long chapter; a new part starts at a heading once the current one
is half full, so chapters and sections tend to be parts of their own). Each part is analysed,
modelled and its candidates built as a reading of its own (its key terms, main actors and
definitions are the part's), then its best items are chosen, continuing the book's record of
what has been asked, and its tokens are dropped before the next part: memory holds one part's
analysis per process and the items, not the book's tokens (nor, past a bound, the per-word
look-ups its parts made: forget_lookups). Parts are analysed in parallel with --jobs and
cached one by one. Shorter readings in the same set are built together as any set is
(pipeline.py), so a set without a long reading builds exactly as before. This module cuts the
parts; pipeline.py builds them.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from typing import Any

from .analysis import lexicon
from .models import Document, DocumentReport

LONG_CHARS = 200_000
"""A reading longer than this is read in parts."""
LOADED = 64
"""An lru_cache of at most this many entries holds a loaded resource (a word list, WordNet
itself) and is kept; a larger one remembers per-word look-ups (forget_lookups)."""
KEEP = 50_000
"""Look-ups remembered beyond this many (in all) are forgotten after a part: emptying them after
every part cost a 10th more time, this 1 %."""
LINE = re.compile(r"[^\n]+")
TERMINAL = re.compile(r"""[.!?:;]["')\]\u201d\u2019]*\s*$""")


def is_long(doc: Document, limit: int | None = None) -> bool:
    return len(doc.text) > (limit or LONG_CHARS)


def part_spans(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each part: whole lines, at most `size` characters (a longer line is a part
    of its own), never cutting a paragraph hard-wrapped over lines; a heading starts a new part
    once the current one is half full. size: half of LONG_CHARS unless given."""
    size = size or LONG_CHARS // 2
    spans: list[tuple[int, int]] = []
    start = end = -1
    for match in LINE.finditer(text):
        line_start, line_end = match.span()
        if not match.group().strip():
            continue
        if start < 0:
            start, end = line_start, line_end
            continue
        continues = text.count("\n", end, line_start) == 1 and match.group()[:1].islower()
        heading = not continues and len(match.group().split()) <= 16 and not TERMINAL.search(match.group())
        if not continues and (line_end - start > size or (heading and end - start >= size // 2)):
            spans.append((start, end))
            start = line_start
        end = line_end
    if start >= 0:
        spans.append((start, end))
    return spans


def part(doc: Document, span: tuple[int, int]) -> Document:
    """One part of the document: a Document of the same id (items cite the whole reading) whose
    sha256 names the span too, so that each part is cached on its own."""
    start, end = span
    return Document(doc.id, doc.path, f"{doc.sha256}:{start}-{end}", doc.text[start:end])


def parts(doc: Document) -> list[Document]:
    """The document's parts, in order."""
    return [part(doc, span) for span in part_spans(doc.text)]


def add_reports(before: DocumentReport | None, part: DocumentReport) -> DocumentReport:
    if before is None:
        return part
    dropped = Counter(dict(before.dropped)) + Counter(dict(part.dropped))
    return replace(
        before,
        sentences=before.sentences + part.sentences,
        usable=before.usable + part.usable,
        candidates=before.candidates + part.candidates,
        mcq=before.mcq + part.mcq,
        cloze=before.cloze + part.cloze,
        dropped=tuple(sorted(dropped.items())),
    )


def lookup_caches() -> list[Any]:
    """quizwright's lru_caches of per-word look-ups (more than LOADED entries), each once."""
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if name == "quizwright" or name.startswith("quizwright."):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and hasattr(value, "cache_clear") and (info().maxsize or 0) > LOADED:
                    found[id(value)] = value
    return list(found.values())


def forget_lookups(keep: int | None = None) -> bool:
    """Empty what per-word look-ups remember (quizwright's lru_caches and the synsets WordNet has
    read) once it is more than `keep` (KEEP) entries; whether it did. Part after part of a book these
    grow with its vocabulary and the pairs of its names (in a 10 MB reading, 120 MB a process,
    pinning memory the parts' tokens freed), and they are quick to fill again; each holds a pure
    function of its arguments, so what is built does not change."""
    caches = lookup_caches()
    synsets = getattr(lexicon.wordnet(), "_synset_offset_cache", {}) if lexicon.wordnet.cache_info().currsize else {}
    held = sum(cache.cache_info().currsize for cache in caches) + sum(len(d) for d in synsets.values())
    if held <= (KEEP if keep is None else keep):
        return False
    for cache in caches:
        cache.cache_clear()
    synsets.clear()
    return True
