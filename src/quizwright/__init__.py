"""quizwright: readings in, reviewed questions out (YAML bank, Anki deck, PDF worksheets)."""

from .version import VERSION as __version__

__all__ = ["__version__"]
