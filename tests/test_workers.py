"""The process pools: none for one document; as many workers as cores by default."""

from __future__ import annotations

import gc

import pytest

from quizwright.pipeline import BuildOptions, build_bank
from quizwright.workers import default_jobs, freeze_kept, frozen


def test_one_document_needs_no_pool(tmp_path, seeds_dir, monkeypatch):
    import quizwright.workers as workers

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for one document")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    first = sorted(seeds_dir.glob("*.txt"))[0]
    bank = build_bank([first], tmp_path / "a.yaml", BuildOptions(jobs=4)).bank
    assert bank.items


def test_default_jobs_is_the_cores_available():
    assert 1 <= default_jobs() <= (__import__("os").cpu_count() or 1)


# --- workers die with the build (issue 16) ----------------------------------------------------


def children_of(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    import os

    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    state, ppid = fh.read().rsplit(")", 1)[1].split()[:2]
            except OSError:
                continue
            if int(ppid) == pid and state != "Z":
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, seconds: float = 60.0) -> bool:
    """Whether `condition()` came true within `seconds` (a bound on waiting, not a timing check)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


BUILD = ("build", "one.txt", "two.txt", "-o", "bank.yaml", "--jobs", "2", "--no-cache")


def start_parallel_build(tmp_path):
    """`quizwright build` of two long readings with two jobs, in a process of its own, once its
    two workers are at work: (the process, the workers' pids)."""
    import os
    import signal
    import subprocess
    import sys

    from bad_inputs import READING, tiny_bank

    for name in ("one", "two"):
        paragraphs = [READING.replace("2019", str(1900 + n)).replace("200", str(n)) for n in range(3000)]
        (tmp_path / f"{name}.txt").write_text("\n".join(paragraphs), encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(tiny_bank(), encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-c", "from quizwright.cli import main; main()", *BUILD],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so that a test that fails can stop all of it
    )
    try:
        assert wait_for(lambda: len(children_of(build.pid)) >= 2), "the workers never started"
    except BaseException:
        os.killpg(build.pid, signal.SIGKILL)
        raise
    return build, children_of(build.pid)


def test_killing_a_parallel_build_kills_its_workers(tmp_path):
    import os
    import signal

    build, workers = start_parallel_build(tmp_path)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    try:
        assert wait_for(lambda: not any(alive(w) for w in workers)), "the workers outlived the build"
    finally:
        for worker in workers:
            if alive(worker):
                os.kill(worker, signal.SIGKILL)


def test_sigterm_stops_a_parallel_build_as_ctrl_c_does(tmp_path):
    import os
    import signal

    from bad_inputs import tiny_bank

    build, workers = start_parallel_build(tmp_path)
    os.kill(build.pid, signal.SIGTERM)
    try:
        _, stderr = build.communicate(timeout=120)
        assert build.returncode == 130, stderr
        assert stderr == "error: interrupted; bank.yaml is as it was\n"
        assert wait_for(lambda: not any(alive(w) for w in workers)), "the workers outlived the build"
    finally:
        for pid in (build.pid, *workers):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert (tmp_path / "bank.yaml").read_text(encoding="utf-8") == tiny_bank()


def _freeze_count(_: int) -> int:
    import gc

    return gc.get_freeze_count()


def test_workers_inherit_the_parent_frozen_and_the_parent_thaws_after():
    """gc.freeze before the fork: a collection in a worker does not touch (and so copy) every
    object it inherited; the parent's own collector works again once the pool is done."""
    import gc

    from quizwright.workers import map_in_workers

    assert all(count > 0 for count in map_in_workers(_freeze_count, range(2), 2))
    assert gc.get_freeze_count() == 0


def _collecting(_: int) -> bool:
    import gc

    return gc.isenabled()


def test_the_parent_pauses_its_collector_while_the_pool_runs_and_the_workers_collect():
    """The parent only takes in results while its pool runs: no collections there (each result's
    objects set off many); the workers collect as any process does, and so does the parent after."""
    from quizwright.workers import map_in_workers

    in_parent = []
    for in_worker in map_in_workers(_collecting, range(2), 2):
        assert in_worker
        in_parent.append(gc.isenabled())
    assert in_parent == [False, False]
    assert gc.isenabled()


def test_a_frozen_block_collects_young_objects_less_often_and_gives_the_thresholds_back():
    from quizwright.workers import YOUNG_THRESHOLD

    before = gc.get_threshold()
    with frozen():
        with frozen():
            pass
        assert gc.get_threshold() == (max(YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_only_the_outermost_frozen_block_gives_objects_back_to_the_collector():
    with frozen():
        with frozen():  # a pool inside a build
            pass
        assert gc.get_freeze_count() > 0
        kept = [[] for _ in range(3)]
        before = gc.get_freeze_count()
        freeze_kept()
        assert gc.get_freeze_count() > before, kept
    assert gc.get_freeze_count() == 0
    freeze_kept()  # outside a block: nothing
    assert gc.get_freeze_count() == 0


def test_an_interrupt_stops_a_worker_the_pool_had_not_yet_noted():
    """Between a worker's fork and the pool's note of it, an interrupt left the worker waiting for
    work and the build, at exit, waiting for the worker: a build SIGTERM stopped hung (CI, once)."""
    import time

    from quizwright.workers import fork_context, pool_of

    stray = None
    try:
        with pytest.raises(KeyboardInterrupt), pool_of(2):
            stray = fork_context().Process(target=time.sleep, args=(30,))
            stray.start()  # as the pool's own launch does, interrupted before it noted the worker
            raise KeyboardInterrupt
        stray.join(timeout=10)
        assert not stray.is_alive()
    finally:
        if stray is not None and stray.is_alive():
            stray.kill()
            stray.join()


FEEDING = """
import time
from quizwright.workers import pool_of

def slow(arg):
    time.sleep(60)

try:
    with pool_of(1) as pool:
        futures = [pool.submit(slow, b"x" * 5_000_000) for _ in range(3)]
        time.sleep(2)  # the worker sleeps on the first task; the next one fills the pipe to it
        raise KeyboardInterrupt
except KeyboardInterrupt:
    print("ended")
"""


def test_an_interrupt_while_a_large_task_is_on_its_way_to_a_worker_ends_the_build():
    """A long reading's parts are large tasks: the pool's feeder thread, writing one into a pipe
    that the stopped workers no longer read, was never done, and shutting the pool down waited
    for it for good - on Python 3.11.2 (Debian's; later 3.11 releases stop waiting themselves),
    where the SIGTERM test above hung in one run of two on a fresh clone."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", FEEDING], capture_output=True, text=True, timeout=30)
    assert run.stdout.strip() == "ended", run.stderr
