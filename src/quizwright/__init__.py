"""quizwright: readings in, reviewed questions out (YAML bank, Anki deck, PDF worksheets).

The public API is what __all__ names; see api.py for how the calls fit together. Each name
is imported when first used, so that reading a bank does not load NLTK and the generator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import build, export, validate
    from .bank import save_bank
    from .errors import QuizwrightError, QuizwrightWarning
    from .exporters import ExportOptions, ExportResult
    from .fastbank import load_bank_fast as load_bank
    from .models import AnswerKind, Bank, BuildResult, Finding, Item, ItemType, Status, Validation
    from .pipeline import BuildOptions

_WHERE = {
    "build": "api",
    "export": "api",
    "validate": "api",
    "save_bank": "bank",
    "QuizwrightError": "errors",
    "QuizwrightWarning": "errors",
    "ExportOptions": "exporters",
    "ExportResult": "exporters",
    "load_bank": "fastbank",
    "AnswerKind": "models",
    "Bank": "models",
    "BuildResult": "models",
    "Finding": "models",
    "Item": "models",
    "ItemType": "models",
    "Status": "models",
    "Validation": "models",
    "BuildOptions": "pipeline",
    "__version__": "version",
}
_NAMED = {"load_bank": "load_bank_fast", "__version__": "VERSION"}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'quizwright' has no attribute {name!r}")
    module = importlib.import_module(f".{_WHERE[name]}", __name__)
    value = getattr(module, _NAMED.get(name, name))
    globals()[name] = value
    return value
