"""Documents -> tagged sentences and typed mentions, one document at a time (NLTK)."""

from .document import DocumentAnalysis, analyse_document, load_models

__all__ = ["DocumentAnalysis", "analyse_document", "load_models"]
