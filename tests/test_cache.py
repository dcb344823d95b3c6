"""The analysis and build caches: same bank warm or cold, misses on any change, never trusted blindly."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import shutil
from pathlib import Path

import pytest

import quizwright
from conftest import invoke
from quizwright import cache
from quizwright.analysis import analyse_document
from quizwright.bank import bank_to_yaml
from quizwright.errors import CacheWarning
from quizwright.models import Document
from quizwright.pipeline import BuildOptions, build_bank
from quizwright.sources import read_documents


def _build(sources: Path, out: Path, cache_dir: Path | None) -> str:
    bank = build_bank([sources], out, BuildOptions(jobs=1, cache_dir=cache_dir)).bank
    return bank_to_yaml(bank)


def _doc(text: str = "Seoul is the capital of South Korea. Lee visited Beijing.") -> Document:
    return Document("d", "d.txt", "0" * 64, text)


def _analyses(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pickle") if not p.name.endswith(".build.pickle"))


def _builds(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.build.pickle"))


def test_warm_build_gives_the_same_bank_and_reads_the_cache(tmp_path, seeds_dir):
    folder = tmp_path / "cache"
    cold = _build(seeds_dir, tmp_path / "a.yaml", folder)
    entries = sorted(folder.iterdir())
    assert len(_analyses(folder)) == len(list(seeds_dir.glob("*.txt"))) and len(_builds(folder)) == 1
    before = [e.stat().st_mtime_ns for e in entries]
    warm = _build(seeds_dir, tmp_path / "b.yaml", folder)
    assert warm == cold == _build(seeds_dir, tmp_path / "c.yaml", None)
    assert [e.stat().st_mtime_ns for e in sorted(folder.iterdir())] == before  # hits, nothing rewritten


def test_a_changed_file_misses_the_cache(tmp_path):
    folder = tmp_path / "cache"
    doc = _doc()
    cache.store(folder, doc, analyse_document(doc))
    assert cache.load(folder, doc) == analyse_document(doc)
    changed = Document("d", "d.txt", "1" * 64, "Tokyo is the capital of Japan.")
    assert cache.load(folder, changed) is None


def test_an_analysis_comes_back_from_the_cache_token_for_token_its_mentions_on_its_sentences(tmp_path):
    """Sentences are pickled by columns (Sentence.__reduce__): every token's text as analysis saw
    it (quotes made plain), tag and offsets come back, and a mention's sentence is still the
    analysis's own sentence, not a copy."""
    doc = _doc("\u201cSeoul is the capital of South Korea,\u201d Lee said in Beijing on 3 May. Lee visited Beijing.")
    analysis = analyse_document(doc)
    cache.store(tmp_path, doc, analysis)
    loaded = cache.load(tmp_path, doc)
    assert loaded is not None
    tokens = [(t.text, t.tag, t.start, t.end) for s in loaded.sentences for t in s.tokens]
    assert tokens == [(t.text, t.tag, t.start, t.end) for s in analysis.sentences for t in s.tokens]
    assert ('"', "``", 0, 1) in tokens and ("Beijing", "NNP", 51, 58) in tokens
    mentions = [m for ms in loaded.mentions for m in ms]
    assert len(mentions) >= 4 and all(m.sentence is loaded.sentences[m.sentence.index] for m in mentions)


def test_an_analysis_pickled_once_is_stored_as_store_stores_it(tmp_path):
    """A worker pickles its analysis once, for the cache and for its parent: the same entry."""
    doc, analysis = _doc(), analyse_document(_doc())
    payload = cache.store_pickled(tmp_path / "once", doc, analysis)
    cache.store(tmp_path / "store", doc, analysis)
    assert pickle.loads(payload) == analysis == cache.load(tmp_path / "once", doc)
    assert cache.store_pickled(None, doc, analysis) == payload  # no folder: only pickled


def test_another_version_misses_the_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    doc = _doc()
    cache.store(folder, doc, analyse_document(doc))
    monkeypatch.setattr(cache, "VERSION", quizwright.__version__ + ".post1")
    assert cache.load(folder, doc) is None


def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path, seeds_dir):
    folder = tmp_path / "cache"
    cold = _build(seeds_dir, tmp_path / "a.yaml", folder)
    _builds(folder)[0].write_bytes(b"\x80\x05 broken")
    entries = _analyses(folder)
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:50])  # truncated
    assert _build(seeds_dir, tmp_path / "b.yaml", folder) == cold
    assert entries[0].read_bytes() != b"not a pickle"
    assert cache.load(folder, Document("x", "x", "0" * 64, "")) is None


