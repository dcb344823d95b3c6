"""What a bank remembers of its build, and the name and titles a build gives when none is asked for.

A bank records the readings it was built from and the settings that decide its items
(`build:` in the YAML), so that `quizwright build BANK` builds it again the same way. The
settings are BuildOptions' fields by name, all but those in NOT_RECORDED, so a field added to
BuildOptions is recorded without a change here.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import BankError, QuizwrightWarning
from .models import Bank, BuildRecord
from .pipeline import BuildOptions
from .sources import relative_path

NOT_RECORDED = ("title", "jobs", "cache_dir")
"""BuildOptions fields that do not change the items (the title is the bank's own field)."""
BANKS_DIR = Path("question_banks")
TERMINAL = re.compile(r"""[.!?]["')\]\u201d\u2019]*$""")
SEPARATORS = " \t:;,.-–—|/·"
NUMBERED = ("section", "part", "chapter", "lesson", "unit", "module", "week", "day")
"""Words a shared heading can end on before the part that differs: 'Cells: Section 1', 'Cells: Section 2'."""


class UnknownSettingWarning(QuizwrightWarning):
    """A bank records a build setting this quizwright does not have (a newer or older one wrote it)."""


def recorded_settings(options: BuildOptions) -> dict[str, object]:
    """The settings of `options` that a bank records, by field name."""
    return {
        field.name: getattr(options, field.name)
        for field in dataclasses.fields(options)
        if field.name not in NOT_RECORDED and getattr(options, field.name) is not None
    }


def options_from(settings: Mapping[str, object], base: BuildOptions = BuildOptions()) -> BuildOptions:
    """`base` with the recorded `settings` applied (a setting this quizwright lacks is skipped, with a warning)."""
    fields = {f.name: f for f in dataclasses.fields(BuildOptions) if f.name not in NOT_RECORDED}
    chosen: dict[str, object] = {}
    for name, value in settings.items():
        if name not in fields:
            warnings.warn(
                f"ignored the build setting '{name}': this quizwright has no such setting",
                UnknownSettingWarning,
                stacklevel=2,
            )
            continue
        default = getattr(base, name)
        whole_number = "int" in str(fields[name].type)  # 'int', or 'int | None' for a cap
        if value is not None and default is None and whole_number and not _same_kind(value, 0):
            raise BankError(f"the build setting '{name}' must be a whole number, not {value!r}")
        if value is not None and default is not None and not _same_kind(value, default):
            raise BankError(f"the build setting '{name}' must be {_kind(default)}, not {value!r}")
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)  # ruamel reads numbers as its own int subclass
        chosen[name] = value
    return dataclasses.replace(base, **chosen)  # type: ignore[arg-type]  # checked against each field's default above


def _same_kind(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    return isinstance(value, type(default))


def _kind(default: object) -> str:
    return (
        "a whole number"
        if isinstance(default, int) and not isinstance(default, bool)
        else f"a {type(default).__name__}"
    )


def build_record(
    paths: Sequence[str | Path], bank_path: str | Path, options: BuildOptions, before: Bank | None
) -> BuildRecord:
    """What a bank records of this build: the readings (added to those it was built from before) and the settings."""
    base = Path(bank_path).parent
    readings = list(before.build.readings) if before is not None and before.build is not None else []
    for path in paths:
        if any(_within(Path(path), base / r) for r in readings):
            continue  # a file in a folder the bank already reads
        readings = [r for r in readings if not _within(base / r, Path(path))] + [relative_path(path, base)]
    return BuildRecord(tuple(dict.fromkeys(readings)), recorded_settings(options))


def _within(path: Path, folder: Path) -> bool:
    """path is folder, or inside it (a reading recorded before that this one takes in)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or (folder.is_dir() and path.is_relative_to(folder))


def recorded_readings(bank: Bank, bank_path: str | Path) -> list[Path]:
    """The readings a bank was built from, as paths from here; BankError when it records none."""
    if bank.build is None or not bank.build.readings:
        raise BankError(
            f"{bank_path}: the bank does not record its readings (it was built before they were); name them"
        )
    base = Path(bank_path).parent
    return [base / reading for reading in bank.build.readings]


def same_readings(bank: Bank, bank_path: str | Path, paths: Sequence[str | Path]) -> bool:
    """The bank at bank_path was built from exactly these readings."""
    if bank.build is None:
        return False
    base = Path(bank_path).parent
    return set(bank.build.readings) == {relative_path(p, base) for p in paths}


def default_bank_path(paths: Sequence[str | Path]) -> Path:
    """question_banks/NAME.yaml, NAME from the reading, the folder, or the folder several readings share."""
    given = [Path(p) for p in paths]
    if len(given) == 1:
        name = given[0].resolve().name if given[0].is_dir() else given[0].stem
    else:
        parents = {p.resolve().parent for p in given}
        shared = parents.pop() if len(parents) == 1 else None
        name = shared.name if shared is not None and shared.name else given[0].stem
    slug = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "bank"
    return BANKS_DIR / f"{slug}.yaml"


def reading_title(text: str) -> str | None:
    """A reading's first line, when it is a heading (short, no closing punctuation)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first.split()
    return " ".join(words) if words and len(words) <= 16 and not TERMINAL.search(first) else None


TITLE_WORDS = 8


def source_title(text: str) -> str:
    """What students see for a reading: its heading, else its first words."""
    heading = reading_title(text)
    if heading:
        return heading
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def bank_title(paths: Sequence[str | Path], titles: Sequence[str | None], ids: Sequence[str]) -> str:
    """One reading: its heading (else its file name). Several: the heading they share, else
    the name of the folder they are in."""
    if len(ids) == 1:
        return titles[0] or pretty(ids[0])
    shared = common_heading([t for t in titles if t])
    if shared and len([t for t in titles if t]) == len(titles):
        return shared
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if len(folders) == 1 and len(paths) == 1:
        return pretty(folders[0].resolve().name)
    parents = {Path(p).resolve().parent for p in paths if not Path(p).is_dir()} | {f.resolve() for f in folders}
    if len(parents) == 1:
        return pretty(parents.pop().name)
    return titles[0] or pretty(ids[0])


def common_heading(titles: Sequence[str]) -> str | None:
    """The words every title starts with, without a trailing separator, if that says something."""
    if len(titles) < 2:
        return None
    split = [t.split() for t in titles]
    shared: list[str] = []
    for words in zip(*split):
        if len(set(words)) != 1:
            break
        shared.append(words[0])
    while shared and (shared[-1].lower().strip(SEPARATORS) in NUMBERED or not shared[-1].strip(SEPARATORS)):
        shared.pop()
    heading = " ".join(shared).rstrip(SEPARATORS)
    return heading if sum(c.isalpha() for c in heading) >= 3 else None


def pretty(name: str) -> str:
    """A file or folder name as a title: 'unit-3_cells' -> 'Unit 3 cells'."""
    words = " ".join(re.sub(r"[_\-]+", " ", name).split())
    return words[:1].upper() + words[1:] if words else "Question bank"
