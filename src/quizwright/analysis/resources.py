"""NLTK data packages: where they are looked for, and one clear error when one is missing.

quizwright looks where NLTK always does (NLTK_DATA, ~/nltk_data, ...) and then in its own
per-user folder (user_folder(): ~/.local/share/quizwright/nltk_data on Linux, the platform's
equivalent elsewhere), where `quizwright setup` installs the packages, so that no command
needs NLTK_DATA set.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import Any

import nltk
import platformdirs

from ..errors import MissingModelError, QuizwrightError

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


def locate(package: str, paths: list[str] | None = None) -> Any:
    """Where NLTK finds the package (a path pointer, into its zip if zipped), or None; `paths`
    limits the search to those folders."""
    search_user_folder()
    path = PACKAGES[package]
    for candidate in (path, path.replace(".zip/", "/")):
        try:
            return nltk.data.find(candidate, paths=paths)
        except LookupError:
            continue
    return None


def is_installed(package: str) -> bool:
    return locate(package) is not None


_found: set[str] = set()
"""Packages already located: nltk.data.find walks every data path each call, and the lexicon
asks for every word it looks up. A missing package is looked for again (setup may fetch it)."""


def require(package: str) -> None:
    """Raise MissingModelError naming the package if NLTK cannot find it."""
    if package in _found:
        return
    if not is_installed(package):
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
