"""Candidate terms of a reading: noun phrases (and specialist adjectives) found in its sentences,
counted, and weighed against how often general English uses them (wordfreq)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from . import lexicon
from .text import Sentence, Token

NOUN_TAGS = {"NN", "NNS"}
NAME_TAGS = {"NNP", "NNPS"}
MODIFIER_TAGS = {"JJ", "NN", "NNS", "VBN", "VBG"}
# Participles that introduce a phrase rather than modify a noun ("a space called a joint cavity").
VERBAL_PARTICIPLES = {
    "called", "known", "termed", "referred", "named", "used", "found", "made", "given", "based",
    "located", "shown", "seen", "described", "involving", "including", "containing", "using",
    "following", "according", "regarding", "concerning", "being", "having", "making", "causing",
}  # fmt: skip
WORD = re.compile(r"^[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*$")
MAX_TERM_WORDS = 4
RARE_ADJECTIVE = 3.7
"""An adjective rarer than this in general English (Zipf) can be a term: 'hydrophilic', 'empirical'."""
ABBREVIATION = re.compile(r"^[A-Z][A-Za-z]{1,6}$")


@lru_cache(maxsize=65536)
def zipf(phrase: str) -> float:
    """General-English frequency on the Zipf scale: 7 is 'the', 3 once in a million words, 0 unseen."""
    return float(zipf_frequency(phrase, "en"))


@dataclass(frozen=True)
class Span:
    """Tokens first .. last-1 of a sentence."""

    first: int
    last: int


def term_key(words: list[str] | tuple[str, ...]) -> str:
    """'Synovial Joints' -> 'synovial joint': lower case, the head noun singular."""
    lowered = [w.lower() for w in words]
    lowered[-1] = lexicon.lemma(lowered[-1])
    return " ".join(lowered)


def words_of(sentence: Sentence, span: Span) -> list[str]:
    return [t.text for t in sentence.tokens[span.first : span.last]]


def common_initial(sentence: Sentence, i: int) -> bool:
    """A capital that only opens the sentence ('Osmosis is ...') or is title case in a heading
    ('Health Psychology'): the word is a common word all the same."""
    word = sentence.tokens[i].text
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    lower = word.lower()
    if sentence.is_heading:
        return lower in lexicon.english_words() or lexicon.is_noun(lower) or zipf(lower) >= 3.0
    opens = i == 0 or (i == 1 and sentence.tokens[0].text in {'"', "``"})
    return opens and (lower in lexicon.english_words() or lexicon.is_common_noun(lower) or lexicon.is_adjective(lower))


def nounish(sentence: Sentence, i: int) -> bool:
    token = sentence.tokens[i]
    if token.tag in NOUN_TAGS or (token.tag in NAME_TAGS and common_initial(sentence, i)):
        return True
    # the tagger's 'a joint that ...': an adjective reading of a noun right before a relative clause
    after = sentence.tokens[i + 1].tag if i + 1 < len(sentence.tokens) else ""
    return token.tag == "JJ" and after in {"WDT", "WP"} and lexicon.is_noun(token.text)


def modifier(sentence: Sentence, i: int) -> bool:
    """A word that can stand in a term: a common noun, an adjective, a participle used as one."""
    token = sentence.tokens[i]
    if token.tag in NAME_TAGS:
        return _is_word(token) and common_initial(sentence, i)
    if token.tag not in MODIFIER_TAGS or not _is_word(token):
        return False  # the tag first: most words (determiners, verbs, punctuation) go on it alone
    if token.tag in {"VBN", "VBG"} and token.text.lower() in VERBAL_PARTICIPLES:
        return False
    return not (token.text[:1].isupper() and not common_initial(sentence, i))


def _is_word(token: Token) -> bool:
    return bool(WORD.match(token.text)) and token.text.lower() not in lexicon.stopwords()


def _gerund(token: Token) -> bool:
    """'involving' opens a verb phrase; 'clotting', 'counseling' are nouns WordNet knows."""
    return token.tag == "VBG" and not lexicon.is_noun(token.text.lower())


def chunks(sentence: Sentence) -> list[Span]:
    """Maximal runs of modifiers ending in a common noun: 'fibrous connective tissue'."""
    tokens = sentence.tokens
    modifies = [modifier(sentence, i) for i in range(len(tokens))]  # once a word: asked up to three times
    out: list[Span] = []
    i = 0
    while i < len(tokens):
        if not modifies[i] or (_gerund(tokens[i]) and i + 1 < len(tokens) and not modifies[i + 1]):
            i += 1
            continue
        j = i
        while j < len(tokens) and modifies[j]:
            j += 1
        end = j
        while end > i and not nounish(sentence, end - 1):
            end -= 1
        start = i
        while start < end - 1 and _gerund(tokens[start]):
            start += 1
        if end > start:
            out.append(Span(start, end))
        i = j
    return out


def adjective_spans(sentence: Sentence) -> list[Span]:
    """Specialist adjectives used predicatively: 'the head is hydrophilic', 'knowledge is empirical'."""
    out = []
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        word = token.text
        if token.tag != "JJ" or not word.isalpha() or not (word.islower() or common_initial(sentence, i)):
            continue
        if zipf(word.lower()) >= RARE_ADJECTIVE or word.lower() in lexicon.stopwords():
            continue
        if i + 1 >= len(tokens) or tokens[i + 1].tag not in NOUN_TAGS:
            out.append(Span(i, i + 1))
    return out


def sub_spans(span: Span) -> list[Span]:
    """A phrase and each shorter phrase with its head, longest first: 'fibrous connective
    tissue', 'connective tissue', 'tissue'."""
    return [Span(start, span.last) for start in range(span.first, span.last) if span.last - start <= MAX_TERM_WORDS]