def test_an_unchanged_set_is_not_built_again_and_any_change_builds_it(tmp_path, seeds_dir, monkeypatch):
    import quizwright.pipeline as pipeline

    folder, src = tmp_path / "cache", tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    cold = _build(src, tmp_path / "a.yaml", folder)
    calls = []
    real = pipeline.build_items
    monkeypatch.setattr(pipeline, "build_items", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert _build(src, tmp_path / "b.yaml", folder) == cold and calls == []
    build_bank([src], tmp_path / "c.yaml", BuildOptions(seed=3, cache_dir=folder))
    assert calls == [1]
    first = sorted(src.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nSeoul hosted the summit in 2027.\n", encoding="utf-8")
    changed = _build(src, tmp_path / "d.yaml", folder)
    assert calls == [1, 1] and changed != cold
    assert len(_builds(folder)) == 3


def test_an_entry_for_another_document_is_not_used(tmp_path):
    folder = tmp_path / "cache"
    doc, other = _doc(), Document("e", "e.txt", "0" * 64, "Tokyo is in Japan.")
    (folder).mkdir()
    (folder / cache.entry_name(doc)).write_bytes((lambda: __import__("pickle").dumps(analyse_document(other)))())
    assert cache.load(folder, doc) is None


def test_default_dir_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.default_dir() == tmp_path / "quizwright"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.default_dir() == tmp_path / "home" / ".cache" / "quizwright"


def test_a_change_to_the_code_misses_the_cache(tmp_path, monkeypatch):
    """A checkout updated in place keeps its version number; its cache must not outlive its code."""
    folder = tmp_path / "cache"
    doc = _doc()
    cache.store(folder, doc, analyse_document(doc))
    assert cache.load(folder, doc) is not None
    assert cache.code_hash.__wrapped__() == cache.code_hash()  # the same code, the same hash
    monkeypatch.setattr(cache, "code_hash", lambda: "0" * 64)
    assert cache.load(folder, doc) is None


# --- a cache folder nobody else may plant code in (issue 16) ----------------------------------

READING = "Seoul Today\n\nSeoul is the capital of South Korea, with 9.4 million people in 2024.\n"


class Planted:
    """What someone else might leave in a cache folder: unpickling it runs their code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def reading(tmp_path: Path) -> tuple[Path, list[Document]]:
    path = tmp_path / "reading.txt"
    path.write_text(READING, encoding="utf-8")
    return path, read_documents([path])


def plant(folder: Path, name: str, marker: Path, signed_with: bytes | None = None) -> None:
    payload = pickle.dumps(Planted(marker))
    if signed_with is not None:
        tag = hmac.new(signed_with, name.encode() + b"\0" + payload, hashlib.sha256).digest()
        payload = cache.MAGIC + tag + payload
    (folder / name).write_bytes(payload)


@pytest.mark.parametrize("forged", [False, True], ids=["a bare pickle", "a pickle with a made-up tag"])
def test_an_entry_someone_else_wrote_is_never_unpickled(tmp_path, forged):
    path, docs = reading(tmp_path)
    folder, marker = tmp_path / "cache", tmp_path / "planted-code-ran"
    folder.mkdir(mode=0o700)
    for name in (cache.entry_name(docs[0]), cache.build_entry_name(docs, (0, 8, 5))):
        plant(folder, name, marker, signed_with=b"\0" * 32 if forged else None)
    bank = build_bank([path], tmp_path / "bank.yaml", BuildOptions(cache_dir=folder)).bank
    assert not marker.exists()
    assert bank == build_bank([path], tmp_path / "bank.yaml", BuildOptions()).bank


def test_a_folder_others_may_write_in_is_not_used_and_the_build_says_so_once(tmp_path, monkeypatch):
    """Whoever may write in the folder may replace its key too, and sign what they plant."""
    monkeypatch.chdir(tmp_path)
    path, docs = reading(tmp_path)
    folder, marker = tmp_path / "xdg" / "quizwright", tmp_path / "planted-code-ran"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    their_key = b"k" * 32
    (folder / "key").write_bytes(their_key)
    (folder / "key").chmod(0o600)
    plant(folder, cache.entry_name(docs[0]), marker)
    plant(folder, cache.build_entry_name(docs, (0, 8, 5)), marker, signed_with=their_key)
    before = sorted(p.name for p in folder.iterdir())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    result = invoke("build", "reading.txt", "-o", "bank.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: cache folder {folder}: others may write in it (mode 777; make it private with chmod 700); "
        "building without the cache\n"
    )
    assert not marker.exists()
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing read, nothing written


def test_a_folder_of_another_user_is_not_used(tmp_path):
    path, _ = reading(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.chown(folder, 1, 1)  # the tests run as root, who may give it away
    with pytest.warns(CacheWarning, match="it belongs to another user"):
        build_bank([path], tmp_path / "bank.yaml", BuildOptions(cache_dir=folder))
    assert list(folder.iterdir()) == []


def test_a_key_others_may_read_is_not_used(tmp_path):
    path, _ = reading(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (folder / "key").write_bytes(b"k" * 32)
    (folder / "key").chmod(0o644)
    with pytest.warns(CacheWarning, match="its key key is not a private file of yours"):
        build_bank([path], tmp_path / "bank.yaml", BuildOptions(cache_dir=folder))
    assert sorted(p.name for p in folder.iterdir()) == ["key"]


def test_the_folder_is_made_private_with_a_private_key(tmp_path):
    path, _ = reading(tmp_path)
    folder = tmp_path / "deep" / "cache"
    build_bank([path], tmp_path / "bank.yaml", BuildOptions(cache_dir=folder))
    assert folder.stat().st_mode & 0o777 == 0o700
    key = folder / "key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32


def test_a_damaged_entry_that_still_unpickles_is_a_miss(tmp_path, seeds_dir):
    """Three bytes changed inside a word of a cached item: a bank that fails validation, once."""
    folder = tmp_path / "cache"
    cold = _build(seeds_dir, tmp_path / "a.yaml", folder)
    (entry,) = _builds(folder)
    data = entry.read_bytes()
    assert b"Seoul" in data
    entry.write_bytes(data.replace(b"Seoul", b"S\xc3\xa9ol", 1))  # still a pickle, still UTF-8
    assert _build(seeds_dir, tmp_path / "b.yaml", folder) == cold
