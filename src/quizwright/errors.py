"""Errors quizwright raises; the CLI turns each into a one-line message and an exit status."""

from pathlib import Path


class QuizwrightError(Exception):
    """Base class: something the user can fix; the message says what and how."""

    exit_code = 2


class MissingModelError(QuizwrightError):
    """An NLTK data package the analysis needs is not installed."""


class DamagedModelError(QuizwrightError):
    """An NLTK data package the analysis needs is installed but cannot be read (an interrupted download)."""


class SourceError(QuizwrightError):
    """A source document cannot be read as text."""


class BankError(QuizwrightError):
    """A question bank file cannot be read or is not a quizwright bank."""


class OutOfReachError(BankError):
    """A bank names a reading validate may not read: outside the allowed folders, not a regular file, or too large."""

    def __init__(self, message: str, folder: Path | None, reason: str = "") -> None:
        super().__init__(message)
        self.folder = folder
        """Where a reading outside the allowed folders is, for a caller to offer as a folder the
        user may allow; None when allowing a folder would not help (a pipe, a file too large)."""
        self.reason = reason or message
        """Why, without the bank's name and the source's id."""


class ExportError(QuizwrightError):
    """An export could not be written."""


class QuizwrightWarning(UserWarning):
    """Something the user should hear about that did not stop the work (warnings.warn)."""


class NotUtf8Warning(QuizwrightWarning):
    """A plain-text reading was not UTF-8 and was read as Windows-1252."""


class MissingGlyphsWarning(QuizwrightWarning):
    """Characters no font on hand can print: they come out as empty boxes."""


class LeftOutWarning(QuizwrightWarning):
    """An item an export left out because validate finds fault with it (or a problem with the bank itself)."""


class UnknownStatusWarning(QuizwrightWarning):
    """Items whose status is none of draft, approved, rejected (a typo): they are not exported."""


class CacheWarning(QuizwrightWarning):
    """The cache folder cannot be trusted (another user's, or writable by others): no cache is used."""
