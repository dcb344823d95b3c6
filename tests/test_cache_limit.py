"""The cache's size cap: least recently used entries go first; `quizwright cache` shows and clears it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import invoke, one_error_line
from quizwright import cache, cache_limit
from quizwright.cache_limit import CacheSizeError, parse_size
from quizwright.models import BuiltSet, Document


def _entry(folder: Path, name: str, size: int, used_at: int) -> Path:
    path = folder / f"{name}.pickle"
    path.write_bytes(b"x" * size)
    os.utime(path, ns=(used_at * 10**9, used_at * 10**9))
    return path


@pytest.mark.parametrize(
    "text, size", [("1000", 1000), ("500MB", 500_000_000), ("2G", 2_000_000_000), ("1.5 kb", 1500), ("0", 0)]
)
def test_sizes_read_with_or_without_a_unit(text, size):
    assert parse_size(text) == size


def test_a_size_that_is_not_one_is_refused_in_one_line():
    with pytest.raises(CacheSizeError, match=r"QUIZWRIGHT_CACHE_SIZE='lots' is not a size"):
        parse_size("lots")


def test_past_the_cap_the_least_recently_used_entries_go_first(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZWRIGHT_CACHE_SIZE", "3000")
    old, used, newer = (_entry(tmp_path, n, 1000, t) for n, t in (("old", 100), ("used", 50), ("newer", 200)))
    cache_limit.used(used)  # read just now: the most recently used, though written first
    (tmp_path / "notes.txt").write_bytes(b"y" * 5000)  # not an entry: never counted, never deleted
    latest = _entry(tmp_path, "latest", 1000, 300)
    cache_limit._totals.pop(tmp_path, None)
    cache_limit.written(latest)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.pickle", "notes.txt", "used.pickle"]
    assert not old.exists() and not newer.exists()


def test_a_hit_marks_the_entry_used_and_keeps_its_written_time(tmp_path):
    doc = Document("d", "d.txt", "0" * 64, "text")
    built = BuiltSet((), (), 0, "t")
    cache.store_build(tmp_path, [doc], (0, None, None), built)
    entry = next(p for p in tmp_path.iterdir() if p.name.endswith(".pickle"))  # not the key beside it
    os.utime(entry, ns=(10**9, 10**9))
    assert cache.load_build(tmp_path, [doc], (0, None, None)) == built
    assert entry.stat().st_mtime_ns == 10**9 and entry.stat().st_atime_ns > 10**9


def test_no_cap_when_set_to_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZWRIGHT_CACHE_SIZE", "0")
    entries = [_entry(tmp_path, str(n), 1000, n) for n in range(5)]
    cache_limit.written(entries[-1])
    assert all(e.exists() for e in entries)


def test_cache_command_shows_the_size_and_clears(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "quizwright"
    folder.mkdir()
    for n in range(3):
        _entry(folder, str(n), 500_000, n)
    shown = invoke("cache")
    assert shown.exit_code == 0
    assert shown.stdout.strip() == f"{folder}: 3 entries, 1.5 MB (cap 500.0 MB; set QUIZWRIGHT_CACHE_SIZE to change it)"
    cleared = invoke("cache", "--clear")
    assert cleared.stdout.strip() == f"{folder}: deleted 3 entries (1.5 MB)"
    assert list(folder.iterdir()) == []


def test_cache_command_with_a_bad_cap_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("QUIZWRIGHT_CACHE_SIZE", "big")
    result = invoke("cache")
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith("error: QUIZWRIGHT_CACHE_SIZE='big' is not a size")
