"""Which sentences are worth asking about, and which of their words are worth asking for."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .analysis import lexicon
from .analysis.mentions import Mention
from .analysis.text import Sentence
from .matching import name_key
from .models import AnswerKind, EntityKind

# Word lists stay as written: a screenful, not one word per line.
# fmt: off
BOILERPLATE = re.compile(
    r"leave a (comment|reply)|email address|required fields|scroll to top|all rights reserved|"
    r"copyright|click here|subscribe|cookie|disclaimer|terms of (use|service)|privacy policy|"
    r"share this|read more|views expressed|informational purposes|press release|presswire|"
    r"not be published|sign up|newsletter|follow us|advertisement|related articles",
    re.I,
)
# Openings that point back at the previous sentence.
CONNECTIVES = {
    "however", "but", "also", "additionally", "moreover", "furthermore", "instead", "meanwhile",
    "still", "yet", "thus", "therefore", "so", "then", "and", "or", "rather", "besides", "hence",
    "otherwise", "nevertheless", "nonetheless", "likewise", "similarly", "consequently", "indeed",
    "such", "that", "those", "these", "there", "conversely", "finally", "overall", "earlier",
    "later", "again", "accordingly", "alternatively", "specifically", "namely",
}
CONNECTIVE_PHRASES = re.compile(
    r"^(at the same time|in addition|as a result|for example|for instance|in simple terms|"
    r"on the other hand|in contrast|by contrast|even so|after that|in other words|in short|"
    r"in fact|of course|above all|in the end|ultimately|this means|that means)\b",
    re.I,
)
MIN_WORDS, MAX_WORDS = 8, 40
ENTITY_KINDS = set(EntityKind) - {EntityKind.TERM}
"""Mention kinds asked about as entities (noun-phrase terms are found by term_facts)."""
MEASURE_UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second", "percent", "mile", "kilometer",
    "kilometre", "meter", "metre", "dollar", "time", "decade", "century", "ton", "tonne", "point",
}
GENERIC_NOUNS = {
    "time", "way", "thing", "people", "part", "side", "lot", "kind", "sort", "fact", "point",
    "year", "day", "month", "week", "term", "word", "step", "place", "case", "number", "move",
    "issue", "matter", "one", "others", "level", "area", "areas", "role", "hope", "effort",
}
# fmt: on


@dataclass(frozen=True)
class Fact:
    """Something a teacher could test: an answer inside a sentence."""

    answer: Mention
    kind: AnswerKind
    """The answer kind written to the bank."""
    definition: str | None = None
    """For a defined term: the defining phrase ('a group of many similar cells ...')."""
    context: tuple[Mention, ...] = ()
    """The other things the sentence names: an option that is one of them gives itself away."""


def words_of(sentence: Sentence) -> list[str]:
    return [t.text for t in sentence.tokens if any(c.isalnum() for c in t.text)]


def usable(sentence: Sentence, repeated: set[tuple[str, int]]) -> bool:
    """A complete, self-contained, plain statement of reasonable length (and not a repeat)."""
    if sentence.is_heading or (sentence.doc_id, sentence.index) in repeated:
        return False
    text = sentence.text.strip()
    words = words_of(sentence)
    first = sentence.tokens[0]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not re.search(r"[.!]['\"\u2019\u201d)]*$", text) or BOILERPLATE.search(text):
        return False
    if not (first.text[:1].isupper() or first.text in {"``", '"'}) or text.count('"') % 2 or _unbalanced_quotes(text):
        return False
    if first.tag in {"PRP", "PRP$"} or first.text.lower() in CONNECTIVES or CONNECTIVE_PHRASES.match(text):
        return False
    if first.text in {"``", '"'} and len(sentence.tokens) > 1 and sentence.tokens[1].tag in {"PRP", "DT"}:
        return False  # a quotation that starts mid-argument
    if first.text.lower() in {"this", "it"} and sentence.tokens[1].tag.startswith("VB"):
        return False
    if any(
        t.text.lower() in {"these", "those"} and nxt.tag.startswith("NN")
        for t, nxt in zip(sentence.tokens, sentence.tokens[1:])
    ):
        return False  # "the lifting of these restrictions": which ones, the previous sentence said
    return any(t.tag.startswith("VB") for t in sentence.tokens)


def _unbalanced_quotes(text: str) -> bool:
    return text.count("\u201c") != text.count("\u201d")


def repeated_sentences(sentences: list[Sentence]) -> set[tuple[str, int]]:
    """(doc_id, index) of the sentences not to ask about because they recur.

    One found in three or more readings, or twice in one, is boilerplate (a site's footer, a
    repeated headline): every copy goes. One that two readings share (the same article given
    twice, a wire story another one quotes) is asked about once: the later copy goes.
    """
    copies: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        copies[s.text.strip()].append(s)
    skipped: set[tuple[str, int]] = set()
    for found in copies.values():
        if len(found) == 2 and found[0].doc_id != found[1].doc_id:
            skipped.add((found[1].doc_id, found[1].index))
        elif len(found) > 1:
            skipped |= {(s.doc_id, s.index) for s in found}
    return skipped


def entity_facts(sentence: Sentence, mentions: list[Mention]) -> list[Fact]:
    facts = []
    for mention in mentions:
        if mention.kind not in ENTITY_KINDS or not _worth_asking(mention):
            continue
        if _occurs_elsewhere(sentence, mention):
            continue  # the sentence would give its own answer away
        others = tuple(m for m in mentions if m is not mention)
        kind = AnswerKind.TERM if mention.kind == EntityKind.PROPER else AnswerKind(mention.kind)
        facts.append(Fact(mention, kind, context=others))
    return facts


def _worth_asking(mention: Mention) -> bool:
    if mention.kind == "number":
        value = number_value(mention.words[0]) if mention.words else None
        if mention.subtype == "count" and (value is None or value < 3 or not mention.words[0][0].isdigit()):
            return False
        if not mention.words[0][0].isdigit():
            # "six years", "four-day"; not "two nations"
            unit = mention.subtype
            return lexicon.lemma(unit) in MEASURE_UNITS or unit.removesuffix("s") in MEASURE_UNITS
        return True
    if mention.kind == "date" and mention.subtype == "weekday":
        return False  # "on Sunday": news trivia, not a fact to learn
    if mention.kind == "person":
        return len(mention.words) >= 2  # full names only: "Lee" alone has no fair distractors
    if mention.kind == "proper":
        return "-" not in mention.text and len(mention.text) > 2
    return True


def _occurs_elsewhere(sentence: Sentence, mention: Mention) -> bool:
    key = name_key(mention.text)
    if len(key) < 2:
        return True
    before = sentence.text[: mention.tokens[0].start - sentence.start]
    after = sentence.text[mention.tokens[-1].end - sentence.start :]
    return key in name_key(before) or key in name_key(after)


def number_value(word: str) -> float | None:
    word = word.lower().lstrip("$€£").rstrip("%").replace(",", "")
    if word in lexicon.NUMBER_WORDS:
        return float(lexicon.NUMBER_WORDS[word])
    head = word.split("-", 1)[0]
    if head in lexicon.NUMBER_WORDS:
        return float(lexicon.NUMBER_WORDS[head])
    try:
        return float(head)
    except ValueError:
        return None


# --- key terms and definitions ------------------------------------------------------------

DEFINITION_IS = re.compile(
    r"^(?:(?:A|An|The)\s+)?(?P<term>[A-Za-z][a-z-]+(?:\s[a-z][a-z-]+){0,2})\s+(?:is|are)\s+"
    r"(?P<definition>(?:a|an|the)\s+.{12,})\.$"
)
DEFINITION_CALLED = re.compile(
    r"^(?P<definition>(?:A|An|The)\s+.{12,}?)\s+(?:is|are)\s+(?:called|known as|termed|referred to as)\s+"
    r"(?:(?:a|an|the)\s+)?(?P<term>[a-z][a-z-]+(?:\s[a-z][a-z-]+){0,2})\.$"
)
DEFINITION_STUDY = re.compile(
    r"^(?P<term>[A-Z]?[a-z][a-z-]+),\s+(?P<definition>the\s+(?:study|science|branch|process|practice|art)\s+"
    r"(?:of|by which|in which|through which|that)\s+[^,]{4,}),"
)


def definition_facts(sentence: Sentence) -> list[Fact]:
    """'A tissue is a group of ...', '... is called a tissue', 'Ecology, the study of ...'."""
    text = _ascii(sentence.text.strip())
    for pattern in (DEFINITION_CALLED, DEFINITION_IS, DEFINITION_STUDY):
        match = pattern.match(text)
        if match and _is_noun_phrase(sentence, match.group("term")):
            term_span = match.span("term")
            mention = _mention_for_span(sentence, term_span)
            if mention is not None:
                definition = sentence.text.strip()[match.start("definition") : match.end("definition")]
                return [Fact(mention, AnswerKind.TERM, definition=definition)]
    return []


GENUS_END = {
    "of",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "by",
    "made",
    "used",
    "in",
    "for",
    "where",
    "with",
    "to",
    "from",
    "on",
    "at",
    "called",
    "found",
    "formed",
    "consisting",
}


def genus(definition: str) -> str:
    """The class a definition puts its term in: 'a group of many similar cells' -> 'group'."""
    words = re.findall(r"[A-Za-z][a-z-]*", definition.lower())
    head = ""
    for word in words[1:] if words and words[0] in {"a", "an", "the"} else words:
        if word in GENUS_END:
            break
        head = word
    return lexicon.lemma(head) if head else ""


def _ascii(text: str) -> str:
    """Same length as the text, so match offsets are offsets in the original."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def _is_noun_phrase(sentence: Sentence, phrase: str) -> bool:
    """A term: ends in a noun; 'the best evidence is ...' is an opinion, not a definition."""
    words = phrase.split()
    tags = {t.text.lower(): t.tag for t in sentence.tokens}
    if any(tags.get(w.lower()) in {"JJS", "JJR", "RBS"} for w in words):
        return False
    return tags.get(words[-1].lower(), "").startswith("NN") and words[-1].lower() not in lexicon.stopwords()


