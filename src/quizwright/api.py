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

from .bank import load_bank
from .checks import validate_bank
from .errors import BankError, ExportError
from .exporters import ExportOptions, ExportResult, default_output
from .exporters.formats import FORMATS
from .files import write_problem
from .merge import save_or_merge
from .models import Bank, BuildResult, Validation
from .pipeline import BuildOptions, Progress, build_bank


def build(
    sources: list[str | Path],
    bank_path: str | Path,
    options: BuildOptions = BuildOptions(),
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build a bank from the readings and write it to `bank_path`, or merge it into the bank
    there (every item a teacher touched stays as it is); with dry_run, write nothing."""
    bank_path = Path(bank_path)
    if bank_path.is_dir():
        raise BankError(f"{bank_path} is a folder; give the bank a file name, such as {bank_path / 'bank.yaml'}")
    built = build_bank(list(sources), bank_path, options, progress)
    try:
        merge = save_or_merge(built.bank, built.texts, bank_path, dry_run)
    except OSError as exc:
        raise BankError(f"{bank_path}: cannot write the bank: {write_problem(bank_path, exc)}") from None
    return replace(built, merge=merge)


def validate(
    bank_path: str | Path, progress: Callable[[str], None] | None = None, readings: Sequence[str | Path] = ()
) -> Validation:
    """Read the bank and check every item against its source and the rules of item writing.

    progress(what) is told each step as it starts (reading, checking): a large bank takes a while.
    Readings are read inside the bank's folder and the `readings` folders only (OutOfReachError).
    """
    if progress:
        progress(f"reading {bank_path}")
    bank = load_bank(bank_path)
    if progress:
        progress(f"checking {len(bank.items)} items against their sources")
    return Validation(bank, validate_bank(bank, bank_path, readings))


def export(
    format: str,
    bank_path: str | Path,
    output: str | Path | None = None,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Write the bank's exportable items in `format` (formats.FORMATS: anki, pdf, gift, qti,
    csv, quizlet) to `output`, by default output/<bank file stem><the format's suffix>."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    chosen = FORMATS[format]
    target = Path(output) if output is not None else default_output(bank_path, chosen.suffix)
    bank = load_bank(bank_path)
    _refuse_a_reading(target, bank, Path(bank_path))
    return chosen.write(bank, target, options if options is not None else chosen.options())


def _refuse_a_reading(target: Path, bank: Bank, bank_path: Path) -> None:
    """An export written over one of the bank's readings would destroy what the items cite."""
    for source in bank.sources:
        reading = bank_path.parent / source.path
        with contextlib.suppress(OSError, ValueError):
            if target.exists() and target.samefile(reading):
                raise ExportError(
                    f"{target} is a reading of {bank_path}; an export never writes over one: name another file for it"
                )
