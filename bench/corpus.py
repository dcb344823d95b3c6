"""A benchmark corpus of a given size: the seed articles and the IEER news texts, repeated.

Each copy of a text becomes its own file (a course is many readings), with the copy number
in its name. A later copy is varied, not repeated: its names are permuted among themselves
and its numbers shifted, so its sentences are new to the build. (Sentences that recur across
readings are dropped as boilerplate, so plain copies would make a build look faster than it is.)
"""

from __future__ import annotations

import re
from pathlib import Path

WORD = re.compile(r"\S+")


def approx_tokens(text: str) -> int:
    """Whitespace words plus punctuation marks: close to the Treebank tokenizer's count."""
    return len(WORD.findall(text)) + len(re.findall(r"[,.;:?!\"()]", text))


def base_texts(seeds: Path) -> list[tuple[str, str]]:
    """(name, text) for each seed article and each IEER document."""
    from entity_eval import ieer_documents  # bench/entity_eval.py, on sys.path when run from bench/

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    texts += [(doc.id.replace(".", "_"), doc.text) for doc, _ in ieer_documents()]
    return texts


CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"\b\d+\b")


def copy_text(text: str, copy: int) -> str:
    """The first copy as it is; a later one under a 'Reading n' heading, with its names permuted
    ('Beijing' -> 'Lee', ...) and its numbers shifted by the copy number."""
    if copy == 0:
        return text
    return f"Reading {copy + 1}\n\n{varied(text, copy)}"


def varied(text: str, copy: int) -> str:
    lowered = set(re.findall(r"\b[a-z]+\b", text))
    names = sorted({w for w in CAPITALISED.findall(text) if w.lower() not in lowered})  # not 'The', 'In'
    if names:
        shift = copy % len(names) or 1
        swap = {name: names[(i + shift) % len(names)] for i, name in enumerate(names)}
        text = CAPITALISED.sub(lambda m: swap.get(m.group(), m.group()), text)
    return NUMBER.sub(lambda m: str(int(m.group()) + copy), text)


def plan(sizes: list[tuple[str, int]], target: int) -> list[tuple[str, int]]:
    """Which (name, copy) files make up about `target` tokens: whole texts in turn, round after round.
    sizes: (name, tokens) of each text; a copy after the first has its 2-token heading too."""
    if not sizes or target <= 0:
        return []
    chosen: list[tuple[str, int]] = []
    total, copy = 0, 0
    while total < target:
        for name, tokens in sizes:
            if total >= target:
                break
            chosen.append((name, copy))
            total += tokens + (2 if copy else 0)
        copy += 1
    return chosen


def write_corpus(texts: list[tuple[str, str]], target: int, folder: Path) -> int:
    """Write about `target` tokens of text files into folder; returns the token estimate."""
    folder.mkdir(parents=True, exist_ok=True)
    by_name = dict(texts)
    total = 0
    for name, copy in plan([(n, approx_tokens(t)) for n, t in texts], target):
        text = copy_text(by_name[name], copy)
        (folder / f"{name}_{copy:03d}.txt").write_text(text, encoding="utf-8")
        total += approx_tokens(text)
    return total
