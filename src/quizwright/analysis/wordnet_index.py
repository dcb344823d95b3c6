"""NLTK's WordNet reader for English alone, its lemma index read when a lemma is first asked for.

NLTK's reader parses every line of WordNet's four index files when it starts (147,000 lemmas,
2 s of the 5 s a one-article build took) and scans the adjective data for satellites; a build
asks for a few thousand lemmas. Here the start keeps each file's lines by lemma, unparsed (a
tenth of that), and a lemma's entry is parsed, as NLTK parses it, the first time it is asked
for. The synsets, lemmas and relations are NLTK's own.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from nltk.corpus.reader.wordnet import ADJ, ADJ_SAT, WordNetCorpusReader, WordNetError

Offsets = dict[str, list[int]]
"""A lemma's synset offsets by part of speech: an entry of NLTK's _lemma_pos_offset_map."""


class LemmaIndex(dict[str, Offsets]):
    """lemma -> {pos: synset offsets}, as NLTK's reader keeps it, each entry parsed from its
    index lines the first time it is asked for. Membership, iteration and length cover every
    lemma; keys(), values() and items() only the entries parsed so far (NLTK's English
    functions use only the former)."""

    def __init__(self, lines: dict[str, dict[str, str]], satellites: Callable[[], set[int]]) -> None:
        super().__init__()
        self._lines = lines
        """Index file suffix ('noun') -> lemma -> its line."""
        self._satellites = satellites

    def __missing__(self, lemma: str) -> Offsets:
        found = [(suffix, by_lemma[lemma]) for suffix, by_lemma in self._lines.items() if lemma in by_lemma]
        if not found:
            return {}  # NLTK's defaultdict answers {} too
        entry: Offsets = {}
        for suffix, line in found:
            pos, offsets = parse_index_line(line, suffix)
            entry[pos] = offsets
            if pos == ADJ:  # index.adj files satellites under 'a': they are told apart by the data file
                satellites = self._satellites()
                entry[ADJ_SAT] = [offset for offset in offsets if offset in satellites]
        self[lemma] = entry
        return entry

    def __contains__(self, lemma: object) -> bool:
        return any(lemma in by_lemma for by_lemma in self._lines.values())

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for by_lemma in self._lines.values():
            for lemma in by_lemma:
                if lemma not in seen:
                    seen.add(lemma)
                    yield lemma

    def __len__(self) -> int:
        return len(set().union(*self._lines.values()))


def parse_index_line(line: str, suffix: str) -> tuple[str, list[int]]:
    """(pos, synset offsets) of one line of index.SUFFIX: 'lemma pos synset_cnt p_cnt
    [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...'; WordNetError where the line is not one."""
    fields = line.split()
    try:
        pos, count, pointers = fields[1], int(fields[2]), int(fields[3])
        start = 6 + pointers
        offsets = [int(field) for field in fields[start : start + count]]
        whole = count > 0 and int(fields[start - 2]) == count and len(offsets) == count
    except (IndexError, ValueError):
        whole = False
    if not whole:
        raise WordNetError(f"file index.{suffix}: not an index line: {line[:80]!r}")
    return pos, offsets


SATELLITE = re.compile(r"^(\d+) \d+ s ", re.MULTILINE)
"""A line of data.adj whose synset type, its third field, is 's': an adjective satellite."""


def satellite_offsets(data: str) -> set[int]:
    """The offsets of the adjective satellite synsets in data.adj's text (NLTK's _scan_satellites,
    in one pass over the text instead of a readline a line)."""
    return {int(offset) for offset in SATELLITE.findall(data)}


def lines_by_lemma(text: str) -> dict[str, str]:
    """An index file's lines by their first field, the lemma (the licence at its top, each
    line of which starts with a space, left out)."""
    return {line.split(" ", 1)[0]: line for line in text.splitlines() if line and not line.startswith(" ")}


class EnglishWordNet(WordNetCorpusReader):  # type: ignore[misc]  # nltk ships no types: the base is Any
    """nltk.corpus.wordnet also maps WordNet 3.0 synsets for the multilingual (OMW) functions by
    reading index.sense twice, for functions quizwright never calls: not here."""

    def map_wn(self, version: str = "wordnet") -> None:
        return None

    def _scan_satellites(self) -> None:
        """NLTK scans the adjective data file at start; here when an adjective is first asked for."""

    def _satellites(self) -> set[int]:
        if not hasattr(self, "satellite_offsets"):
            self.satellite_offsets = satellite_offsets(self._text(f"data.{self._FILEMAP[ADJ]}"))
        satellites: set[int] = self.satellite_offsets
        return satellites

    def _load_lemma_pos_offset_map(self) -> None:
        lines = {suffix: lines_by_lemma(self._text(f"index.{suffix}")) for suffix in self._FILEMAP.values()}
        self._lemma_pos_offset_map = LemmaIndex(lines, self._satellites)

    def _text(self, fileid: str) -> str:
        """A file read whole, in one go: NLTK's seekable reader takes ten times as long to go
        through it line by line."""
        with self.abspath(fileid).open() as raw:
            text: str = raw.read().decode(self._encoding)
        return text


def english_wordnet(root: Path | Any) -> EnglishWordNet:
    """The reader of the WordNet at `root` (a folder or a zip's path pointer, as nltk.data finds it)."""
    with warnings.catch_warnings():  # "The multilingual functions are not available": as intended
        warnings.simplefilter("ignore")
        return EnglishWordNet(root, omw_reader=None)
