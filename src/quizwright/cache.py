"""A disk cache of per-document analysis (tagged sentences and their mentions), and of whole
builds of an unchanged document set.

Entries live in the user's cache folder ($XDG_CACHE_HOME/quizwright, else the platform's),
one file per document, named by a hash of everything that decides the analysis: the file's
sha256, its id (sentences carry it), quizwright's version and the hash of its code (a checkout
updated in place keeps its version number), NLTK's version and CACHE_FORMAT.
Change any of them and the old entry is simply never asked for again.

Entries are pickles of our own frozen dataclasses. Unpickling runs code named in the file, so
a pickle is only safe from a writer you trust: the folder is created private to the user
(mode 0700) and nothing outside quizwright writes there. A corrupt or unreadable entry is a
miss (the build analyses the document and writes the entry again), never an error. The
folder is kept under a size cap, least recently used entries evicted first (cache_limit.py).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from . import cache_limit
from .analysis import DocumentAnalysis
from .files import write_atomic
from .models import BuiltSet, Document
from .version import VERSION

Settings = tuple[int, int | None, int | None]
"""What else decides a whole build: the seed, MCQs and clozes per document."""
CACHE_FORMAT = 1
"""Bump when the shape of what is cached changes (Sentence, Token, Mention fields)."""


def default_dir() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "quizwright"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "quizwright"
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "quizwright" / "Cache"
    return Path.home() / ".cache" / "quizwright"


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 of quizwright's own source files: any change to the code is a new cache."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _name(*parts: str, suffix: str) -> str:
    """An entry's file name: a hash of what decides its content, with the versions and code."""
    import nltk

    key = [str(CACHE_FORMAT), VERSION, code_hash(), nltk.__version__, *parts]
    return hashlib.sha256("\0".join(key).encode("utf-8")).hexdigest() + suffix


def _read(path: Path) -> object:
    """The unpickled entry, or None: missing, truncated, from another format all mean a miss."""
    try:
        value = pickle.loads(path.read_bytes())
    except Exception:
        return None
    cache_limit.used(path)  # least recently used goes first when the cache is full
    return value


def _write(path: Path, value: object) -> None:
    """Write an entry atomically; a cache that cannot be written only costs speed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
    cache_limit.written(path)  # over the cap: the entries used longest ago are deleted


def entry_name(doc: Document) -> str:
    return _name(doc.id, doc.sha256, suffix=".pickle")


def load(folder: Path, doc: Document) -> DocumentAnalysis | None:
    """The cached analysis of doc, or None when there is none or it cannot be read."""
    value = _read(folder / entry_name(doc))
    return value if isinstance(value, DocumentAnalysis) and _is_analysis_of(value, doc) else None


def store(folder: Path, doc: Document, value: DocumentAnalysis) -> None:
    _write(folder / entry_name(doc), value)


def build_entry_name(docs: list[Document], settings: Settings) -> str:
    """A whole build depends on every document (in order) and the build settings, not on one."""
    return _name("build", repr(settings), *(f"{doc.id}:{doc.sha256}" for doc in docs), suffix=".build.pickle")


def load_build(folder: Path, docs: list[Document], settings: Settings) -> BuiltSet | None:
    """The cached result of building exactly these documents with these settings, or None."""
    value = _read(folder / build_entry_name(docs, settings))
    return value if isinstance(value, BuiltSet) else None


def store_build(folder: Path, docs: list[Document], settings: Settings, value: BuiltSet) -> None:
    _write(folder / build_entry_name(docs, settings), value)


def _is_analysis_of(value: DocumentAnalysis, doc: Document) -> bool:
    return all(s.doc_id == doc.id for s in value.sentences)
