"""NLTK data packages: where they are looked for, and one clear error when one is missing.

quizwright looks where NLTK always does (NLTK_DATA, ~/nltk_data, ...) and then in its own
per-user folder (user_folder(): ~/.local/share/quizwright/nltk_data on Linux, the platform's
equivalent elsewhere), where `quizwright setup` installs the packages, so that no command
needs NLTK_DATA set.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import nltk
import platformdirs

from ..errors import DamagedModelError, MissingModelError, QuizwrightError

F = TypeVar("F", bound=Callable[..., Any])

# package name (as nltk.download knows it) -> a resource path nltk.data.find can locate
PACKAGES: dict[str, str] = {
    "punkt_tab": "tokenizers/punkt_tab/english/",
    "averaged_perceptron_tagger_eng": "taggers/averaged_perceptron_tagger_eng/",
    "wordnet": "corpora/wordnet.zip/wordnet/",
    "stopwords": "corpora/stopwords.zip/stopwords/",
    "names": "corpora/names.zip/names/",
    "gazetteers": "corpora/gazetteers.zip/gazetteers/",
    "words": "corpora/words.zip/words/",
}


def missing_message(package: str) -> str:
    return (
        f"NLTK data package '{package}' is not installed. Run `quizwright setup` to download it, "
        f"or `quizwright setup --from FOLDER` to copy it from an nltk_data folder that has it."
    )


def user_folder() -> Path:
    """Where `quizwright setup` puts the NLTK data: this user's data folder for quizwright."""
    return platformdirs.user_data_path("quizwright", appauthor=False) / "nltk_data"


def search_user_folder() -> None:
    """Make NLTK look in user_folder() too, after every place it looks by itself."""
    folder = str(user_folder())
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)


def damaged_message(package: str, exc: BaseException) -> str:
    problem = " ".join(str(exc).split()) or "no details"
    where = installed_at(package)
    remove = f"delete {where}, then " if where else ""
    return (
        f"NLTK data package '{package}' is damaged and cannot be read ({type(exc).__name__}: {problem[:200]}); "
        f"reinstall it: {remove}run `quizwright setup` (or python -m nltk.downloader {package})"
    )


def installed_at(package: str) -> str | None:
    """The package's zip or folder in the first NLTK data folder that has one, found without opening it."""
    folder = "/".join(PACKAGES[package].split("/")[:2]).removesuffix(".zip")  # corpora/wordnet
    search_user_folder()
    for root in nltk.data.path:
        for candidate in (f"{folder}.zip", folder):
            if os.path.exists(os.path.join(root, candidate)):
                return os.path.join(root, candidate)
    return None


@contextlib.contextmanager
def loading(package: str) -> Iterator[None]:
    """Any failure while the block reads the package (a truncated zip, a half-written JSON file,
    a missing file) is a DamagedModelError naming the package and how to reinstall it."""
    try:
        yield
    except QuizwrightError:
        raise
    except Exception as exc:
        raise DamagedModelError(damaged_message(package, exc)) from exc


def loads(package: str) -> Callable[[F], F]:
    """Decorates a function that loads `package`: see `loading`."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def load(*args: Any, **kwargs: Any) -> Any:
            with loading(package):
                return function(*args, **kwargs)

        return load  # type: ignore[return-value]  # the same signature, wrapped

    return decorate


def locate(package: str, paths: list[str] | None = None) -> Any:
    """Where NLTK finds the package (a path pointer, into its zip if zipped), or None; `paths`
    limits the search to those folders. DamagedModelError when it is there but cannot be opened."""
    search_user_folder()
    path = PACKAGES[package]
    for candidate in (path, path.replace(".zip/", "/")):
        try:
            return nltk.data.find(candidate, paths=paths)
        except LookupError:  # not there
            continue
        except Exception as exc:  # there, but a zip that does not open
            raise DamagedModelError(damaged_message(package, exc)) from exc
    return None


def is_installed(package: str) -> bool:
    """Found and opened (a damaged package is not installed: setup downloads it again)."""
    try:
        return locate(package) is not None
    except DamagedModelError:
        return False


_found: set[str] = set()
"""Packages already located: nltk.data.find walks every data path each call, and the lexicon
asks for every word it looks up. A missing package is looked for again (setup may fetch it)."""


def require(package: str) -> None:
    """Raise MissingModelError naming the package if NLTK cannot find it."""
    if package in _found:
        return
    if locate(package) is None:
        raise MissingModelError(missing_message(package))
    _found.add(package)


@cache
def require_all() -> None:
    for package in PACKAGES:
        require(package)


def missing_packages() -> list[str]:
    return [p for p in PACKAGES if not is_installed(p)]


def download(package: str) -> bool:
    """Try nltk.download into user_folder(); False when there is no network or the download fails."""
    try:
        return bool(nltk.download(package, download_dir=str(user_folder()), quiet=True, raise_on_error=True))
    except Exception:  # network errors come in many classes; any failure means "not downloaded"
        return False


def copy_from(folder: Path, package: str) -> bool:
    """Copy the package from an nltk_data folder into user_folder(); False when the folder lacks it."""
    source = folder / "nltk_data" if (folder / "nltk_data").is_dir() else folder
    category = PACKAGES[package].split("/")[0]
    found = [p for p in (source / category / package, source / category / f"{package}.zip") if p.exists()]
    if not found:
        return False
    target = user_folder() / category
    try:
        target.mkdir(parents=True, exist_ok=True)
        for path in found:
            if path.is_dir():
                shutil.copytree(path, target / path.name, dirs_exist_ok=True)
            else:
                shutil.copy2(path, target / path.name)
    except OSError as exc:
        raise QuizwrightError(f"cannot copy {package} into {user_folder()}: {exc.strerror or exc}") from None
    return locate(package, paths=[str(user_folder())]) is not None


def found_elsewhere(package: str) -> Path | None:
    """The nltk_data folder NLTK finds the package in (through NLTK_DATA, ~/nltk_data, ...), if any."""
    pointer = locate(package)
    if pointer is None:
        return None
    zipped = getattr(pointer, "zipfile", None)
    path = Path(zipped.filename) if zipped is not None else Path(str(pointer))
    category = PACKAGES[package].split("/")[0]
    return next((p.parent for p in path.parents if p.name == category), None)


def in_user_folder(package: str) -> bool:
    return locate(package, paths=[str(user_folder())]) is not None
