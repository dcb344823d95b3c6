"""Randomness that repeats: every shuffle in quizwright is seeded from what it shuffles."""

from __future__ import annotations

import hashlib
import random


def seeded_rng(*parts: object, separator: str = "\x1f") -> random.Random:
    """A Random that depends only on `parts` (sha256, never Python's per-process hash()).

    The separator is part of the seed: the builders join (seed, item id) with ':', the
    exporters join with '\\x1f'; changing either would reshuffle every existing bank or export.
    """
    digest = hashlib.sha256(separator.join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))
