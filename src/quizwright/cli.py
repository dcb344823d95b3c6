"""The `quizwright` command: parse, call one library function, turn errors into messages."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import sys
import traceback
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from . import review
from .analysis import resources
from .bank import load_bank, write_problem
from .cli_export import export_app
from .merge import MergeReport, save_or_merge
from .models import DocumentReport
from .errors import QuizwrightError
from . import cache
from .pipeline import BuildOptions, build_bank
from .workers import default_jobs
from .validate import validate_bank
from .version import VERSION

app = typer.Typer(
    help="Turn readings into a reviewed question bank, an Anki deck and printable worksheets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)
INTERNAL_ERROR = 3  # a bug in quizwright, not in the input
debugging = False
"""Set by --debug: errors show their Python traceback too."""


@app.callback()
def options(debug: Annotated[bool, typer.Option("--debug", help="On an error, show the Python traceback too.")] = False) -> None:
    global debugging
    debugging = debug


def fail(exc: QuizwrightError) -> typer.Exit:
    if debugging:
        traceback.print_exception(exc)
    one_line = " ".join(str(exc).splitlines())  # a library's message may span lines (text2qti's do)
    err.print(f"error: {one_line}", markup=False, highlight=False)
    return typer.Exit(exc.exit_code)


def read_only(command):
    """Ctrl-C in a command that writes nothing: say so and exit 130, not click's 'Aborted!' and 1."""

    @functools.wraps(command)
    def guarded(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            raise interrupted("nothing was changed") from None

    return guarded


def interrupted(what: str) -> typer.Exit:
    """Ctrl-C: every write is atomic, so whatever was there before is still there."""
    if debugging:
        traceback.print_exc()
    err.print(f"error: interrupted; {what}", markup=False, highlight=False)
    return typer.Exit(INTERRUPTED)


@app.command()
def build(
    sources: Annotated[list[Path], typer.Argument(help="Readings (.txt, .md, .html, .pdf, .docx, .epub), or folders of them.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The bank to write (YAML).")] = Path(
        "question_banks/bank.yaml"
    ),
    seed: Annotated[int, typer.Option(help="Seed for distractor choice; same inputs and seed, same bank.")] = 0,
    mcq: Annotated[int, typer.Option(help="Multiple-choice items to keep per document.")] = 8,
    cloze: Annotated[int, typer.Option(help="Cloze items to keep per document.")] = 5,
    title: Annotated[Optional[str], typer.Option(help="Bank title (default: the first document's heading).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be added, kept and marked stale; write nothing.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes analysing documents (default: the number of cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Analyse every document afresh; neither read nor write the analysis cache.")] = False,
) -> None:
    """Read the sources and write a question bank of multiple-choice and cloze items.

    If the bank exists, the build is merged into it: every item you touched stays as it is.
    """
    options = BuildOptions(seed=seed, mcq_per_doc=mcq, cloze_per_doc=cloze, title=title,
                           jobs=jobs or default_jobs(), cache_dir=None if no_cache else cache.default_dir())
    if output.is_dir():
        raise fail(QuizwrightError(f"{output} is a folder; give the bank a file name, such as {output / 'bank.yaml'}"))
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(label: str, done: int, total: int) -> None:
                bar.update(task, description=label, completed=done, total=total)

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                built = build_bank(list(sources), output, options, progress)
        for warning in caught:
            err.print(f"warning: {warning.message}", markup=False, highlight=False)
        existed = output.exists()
        report = save_or_merge(built.bank, built.texts, output, dry_run)
    except QuizwrightError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(QuizwrightError(f"{output}: cannot write the bank: {write_problem(output, exc)}")) from None
    except KeyboardInterrupt:
        raise interrupted(f"{output} is as it was") from None
    table = Table(title=f"{output}: {len(built.bank.items)} items built")
    columns = [f.name for f in dataclasses.fields(DocumentReport)]
    for column in columns:
        table.add_column(column, justify="left" if column == "document" else "right")
    for row in built.reports:
        table.add_row(*(str(getattr(row, c)) for c in columns))
    out.print(table)
    _print_merge(report, output, existed, dry_run)


def _print_merge(report: MergeReport, output: Path, existed: bool, dry_run: bool) -> None:
    would = "would be " if dry_run else ""
    if not existed:
        out.print(f"{output}: {len(report.added)} items {would}written", highlight=False)
        return
    out.print(
        f"{output}: merged: {len(report.added)} new items {would}added, {report.kept} kept as they are, "
        f"{len(report.refreshed)} untouched drafts {would}refreshed, {len(report.retired)} {would}retired, "
        f"{len(report.stale)} {would}marked stale",
        highlight=False,
    )
    for item_id, reason in report.stale:
        out.print(f"  stale {item_id}: {reason}", highlight=False)
    for source in report.changed_sources:
        out.print(f"  source {source} changed since the last build (sha256 differs)", highlight=False)
    for source in report.new_sources:
        out.print(f"  new source {source}", highlight=False)


def working(message: str):
    """A spinner on stderr while a long step runs, when stderr is a terminal: a bank of
    100,000 items takes minutes to read, and silence looks like a hang."""
    return err.status(message, spinner="line") if err.is_terminal else contextlib.nullcontext()


def read_bank(bank: Path):
    try:
        with working(f"reading {bank}"):
            return load_bank(bank)
    except QuizwrightError as exc:
        raise fail(exc) from None


@app.command()
@read_only
def validate(
    bank: Annotated[Path, typer.Argument(help="The bank to check.")],
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Check every item against its source sentence; exit 1 if anything is wrong."""
    loaded = read_bank(bank)
    with working(f"checking {len(loaded.items)} items against their sources"):
        findings = validate_bank(loaded, bank)
    if format == "json":
        print(json.dumps([f.__dict__ for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        if not findings:
            print(f"{bank}: {len(loaded.items)} items, all valid")
    raise typer.Exit(1 if findings else 0)


@app.command()
@read_only
def show(
    bank: Annotated[Path, typer.Argument(help="The bank to show.")],
    status: Annotated[Optional[str], typer.Option(help="Only items with this status (draft, approved, rejected).")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Only mcq or cloze items.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only items from this source document id.")] = None,
) -> None:
    """Show the bank's items as a table."""
    loaded = read_bank(bank)
    items = review.filter_items(loaded, status, type, doc)
    table = Table(title=f"{bank}: {len(items)} of {len(loaded.items)} items", show_lines=True)
    for column in ("line", "id", "status", "kind", "question / text", "answer", "distractors"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(
            str(item.line or ""), item.id, item.status, item.answer_kind,
            review.prompt_of(item), item.answer, " / ".join(item.distractors),
        )
    out.print(table)


@app.command()
@read_only
def stats(bank: Annotated[Path, typer.Argument(help="The bank to count.")]) -> None:
    """Count the bank's items by status, type, answer kind and source."""
    loaded = read_bank(bank)
    figures = review.bank_stats(loaded)
    for title, counter in (
        ("status", figures.by_status),
        ("type", figures.by_type),
        ("answer kind", figures.by_kind),
        ("source", figures.by_source),
    ):
        table = Table(title=f"by {title}")
        table.add_column(title)
        table.add_column("items", justify="right")
        for key, count in sorted(counter.items()):
            table.add_row(key, str(count))
        out.print(table)
    out.print(f"{figures.total} items, {figures.to_review} still to review", highlight=False)


@app.command()
def setup() -> None:
    """Check the NLTK data packages quizwright needs; download any that are missing."""
    missing = resources.missing_packages()
    for package in resources.PACKAGES:
        if package not in missing:
            out.print(f"ok       {package}", highlight=False)
    still_missing = []
    for package in missing:
        if resources.download(package) and resources.is_installed(package):
            out.print(f"fetched  {package}", highlight=False)
        else:
            still_missing.append(package)
            err.print(f"missing  {package}", highlight=False)
    if still_missing:
        err.print(
            "error: could not download "
            + ", ".join(still_missing)
            + " (no network?). Copy an nltk_data folder that has them and point NLTK_DATA at it.",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2)


@app.command()
def version() -> None:
    """Print the version."""
    print(VERSION)


app.add_typer(export_app, name="export", help="Write an Anki deck or PDF worksheets from a bank.")


def main() -> None:
    if "--debug" in sys.argv[2:]:  # also accepted after the command: quizwright build ... --debug
        sys.argv.remove("--debug")
        sys.argv.insert(1, "--debug")
    try:
        app()
    except QuizwrightError as exc:  # errors the commands did not catch themselves
        if debugging:
            raise
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug: one line unless asked for the traceback
        if debugging:
            raise
        err.print(
            f"error: quizwright failed unexpectedly ({type(exc).__name__}: {exc}); "
            "run it again with --debug for the details, and please report them",
            markup=False,
            highlight=False,
        )
        sys.exit(INTERNAL_ERROR)
