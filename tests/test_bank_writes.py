"""A bank under fire: builds killed while they merge into it, and two builds into it at once.

Each build runs in a child forked from this process (which has the NLTK models loaded and the
analysis cached after the first build), so a build takes a fraction of a second and fifty of
them take seconds, not minutes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import NEWS, line_of
from quizwright import api, bank, merge
from quizwright.bank import load_bank, parse_bank
from quizwright.pipeline import BuildOptions

SECOND_READING = (
    "Seoul and Tokyo Hold Talks\n\n"
    "South Korean Foreign Minister Cho Hyun met Japanese Foreign Minister Toshimitsu Motegi in Tokyo on Friday.\n"
    "The two ministers agreed to expand youth exchanges between Seoul and Tokyo in 2026.\n"
)


def in_child(work: Callable[[], object]) -> int:
    """Fork; the child does `work` and exits (0, or 1 if it failed); the child's pid."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            work()
            status = 0
        finally:
            os._exit(status)
    return pid


def exit_status(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


@pytest.fixture()
def edited_bank(tmp_path: Path) -> tuple[Path, str, Callable[[], None]]:
    """bank.yaml built from one reading and edited by a teacher (an approval, a reworded question,
    a comment); a second reading beside it; and the rebuild that merges both into the bank."""
    (tmp_path / "trade.txt").write_text(f"Trade in Asia\n\n{NEWS}\n", encoding="utf-8")
    (tmp_path / "talks.txt").write_text(SECOND_READING, encoding="utf-8")
    path = tmp_path / "bank.yaml"
    options = BuildOptions(cache_dir=tmp_path / "cache", cloze_per_doc=1)  # the rest are MCQs
    api.build([tmp_path / "trade.txt"], path, options)
    text = path.read_text(encoding="utf-8")
    items = load_bank(path).items
    mcq = next(i for i in items if i.type == "mcq")
    lines = text.splitlines(keepends=True)
    at = line_of(text, items[0].id)
    lines[at + 1] = lines[at + 1].replace("status: draft", "status: approved")
    lines.insert(at - 1, "  # ask this one first\n")
    text = "".join(lines).replace(f"question: {mcq.question}", "question: My own question about trade?")
    path.write_text(text, encoding="utf-8")

    def rebuild() -> None:
        api.build([tmp_path / "trade.txt", tmp_path / "talks.txt"], path, options)

    return path, text, rebuild


def has_every_edit(text: str) -> bool:
    loaded = parse_bank(text)
    return (
        "  # ask this one first\n" in text
        and loaded.items[0].status == "approved"
        and any(i.question == "My own question about trade?" for i in loaded.items)
    )


def test_a_build_killed_at_any_moment_leaves_the_old_bank_or_the_new_one_with_every_edit(edited_bank):
    path, old, rebuild = edited_bank
    assert exit_status(in_child(rebuild)) == 0  # once through, to see the bank it makes, and warm the cache
    new = path.read_text(encoding="utf-8")
    assert new != old and has_every_edit(new)
    assert {i.source.doc for i in load_bank(path).items} == {"trade", "talks"}
    path.write_text(old, encoding="utf-8")
    started = time.monotonic()
    assert exit_status(in_child(rebuild)) == 0
    took = time.monotonic() - started  # how long a kill may come after the start, and still find the build going

    backup = path.with_name("bank.yaml.bak")
    rng = random.Random(16)
    for _ in range(50):
        path.write_text(old, encoding="utf-8")
        backup.unlink(missing_ok=True)
        child = in_child(rebuild)
        time.sleep(rng.uniform(0, 1.5 * took))
        os.kill(child, signal.SIGKILL)
        exit_status(child)
        now = path.read_text(encoding="utf-8")
        assert now in (old, new)
        assert has_every_edit(now)
        assert not backup.exists() or backup.read_text(encoding="utf-8") == old
    assert exit_status(in_child(rebuild)) == 0
    assert path.read_text(encoding="utf-8") == new
    assert leftovers(path.parent) == []  # what killed writes left is cleared by the next one


def test_two_builds_into_one_bank_at_once_keep_both_builds_items(tmp_path, monkeypatch):
    """Both builds reach the write together (each waits for the other there, for a while):
    without a lock both would write a bank of their own reading and the last would win."""
    (tmp_path / "trade.txt").write_text(f"Trade in Asia\n\n{NEWS}\n", encoding="utf-8")
    (tmp_path / "talks.txt").write_text(SECOND_READING, encoding="utf-8")
    path = tmp_path / "bank.yaml"
    together = multiprocessing.get_context("fork").Barrier(2, timeout=2)
    real_write = merge.write_atomic

    def write_when_both_are_here(*args, **kwargs):
        with contextlib.suppress(threading.BrokenBarrierError):  # the other build waits for the lock, not here
            together.wait()
        real_write(*args, **kwargs)

    monkeypatch.setattr(merge, "write_atomic", write_when_both_are_here)
    monkeypatch.setattr(bank, "write_atomic", write_when_both_are_here)
    children = [
        in_child(lambda name=name: api.build([tmp_path / name], path, BuildOptions()))
        for name in ("trade.txt", "talks.txt")
    ]
    assert [exit_status(child) for child in children] == [0, 0]
    built = load_bank(path)
    assert {s.id for s in built.sources} == {"trade", "talks"}
    assert {i.source.doc for i in built.items} == {"trade", "talks"}
