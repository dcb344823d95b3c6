"""quizwright's version: pyproject.toml is the one place it is written."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("quizwright")
except PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0+unknown"
