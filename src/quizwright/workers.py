"""Process pools for the build: forked workers, so that they start with the parent's loaded
models and data instead of unpickling them."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

PR_SET_PDEATHSIG = 1
"""prctl(2): the signal this process gets when its parent dies."""
Arg = TypeVar("Arg")
Shared = TypeVar("Shared")
Result = TypeVar("Result")


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def fork_context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


@contextlib.contextmanager
def pool_of(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """`jobs` forked workers that die with this process, however it ends.

    Workers block reading their task queue, whose other end their siblings hold too: when the
    parent was killed (kill -9, or a SIGTERM before this), they waited for good, ~200 MB each.
    Now each asks the kernel to kill it when the parent dies (Linux), or watches for that; and
    when the parent is interrupted (Ctrl-C, SIGTERM) it stops them instead of letting them finish.

    The parent's objects are frozen (gc.freeze) while the pool runs: a collection in a worker
    would otherwise write to every inherited object's header and so copy its page, making each
    worker's share of the parent's models its own (60 MB a worker in a 2.5 MB reading's build).
    """
    collecting = gc.isenabled()
    # the collector leaves what the workers inherit alone: not copied into each of them
    with frozen(), _collector_off():
        pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=fork_context(), initializer=_die_with, initargs=(os.getpid(), collecting)
        )
        try:
            yield pool
        except BaseException:
            _stop_feeding(pool)
            for worker in _started_by(pool):
                worker.terminate()
            pool.shutdown(wait=True, cancel_futures=True)  # quick, the workers being gone; nothing is left to exit
            raise
        else:
            pool.shutdown(wait=True)


def _stop_feeding(pool: ProcessPoolExecutor) -> None:
    """Let the pool's task queue be closed without waiting for the task its feeder thread is
    writing to the workers: they are about to be stopped and will read no more, and a task
    larger than the pipe holds (a long reading's part) left the feeder blocked for good, the
    pool's shutdown waiting for the feeder, and the build never ending (SIGTERM as its workers
    started, about one run in two on Python 3.11.2; later 3.11 releases cancel the wait
    themselves). What the feeder still holds is lost, as it should be."""
    tasks = getattr(pool, "_call_queue", None)  # the executor's own; absent before it starts
    if tasks is not None:
        tasks.cancel_join_thread()


def _started_by(pool: ProcessPoolExecutor) -> list[multiprocessing.process.BaseProcess]:
    """The workers the pool started: those it keeps (its own handle on them), and any this process
    started and the pool has not taken yet. An interrupt that lands between a worker's fork and
    the pool's note of it left that worker waiting for work, and this process, at exit, waiting
    for that worker: a build that SIGTERM or Ctrl-C stopped never ended."""
    kept = list((getattr(pool, "_processes", None) or {}).values())
    return kept + [p for p in multiprocessing.active_children() if p not in kept]


_frozen_blocks = 0
"""How many frozen() blocks are open: the outermost one's end unfreezes."""
_thresholds = gc.get_threshold()
"""The collector's thresholds before the outermost frozen() block, given back at its end."""
YOUNG_THRESHOLD = 10_000
"""Allocations between young collections in a frozen() block (Python's default: 700)."""


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """The objects that exist now are left alone by the garbage collector (gc.freeze) until the
    outermost of nested frozen() blocks ends. They are still freed when nothing refers to
    them; only a cycle among them waits for the end of the block.

    Young collections are rarer in the block too: a build makes millions of objects (tokens,
    mentions, candidates) that it keeps, and every 700 of them set off a collection that found
    nothing to free (0.8 s of a 24 s build of 24 readings)."""
    global _frozen_blocks, _thresholds
    if not _frozen_blocks:
        _thresholds = gc.get_threshold()
        gc.set_threshold(max(YOUNG_THRESHOLD, _thresholds[0]), *_thresholds[1:])
    gc.freeze()
    _frozen_blocks += 1
    try:
        yield
    finally:
        _frozen_blocks -= 1
        if not _frozen_blocks:
            gc.unfreeze()
            gc.set_threshold(*_thresholds)


def freeze_kept() -> None:
    """Inside a frozen() block, leave what exists now to the collector no more either (what a
    build keeps to its end, such as each document's analysis); outside one, nothing."""
    if _frozen_blocks:
        gc.freeze()


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """No collections in this process in the block (its workers collect as before: _die_with).

    While a pool runs, this process mostly takes in the workers' results: unpickling a reading's
    analysis makes some 100,000 objects, which set off collection after collection (1.2 s of the
    1.6 s a build of 24 readings spent unpickling them, on a core the workers need). What it
    makes meanwhile is either kept to the end of the build or freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _die_with(parent: int, collecting: bool = True) -> None:
    """A worker's first act: end when `parent` does; and collect garbage if the parent did
    before it started the pool (which stops its own collector while the pool runs)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's "like Ctrl-C" handler: a worker just ends
    if collecting:
        gc.enable()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the worker could ask
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def map_in_workers(
    function: Callable[[Arg], Result], args: Iterable[Arg], jobs: int, window: int | None = None
) -> Iterator[Result]:
    """function(arg) for each arg, in `jobs` forked processes, results in order, one arg at a time.
    window: at most this many args handed out and not yet taken back (args are drawn lazily),
    so that a long run of large args is not all in memory at once; None: all at once."""
    with pool_of(jobs) as pool:
        if window is None:
            yield from pool.map(function, args, chunksize=1)
            return
        pending: deque[Future[Result]] = deque()
        for arg in args:
            pending.append(pool.submit(function, arg))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_shared: tuple[Callable[[Any, int], Any], Any] | None = None
"""What map_shared's workers call, and on what: set before the fork, so each worker inherits
it as it is (the parent's memory, copied on write) instead of receiving a pickle of it."""


def map_shared(
    function: Callable[[Shared, int], Result], shared: Shared, indexes: list[int], jobs: int
) -> list[Result]:
    """[function(shared, n) for n in indexes], in `jobs` forked processes, in that order."""
    global _shared
    _shared = (function, shared)
    try:
        with pool_of(jobs) as workers:
            return list(workers.map(_call_shared, indexes, chunksize=max(1, len(indexes) // (16 * jobs))))
    finally:
        _shared = None


def _call_shared(n: int) -> Any:
    assert _shared is not None, "map_shared sets it before forking"
    function, shared = _shared
    return function(shared, n)
