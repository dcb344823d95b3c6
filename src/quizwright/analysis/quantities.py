"""Dates and numbers in one sentence: 'June 3, 2024', 'the 1950s', 'four-day', '$3 million'."""

from __future__ import annotations

import re

from . import lexicon
from .mentions import Mention
from .text import Sentence, Token

YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
NUMBER_ADJECTIVE = re.compile(
    r"^((?i:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|thousand))-([a-z]+)$"
)
DECADE = re.compile(r"^(?:1[5-9]|20)?\d0s$")
CLOCK = re.compile(r"^(?:1[0-2]|0?[1-9])(?::[0-5]\d)?$")
CURRENCIES = {"$": "dollar", "US$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
PERCENT_SIGNS = frozenset({"%", "percent"})
"""What follows a number to make it a share ('per cent' is two words: _per_cent)."""
NUMERIC = re.compile(r"^[$€£]?\d[\d,]*(\.\d+)?%?$")


def quantity_mentions(sentence: Sentence) -> list[Mention]:
    tokens = sentence.tokens
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = _date_at(tokens, i) or _number_at(tokens, i)
        if found is None:
            i += 1
            continue
        start, end, kind, subtype = found
        out.append(Mention(sentence, start, end, kind, subtype))
        i = end
    return out


Found = tuple[int, int, str, str] | None
"""(first, last, kind, subtype) of a quantity starting at a token."""


def _date_at(tokens: tuple[Token, ...], i: int) -> Found:
    word = tokens[i].text
    if word in lexicon.WEEKDAYS:
        # "Monday, June 3, 2024" is one date
        if i + 2 < len(tokens) and tokens[i + 1].text == "," and _is_month(tokens[i + 2].text):
            return i, _month_date_end(tokens, i + 2), "date", "month"
        return i, i + 1, "date", "weekday"
    if _is_month(word):
        return i, _month_date_end(tokens, i), "date", "month"
    if YEAR.match(word) and tokens[i].tag == "CD":
        return i, i + 1, "date", "year"
    if DECADE.match(word):
        start = i - 1 if i > 0 and tokens[i - 1].text == "'" else i
        return start, i + 1, "date", "decade"
    if CLOCK.match(word) and i + 1 < len(tokens) and tokens[i + 1].text.lower().rstrip(".") in {"a.m", "p.m"}:
        return i, i + 2, "date", "time"
    return None


def _is_month(word: str) -> bool:
    return word in lexicon.MONTHS or word in lexicon.MONTH_ABBREVIATIONS


def _month_date_end(tokens: tuple[Token, ...], i: int) -> int:
    """After 'June', 'June 3', 'June 3, 2024', 'June 2024', 'Jan. 5'."""
    j = i + 1
    while j < len(tokens) and (tokens[j].tag == "CD" or tokens[j].text == ","):
        if tokens[j].text == "," and not (j + 1 < len(tokens) and YEAR.match(tokens[j + 1].text)):
            break
        j += 1
    return j


def _number_at(tokens: tuple[Token, ...], i: int) -> Found:
    word = tokens[i].text
    hyphenated = NUMBER_ADJECTIVE.match(word)
    if hyphenated and lexicon.is_noun(hyphenated.group(2)):
        return i, i + 1, "number", lexicon.lemma(hyphenated.group(2))  # "four-day", "5,000-meter"
    if not (_is_number(tokens[i]) or (i == 0 and _spelled_share(tokens))):
        return None
    j = i + 1
    while j < len(tokens) and (_is_number(tokens[j]) or tokens[j].text in PERCENT_SIGNS):
        j += 1
    if _per_cent(tokens, j):
        return i, j + 2, "number", "percent"  # '5.2 per cent', as British and Australian reports write it
    start = i - 1 if i > 0 and tokens[i - 1].text in CURRENCIES else i
    if start < i:
        return start, j, "number", CURRENCIES[tokens[start].text]  # "$3 million"
    if tokens[j - 1].text in PERCENT_SIGNS:
        return i, j, "number", "percent"
    if j < len(tokens) and tokens[j].tag in {"NNS", "NN"} and tokens[j].text.isalpha():
        return i, j + 1, "number", lexicon.lemma(tokens[j].text)
    return i, j, "number", "count"


def _per_cent(tokens: tuple[Token, ...], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j].text.lower() == "per" and tokens[j + 1].text.lower() == "cent"


def _spelled_share(tokens: tuple[Token, ...]) -> bool:
    """'Ninety per cent of ...' opening a sentence: the tagger takes the capitalised number for a name."""
    return tokens[0].text.lower() in lexicon.NUMBER_WORDS and (
        _per_cent(tokens, 1) or (len(tokens) > 1 and tokens[1].text in PERCENT_SIGNS)
    )


def _is_number(token: Token) -> bool:
    if token.tag != "CD":
        return False
    lower = token.text.lower()
    return bool(NUMERIC.match(token.text)) or lower in lexicon.NUMBER_WORDS
