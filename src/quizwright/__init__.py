"""quizwright: readings in, reviewed questions out (YAML bank, Anki deck, PDF worksheets).

The public API is what __all__ names; see api.py for how the calls fit together.
"""

from .api import build, export, validate
from .bank import load_bank, save_bank
from .errors import QuizwrightError, QuizwrightWarning
from .exporters import ExportOptions, ExportResult
from .models import AnswerKind, Bank, BuildResult, Finding, Item, ItemType, Status, Validation
from .pipeline import BuildOptions
from .version import VERSION

__version__ = VERSION

__all__ = [
    "AnswerKind",
    "Bank",
    "BuildOptions",
    "BuildResult",
    "ExportOptions",
    "ExportResult",
    "Finding",
    "Item",
    "ItemType",
    "QuizwrightError",
    "QuizwrightWarning",
    "Status",
    "Validation",
    "__version__",
    "build",
    "export",
    "load_bank",
    "save_bank",
    "validate",
]
