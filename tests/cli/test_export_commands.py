"""`quizwright export FORMAT` as a teacher runs it: default paths, options, one-line errors."""

from __future__ import annotations

import pytest

from conftest import read_apkg, runner
from quizwright.cli.export import export_app


@pytest.mark.parametrize(
    ("command", "default", "counted"),
    [
        ("gift", "week3-moodle.txt", "questions"),
        ("qti", "week3-canvas-qti.zip", "questions"),
        ("csv", "week3.csv", "questions"),
        ("quizlet", "week3-quizlet.txt", "cards"),
    ],
)
def test_commands_write_default_and_chosen_files(course, command, default, counted):
    result = runner.invoke(export_app, [command, "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote output/{default} (8 {counted})"
    first = (course / "output" / default).read_bytes()
    again = runner.invoke(export_app, [command, "banks/week3.yaml", "-o", "lms/again", "--approved-only"])
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == f"wrote lms/again (2 {counted})"
    runner.invoke(export_app, [command, "banks/week3.yaml", "-o", "lms/same"])
    assert (course / "lms" / "same").read_bytes() == first  # deterministic


def test_commands_fail_in_one_line_on_a_bank_with_nothing_to_export(course):
    text = (course / "banks" / "week3.yaml").read_text(encoding="utf-8")
    (course / "banks" / "none.yaml").write_text(text.replace("status: approved", "status: draft"), encoding="utf-8")
    result = runner.invoke(export_app, ["gift", "banks/none.yaml", "--approved-only"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: nothing to export: the bank has no approved items"
    assert not (course / "output").exists()


def test_anki_writes_output_named_after_the_bank(course):
    result = runner.invoke(export_app, ["anki", "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "wrote output/week3.apkg (8 notes)"
    notes, decks = read_apkg(course / "output" / "week3.apkg")
    assert len(notes) == 8 and "Why South Korea’s President Went to China" in decks


def test_anki_options(course):
    result = runner.invoke(
        export_app, ["anki", "banks/week3.yaml", "-o", "decks/mine.apkg", "--approved-only", "--subdecks"]
    )
    assert result.exit_code == 0, result.output
    notes, decks = read_apkg(course / "decks" / "mine.apkg")
    assert len(notes) == 2
    assert "Why South Korea’s President Went to China::000_1485ad31a31b4fb2" in decks
    assert not (course / "output").exists()


def test_pdf_defaults_write_one_worksheet_with_its_key(course):
    result = runner.invoke(export_app, ["pdf", "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "wrote output/week3.pdf (8 items)"
    assert (course / "output" / "week3.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in (course / "output").iterdir()) == ["week3.pdf"]


def test_pdf_versions_with_separate_keys(course):
    args = [
        "pdf",
        "banks/week3.yaml",
        "--versions",
        "3",
        "--seed",
        "4",
        "--key",
        "separate",
        "--paper",
        "letter",
        "--word-bank",
    ]
    result = runner.invoke(export_app, args)
    assert result.exit_code == 0, result.output
    names = ["week3-A.pdf", "week3-A-key.pdf", "week3-B.pdf", "week3-B-key.pdf", "week3-C.pdf", "week3-C-key.pdf"]
    assert result.stdout.splitlines() == [f"wrote output/{n} (8 items)" for n in names]
    assert sorted(p.name for p in (course / "output").iterdir()) == sorted(names)


def test_font_warnings_go_to_stderr(course):
    text = (course / "banks" / "week3.yaml").read_text(encoding="utf-8")
    (course / "banks" / "thai.yaml").write_text(
        text.replace("written _____ in Hangul", "written ก in Thai"), encoding="utf-8"
    )
    result = runner.invoke(export_app, ["pdf", "banks/thai.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning: no font covers ก (U+0E01)") == 1
    assert "warning" not in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["anki", "banks/missing.yaml"], "error: banks/missing.yaml: no such bank file"),
        (["pdf", "banks/week3.yaml", "--font", "banks/week3.yaml"], "error: banks/week3.yaml: cannot use this font"),
        (
            ["anki", "banks/week3.yaml", "-o", "banks/week3.yaml/deck.apkg"],
            "error: banks/week3.yaml/deck.apkg: cannot write",
        ),
    ],
)
def test_user_errors_are_one_line_messages(course, args, message):
    result = runner.invoke(export_app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_bad_choices_are_usage_errors(course):
    for args in (["pdf", "banks/week3.yaml", "--key", "inline"], ["pdf", "banks/week3.yaml", "--versions", "0"]):
        result = runner.invoke(export_app, args)
        assert result.exit_code == 2 and "Invalid value" in result.stderr
    assert not (course / "output").exists()