def _mention_for_span(sentence: Sentence, span: tuple[int, int]) -> Mention | None:
    offset = sentence.start + (len(sentence.text) - len(sentence.text.lstrip()))
    start, end = span[0] + offset, span[1] + offset
    idx = [i for i, t in enumerate(sentence.tokens) if t.start >= start and t.end <= end]
    if not idx:
        return None
    head = lexicon.lemma(sentence.tokens[idx[-1]].text)
    return Mention(sentence, idx[0], idx[-1] + 1, "term", subtype=head, key=f"term:{head}")


def noun_phrases(sentence: Sentence) -> list[Mention]:
    """Common-noun phrases (adjectives + nouns) outside proper names."""
    tokens = sentence.tokens
    out, i = [], 0
    while i < len(tokens):
        if tokens[i].tag in {"JJ", "NN", "NNS"} and tokens[i].text.isalpha() and tokens[i].text.islower():
            j = i
            while (
                j < len(tokens)
                and tokens[j].tag in {"JJ", "NN", "NNS"}
                and tokens[j].text.replace("-", "").isalpha()
                and tokens[j].text.islower()
            ):
                j += 1
            while j > i and not tokens[j - 1].tag.startswith("NN"):
                j -= 1
            if j > i:
                head = lexicon.lemma(tokens[j - 1].text)
                out.append(Mention(sentence, i, j, "term", subtype=head, key=f"term:{head}"))
                i = j
                continue
        i += 1
    return out


