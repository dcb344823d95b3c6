"""Named entities without a trained NER model: POS tags, capitalisation, gazetteers,
first names, WordNet instance hypernyms and cue words, made consistent across a document set."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from ..matching import name_key
from . import lexicon
from .text import Sentence, Token

PROPER_TAGS = {"NNP", "NNPS"}
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
NUMBER_ADJECTIVE = re.compile(
    r"^((?i:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|thousand))-([a-z]+)$"
)
DECADE = re.compile(r"^(?:1[5-9]|20)?\d0s$")
CLOCK = re.compile(r"^(?:1[0-2]|0?[1-9])(?::[0-5]\d)?$")
CURRENCIES = {"$": "dollar", "US$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
PLACE_CLASSES = {"country", "city", "region", "state"}
INITIAL = re.compile(r"^[A-Z]\.$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$")
NUMERIC = re.compile(r"^[$€£]?\d[\d,]*(\.\d+)?%?$")


@dataclass(frozen=True)
class Mention:
    """A stretch of a sentence that names an entity or states a quantity."""

    sentence: Sentence
    first: int
    """Index of the first token in the sentence."""
    last: int
    """Index one past the last token."""
    kind: str
    """A models.EntityKind value ("" only while _split_titles has not typed it yet)."""
    subtype: str = ""
    """Depends on the kind: the place class (country, city, region, state, province) for a
    place; the date part (year, decade, month, weekday, time) for a date; the unit lemma
    ('year', 'percent', 'dollar', 'count') for a number; the head noun's lemma for a term."""
    key: str = ""
    """The same for every mention of one entity across the document set."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens[self.first : self.last]

    @property
    def text(self) -> str:
        """Verbatim from the document."""
        s = self.sentence
        return s.text[self.tokens[0].start - s.start : self.tokens[-1].end - s.start]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokens)


# --- finding mentions in one sentence ---------------------------------------------------


def find_mentions(sentence: Sentence) -> list[Mention]:
    """Entity and quantity mentions in a sentence, typed from local evidence only."""
    if sentence.is_heading:
        return []
    mentions = _proper_mentions(sentence) + _quantity_mentions(sentence)
    return sorted(mentions, key=lambda m: m.first)


def _is_proper(tokens: tuple[Token, ...], i: int) -> bool:
    token = tokens[i]
    word = token.text
    if not word[:1].isupper() or not any(c.isalpha() for c in word):
        return False
    if word in lexicon.MONTHS or word in lexicon.WEEKDAYS or word in lexicon.MONTH_ABBREVIATIONS:
        return False
    if _starts_name(tokens, i):
        return True
    if _is_shouted(word):
        if word in lexicon.gazetteer():
            return True
        if not _in_shouted_run(tokens, i):  # an acronym: "UN", "CCTV"
            return word.lower() not in lexicon.stopwords()
        # "NEW YORK (AP)", "STORY CAN END HERE": capitals say nothing, so the word must be unusual
        return not _is_common_word(word.title()) or _in_known_place(tokens, i)
    if token.tag in PROPER_TAGS:
        # The tagger calls many sentence-initial words NNP ("Beyond trade, ..."); a common word
        # there is a name only if a name goes on ("Kang Jun-young said") or it is an institution.
        if i == 0 and _is_common_word(word):
            return word.lower() in lexicon.INSTITUTIONS or (len(tokens) > 1 and _is_proper(tokens, 1))
        return True
    # Capitalised adjectives inside a name: "South Korean", "Foreign Studies"; or a nationality.
    return token.tag in {"JJ", "NN", "NNS"} and not _is_common_word(word)


def _is_shouted(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) > 1


def _in_shouted_run(tokens: tuple[Token, ...], i: int) -> bool:
    return any(0 <= k < len(tokens) and _is_shouted(tokens[k].text) for k in (i - 1, i + 1))


def _in_known_place(tokens: tuple[Token, ...], i: int) -> bool:
    """A common word in an all-capitals place name: the NEW of 'NEW YORK'."""
    for first in range(max(0, i - 2), i + 1):
        for last in range(i + 1, min(len(tokens), first + 3) + 1):
            if " ".join(t.text for t in tokens[first:last]).title() in lexicon.gazetteer():
                return True
    return False


def _starts_name(tokens: tuple[Token, ...], i: int) -> bool:
    """A compass word that begins a place or nationality: 'South Korean', 'Western Europe'."""
    if tokens[i].text.lower() not in lexicon.COMPASS or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].text
    return following in lexicon.nationalities() or following in lexicon.gazetteer() or tokens[i + 1].tag in PROPER_TAGS


@lru_cache(maxsize=16384)
def _is_common_word(word: str) -> bool:
    lower = word.lower()
    if word in lexicon.gazetteer() or lexicon.is_nationality(word) or word in lexicon.first_names():
        return False
    words = lexicon.english_words()
    return lower in lexicon.stopwords() or lower in words or lexicon.lemma(lower) in words


def _proper_mentions(sentence: Sentence) -> list[Mention]:
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not _is_proper(tokens, i):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if _is_proper(tokens, j):
                j += 1
            elif tokens[j].text == "'s" and _possessive_inside_name(tokens, j):
                j += 1
            elif tokens[j].text == "&" and j + 1 < len(tokens) and _is_proper(tokens, j + 1):
                j += 2  # "Merrill Lynch & Co."
            elif tokens[j].text == "of" and _joins_with_of(tokens[j - 1].text):
                k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text == "the" else j + 1
                if k >= len(tokens) or not _is_proper(tokens, k):
                    break
                j = k + 1
            else:
                break
        mentions.extend(_split_titles(sentence, i, j))
        i = j
    return [_type_proper(m) for m in mentions]


def _possessive_inside_name(tokens: tuple[Token, ...], j: int) -> bool:
    """'National People's Congress' is one name; 'Seoul's Hankuk University' is two."""
    owner = j - 1
    while owner > 0 and _is_proper(tokens, owner - 1):
        owner -= 1
    owner_name = " ".join(t.text for t in tokens[owner:j])
    if owner_name in lexicon.gazetteer() or lexicon.wordnet_class(owner_name):
        return False
    k = j + 1
    while k < len(tokens) and _is_proper(tokens, k):
        if tokens[k].text.lower() in lexicon.PERSON_TITLES:
            return False
        k += 1
    return k > j + 1 and tokens[k - 1].text.lower() in lexicon.ORG_SUFFIXES


def _joins_with_of(word: str) -> bool:
    """'University of X', 'Sea of Japan', 'Republic of Korea' are one name; 'Xi of China' is two."""
    lower = word.lower()
    return lower in lexicon.ORG_SUFFIXES or lower in {
        "sea", "gulf", "bay", "strait", "republic", "kingdom", "state", "states", "bank", "museum",
        "city", "isle", "cape", "lake", "mount", "department", "ministry", "secretary", "minister",
        "hall", "islands", "house", "church",
    }


def _split_titles(sentence: Sentence, first: int, last: int) -> list[Mention]:
    """'Chinese President Xi Jinping' -> group 'Chinese', person 'Xi Jinping' (titles dropped)."""
    tokens = sentence.tokens
    out: list[Mention] = []
    i = first
    # leading nationality: "Chinese President Xi", "South Korean President Lee"
    k = i + 1 if tokens[i].text.lower() in lexicon.COMPASS and i + 1 < last else i
    if tokens[k].text in lexicon.nationalities() and k + 1 < last \
            and tokens[k + 1].text.lower() in lexicon.PERSON_TITLES | {"prime"}:
        out.append(Mention(sentence, i, k + 1, "group"))
        i = k + 1
    # a title anywhere before the last word: "Prime Minister Sanae Takaichi",
    # "National Security Adviser Wi Sung Lac" -> the name after it is a person
    titles = [p for p in range(i, last - 1) if tokens[p].text.lower() in lexicon.PERSON_TITLES]
    if titles and not any(tokens[p].text.lower() in lexicon.ORG_SUFFIXES for p in range(titles[-1], last)):
        i = titles[-1] + 1
        out.append(Mention(sentence, i, last, "person"))
        return out
    if tokens[last - 1].text.lower() in lexicon.PERSON_TITLES:
        return out  # a title alone: "Chairman"
    if last - i == 1 and tokens[i].text.lower() in lexicon.COMPASS:
        return out
    out.append(Mention(sentence, i, last, ""))
    return out


def _type_proper(mention: Mention) -> Mention:
    if mention.kind:
        return mention
    kind, subtype = _proper_kind(mention)
    return replace(mention, kind=kind, subtype=subtype)


def _proper_kind(mention: Mention) -> tuple[str, str]:
    words = mention.words
    name = " ".join(words)
    place = _place_kind(name, words)
    if place:
        return "place", place
    if lexicon.is_nationality(name) or (
        len(words) == 2 and words[0].lower() in lexicon.COMPASS and lexicon.is_nationality(words[1])
    ):
        return "group", ""
    if _looks_like_organization(mention):
        return "organization", ""
    wordnet = lexicon.wordnet_class(_lookup_form(name))
    if wordnet in {"person", "organization"}:
        return wordnet, ""
    if _is_acronym(name):
        return "organization", ""  # "NBC", "U.N."
    if _looks_like_person(mention):
        return "person", ""
    if len(words) == 1 and mention.tokens[0].tag == "NNPS" and _word_before(mention) == "the":
        return "organization", ""  # "the Yankees", "the Republicans"
    return "proper", ""


def _lookup_form(name: str) -> str:
    """'MOSCOW' is looked up as 'Moscow' (datelines and headlines shout)."""
    return name.title() if name.isupper() and name not in lexicon.gazetteer() else name


def _place_kind(name: str, words: tuple[str, ...]) -> str:
    """The place subtype if the name is a place, else ''."""
    look = _lookup_form(name)
    if look in lexicon.gazetteer():
        return lexicon.gazetteer()[look]
    if name in lexicon.STATE_ABBREVIATIONS:
        return "state"
    lower = [w.lower() for w in words]
    if len(words) >= 2 and lower[0] in lexicon.COMPASS:
        rest = " ".join(words[1:])
        if rest in lexicon.gazetteer() or lexicon.wordnet_class(rest) in PLACE_CLASSES:
            return "region"  # "East Asia", "Northern Ireland"
    if any(w in lexicon.ORG_SUFFIXES for w in lower[1:]):
        return ""
    wordnet = lexicon.wordnet_class(look)
    if wordnet in PLACE_CLASSES:
        return wordnet
    if len(words) >= 2 and (lower[-1] in lexicon.PLACE_SUFFIXES or lower[0] in lexicon.PLACE_PREFIXES):
        return "province" if lower[-1] == "province" else "region"
    return ""


def _looks_like_organization(mention: Mention) -> bool:
    lower = [w.lower() for w in mention.words]
    return (
        any(w in lexicon.ORG_SUFFIXES for w in lower[1:])
        or "&" in lower
        or (len(lower) == 1 and lower[0] in lexicon.INSTITUTIONS)
        or lexicon.lemma(_cue_before(mention)) in lexicon.ORG_CUES
    )


def _looks_like_person(mention: Mention) -> bool:
    words = mention.words
    tokens = mention.sentence.tokens
    after = tokens[mention.last].text.lower() if mention.last < len(tokens) else ""
    return (
        _appositive_role(mention)
        or _word_before(mention) in lexicon.PERSON_TITLES
        or (len(words) >= 2 and (words[0] in lexicon.first_names() or any(INITIAL.match(w) for w in words[:-1])))
        or after in lexicon.SPEECH_VERBS
        or _word_before(mention) in lexicon.SPEECH_VERBS
    )


def _is_acronym(name: str) -> bool:
    return bool(ACRONYM.match(name)) and name not in lexicon.NON_ORG_ACRONYMS


def _word_before(mention: Mention) -> str:
    return mention.sentence.tokens[mention.first - 1].text.lower() if mention.first > 0 else ""


def _cue_before(mention: Mention) -> str:
    """The noun a name is an instance of: 'broadcaster CCTV', 'companies such as Samsung'."""
    tokens = mention.sentence.tokens
    k = mention.first - 1
    if k >= 1 and tokens[k].text.lower() == "as" and tokens[k - 1].text.lower() == "such":
        k -= 2
    elif k >= 0 and tokens[k].text.lower() in {"like", "including"}:
        k -= 1
    return tokens[k].text.lower() if k >= 0 and tokens[k].text.isalpha() else ""


def _appositive_role(mention: Mention) -> bool:
    """'Kang Jun-young, a professor at ...' / 'Zhao Leji, head of ...'."""
    after = [t.text.lower() for t in mention.sentence.tokens[mention.last : mention.last + 4]]
    if not after or after[0] != ",":
        return False
    rest = after[1:]
    if rest and rest[0] in {"a", "an", "the"}:
        rest = rest[1:]
    return any(word in lexicon.PERSON_ROLES for word in rest[:2])


# --- quantities -------------------------------------------------------------------------


def _quantity_mentions(sentence: Sentence) -> list[Mention]:
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
    if not _is_number(tokens[i]):
        return None
    j = i + 1
    while j < len(tokens) and (_is_number(tokens[j]) or tokens[j].text in {"%", "percent"}):
        j += 1
    start = i - 1 if i > 0 and tokens[i - 1].text in CURRENCIES else i
    if start < i:
        return start, j, "number", CURRENCIES[tokens[start].text]  # "$3 million"
    if tokens[j - 1].text in {"%", "percent"}:
        return i, j, "number", "percent"
    if j < len(tokens) and tokens[j].tag in {"NNS", "NN"} and tokens[j].text.isalpha():
        return i, j + 1, "number", lexicon.lemma(tokens[j].text)
    return i, j, "number", "count"


def _is_number(token: Token) -> bool:
    if token.tag != "CD":
        return False
    lower = token.text.lower()
    return bool(NUMERIC.match(token.text)) or lower in lexicon.NUMBER_WORDS


# --- consistency across a document set ---------------------------------------------------


def with_missed_names(sentences: list[Sentence], found: list[Mention]) -> list[Mention]:
    """found, plus single words the tagger took for common words that the set names as part of
    a person's full name: 'Lee has already asked Xi in earlier meetings' (Xi tagged NN, the
    Greek letter) where 'Chinese President Xi Jinping' is named elsewhere. Only capitalised
    words not opening their sentence and not already in a mention."""
    name_words = {w for m in found if m.kind == "person" and len(m.words) >= 2 for w in m.words if w[:1].isupper() and len(w) > 1}
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in found:
        by_sentence[(m.sentence.doc_id, m.sentence.index)].append(m)
    out: list[Mention] = []
    for sentence in sentences:
        here = by_sentence.get((sentence.doc_id, sentence.index), [])
        covered = {i for m in here for i in range(m.first, m.last)}
        missed = [
            Mention(sentence, i, i + 1, "person")
            for i, token in enumerate(sentence.tokens)
            if i > 0 and token.text in name_words and token.tag not in PROPER_TAGS and i not in covered
        ]
        out.extend(sorted(here + missed, key=lambda m: m.first) if missed else here)
    return out


def resolve(mentions: list[Mention]) -> list[Mention]:
    """One entity, one kind and one key across the document set.

    A single word that is part of a known person's name ("Lee", "President Lee") is that
    person; otherwise the kind most mentions agree on wins, ties going to the more specific.
    """
    people = {
        word: name_key(" ".join(m.words))
        for m in mentions
        if m.kind == "person" and len(m.words) >= 2
        for word in m.words
    }
    surnames = {m.words[-1] for m in mentions if m.kind == "person"}
    full_names = _full_name_keys(mentions)
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    keyed: list[Mention] = []
    for m in mentions:
        if m.kind in {"date", "number"}:
            keyed.append(replace(m, key=f"{m.kind}:{name_key(m.text)}"))
            continue
        key = name_key(" ".join(m.words))
        if len(m.words) == 1 and m.words[0] in people and m.kind in {"person", "proper"}:
            key = people[m.words[0]]
            m = replace(m, kind="person")
        elif m.kind == "proper" and 2 <= len(m.words) <= 3 and m.words[-1] in surnames:
            m = replace(m, kind="person")  # "Conor McCourt" where "Mr. McCourt" is a person
        key = full_names.get(key, key)
        votes[key][(m.kind, m.subtype)] += 1
        keyed.append(replace(m, key=key))
    winners = {key: _winner(counter) for key, counter in votes.items()}
    return [
        m if m.kind in {"date", "number"} else replace(m, kind=winners[m.key][0], subtype=winners[m.key][1])
        for m in keyed
    ]


def _full_name_keys(mentions: list[Mention]) -> dict[str, str]:
    """Map the key of 'Lee Jae-myung' and 'Lee Jae Myung' to one (they already agree) and
    keep distinct people distinct; nothing to merge beyond name_key for now."""
    return {}


def _winner(counter: Counter[tuple[str, str]]) -> tuple[str, str]:
    specific = {k: v for k, v in counter.items() if k[0] != "proper"}
    pool = specific or counter
    return max(pool.items(), key=lambda kv: (kv[1], kv[0][1] != "", kv[0]))[0]
