"""`quizwright export FORMAT` as a teacher runs it: default paths, options, one-line errors."""

from __future__ import annotations

import pytest

from conftest import read_apkg, runner
from quizwright.cli.export import export_app


def drafts(n: int, total: int, counted: str) -> str:
    return (
        f"{n} of the {total} {counted} are drafts nobody has reviewed: "
        "pass --approved-only to leave them out, or review them first with quizwright review BANK"
    )


TEXT_EXPORTS = [
    ("gift", "week3-moodle.txt", "questions"),
    ("qti", "week3-canvas-qti.zip", "questions"),
    ("csv", "week3.csv", "questions"),
    ("quizlet", "week3-quizlet.txt", "cards"),
]
"""(command, the file it writes by default, what it counts) for the exports to LMS and card sites."""
EVERY_EXPORT = [("anki", "week3.apkg", "notes"), ("pdf", "week3.pdf", "items"), *TEXT_EXPORTS]


@pytest.mark.parametrize(("command", "default", "counted"), TEXT_EXPORTS)
def test_commands_write_default_and_chosen_files(course, command, default, counted):
    result = runner.invoke(export_app, [command, "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote output/{default} (8 {counted})", drafts(6, 8, counted)]
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
    assert result.stdout.splitlines() == ["wrote output/week3.apkg (8 notes)", drafts(6, 8, "notes")]
    notes, decks = read_apkg(course / "output" / "week3.apkg")
    assert len(notes) == 8 and "Why South Korea’s President Went to China" in decks


def test_anki_options(course):
    result = runner.invoke(
        export_app, ["anki", "banks/week3.yaml", "-o", "decks/mine.apkg", "--approved-only", "--subdecks"]
    )
    assert result.exit_code == 0, result.output
    notes, decks = read_apkg(course / "decks" / "mine.apkg")
    assert len(notes) == 2
    assert (
        "Why South Korea’s President Went to China::Why South Korea’s President Went to China at a Tense Moment in Asia"
        in decks
    )
    assert not (course / "output").exists()


def test_pdf_defaults_to_a_worksheet_and_its_key_in_a_file_of_its_own_and_says_which_is_which(course):
    result = runner.invoke(export_app, ["pdf", "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "wrote output/week3.pdf (8 items): worksheet, for students",
        "wrote output/week3-key.pdf (8 items): answer key: keep it from students",
        drafts(6, 8, "items"),
    ]
    assert (course / "output" / "week3.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in (course / "output").iterdir()) == ["week3-key.pdf", "week3.pdf"]
    appended = runner.invoke(export_app, ["pdf", "banks/week3.yaml", "-o", "out/all.pdf", "--key", "append"])
    assert appended.stdout.splitlines()[0] == (
        "wrote out/all.pdf (8 items): worksheet with its answer key on the last pages: take them off before copying"
    )


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
    roles = ["worksheet, for students", "answer key: keep it from students"]
    said = [f"wrote output/{n} (8 items): Form {n[6]} {roles[n.endswith('-key.pdf')]}" for n in names]
    assert result.stdout.splitlines() == [*said, drafts(6, 8, "items")]
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


def plant_invalid(course) -> str:
    """The fixture bank with its Seoul cloze keyed to an answer its sentence does not hold."""
    path = course / "banks" / "week3.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    answer: Seoul\n", "    answer: Busan\n"), encoding="utf-8")
    return next(str(n) for n, line in enumerate(text.splitlines(), 1) if line == "  - id: cloze-da7529b3")


@pytest.mark.parametrize(("command", "written", "counted"), EVERY_EXPORT)
def test_an_item_that_fails_validation_is_never_exported_and_is_named(course, command, written, counted):
    line = plant_invalid(course)
    result = runner.invoke(export_app, [command, "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote output/{written} (7 {counted})")
    assert (
        f"warning: left out cloze-da7529b3 (line {line}): the answer 'Busan' does not occur in the source sentence; "
        "the deletion does not hold the answer 'Busan'"
    ) in result.stderr.splitlines()
    if command == "anki":
        notes, _ = read_apkg(course / "output" / written)
        assert not any("point of view" in f[0] for *_, f in notes)
    elif command in ("gift", "csv", "quizlet"):
        assert "point of view" not in (course / "output" / written).read_text(encoding="utf-8-sig")


def test_exports_take_the_same_selection_as_show_and_a_limit(course):
    result = runner.invoke(export_app, ["quizlet", "banks/week3.yaml", "--type", "cloze", "--status", "draft"])
    assert result.exit_code == 0, result.output
    cards = (course / "output" / "week3-quizlet.txt").read_text(encoding="utf-8").splitlines()
    assert [c.split("\t")[1] for c in cards] == ["four-day", "Seoul", "memory chips"]
    assert result.stdout.splitlines()[-1] == drafts(3, 3, "cards")
    runner.invoke(export_app, ["quizlet", "banks/week3.yaml", "--doc", "000_1485ad31a31b4fb2", "--limit", "2"])
    cards = (course / "output" / "week3-quizlet.txt").read_text(encoding="utf-8").splitlines()
    assert [c.split("\t")[1] for c in cards] == ["China", "Lee Jae-myung"]
    unknown = runner.invoke(export_app, ["pdf", "banks/week3.yaml", "--doc", "week9"])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == (
        "error: the bank has no reading 'week9' "
        "(its readings: 000_1485ad31a31b4fb2, 001_c1cbc3802c2125c7, 002_fbda891dc0323af4)"
    )
    none = runner.invoke(
        export_app,
        ["csv", "banks/week3.yaml", "--type", "mcq", "--status", "approved", "--doc", "001_c1cbc3802c2125c7"],
    )
    assert none.stderr.strip() == (
        "error: nothing to export: no item that is not rejected has the status, type and reading asked for"
    )


def test_a_pdf_of_a_chosen_number_of_questions(course):
    result = runner.invoke(export_app, ["pdf", "banks/week3.yaml", "--limit", "3", "--key", "none"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "wrote output/week3.pdf (3 items): worksheet, for students"
