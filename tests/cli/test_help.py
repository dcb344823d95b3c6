"""Every command and option says what it does (as sqlite-utils checks), and help reads as a teacher needs it."""

from __future__ import annotations

import click
import pytest
import typer.main

from conftest import runner
from quizwright.cli import app
from quizwright.exporters.formats import FORMATS


def commands(group: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, group)]
    for name, command in getattr(group, "commands", {}).items():
        found += commands(command, (*path, name))
    return found


ALL = commands(typer.main.get_command(app))


@pytest.mark.parametrize(("path", "command"), ALL, ids=[" ".join(p) or "quizwright" for p, _ in ALL])
def test_every_command_and_each_of_its_options_and_arguments_has_help(path, command):
    assert (command.help or "").strip(), f"quizwright {' '.join(path)} has no help"
    for param in command.params:
        assert (getattr(param, "help", None) or "").strip(), f"quizwright {' '.join(path)}: {param.name} has no help"


@pytest.mark.parametrize("path", [p for p, _ in ALL], ids=[" ".join(p) or "quizwright" for p, _ in ALL])
def test_help_shows_flags_as_flags_not_as_options_taking_a_bool(path):
    shown = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "120"})
    assert shown.exit_code == 0, shown.output
    assert "<bool>" not in shown.output and "BOOLEAN" not in shown.output


def test_the_export_help_names_every_format_it_writes():
    shown = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    line = next(line for line in shown.splitlines() if "│ export" in line)
    assert all(f"({name})" in line for name in FORMATS), line
    assert "an Anki deck or PDF worksheets from a bank" not in shown


def test_jobs_says_it_builds_too():
    shown = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).output
    assert "Processes analysing documents and building their items" in shown
    assert "Processes analysing documents (default" not in shown
