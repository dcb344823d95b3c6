"""NLTK data packages: where they are looked for, and one clear error when one is missing."""

from __future__ import annotations

from functools import cache
from typing import Any

import nltk

from ..errors import MissingModelError

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
        f"or point NLTK_DATA at a folder that has it (e.g. export NLTK_DATA=/path/to/nltk_data)."
    )


def locate(package: str) -> Any:
    """Where NLTK finds the package (a path pointer, into its zip if zipped), or None."""
    path = PACKAGES[package]
    for candidate in (path, path.replace(".zip/", "/")):
        try:
            return nltk.data.find(candidate)
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
    """Try nltk.download; False when there is no network or the download fails."""
    try:
        return bool(nltk.download(package, quiet=True, raise_on_error=True))
    except Exception:  # network errors come in many classes; any failure means "not downloaded"
        return False
