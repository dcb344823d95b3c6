"""Which folders a bank's readings may be read from: the bank's own, --readings, and those the
user's own builds of that bank read (remembered outside the bank, which anyone could write)."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import NEWS, invoke, one_error_line
from quizwright import api, reading_folders
from quizwright.errors import OutOfReachError


@pytest.fixture()
def course(tmp_path, monkeypatch):
    """readings/visit.txt and an empty banks/ folder, the working folder being tmp_path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "readings").mkdir()
    (tmp_path / "readings" / "visit.txt").write_text(f"Seoul and Beijing\n\n{NEWS}\n", encoding="utf-8")
    (tmp_path / "banks").mkdir()
    return tmp_path


def test_a_bank_you_built_validates_without_naming_its_readings_folder(course):
    built = invoke("build", "readings", "-o", "banks/visit.yaml")
    assert built.exit_code == 0, built.output
    checked = invoke("validate", "banks/visit.yaml")
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.strip().endswith("items, all valid")
    assert reading_folders.remembered(course / "banks" / "visit.yaml") == [course / "readings"]


def test_the_same_bank_copied_elsewhere_is_someone_elses_and_needs_readings(course):
    assert invoke("build", "readings/visit.txt", "-o", "banks/visit.yaml").exit_code == 0
    (course / "shared").mkdir()
    shutil.copy(course / "banks" / "visit.yaml", course / "shared" / "visit.yaml")
    refused = invoke("validate", "shared/visit.yaml")
    assert refused.exit_code == 2
    assert one_error_line(refused.stderr).endswith("if you trust this bank, add --readings readings")
    assert invoke("validate", "shared/visit.yaml", "--readings", "readings").exit_code == 0
    # an export does not refuse: it says the reading went unchecked, and checks the rest
    with pytest.warns(UserWarning, match=r"not checked against its reading \(\.\./readings/visit\.txt is outside"):
        result = api.export("csv", course / "shared" / "visit.yaml", course / "out.csv")
    assert result.items > 0


def test_a_list_others_may_write_is_not_trusted(course):
    assert invoke("build", "readings", "-o", "banks/visit.yaml").exit_code == 0
    store = reading_folders.store_path()
    assert reading_folders.remembered("banks/visit.yaml") != []
    os.chmod(store, 0o666)
    assert reading_folders.remembered("banks/visit.yaml") == []
    with pytest.raises(OutOfReachError):
        api.validate("banks/visit.yaml")


def test_a_dry_run_remembers_nothing(course):
    assert invoke("build", "readings", "-o", "banks/visit.yaml", "--dry-run").exit_code == 0
    assert not reading_folders.store_path().exists()


def test_folders_of_readings_are_the_folders_named_and_the_folders_of_files_named(course):
    (course / "notes.txt").write_text("x", encoding="utf-8")
    assert reading_folders.folders_of(["readings", "notes.txt", "readings/visit.txt"]) == sorted(
        {str(course / "readings"), str(course)}
    )
