"""`quizwright build`: readings -> a bank, merged into the one already there."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from .. import api, cache
from ..errors import QuizwrightError
from ..models import DocumentReport, MergeReport
from ..pipeline import BuildOptions
from ..workers import default_jobs
from . import console
from .console import fail, interrupted, reporting_warnings


def build(
    sources: Annotated[
        list[Path], typer.Argument(help="Readings (.txt, .md, .html, .pdf, .docx, .epub), or folders of them.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="The bank to write (YAML).")] = Path(
        "question_banks/bank.yaml"
    ),
    seed: Annotated[int, typer.Option(help="Seed for distractor choice; same inputs and seed, same bank.")] = 0,
    mcq: Annotated[int, typer.Option(min=0, help="Multiple-choice items to keep per document.")] = 8,
    cloze: Annotated[int, typer.Option(min=0, help="Cloze items to keep per document.")] = 5,
    title: Annotated[Optional[str], typer.Option(help="Bank title (default: the first document's heading).")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be added, kept and marked stale; write nothing.")
    ] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, help="Processes analysing documents (default: the number of cores)."),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Analyse every document afresh; neither read nor write the analysis cache."),
    ] = False,
) -> None:
    """Read the sources and write a question bank of multiple-choice and cloze items.

    If the bank exists, the build is merged into it: every item you touched stays as it is.
    """
    options = BuildOptions(
        seed=seed,
        mcq_per_doc=mcq,
        cloze_per_doc=cloze,
        title=title,
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else cache.default_dir(),
    )
    try:
        with Progress(console=console.err, transient=True, disable=not console.err.is_terminal) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(label: str, done: int, total: int) -> None:
                bar.update(task, description=label, completed=done, total=total)

            with reporting_warnings():
                built = api.build(list(sources), output, options, dry_run=dry_run, progress=progress)
    except QuizwrightError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        raise interrupted(f"{output} is as it was") from None
    table = Table(title=Text(f"{output}: {len(built.bank.items)} items built"))
    columns = [f.name for f in dataclasses.fields(DocumentReport)]
    for column in columns:
        table.add_column(column, justify="left" if column == "document" else "right")
    for row in built.reports:
        table.add_row(*(Text(str(getattr(row, c))) for c in columns))  # a file may be named "[draft] notes"
    console.out.print(table)
    assert built.merge is not None, "api.build writes (or dry-runs) the bank"
    _print_merge(built.merge, output, dry_run)


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
