"""Named entities without a trained NER model: POS tags, capitalisation, gazetteers,
first names, WordNet instance hypernyms and cue words, made consistent across a document set."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from . import lexicon
from .text import Sentence, Token

KINDS = ("person", "place", "organization", "group", "date", "number", "proper")
PROPER_TAGS = {"NNP", "NNPS"}
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
NUMBER_ADJECTIVE = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred)"
    r"-(?:day|week|month|year|hour|minute|mile|kilometer|kilometre|point|member|nation|country|story)$",
    re.I,
)
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
    subtype: str = ""
    """country/city/region/state for places, year/month/weekday for dates, the unit for numbers."""
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


def name_key(text: str) -> str:
    """Spelling-insensitive key: 'Lee Jae-myung' and 'Lee Jae Myung' give the same key."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return re.sub(r"[\W_]", "", text.lower())


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
    if word in lexicon.MONTHS or word in lexicon.WEEKDAYS:
        return False
    if token.tag in PROPER_TAGS:
        # The tagger calls many sentence-initial words NNP ("Beyond trade, ...").
        return not (i == 0 and _is_common_word(word) and not _starts_name(tokens, i))
    if i == 0:
        return _starts_name(tokens, i)
    # Capitalised adjectives inside a name: "South Korean", "Foreign Studies".
    return token.tag in {"JJ", "NN", "NNS"} and not _is_common_word(word)


def _starts_name(tokens: tuple[Token, ...], i: int) -> bool:
    """A compass word that begins a place or nationality: 'South Korean', 'North Korea'."""
    if tokens[i].text.lower() not in lexicon.COMPASS or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].text
    return following in lexicon.nationalities() or following in lexicon.gazetteer() or tokens[i + 1].tag in PROPER_TAGS


def _is_common_word(word: str) -> bool:
    lower = word.lower()
    if word in lexicon.gazetteer() or word in lexicon.nationalities() or word in lexicon.first_names():
        return False
    return lower in lexicon.stopwords() or lower in lexicon.english_words()


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
            elif tokens[j].text == "of" and j + 1 < len(tokens) and _is_proper(tokens, j + 1) \
                    and _joins_with_of(tokens[j - 1].text):
                j += 2
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
    tokens = mention.sentence.tokens
    before = tokens[mention.first - 1].text.lower() if mention.first > 0 else ""
    if name in lexicon.gazetteer():
        return "place", lexicon.gazetteer()[name]
    if name in lexicon.nationalities() or (
        len(words) == 2 and words[0].lower() in lexicon.COMPASS and words[1] in lexicon.nationalities()
    ):
        return "group", ""
    if any(w.lower() in lexicon.ORG_SUFFIXES for w in words[1:]) or before in lexicon.ORG_CUES:
        return "organization", ""
    if len(words) >= 2 and words[0].lower() in lexicon.COMPASS and " ".join(words[1:]) in lexicon.gazetteer():
        return "place", "region"
    wordnet = lexicon.wordnet_class(name)
    if wordnet in {"country", "city", "region", "state"}:
        return "place", wordnet
    if wordnet in {"person", "organization"}:
        return wordnet, ""
    if _appositive_role(mention) or (words[0] in lexicon.first_names() and len(words) >= 2):
        return "person", ""
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and before in lexicon.ORG_CUES:
        return "organization", ""
    return "proper", ""


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
        word = tokens[i].text
        if word in lexicon.MONTHS:
            j = i + 1
            while j < len(tokens) and (tokens[j].tag == "CD" or tokens[j].text == ","):
                if tokens[j].text == "," and not (j + 1 < len(tokens) and YEAR.match(tokens[j + 1].text)):
                    break
                j += 1
            out.append(Mention(sentence, i, j, "date", "month"))
            i = j
        elif word in lexicon.WEEKDAYS:
            out.append(Mention(sentence, i, i + 1, "date", "weekday"))
            i += 1
        elif YEAR.match(word) and tokens[i].tag == "CD":
            out.append(Mention(sentence, i, i + 1, "date", "year"))
            i += 1
        elif NUMBER_ADJECTIVE.match(word):
            amount, unit = word.lower().split("-", 1)
            out.append(Mention(sentence, i, i + 1, "number", unit))
            i += 1
        elif _is_number(tokens[i]):
            j = i + 1
            while j < len(tokens) and (_is_number(tokens[j]) or tokens[j].text in {"%", "percent"}):
                j += 1
            unit = ""
            if j < len(tokens) and tokens[j].tag in {"NNS", "NN"} and tokens[j].text.isalpha():
                unit = lexicon.lemma(tokens[j].text)
                j += 1
            if tokens[j - 1].text in {"%", "percent"}:
                unit = "percent"
            start = i - 1 if i > 0 and tokens[i - 1].text in {"$", "€", "£"} else i
            out.append(Mention(sentence, start, j, "number", unit or "count"))
            i = j
        else:
            i += 1
    return out


def _is_number(token: Token) -> bool:
    if token.tag != "CD":
        return False
    lower = token.text.lower()
    return bool(NUMERIC.match(token.text)) or lower in lexicon.NUMBER_WORDS


# --- consistency across a document set ---------------------------------------------------


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
