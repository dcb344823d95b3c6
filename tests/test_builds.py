"""What a bank remembers of its build, and the bank name and titles a build gives by default."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from quizwright.builds import (
    UnknownSettingWarning,
    bank_title,
    build_record,
    common_heading,
    default_bank_path,
    options_from,
    reading_title,
    recorded_settings,
    source_title,
)
from quizwright.errors import BankError
from quizwright.models import Bank, BuildRecord
from quizwright.pipeline import BuildOptions


def test_the_settings_recorded_are_the_options_that_decide_the_items():
    settings = recorded_settings(BuildOptions(seed=3, mcq_per_doc=4, title="T", jobs=7, cache_dir=Path("/c")))
    assert settings == {"seed": 3, "mcq_per_doc": 4}  # no cap on clozes: nothing to record
    assert options_from(settings, BuildOptions(jobs=2)) == BuildOptions(seed=3, mcq_per_doc=4, jobs=2)


def test_a_recorded_setting_this_quizwright_lacks_is_skipped_with_a_warning():
    with pytest.warns(UnknownSettingWarning, match="'difficulty'"):
        options = options_from({"difficulty": "hard", "seed": 2})
    assert options.seed == 2


def test_a_recorded_setting_of_the_wrong_kind_is_an_error():
    with pytest.raises(BankError, match="'mcq_per_doc' must be a whole number, not 'many'"):
        options_from({"mcq_per_doc": "many"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert options_from({}) == BuildOptions()


def test_the_readings_are_recorded_relative_to_the_bank_and_added_to(tmp_path):
    unit = tmp_path / "unit"
    unit.mkdir()
    (unit / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    bank_path = tmp_path / "banks" / "unit.yaml"
    first = build_record([unit / "a.txt"], bank_path, BuildOptions(), None)
    assert first.readings == ("../unit/a.txt",)
    before = Bank("t", (), (), build=first)
    assert build_record([tmp_path / "b.txt"], bank_path, BuildOptions(), before).readings == (
        "../unit/a.txt",
        "../b.txt",
    )
    # a folder takes in the files of it recorded before; a file in a recorded folder adds nothing
    folder = build_record([unit], bank_path, BuildOptions(), before)
    assert folder.readings == ("../unit",)
    again = build_record([unit / "a.txt"], bank_path, BuildOptions(), Bank("t", (), (), build=folder))
    assert again.readings == ("../unit",)


def test_the_default_bank_is_named_after_the_reading_or_its_folder(tmp_path):
    unit = tmp_path / "Unit 3 cells"
    unit.mkdir()
    (unit / "tissues.txt").write_text("x", encoding="utf-8")
    (unit / "organs.txt").write_text("x", encoding="utf-8")
    assert default_bank_path([unit / "tissues.txt"]) == Path("question_banks/tissues.yaml")
    assert default_bank_path([unit]) == Path("question_banks/Unit-3-cells.yaml")
    assert default_bank_path([unit / "tissues.txt", unit / "organs.txt"]) == Path("question_banks/Unit-3-cells.yaml")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Cells and Tissues\n\nA tissue is a group of cells.\n", "Cells and Tissues"),
        ("A tissue is a group of cells. It works.\n", None),
        ("\n\n  Why   Seoul Talks to Beijing \nChina is big.\n", "Why Seoul Talks to Beijing"),
    ],
)
def test_a_readings_title_is_its_heading(text, title):
    assert reading_title(text) == title


def test_several_readings_are_titled_by_their_shared_heading_else_their_folder(tmp_path):
    unit = tmp_path / "unit-3_cells"
    unit.mkdir()
    sections = [f"Cells and Tissues: Section {n}" for n in range(1, 7)]
    assert bank_title([unit], sections, [f"s{n}" for n in range(6)]) == "Cells and Tissues"
    assert bank_title([unit], ["Tissues", "Organs", None], ["a", "b", "c"]) == "Unit 3 cells"
    assert bank_title([unit / "a.txt"], ["Tissues"], ["a"]) == "Tissues"
    assert bank_title([unit / "a.txt"], [None], ["cell_notes"]) == "Cell notes"
    assert common_heading(["Biology 101 — Week 1: Cells", "Biology 101 — Week 2: Energy"]) == "Biology 101"
    assert common_heading(["Tissues", "Organs"]) is None


def test_a_bank_without_a_build_record_reads_as_none():
    assert Bank("t", (), ()).build is None
    assert BuildRecord(("a",)).settings == {}


def test_a_reading_without_a_heading_is_shown_by_its_first_words():
    assert source_title("Cells and Tissues\n\nA tissue is a group.\n") == "Cells and Tissues"
    text = "South Korea’s President Lee Jae Myung is undertaking a significant diplomatic mission to Beijing."
    assert source_title(text) == "South Korea’s President Lee Jae Myung is undertaking…"