def left_spans(sentence: Sentence, span: Span) -> list[Span]:
    """Shorter phrases from the same first word that end in a noun: 'informed consent' of
    'informed consent form', 'stem cell' of 'stem cell research'."""
    return [
        Span(span.first, end)
        for end in range(span.last - 1, span.first, -1)
        if end - span.first <= MAX_TERM_WORDS and sentence.tokens[end - 1].tag in NOUN_TAGS
    ]


def abbreviations(sentences: list[Sentence]) -> dict[str, str]:
    """'institutional review board (IRB)' -> {'IRB': 'institutional review board'}: letters in
    brackets that are the initials of the phrase before them."""
    found: dict[str, str] = {}
    for sentence in sentences:
        tokens = sentence.tokens
        if "(" not in sentence.text:
            continue  # an abbreviation is always in brackets: most sentences have none
        for span in chunks(sentence):
            if span.last + 2 >= len(tokens) or tokens[span.last].text != "(" or tokens[span.last + 2].text != ")":
                continue
            abbreviation = tokens[span.last + 1].text
            words = words_of(sentence, span)
            initials = "".join(part[0] for word in words for part in word.split("-")).lower()
            if ABBREVIATION.match(abbreviation) and initials.endswith(abbreviation.lower()):
                found[abbreviation] = term_key(words[-len(abbreviation) :] if len(abbreviation) < len(words) else words)
    return found


