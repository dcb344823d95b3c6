"""`quizwright export anki|pdf` as a teacher runs it: default paths, options, one-line errors."""

import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizwright.cli.export import export_app

FIXTURE = Path(__file__).parent / "fixtures" / "export_bank.yaml"
runner = CliRunner()


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A working folder holding the fixture bank; the default output/ goes here."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    shutil.copy(FIXTURE, tmp_path / "banks" / "week3.yaml")
    return tmp_path


def apkg(path):
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    notes = conn.execute("select count(*) from notes").fetchone()[0]
    decks = sorted(d["name"] for d in json.loads(conn.execute("select decks from col").fetchone()[0]).values())
    conn.close()
    return notes, decks


def test_anki_writes_output_named_after_the_bank(course):
    result = runner.invoke(export_app, ["anki", "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "wrote output/week3.apkg (8 notes)"
    notes, decks = apkg(course / "output" / "week3.apkg")
    assert notes == 8 and "Why South Korea’s President Went to China" in decks


def test_anki_options(course):
    result = runner.invoke(
        export_app, ["anki", "banks/week3.yaml", "-o", "decks/mine.apkg", "--approved-only", "--subdecks"]
    )
    assert result.exit_code == 0, result.output
    notes, decks = apkg(course / "decks" / "mine.apkg")
    assert notes == 2
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


def test_the_library_does_not_import_the_cli_toolkits():
    code = "import sys, quizwright.exporters.anki, quizwright.exporters.pdf; print(sorted({'typer', 'rich'} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
