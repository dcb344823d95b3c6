"""quizwright as a library: the names __all__ promises, one call for each thing a teacher does."""

from __future__ import annotations

import importlib.metadata
import shutil

import pytest

import quizwright
from conftest import FIXTURE, SEEDS


def test_the_public_names_are_importable_and_listed():
    for name in quizwright.__all__:
        assert getattr(quizwright, name) is not None, name
    assert {"build", "validate", "export", "load_bank", "save_bank"} <= set(quizwright.__all__)


def test_the_version_is_the_installed_one():
    assert quizwright.__version__ == importlib.metadata.version("quizwright")


def test_build_validate_export_in_one_call_each(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bank_path = tmp_path / "banks" / "visit.yaml"
    result = quizwright.build([tmp_path / "seeds"], bank_path, quizwright.BuildOptions(mcq_per_doc=2, cloze_per_doc=1))
    assert bank_path.exists() and result.merge is not None and not result.merge.into_existing
    assert [r.document for r in result.reports] == [p.stem for p in sorted(SEEDS.glob("*.txt"))]
    again = quizwright.build([tmp_path / "seeds"], bank_path, quizwright.BuildOptions(mcq_per_doc=2, cloze_per_doc=1))
    assert again.merge is not None and again.merge.into_existing and again.merge.kept == len(result.bank.items)
    checked = quizwright.validate(bank_path, readings=[tmp_path / "seeds"])
    assert checked.findings == [] and checked.bank == quizwright.load_bank(bank_path)
    exported = quizwright.export("csv", bank_path, tmp_path / "out.csv")
    assert exported.paths == (tmp_path / "out.csv",) and exported.items == len(checked.bank.items)


def test_a_dry_run_writes_nothing(tmp_path):
    bank_path = tmp_path / "bank.yaml"
    result = quizwright.build([SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]], bank_path, dry_run=True)
    assert result.merge is not None and result.merge.added and not bank_path.exists()


def test_export_writes_into_output_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert quizwright.export("quizlet", FIXTURE).paths == (
        tmp_path.joinpath("output", "export_bank-quizlet.txt").relative_to(tmp_path),
    )


def test_library_errors_say_what_is_wrong_without_naming_flags(tmp_path):
    with pytest.raises(quizwright.QuizwrightError, match="unknown export format 'docx'; use one of anki, pdf"):
        quizwright.export("docx", FIXTURE)
    with pytest.raises(quizwright.QuizwrightError, match="is a folder; give the bank a file name"):
        quizwright.build([SEEDS], tmp_path)


def test_save_bank_then_load_bank_round_trips(tmp_path):
    bank = quizwright.load_bank(FIXTURE)
    quizwright.save_bank(bank, tmp_path / "copy.yaml")
    assert quizwright.load_bank(tmp_path / "copy.yaml") == bank
