"""A disk cache of per-document analysis (tagged sentences, their mentions, key terms), and of whole
builds of an unchanged document set.

Entries live in the user's cache folder ($XDG_CACHE_HOME/quizwright, else the platform's),
one file per document, named by a hash of everything that decides the analysis: the file's
sha256, its id (sentences carry it), quizwright's version and the hash of its code (a checkout
updated in place keeps its version number), NLTK's version and CACHE_FORMAT.
Change any of them and the old entry is simply never asked for again.

Entries are pickles of our own frozen dataclasses, and unpickling runs code a file names, so
none is trusted for being there:
- a build uses the folder only if it is the user's own and nobody else may write in it
  (`usable`; quizwright creates it 0700); otherwise it says so once and builds without a cache;
- every entry carries an HMAC-SHA256 of its name and content under a key of 32 random bytes
  kept in the folder (KEY_FILE, 0600, the user's own), checked before anything is unpickled:
  an entry planted by someone without the key, or damaged by a flipped byte, is a miss.
A miss costs time, never correctness: the build analyses the document and writes the entry again.
The folder is kept under a size cap, least recently used entries evicted first (cache_limit.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import sys
import warnings
from functools import lru_cache
from pathlib import Path

from . import cache_limit
from .analysis import DocumentAnalysis
from .errors import CacheWarning
from .files import write_atomic
from .models import BuiltSet, Document
from .version import VERSION

Settings = tuple[int, int | None, int | None]
"""What else decides a whole build: the seed, MCQs and clozes per document."""
CACHE_FORMAT = 3
"""Bump when the shape of what is cached changes (Sentence, Token, Mention, ReadingTerms fields)."""
MAGIC = b"quizwright cache 2\n"
"""What a signed entry starts with, before its tag and its pickle."""
KEY_FILE = "key"
KEY_BYTES = 32
TAG_BYTES = 32


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


def usable(folder: Path) -> Path | None:
    """The folder, if a build may cache there: created private (0700) when missing, else the
    user's own and not writable by group or others, with a private key. None, with one
    CacheWarning saying why, when it may not."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
        problem = _folder_problem(info)
        if problem is None:
            _key(folder, create=True)
    except (OSError, UntrustedCacheError) as exc:
        problem = str(exc) if isinstance(exc, UntrustedCacheError) else (exc.strerror or str(exc))
    if problem is None:
        return folder
    warnings.warn(f"cache folder {folder}: {problem}; building without the cache", CacheWarning, stacklevel=2)
    return None


class UntrustedCacheError(Exception):
    """The cache folder or its key cannot be trusted."""


def _folder_problem(info: os.stat_result) -> str | None:
    if not stat.S_ISDIR(info.st_mode):
        return "not a folder"
    if info.st_uid != os.geteuid():
        return "it belongs to another user (set XDG_CACHE_HOME to a folder of your own)"
    if info.st_mode & 0o022:
        return f"others may write in it (mode {info.st_mode & 0o777:o}; make it private with chmod 700)"
    return None


_keys: dict[str, bytes] = {}


def _key(folder: Path, create: bool = False) -> bytes | None:
    """The folder's key (made if `create` and missing), or None; UntrustedCacheError if it is not private."""
    name = os.path.abspath(folder / KEY_FILE)
    if name in _keys:
        return _keys[name]
    if create:
        with contextlib.suppress(FileExistsError):
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(KEY_BYTES))
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a link planted where the key goes (ELOOP), or no permission
        raise UntrustedCacheError(f"its key {KEY_FILE} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        key = fh.read(KEY_BYTES + 1)
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
        raise UntrustedCacheError(f"its key {KEY_FILE} is not a private file of yours (delete it to make a new one)")
    if len(key) != KEY_BYTES:
        raise UntrustedCacheError(f"its key {KEY_FILE} is damaged (delete it to make a new one)")
    _keys[name] = key
    return key


def _tag(key: bytes, path: Path, payload: bytes) -> bytes:
    return hmac.new(key, path.name.encode("utf-8") + b"\0" + payload, hashlib.sha256).digest()


def _read(path: Path) -> object:
    """The unpickled entry, or None: missing, truncated, unsigned, damaged, planted, from another
    format all mean a miss. Nothing is unpickled before its HMAC checks out."""
    try:
        key = _key(path.parent)
        data = path.read_bytes()
    except (OSError, UntrustedCacheError):
        return None
    if key is None or not data.startswith(MAGIC):
        return None
    tag, payload = data[len(MAGIC) : len(MAGIC) + TAG_BYTES], data[len(MAGIC) + TAG_BYTES :]
    if not hmac.compare_digest(tag, _tag(key, path, payload)):
        return None
    try:
        value = pickle.loads(payload)
    except Exception:
        return None
    cache_limit.used(path)  # least recently used goes first when the cache is full
    return value


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _write(path: Path, payload: bytes) -> None:
    """Write a signed entry (a pickle) atomically; a cache that cannot be written only costs speed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _key(path.parent, create=True)
        if key is None:
            return
        write_atomic(path, MAGIC + _tag(key, path, payload) + payload)
    except (OSError, UntrustedCacheError):
        return
    cache_limit.written(path)  # over the cap: the entries used longest ago are deleted


def entry_name(doc: Document) -> str:
    return _name(doc.id, doc.sha256, suffix=".pickle")


def load(folder: Path, doc: Document) -> DocumentAnalysis | None:
    """The cached analysis of doc, or None when there is none or it cannot be read."""
    value = _read(folder / entry_name(doc))
    return value if isinstance(value, DocumentAnalysis) and _is_analysis_of(value, doc) else None


def store(folder: Path, doc: Document, value: DocumentAnalysis) -> None:
    _write(folder / entry_name(doc), _pickled(value))


def store_pickled(folder: Path | None, doc: Document, value: DocumentAnalysis) -> bytes:
    """value pickled, and stored as doc's entry if there is a folder: a worker pickles its
    analysis once, for the cache and for the parent it sends it to."""
    payload = _pickled(value)
    if folder is not None:
        _write(folder / entry_name(doc), payload)
    return payload


def build_entry_name(docs: list[Document], settings: Settings) -> str:
    """A whole build depends on every document (in order) and the build settings, not on one."""
    return _name("build", repr(settings), *(f"{doc.id}:{doc.sha256}" for doc in docs), suffix=".build.pickle")


def load_build(folder: Path, docs: list[Document], settings: Settings) -> BuiltSet | None:
    """The cached result of building exactly these documents with these settings, or None."""
    value = _read(folder / build_entry_name(docs, settings))
    return value if isinstance(value, BuiltSet) else None


def store_build(folder: Path, docs: list[Document], settings: Settings, value: BuiltSet) -> None:
    _write(folder / build_entry_name(docs, settings), _pickled(value))


def _is_analysis_of(value: DocumentAnalysis, doc: Document) -> bool:
    return all(s.doc_id == doc.id for s in value.sentences)
