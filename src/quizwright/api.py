"""quizwright as a library: one call for each thing a teacher does.

    import quizwright
    result = quizwright.build(["readings/"], "banks/cells.yaml")      # read, build, write or merge
    found = quizwright.validate("banks/cells.yaml").findings          # every item against its source
    quizwright.export("anki", "banks/cells.yaml")                     # -> output/cells.apkg

Errors are QuizwrightError subclasses whose message says what is wrong; soft problems go
through the warnings module as QuizwrightWarning subclasses.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import reading_folders
from .checks import validate_bank
from .errors import BankError, ExportError
from .exporters import ExportOptions, ExportResult, default_output, unreviewed, vetted
from .exporters.formats import FORMATS
from .fastbank import load_bank_fast as load_bank
from .files import write_problem
from .models import Bank, BuildResult, Validation

if TYPE_CHECKING:  # imported when building: reading a bank needs neither NLTK nor the generator
    from .pipeline import BuildOptions, Progress


def build(
    sources: list[str | Path],
    bank_path: str | Path,
    options: BuildOptions | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    existing: Bank | None = None,
) -> BuildResult:
    """Build a bank from the readings and write it to `bank_path`, or merge it into the bank
    there (every item a teacher touched stays as it is); with dry_run, write nothing.

    The bank records the readings and `options`' settings; with no `sources`, the readings it
    records are read again. Its title is options.title, else (for a new bank) the readings'.
    options: BuildOptions() when None. existing: the bank at `bank_path` as the caller has read
    it already (only its build record is used), so that it is not read again; else read here.
    """
    from .builds import build_record, recorded_readings
    from .merge import save_or_merge
    from .pipeline import BuildOptions, build_bank
    from .workers import frozen

    options = options if options is not None else BuildOptions()
    bank_path = Path(bank_path)
    if bank_path.is_dir():
        raise BankError(f"{bank_path} is a folder; give the bank a file name, such as {bank_path / 'bank.yaml'}")
    before = existing if existing is not None else load_bank(bank_path) if bank_path.exists() else None
    paths: list[str | Path] = list(sources) if sources else list(recorded_readings(_need(before, bank_path), bank_path))
    before = replace(before, items=()) if before is not None else None  # only its record is needed from here
    try:
        with frozen():  # what the build keeps is left out of collections until the bank is written
            built = build_bank(paths, bank_path, options, progress)
            bank = titled(built.bank, built.texts, paths, options.title)
            bank = replace(bank, build=build_record(paths, bank_path, options, before))
            if progress and bank_path.exists():  # merging into a large bank takes a while: say so
                progress(f"merging into {bank_path}", len(built.reports), len(built.reports))
            merge = save_or_merge(bank, built.texts, bank_path, dry_run, options.title, progress)
        if not dry_run:
            reading_folders.remember(bank_path, paths)
    except OSError as exc:
        raise BankError(f"{bank_path}: cannot write the bank: {write_problem(bank_path, exc)}") from None
    return replace(built, bank=bank, merge=merge)


def _need(bank: Bank | None, bank_path: Path) -> Bank:
    if bank is None:
        raise BankError(f"{bank_path}: no such bank to rebuild; name the readings to build it from")
    return bank


def titled(bank: Bank, texts: dict[str, str], paths: list[str | Path], title: str | None) -> Bank:
    """The bank with each source's title (its heading) and the bank's title: `title`, else the readings'."""
    from .builds import bank_title, reading_title, source_title

    headings = [reading_title(texts.get(s.id, "")) for s in bank.sources]
    chosen = title or bank_title(paths, headings, [s.id for s in bank.sources])
    sources = tuple(replace(s, title=source_title(texts.get(s.id, "")) or None) for s in bank.sources)
    return replace(bank, title=chosen, sources=sources)


def validate(
    bank_path: str | Path, progress: Callable[[str], None] | None = None, readings: Sequence[str | Path] = ()
) -> Validation:
    """Read the bank and check every item against its source and the rules of item writing.

    progress(what) is told each step as it starts (reading, checking): a large bank takes a while.
    Readings are read only inside the bank's folder, the `readings` folders and the folders
    this user's builds of the bank read (reading_folders.py); elsewhere, OutOfReachError.
    """
    if progress:
        progress(f"reading {bank_path}")
    bank = load_bank(bank_path)
    if progress:
        progress(f"checking {len(bank.items)} items against their sources")
    return Validation(bank, validate_bank(bank, bank_path, allowed_folders(bank_path, readings)))


def allowed_folders(bank_path: str | Path, readings: Sequence[str | Path] = ()) -> list[str | Path]:
    """Where a bank's readings may be read besides its own folder: the folders named, and those
    this user's builds of the bank read."""
    return [*readings, *reading_folders.remembered(bank_path)]


def export(
    format: str,
    bank_path: str | Path,
    output: str | Path | None = None,
    options: ExportOptions | None = None,
    readings: Sequence[str | Path] = (),
) -> ExportResult:
    """Write the bank's exportable items in `format` (formats.FORMATS: anki, pdf, gift, qti,
    csv, quizlet) to `output`, by default output/<bank file stem><the format's suffix>.

    The bank is validated first: an item validate finds fault with is never exported (a
    LeftOutWarning names each one and why); the result counts the drafts that went out.
    `readings`: as for validate.
    """
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    chosen = FORMATS[format]
    target = Path(output) if output is not None else default_output(bank_path, chosen.suffix)
    options = options if options is not None else chosen.options()
    bank = load_bank(bank_path)
    _refuse_a_reading(target, bank, Path(bank_path))
    # a reading out of reach is not read, and the export says so; its items still get every other check
    findings = validate_bank(bank, bank_path, allowed_folders(bank_path, readings), refuse_out_of_reach=False)
    bank = vetted(bank, findings, options)
    return replace(chosen.write(bank, target, options), drafts=unreviewed(bank, options))


def _refuse_a_reading(target: Path, bank: Bank, bank_path: Path) -> None:
    """An export written over one of the bank's readings would destroy what the items cite."""
    for source in bank.sources:
        reading = bank_path.parent / source.path
        with contextlib.suppress(OSError, ValueError):
            if target.exists() and target.samefile(reading):
                raise ExportError(
                    f"{target} is a reading of {bank_path}; an export never writes over one: name another file for it"
                )