def long_forms(sentences: list[Sentence]) -> dict[str, str]:
    """'adenosine triphosphate (ATP)' -> {'ATP': 'adenosine triphosphate'}: capitals in brackets
    and the words before them that they abbreviate, a letter of the capitals found in order in
    those words and the first at the start of one (Schwartz and Hearst's rule, 2003)."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if "(" not in sentence.text:
            continue
        tokens = sentence.tokens
        for n in range(1, len(tokens) - 2):
            short = tokens[n + 1].text
            if tokens[n].text != "(" or tokens[n + 2].text != ")" or not short.isupper() or len(short) < 2:
                continue
            first = max(0, n - len(short) - 2)
            start = _abbreviated_from(short, [t.text for t in tokens[first:n]])
            if start is not None:  # written as running text writes it: 'Deoxyribonucleic acid' opening a sentence
                found[short] = " ".join(
                    t.text.lower() if common_initial(sentence, k) else t.text
                    for k, t in enumerate(tokens[first + start : n], first + start)
                )
    return found


def _abbreviated_from(short: str, words: list[str]) -> int | None:
    """The first of the last words that `short` abbreviates, matched from the right; None if none do."""
    letters = short.lower()
    for start in range(len(words) - 1, -1, -1):
        if not words[start][:1].isalpha() or words[start][:1].lower() != letters[0]:
            continue
        text = " ".join(words[start:]).lower()
        at = len(text)
        for letter in reversed(letters[1:]):
            at = text.rfind(letter, 1, at)
            if at < 1:
                break
        else:
            return start
    return None


def display_form(sentence: Sentence, span: Span) -> str:
    """As running text writes it: 'forensic psychology' for the heading 'Forensic Psychology'."""
    words = words_of(sentence, span)
    return " ".join(w.lower() if common_initial(sentence, span.first + n) else w for n, w in enumerate(words))


@dataclass
class TermCounts:
    """Every candidate term of a reading: how often, in which forms, where singled out."""

    counts: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """Key -> how the reading writes it, with counts ('synovial joints': 2, 'synovial joint': 1)."""
    in_heading: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    tokens: int = 0
    """Tokens in the reading: the size general-English frequencies are scaled to."""

    def form(self, key: str) -> str:
        return self.forms[key].most_common(1)[0][0]


def count_terms(sentences: list[Sentence], chunked: dict[int, list[Span]] | None = None) -> TermCounts:
    """chunked: each sentence's chunks() by its index, where the caller has them already."""
    found = TermCounts(tokens=sum(len(s.tokens) for s in sentences))
    short = abbreviations(sentences)
    for sentence in sentences:
        for span in chunked[sentence.index] if chunked is not None else chunks(sentence):
            if _a_gloss(sentence, span):
                continue
            for sub in sub_spans(span) + left_spans(sentence, span):
                key = term_key(words_of(sentence, sub))
                found.counts[key] += 1
                found.forms[key][display_form(sentence, sub)] += 1
                if sentence.is_heading:
                    found.in_heading.add(key)
        for span in adjective_spans(sentence):
            key = sentence.tokens[span.first].text.lower()
            found.counts[key] += 1
            found.forms[key][key] += 1
            found.adjectives.add(key)
            if sentence.is_heading:
                found.in_heading.add(key)
        for n, token in enumerate(sentence.tokens):
            if token.text in short and (n == 0 or sentence.tokens[n - 1].text != "("):
                found.counts[short[token.text]] += 1  # 'the IRB' is another mention of the review board
    return found


def _a_gloss(sentence: Sentence, span: Span) -> bool:
    """The everyday name in brackets after a term: 'breastbone' of 'the sternum (breastbone)',
    'shoulder blades' of 'the scapulae (shoulder blades)'. The term is what the reading teaches;
    its gloss, as an option, is a lay word among technical ones (judged a giveaway)."""
    tokens = sentence.tokens
    if span.first < 2 or span.last >= len(tokens) or not tokens[span.first].text.islower():
        return False
    bracketed = tokens[span.first - 1].text == "(" and tokens[span.last].text == ")"
    return bracketed and tokens[span.first - 2].tag in {"NN", "NNS"}


def keyness(count: int, phrase: str, tokens_in_reading: int) -> float:
    """log(count + 1) times how many times more often the reading uses the phrase than general
    English would in as many words (as a log ratio, 0 when it is no more often)."""
    frequency = zipf(phrase) or 1.0
    expected = tokens_in_reading * 10 ** (frequency - 9)
    ratio = math.log((count + 0.5) / (expected + 0.05))
    return math.log1p(count) * max(ratio, 0.0)
