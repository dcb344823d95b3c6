"""build --jobs N: analysis and item building in N processes; the same bank as one process."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from quizwright.bank import bank_to_yaml
from quizwright.cli import app
from quizwright.pipeline import BuildOptions, analyse_documents, build_bank
from quizwright.sources import read_documents
from quizwright.workers import default_jobs

runner = CliRunner()


def test_two_jobs_build_the_same_bank_as_one(tmp_path, seeds_dir):
    s1 = build_bank([seeds_dir], tmp_path / "a.yaml", BuildOptions(jobs=1))
    s2 = build_bank([seeds_dir], tmp_path / "a.yaml", BuildOptions(jobs=2))
    assert bank_to_yaml(s1.bank) == bank_to_yaml(s2.bank)
    assert s1 == s2  # reports and rejections too
    assert len(s1.bank.items) > 10


def test_analysis_comes_back_in_document_order(seeds_dir):
    docs = read_documents([seeds_dir])
    results = analyse_documents(docs, BuildOptions(jobs=3))
    assert [r.sentences[0].doc_id for r in results] == [d.id for d in docs]
    assert results == analyse_documents(docs, BuildOptions(jobs=1))


def test_one_document_needs_no_pool(tmp_path, seeds_dir, monkeypatch):
    import quizwright.workers as workers

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for one document")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    first = sorted(seeds_dir.glob("*.txt"))[0]
    bank = build_bank([first], tmp_path / "a.yaml", BuildOptions(jobs=4)).bank
    assert bank.items


def test_cli_jobs_option(tmp_path, seeds_dir):
    src = tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"bank{jobs}.yaml"
        result = runner.invoke(app, ["build", str(src), "-o", str(out), "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    bad = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "x.yaml"), "--jobs", "0"])
    assert bad.exit_code != 0


def test_default_jobs_is_the_cores_available():
    assert 1 <= default_jobs() <= (__import__("os").cpu_count() or 1)
