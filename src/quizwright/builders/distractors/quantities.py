"""Wrong options for a date or a number: nearby years, other months, the same unit."""

from __future__ import annotations

import random
import re

from ...analysis import lexicon
from ...analysis.mentions import Mention
from ...facts import Fact, number_value

WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def date_options(fact: Fact, rng: random.Random) -> list[str]:
    text, subtype = fact.answer.text, fact.answer.subtype
    if subtype in {"year", "decade"} and text[:4].isdigit():
        year, step = int(text[:4]), 10 if subtype == "decade" else 1  # the 1950s -> the 1940s, 1960s
        near = [year + d * step for d in (-3, -2, -1, 1, 2, 3) if year + d * step <= 2100]
        rng.shuffle(near)
        return [str(y) + text[4:] for y in near]
    names = lexicon.MONTHS if subtype == "month" else lexicon.WEEKDAYS
    first = text.split()[0]
    if first not in names:
        return []
    others = [n for n in names if n != first]
    rng.shuffle(others)
    return [text.replace(first, other, 1) for other in others]


def number_options(fact: Fact, rng: random.Random) -> list[str]:
    """Same unit, same style, similar magnitude: 'six years' -> 'four years', 'eight years'."""
    text = fact.answer.text
    first = fact.answer.words[0]
    value = number_value(first)
    if value is None:
        return []
    lead = re.match(r"^[$€£]?[\d,.]+|^[A-Za-z]+", text.lstrip("$€£"))
    if first.lower().split("-")[0] in WORD_NUMBERS:
        word = first.lower().split("-")[0]
        index = WORD_NUMBERS.index(word)
        others = [w for i, w in enumerate(WORD_NUMBERS) if i != index and abs(i - index) <= 4]
        rng.shuffle(others)
        return [_replace_number(text, word, other) for other in others]
    if lead is None:
        return []
    number = re.search(r"[\d,.]*\d", text)
    if number is None:
        return []
    if _is_age(fact.answer) and value == int(value):
        ages = [int(value) + d for d in (-15, -10, -6, 5, 8, 12) if 1 <= value + d <= 110]
        rng.shuffle(ages)
        return [text[: number.start()] + str(a) + text[number.end() :] for a in ages]  # not 198 for 99
    factors = [0.5, 0.75, 1.5, 2, 3, 0.25]
    rng.shuffle(factors)
    out = []
    for factor in factors:
        new = _format_like(number.group(), value * factor)
        if new != number.group():
            out.append(text[: number.start()] + new + text[number.end() :])
    return out


def _is_age(m: Mention) -> bool:
    """'died at age 99', 'aged 47', 'Ms. Gross, 47, is ...'."""
    tokens = m.sentence.tokens
    before = tokens[m.first - 1].text.lower() if m.first > 0 else ""
    if before in {"age", "aged", "ages"}:
        return True
    after = tokens[m.last].text if m.last < len(tokens) else ""
    return before == "," and after == "," and m.first > 1 and tokens[m.first - 2].tag == "NNP"


def _replace_number(text: str, word: str, other: str) -> str:
    pattern = re.compile(re.escape(word), re.I)
    return pattern.sub(lambda m: other.capitalize() if m.group()[0].isupper() else other, text, count=1)


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        value = round(value)
        if value == 0:
            value = 1
        return f"{value:,}" if "," in original else str(value)
    return f"{value:.{decimals}f}"
