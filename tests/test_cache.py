"""The analysis and build caches: same bank warm or cold, misses on any change, never trusted blindly."""

from __future__ import annotations

import shutil
from pathlib import Path

import quizwright
from quizwright import cache
from quizwright.analysis import analyse_document
from quizwright.bank import bank_to_yaml
from quizwright.models import Document
from quizwright.pipeline import BuildOptions, build_bank


def _build(sources: Path, out: Path, cache_dir: Path | None) -> str:
    bank = build_bank([sources], out, BuildOptions(jobs=1, cache_dir=cache_dir)).bank
    return bank_to_yaml(bank)


def _doc(text: str = "Seoul is the capital of South Korea. Lee visited Beijing.") -> Document:
    return Document("d", "d.txt", "0" * 64, text)


def _analyses(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.endswith(".build.pickle"))


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
