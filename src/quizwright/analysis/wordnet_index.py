"""NLTK's WordNet reader for English alone, its lemma index read when a lemma is first asked for.

NLTK's reader parses every line of WordNet's four index files when it starts (147,000 lemmas,
2 s of the 5 s a one-article build took) and scans the adjective data for satellites; a build
asks for a few thousand lemmas. Here the start keeps each file's lines by lemma, unparsed (a
tenth of that), and a lemma's entry is parsed, as NLTK parses it, the first time it is asked
for. The synsets, lemmas and relations are NLTK's own classes, with the values NLTK's parser
gives them; a synset's data line is cut from its file held in memory and parsed in one pass
(the synsets of the benchmark book's words: 3.1 s with NLTK's seek, readline and token
iterator, 2.0 s so).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from nltk.corpus.reader.wordnet import (
    ADJ,
    ADJ_SAT,
    VERB_FRAME_STRINGS,
    Lemma,
    Synset,
    WordNetCorpusReader,
    WordNetError,
)

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
            self.satellite_offsets = satellite_offsets(self._data(ADJ).decode(self._encoding))
        satellites: set[int] = self.satellite_offsets
        return satellites

    def _load_lemma_pos_offset_map(self) -> None:
        lines = {
            suffix: lines_by_lemma(self._whole(f"index.{suffix}").decode(self._encoding))
            for suffix in self._FILEMAP.values()
        }
        self._lemma_pos_offset_map = LemmaIndex(lines, self._satellites)

    def _whole(self, fileid: str) -> bytes:
        """A file read whole, in one go: NLTK's seekable reader takes ten times as long to go
        through it line by line."""
        with self.abspath(fileid).open() as raw:
            data: bytes = raw.read()
        return data

    def first_synsets(self, lemma: str, pos: str, count: int) -> list[Any]:
        """synsets(lemma, pos)[:count], reading only those: NLTK reads every sense of the lemma
        to give the first few ('head' has 33 as a noun)."""
        index = self._lemma_pos_offset_map
        found = (
            (p, offset) for p in pos for form in self._morphy(lemma.lower(), p) for offset in index[form].get(p, [])
        )
        return [self.synset_from_pos_and_offset(p, offset) for p, offset in islice(found, count)]

    def synset_from_pos_and_offset(self, pos: str, offset: int) -> Any:
        """NLTK's, the line cut from the data file held whole instead of seeking in the file."""
        cached = self._synset_offset_cache[pos]
        if offset in cached:
            return cached[offset]
        data = self._data(ADJ if pos == ADJ_SAT else pos)
        end = data.find(b"\n", offset) if offset >= 0 else -1
        line = data[offset : end + 1].decode(self._encoding) if end >= 0 else ""
        if line[:8] != f"{offset:08d}":
            warnings.warn(f"No WordNet synset found for pos={pos!r} at offset={offset!r}.", stacklevel=2)
            return None
        synset = self._synset_from_pos_and_line(pos, line)
        cached[offset] = synset
        return synset

    def _data(self, pos: str) -> bytes:
        """The data file of a part of speech, whole and kept (synset offsets count its bytes;
        the satellites are found in the adjectives' too)."""
        if not hasattr(self, "data_files"):
            self.data_files: dict[str, bytes] = {}
        if pos not in self.data_files:
            self.data_files[pos] = self._whole(f"data.{self._FILEMAP[pos]}")
        return self.data_files[pos]

    def _synset_from_pos_and_line(self, pos: str, line: str) -> Any:
        """NLTK's parse of a data line ('offset lex_filenum ss_type w_cnt word lex_id ... p_cnt
        ptr... [f_cnt + f_num w_num ...] | gloss'), its fields taken by position in one pass."""
        synset = Synset(self)
        try:
            columns, gloss = line.strip().split("|")
            synset._examples = EXAMPLE.findall(gloss)
            synset._definition = QUOTED.sub("", gloss).strip().strip("; ")
            fields = columns.split()
            synset._offset, lexname_index, synset._pos = int(fields[0]), int(fields[1]), fields[2]
            synset._lexname = self._lexnames[lexname_index]
            at = 4
            for _ in range(int(fields[3], 16)):
                name, marker = fields[at], None
                if name.endswith(")"):
                    name, marker = SYNTACTIC_MARKER.match(name).groups()  # type: ignore[union-attr]  # matches any text
                synset._lemmas.append(Lemma(self, synset, name, lexname_index, int(fields[at + 1], 16), marker))
                synset._lemma_names.append(name)
                at += 2
            at = self._read_pointers(synset, fields, at)
            if at < len(fields):
                self._read_frames(synset, fields, at)
        except (ValueError, IndexError) as error:
            raise WordNetError(f"line {line!r}: {error}") from error
        self._name_and_keys(synset)
        return synset

    @staticmethod
    def _read_pointers(synset: Any, fields: list[str], at: int) -> int:
        """The pointer fields from `at` on (a count, then symbol, offset, pos and source/target
        lemma numbers each, '0000' for the whole synset); where the fields after them start."""
        for _ in range(int(fields[at])):
            symbol, offset, pos, lemmas = fields[at + 1], int(fields[at + 2]), fields[at + 3], fields[at + 4]
            if lemmas == "0000":
                synset._pointers[symbol].add((pos, offset))
            else:
                source = synset._lemmas[int(lemmas[:2], 16) - 1]._name
                synset._lemma_pointers[source, symbol].append((pos, offset, int(lemmas[2:], 16) - 1))
            at += 4
        return at + 1

    @staticmethod
    def _read_frames(synset: Any, fields: list[str], at: int) -> None:
        """A verb's frames: a count, then '+ frame lemma' each, lemma 00 for every lemma."""
        for n in range(int(fields[at])):
            plus, frame, lemma_number = fields[at + 1 + 3 * n : at + 4 + 3 * n]
            if plus != "+":
                raise ValueError(f"a verb frame starts with {plus!r}, not '+'")
            frame_id = int(frame)
            number = int(lemma_number, 16)
            if number == 0:
                synset._frame_ids.append(frame_id)
            for lemma in synset._lemmas if number == 0 else [synset._lemmas[number - 1]]:
                lemma._frame_ids.append(frame_id)
                lemma._frame_strings.append(VERB_FRAME_STRINGS[frame_id] % lemma._name)

    def _name_and_keys(self, synset: Any) -> None:
        """Each lemma's sense key and the synset's name ('dog.n.01'), as NLTK sets them."""
        number = WordNetCorpusReader._pos_numbers[synset._pos]
        for lemma in synset._lemmas:
            head_name = head_id = ""
            if synset._pos == ADJ_SAT:
                head = synset.similar_tos()[0]._lemmas[0]
                head_name, head_id = head._name, f"{head._lex_id:02d}"
            key = f"{lemma._name}%{number}:{lemma._lexname_index:02d}:{lemma._lex_id:02d}:{head_name}:{head_id}"
            lemma._key = key.lower()
        first = synset._lemmas[0]._name.lower()
        sense = self._lemma_pos_offset_map[first][synset._pos].index(synset._offset) + 1
        synset._name = f"{first}.{synset._pos}.{sense:02d}"


QUOTED = re.compile(r'["].*?["]')
"""An example in a gloss, quotes and all: not part of the definition."""
EXAMPLE = re.compile(r'"([^"]*)"')
SYNTACTIC_MARKER = re.compile(r"(.*?)(\([^()]*\))?$")
"""An adjective's position marker after its name: 'elect(ip)'."""


def english_wordnet(root: Path | Any) -> EnglishWordNet:
    """The reader of the WordNet at `root` (a folder or a zip's path pointer, as nltk.data finds it)."""
    with warnings.catch_warnings():  # "The multilingual functions are not available": as intended
        warnings.simplefilter("ignore")
        return EnglishWordNet(root, omw_reader=None)
