"""quizwright: readings in, reviewed questions out (YAML bank, Anki deck, PDF worksheets)."""

__version__ = "0.1.0"
