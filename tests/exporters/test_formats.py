"""The table of export formats: every entry writes, and the CLI has a command for each."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from conftest import FIXTURE, invoke
from quizwright.exporters import ExportOptions
from quizwright.exporters.formats import FORMATS


def test_every_format_has_a_writer_options_a_suffix_and_help():
    assert list(FORMATS) == ["anki", "pdf", "gift", "qti", "csv", "quizlet"]
    for name, format in FORMATS.items():
        assert format.name == name and callable(format.write)
        assert issubclass(format.options, ExportOptions) and format.suffix.endswith(format.suffix.rsplit(".", 1)[-1])
        assert format.help.startswith("Write ") and format.counted


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_cli_offers_every_format_with_its_options(name):
    result = invoke("export", name, "--help")
    assert result.exit_code == 0
    assert "--output" in result.stdout and "--approved-only" in result.stdout
    for field in dataclasses.fields(FORMATS[name].options):
        if "help" in field.metadata:
            assert "--" + field.name.replace("_", "-") in result.stdout


def test_every_format_writes_the_fixture(tmp_path):
    from quizwright.bank import load_bank

    bank = load_bank(FIXTURE)
    for name, format in FORMATS.items():
        result = format.write(bank, tmp_path / f"out{format.suffix}", format.options())
        assert result.items > 0 and all(p.exists() for p in result.paths), name


def test_the_format_table_and_the_cli_load_neither_reportlab_nor_genanki_until_an_export_needs_it():
    """A third of a second of every command's start (build, validate, show, ...) went to importing them."""
    code = (
        "import sys\nfrom quizwright.cli import app\nfrom quizwright.exporters.formats import FORMATS\n"
        "print(sorted({'reportlab', 'genanki'} & set(sys.modules)))\n"
        "FORMATS['pdf'].options(), FORMATS['anki'].options()\n"
        "print(sorted({'reportlab', 'genanki'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == ["[]", "[]"]
