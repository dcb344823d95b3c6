"""The process pools: none for one document; as many workers as cores by default."""

from __future__ import annotations

from quizwright.pipeline import BuildOptions, build_bank
from quizwright.workers import default_jobs


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
