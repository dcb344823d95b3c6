"""`quizwright setup | version`: the NLTK data, and which quizwright this is."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QuizwrightError
from ..version import VERSION
from . import console
from .console import fail


def setup(
    source: Annotated[
        Optional[Path],
        typer.Option(
            "--from",
            help="An nltk_data folder to copy the packages from (no network needed), instead of downloading them.",
        ),
    ] = None,
) -> None:
    """Install the NLTK data packages quizwright needs into your own data folder.

    Every quizwright command looks there, so no NLTK_DATA is needed in any terminal. Packages
    already there are left as they are; the others are copied from --from, or from where NLTK
    finds them now (NLTK_DATA), else downloaded.
    """
    from ..analysis import resources  # here: the other commands start without NLTK

    if source is not None and not source.is_dir():
        console.say(f"error: {source}: no such folder; give an nltk_data folder (with corpora/, taggers/, tokenizers/)")
        raise typer.Exit(2)
    folder = resources.user_folder()
    still_missing = []
    for package in resources.PACKAGES:
        try:
            if resources.in_user_folder(package):
                console.out.print(f"ok       {package}", highlight=False)
            elif source is not None and resources.copy_from(source, package):
                console.out.print(f"copied   {package}", highlight=False)
            elif source is None and (elsewhere := resources.found_elsewhere(package)) is not None:
                if not resources.copy_from(elsewhere, package):
                    raise QuizwrightError(f"cannot copy {package} from {elsewhere}")
                console.out.print(f"copied   {package} (from {elsewhere})", highlight=False)
            elif source is None and resources.download(package) and resources.in_user_folder(package):
                console.out.print(f"fetched  {package}", highlight=False)
            else:
                still_missing.append(package)
                console.err.print(f"missing  {package}", highlight=False)
        except QuizwrightError as exc:
            raise fail(exc) from None
    if still_missing:
        where = f"{source} does not have" if source is not None else "could not download"
        console.say(
            f"error: {where} "
            + ", ".join(still_missing)
            + " (no network?); copy them from an nltk_data folder that has them: quizwright setup --from FOLDER"
        )
        raise typer.Exit(2)
    console.out.print(f"NLTK data in {folder}: every quizwright command finds it there", highlight=False)


def version() -> None:
    """Print quizwright's version."""
    print(VERSION)
