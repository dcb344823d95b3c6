"""Whether a reading is in English, the one language quizwright reads today.

NLTK's models (Punkt, the Treebank tokenizer, the perceptron tagger) are English ones: a
reading in Korean, Chinese, Russian or Arabic went through them and gave no items, no error
and an empty bank. Letters tell: a reading written mostly in another script than the Latin
one is not English. (A reading in another language written in Latin letters, French or
Vietnamese, is not caught; it gives few items rather than none.)
"""

from __future__ import annotations

import re

from .errors import SourceError
from .models import Document

SCRIPTS = {
    "Korean": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "Japanese": "\u3040-\u30ff",  # kana: a Japanese text mixes them with Chinese characters
    "Chinese": "\u4e00-\u9fff\u3400-\u4dbf",
    "Russian": "\u0400-\u04ff",  # or another language in Cyrillic
    "Arabic": "\u0600-\u06ff\u0750-\u077f",
    "Hebrew": "\u0590-\u05ff",
    "Greek": "\u0370-\u03ff",
    "Hindi": "\u0900-\u097f",  # or another language in Devanagari
    "Thai": "\u0e00-\u0e7f",
}
LETTERS = {name: re.compile(f"[{ranges}]") for name, ranges in SCRIPTS.items()}
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
SAMPLE = 200_000
"""Characters looked at, spread over the whole reading: enough to tell, and quick for a book."""


def script_language(text: str) -> str | None:
    """The language a text's letters say it is in, when most of them are not Latin; else None."""
    sample = text[:: len(text) // SAMPLE + 1]
    counts = {name: len(letters.findall(sample)) for name, letters in LETTERS.items()}
    others = sum(counts.values())
    if others <= len(LATIN.findall(sample)):
        return None
    if counts["Japanese"] and counts["Japanese"] >= counts["Chinese"] / 10:
        return "Japanese"  # kana among the Chinese characters
    return max(counts, key=lambda name: counts[name])


def require_english(doc: Document) -> None:
    """SourceError, in one line, for a reading that is not in English."""
    language = script_language(doc.text)
    if language is not None:
        raise SourceError(
            f"{doc.path}: this reading is not in English (it looks like {language}); "
            "quizwright reads English texts only, so it would give no questions"
        )
