"""`quizwright validate | show | stats` on a built bank: findings at their lines, tables, spinners."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import REVIEW_BANK, invoke, one_error_line, runner
from quizwright.bank import bank_to_yaml, load_bank
from quizwright.cli import app


def readings_of(bank_path: Path) -> tuple[str, str]:
    """The option that lets validate read the built bank's readings (in ../seeds, beside its folder)."""
    return ("--readings", str(bank_path.parent.parent / "seeds"))


def test_every_built_item_passes_validate(bank_path):
    result = invoke("validate", bank_path, *readings_of(bank_path))
    count = len(load_bank(bank_path).items)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == f"{bank_path}: {count} items, all valid"


def plant_error(bank_path: Path, tmp_path: Path) -> tuple[Path, str, int]:
    """A copy of the bank (with its sources reachable) whose first MCQ has a wrong answer."""
    target = bank_path.parent / f"planted-{tmp_path.name}.yaml"
    text = bank_path.read_text(encoding="utf-8")
    item = next(i for i in load_bank(bank_path).items if i.type == "mcq")
    lines = text.splitlines(keepends=True)
    at = item.line - 1
    answer_at = next(n for n in range(at, len(lines)) if lines[n].startswith("    answer: "))
    lines[answer_at] = "    answer: Atlantis\n"
    target.write_text("".join(lines), encoding="utf-8")
    return target, item.id, item.line


def test_validate_reports_a_planted_error_at_its_line(bank_path, tmp_path):
    target, item_id, line = plant_error(bank_path, tmp_path)
    result = invoke("validate", target, *readings_of(target))
    assert result.exit_code == 1
    assert f"{target}:{line}: {item_id}: the answer 'Atlantis' does not occur in the source sentence" in (
        result.stdout.splitlines()
    )
    assert "all valid" not in result.stdout


def test_validate_json_lists_the_findings(bank_path, tmp_path):
    target, item_id, line = plant_error(bank_path, tmp_path)
    result = invoke("validate", target, "--format", "json", *readings_of(target))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    assert {
        "path": str(target),
        "line": line,
        "item_id": item_id,
        "message": "the answer 'Atlantis' does not occur in the source sentence",
    } in findings


def test_validate_json_of_a_valid_bank_is_an_empty_list(bank_path):
    result = invoke("validate", bank_path, "--format", "json", *readings_of(bank_path))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_validate_a_missing_bank_is_one_error_line(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = invoke("validate", missing)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == f"error: {missing}: no such bank file"
    assert result.stdout == ""


def test_validate_a_broken_bank_is_one_error_line(tmp_path):
    broken = tmp_path / "bank.yaml"
    broken.write_text("schema: quizwright/1\nitems: [\n", encoding="utf-8")
    result = invoke("validate", broken)
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith(f"error: {broken}:3:")


def test_a_terminal_sees_what_a_slow_command_is_doing_and_a_pipe_does_not(bank_path, monkeypatch):
    """A 100,000-item bank takes minutes to read and check: a terminal gets a spinner line."""
    import io

    from rich.console import Console

    import quizwright.cli.console as cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=200))
    assert runner.invoke(app, ["validate", str(bank_path), *readings_of(bank_path)]).exit_code == 0
    assert f"reading {bank_path}" in screen.getvalue() and "items against their sources" in screen.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=piped, force_terminal=False))
    assert runner.invoke(app, ["validate", str(bank_path), *readings_of(bank_path)]).exit_code == 0
    assert piped.getvalue() == ""


def test_show_and_stats_commands(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(bank_to_yaml(REVIEW_BANK), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["show", str(path), "--status", "approved"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "cloze-00000001" in shown.output and "mcq-00000001" not in shown.output
    counted = runner.invoke(app, ["stats", str(path)])
    assert counted.exit_code == 0
    assert "3 items, 1 still to review" in counted.output


def test_show_in_an_80_column_terminal_is_one_block_per_item_with_no_word_broken(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(bank_to_yaml(REVIEW_BANK), encoding="utf-8")
    narrow = CliRunner().invoke(app, ["show", str(path)], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0] == "3 of 3 items in bank.yaml"
    assert "mcq-00000001 · draft · mcq · place · line " in narrow.output
    text = " ".join(line.strip() for line in lines)
    assert (
        "Lee met Xi Jinping in _____ in 2019 to discuss trade. answer: Beijing wrong: Seoul / Tokyo / Shanghai" in text
    )
    assert "Lee met Xi Jinping in Beijing in {{c1::2019}} to discuss trade. answer: 2019" in text
    wide = CliRunner().invoke(app, ["show", str(path)], env={"COLUMNS": "200"})
    assert "┃ line" in wide.output  # room for the table


def test_show_limit_shows_the_first_items_and_says_how_many_match(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(bank_to_yaml(REVIEW_BANK), encoding="utf-8")
    shown = CliRunner().invoke(app, ["show", str(path), "--limit", "1"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "3 of 3 items, the first 1 shown" in shown.output
    assert "mcq-00000001" in shown.output and "cloze-00000001" not in shown.output


def test_show_and_stats_print_item_text_as_written_not_as_markup(tmp_path):
    """rich reads "[b]" as bold and "[citation needed]" as a style; "[/]" with nothing open crashed."""
    from dataclasses import replace

    mcq, cloze, rejected = REVIEW_BANK.items
    odd = replace(mcq, question="Lee met [b]Xi[/b] in _____ [citation needed]?", distractors=("[/]", "Tokyo", "[red]"))
    bank = replace(REVIEW_BANK, sources=(*REVIEW_BANK.sources[:1], replace(REVIEW_BANK.sources[1], id="[b]")))
    bank = replace(bank, items=(odd, replace(cloze, source=replace(cloze.source, doc="[b]")), rejected))
    path = tmp_path / "bank.yaml"
    path.write_text(bank_to_yaml(bank), encoding="utf-8")
    shown = CliRunner().invoke(app, ["show", str(path)], env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    assert "Lee met [b]Xi[/b] in _____ [citation needed]?" in shown.output
    assert "[/] / Tokyo / [red]" in shown.output
    counted = CliRunner().invoke(app, ["stats", str(path)], env={"COLUMNS": "400"})
    assert counted.exit_code == 0, counted.output
    assert "│ [b]" in counted.output
