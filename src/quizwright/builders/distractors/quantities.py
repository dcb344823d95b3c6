"""Wrong options for a date or a number, made around the key in its own unit and format:
'6 kilometres' -> '3 kilometres', '12 kilometres'; 1982 -> 1972, 1977, 1987; not four
consecutive years, not 198 for an age of 99, not 870 km/h winds for 290."""

from __future__ import annotations

import random
import re

from ...analysis import lexicon
from ...analysis.mentions import Mention
from ...models import MIN_DISTRACTORS

WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
PERCENTS = (5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95)
FACTORS = (0.5, 0.75, 1.5, 2, 0.25, 3)
"""Magnitudes a student could believe: within a factor of a few of the key."""
LATEST_YEAR = 2030


def month_options(text: str, rng: random.Random) -> list[str]:
    """'December' -> three other months; [] when the text does not start with a month or weekday."""
    first = text.split()[0]
    names = lexicon.MONTHS if first in lexicon.MONTHS else lexicon.WEEKDAYS if first in lexicon.WEEKDAYS else []
    others = [n for n in names if n != first]
    rng.shuffle(others)
    return [text.replace(first, other, 1) for other in others[:MIN_DISTRACTORS]]


def number_options(text: str, rng: random.Random, *, year: bool = False, percent: bool = False,
                   age: bool = False) -> list[str] | None:  # fmt: skip
    """Three numbers around the key, written as it is written; None when there are not three."""
    lower = text.lower()
    word = next((w for w in WORD_NUMBERS if re.match(rf"^{w}\b", lower)), None)
    if word is not None:
        index = WORD_NUMBERS.index(word)
        others = [w for i, w in enumerate(WORD_NUMBERS) if 2 <= abs(i - index) <= 4]
        rng.shuffle(others)
        picks = sorted(others[:MIN_DISTRACTORS], key=WORD_NUMBERS.index)
        return [_capitalised_like(re.sub(rf"^{word}", other, lower, count=1), text) for other in picks]
    match = NUMBER.search(text)
    if match is None:
        return None
    raw = match.group()
    value = float(raw.replace(",", ""))
    if year:
        step = 10 if text.endswith("s") else 5  # the 1950s -> the 1940s; 1982 -> 1977
        near = [value + d * step for d in (-2, -1, 1, 2) if value + d * step <= LATEST_YEAR]
        values = sorted(rng.sample(near, MIN_DISTRACTORS)) if len(near) >= MIN_DISTRACTORS else []
    elif percent:
        pool = [float(v) for v in PERCENTS if abs(v - value) >= 10]
        values = sorted(rng.sample(pool, MIN_DISTRACTORS))
    elif age:
        pool = [value + d for d in (-15, -10, -6, 5, 8, 12) if 1 <= value + d <= 110]
        values = sorted(rng.sample(pool, MIN_DISTRACTORS))
    elif value <= 12 and value == int(value):
        values = sorted(rng.sample([float(v) for v in range(2, 21) if abs(v - value) >= 2], MIN_DISTRACTORS))
    else:
        values = _scaled(value, rng)
    out = [text[: match.start()] + _format_like(raw, v) + text[match.end() :] for v in values]
    return out if len(set(out)) == MIN_DISTRACTORS and text not in out else None


def _scaled(value: float, rng: random.Random) -> list[float]:
    factors = list(FACTORS)
    rng.shuffle(factors)
    picks: list[float] = []
    for factor in factors:
        nice = _two_figures(value * factor)
        if nice > 0 and nice != value and nice not in picks and abs(nice - value) / value >= 0.2:
            picks.append(nice)
        if len(picks) == MIN_DISTRACTORS:
            break
    return sorted(picks)


def _two_figures(value: float) -> float:
    """46,000 * 0.75 -> 35,000, not 34,500: options as round as the key."""
    if value >= 100:
        magnitude = 10 ** (len(str(int(value))) - 2)
        return float(round(value / magnitude) * magnitude)
    if value >= 10:
        return float(round(value))
    return round(value, 1)


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        whole = max(round(value), 1)
        return f"{whole:,}" if "," in original else str(whole)
    return f"{value:.{decimals}f}"


def _capitalised_like(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def is_age(m: Mention) -> bool:
    """'died at age 99', 'aged 47', 'Ms. Gross, 47, is ...'."""
    tokens = m.sentence.tokens
    before = tokens[m.first - 1].text.lower() if m.first > 0 else ""
    if before in {"age", "aged", "ages"}:
        return True
    after = tokens[m.last].text if m.last < len(tokens) else ""
    return before == "," and after == "," and m.first > 1 and tokens[m.first - 2].tag == "NNP"