def key_term_counts(sentences: list[Sentence]) -> Counter[str]:
    """How often each noun-phrase head occurs across the set (headings count double)."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for phrase in noun_phrases(sentence):
            counts[phrase.subtype] += 2 if sentence.is_heading else 1
    return counts


def heading_terms(sentences: list[Sentence]) -> set[str]:
    """Noun lemmas an author put in a heading."""
    return {
        lexicon.lemma(t.text)
        for s in sentences
        if s.is_heading
        for t in s.tokens
        if t.tag.startswith("NN") and t.text.isalpha()
    }


def term_facts(
    sentence: Sentence, counts: Counter[str], taken: set[tuple[int, int]], singled_out: set[str]
) -> list[Fact]:
    """Noun phrases whose head the document set keeps coming back to.

    A lone noun ('body', 'food') must be one the author singled out (defined it, or put it in
    a heading); a longer phrase ('digestive system') needs only a recurring head.
    """
    facts = []
    for phrase in noun_phrases(sentence):
        head = phrase.subtype
        if head in GENERIC_NOUNS or head in lexicon.stopwords() or counts[head] < 3 or len(head) < 4:
            continue
        if len(phrase.words) == 1 and head not in singled_out:
            continue
        if any(phrase.first < b and a < phrase.last for a, b in taken) or _occurs_elsewhere(sentence, phrase):
            continue
        facts.append(Fact(phrase, AnswerKind.TERM))
    return facts
