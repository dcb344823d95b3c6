"""`quizwright setup | version`: the NLTK data, and which quizwright this is."""

from __future__ import annotations

import typer

from ..version import VERSION
from . import console


def setup() -> None:
    """Check the NLTK data packages quizwright needs; download any that are missing."""
    from ..analysis import resources  # here: the other commands start without NLTK

    missing = resources.missing_packages()
    for package in resources.PACKAGES:
        if package not in missing:
            console.out.print(f"ok       {package}", highlight=False)
    still_missing = []
    for package in missing:
        if resources.download(package) and resources.is_installed(package):
            console.out.print(f"fetched  {package}", highlight=False)
        else:
            still_missing.append(package)
            console.err.print(f"missing  {package}", highlight=False)
    if still_missing:
        console.say(
            "error: could not download "
            + ", ".join(still_missing)
            + " (no network?). Copy an nltk_data folder that has them and point NLTK_DATA at it."
        )
        raise typer.Exit(2)


def version() -> None:
    """Print the version."""
    print(VERSION)
