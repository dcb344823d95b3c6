"""Proper names in one sentence, found and typed from local evidence: capitalisation and POS
tags find them; gazetteers, first names, WordNet, titles, roles and suffixes type them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import lexicon
from .mentions import Mention
from .text import Sentence, Token

PROPER_TAGS = {"NNP", "NNPS"}
PLACE_CLASSES = {"country", "city", "region", "state"}
INITIAL = re.compile(r"^[A-Z]\.$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$")


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


def proper_mentions(sentence: Sentence) -> list[Mention]:
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not _is_proper(tokens, i):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if _is_proper(tokens, j) or (tokens[j].text == "'s" and _possessive_inside_name(tokens, j)):
                j += 1
            elif tokens[j].text == "&" and j + 1 < len(tokens) and _is_proper(tokens, j + 1):
                j += 2  # "Merrill Lynch & Co."
            elif tokens[j].text == "and" and _and_inside_name(tokens, i, j):
                j += 1  # "the Food and Drug Administration"
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


def _and_inside_name(tokens: tuple[Token, ...], first: int, j: int) -> bool:
    """'Institutional Animal Care and Use Committee', 'National Health and Medical Research
    Council' are one body; 'Victoria and South Australia', 'Yale University and Harvard
    University' are two names."""
    before = " ".join(t.text for t in tokens[first:j])
    if (
        tokens[j - 1].text.lower() in lexicon.ORG_SUFFIXES
        or before in lexicon.gazetteer()
        or lexicon.wordnet_class(before)
    ):
        return False
    k = j + 1
    while k < len(tokens) and _is_proper(tokens, k) and tokens[k].text.lower() not in lexicon.ORG_SUFFIXES:
        k += 1
    return k > j + 1 and k < len(tokens) and tokens[k].text.lower() in lexicon.ORG_SUFFIXES


def _joins_with_of(word: str) -> bool:
    """'University of X', 'Sea of Japan', 'Republic of Korea' are one name; 'Xi of China' is two."""
    lower = word.lower()
    return lower in lexicon.ORG_SUFFIXES or lower in {
        "sea",
        "gulf",
        "bay",
        "strait",
        "republic",
        "kingdom",
        "state",
        "states",
        "bank",
        "museum",
        "city",
        "isle",
        "cape",
        "lake",
        "mount",
        "department",
        "ministry",
        "secretary",
        "minister",
        "hall",
        "islands",
        "house",
        "church",
    }


def _split_titles(sentence: Sentence, first: int, last: int) -> list[Mention]:
    """'Chinese President Xi Jinping' -> group 'Chinese', person 'Xi Jinping' (titles dropped)."""
    tokens = sentence.tokens
    out: list[Mention] = []
    i = first
    # leading nationality: "Chinese President Xi", "South Korean President Lee"
    k = i + 1 if tokens[i].text.lower() in lexicon.COMPASS and i + 1 < last else i
    if (
        tokens[k].text in lexicon.nationalities()
        and k + 1 < last
        and tokens[k + 1].text.lower() in lexicon.PERSON_TITLES | {"prime"}
    ):
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
