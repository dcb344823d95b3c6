"""`quizwright build`: readings -> a bank, merged into the one already there."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from ..errors import QuizwrightError
from ..fastbank import load_bank_fast as load_bank
from ..models import Bank, DocumentReport, MergeReport
from . import console
from .console import fail, interrupted, reporting_warnings

BANK_SUFFIXES = (".yaml", ".yml")


def build(
    sources: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Readings (.txt, .md, .html, .pdf, .docx, .epub, .pptx) or folders of them; "
            "or one bank (.yaml), to build it again from the readings it records."
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("-o", "--output", help="The bank to write or merge into (default: question_banks/READING.yaml)."),
    ] = None,
    seed: Annotated[
        Optional[int], typer.Option(help="Seed for distractor choice; same inputs and seed, same bank. [default: 0]")
    ] = None,
    mcq: Annotated[
        Optional[int],
        typer.Option(
            min=0, help="At most this many multiple-choice items per reading (default: as its length calls for)."
        ),
    ] = None,
    cloze: Annotated[
        Optional[int],
        typer.Option(min=0, help="At most this many cloze items per reading (default: as its length calls for)."),
    ] = None,
    title: Annotated[
        Optional[str],
        typer.Option(help="Bank title (default: the reading's heading; for several, their shared heading or folder)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be added, kept and marked stale; write nothing.")
    ] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes analysing documents and building their items (default: the number of cores).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Analyse every document afresh; neither read nor write the analysis cache."),
    ] = False,
) -> None:
    """Read the readings and write a question bank of multiple-choice and cloze items.

    If the bank exists, the build is merged into it: every item you touched stays as it is.
    The bank records its readings and settings: `quizwright build BANK` builds it again the
    same way; a setting given on the command line replaces the recorded one.
    """
    # a Ctrl-C at any moment, even while the imports below load NLTK (over a second on a slow
    # disk), ends in the one line that says what was left as it was
    as_it_was = f"{output} is as it was" if output is not None else "nothing was changed"
    try:
        from .. import api, builds, cache  # here, not above: the commands that only read a bank start without NLTK
        from ..pipeline import BuildOptions
        from ..workers import default_jobs

        readings, output, before = _readings_and_bank(list(sources or []), output)
        as_it_was = f"{output} is as it was"
        given = {"seed": seed, "mcq_per_doc": mcq, "cloze_per_doc": cloze}
        recorded = dict(before.build.settings) if before is not None and before.build is not None else {}
        # the bank's record is all a build needs of it
        before = dataclasses.replace(before, items=()) if before is not None else None
        base = BuildOptions(
            title=title, jobs=jobs or default_jobs(), cache_dir=None if no_cache else cache.default_dir()
        )
        with reporting_warnings():
            options = builds.options_from(recorded | {k: v for k, v in given.items() if v is not None}, base)
        with Progress(console=console.err, transient=True, disable=not console.err.is_terminal) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(label: str, done: int, total: int) -> None:
                bar.update(task, description=label, completed=done, total=total)

            with reporting_warnings():
                built = api.build(list(readings), output, options, dry_run=dry_run, progress=progress, existing=before)
    except QuizwrightError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        raise interrupted(as_it_was) from None
    table = Table(title=Text(f"{output}: {len(built.bank.items)} items built"))
    columns = [f.name for f in dataclasses.fields(DocumentReport) if f.name != "dropped"]
    for column in columns:
        table.add_column(column, justify="left" if column == "document" else "right")
    for row in built.reports:
        table.add_row(*(Text(str(getattr(row, c))) for c in columns))  # a file may be named "[draft] notes"
    console.out.print(table)
    for row in built.reports:
        if row.mcq + row.cloze == 0:
            console.out.print(f"{row.document}: {_why_no_questions(row)}", markup=False, highlight=False)
    dropped: Counter[str] = Counter()
    for row in built.reports:
        dropped.update(dict(row.dropped))
    if dropped:
        reasons = "; ".join(f"{n} {reason}" for reason, n in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0])))
        console.out.print(f"candidates not kept: {reasons}", highlight=False)
    assert built.merge is not None, "api.build writes (or dry-runs) the bank"
    _print_merge(built.merge, output, dry_run)


def _why_no_questions(row: DocumentReport) -> str:
    """A reading that gave nothing is no failure: quizwright asks only what a reading is about."""
    if row.candidates == 0:
        return (
            "no questions: quizwright asks only about the terms a reading defines or keeps returning to, "
            "the people, places and organisations it is about, and the figures in a report's lead; "
            "it found none of those here in a sentence that stands alone"
        )
    return f"no questions: its {row.candidates} candidates fell below the quality bar or repeat what is asked already"


def _readings_and_bank(readings: list[Path], output: Path | None) -> tuple[list[Path], Path, Bank | None]:
    """What to read and which bank to write: `build BANK.yaml` rebuilds it from its recorded
    readings; without -o, the bank is named after the readings, and one built from other
    readings is never merged into unasked."""
    if output is None and len(readings) == 1 and readings[0].suffix.lower() in BANK_SUFFIXES:
        output, readings = readings[0], []
    if output is not None:
        return readings, output, _existing(output)
    if not readings:
        console.say("error: name the readings to build from, or a bank to build again (quizwright build BANK.yaml)")
        raise typer.Exit(2)
    from .. import builds

    output = builds.default_bank_path(readings)
    existing = _existing(output)
    if existing is not None and not builds.same_readings(existing, output, readings):
        console.say(
            f"error: {output} holds a bank built from other readings; to merge into it, name it with -o {output}, "
            "else choose another name with -o"
        )
        raise typer.Exit(2)
    return readings, output, existing


def _existing(path: Path | None) -> Bank | None:
    """The bank at path, if there is one (a broken one is reported when the build reads it)."""
    if path is None or not path.is_file():
        return None
    try:
        return load_bank(path)
    except QuizwrightError as exc:
        raise fail(exc) from None


def _print_merge(report: MergeReport, output: Path, dry_run: bool) -> None:
    would = "would be " if dry_run else ""

    def say(line: str) -> None:
        console.out.print(line, markup=False, highlight=False)

    if not report.into_existing:
        say(f"{output}: {len(report.added)} items {would}written")
        return
    say(
        f"{output}: merged: {len(report.added)} new items {would}added, {report.kept} kept as they are, "
        f"{len(report.refreshed)} untouched drafts {would}refreshed, {len(report.retired)} {would}retired, "
        f"{len(report.stale)} {would}marked stale",
    )
    for item_id, reason in report.stale:
        say(f"  stale {item_id}: {reason}")
    for source in report.changed_sources:
        say(f"  source {source} changed since the last build (sha256 differs)")
    for source in report.new_sources:
        say(f"  new source {source}")
