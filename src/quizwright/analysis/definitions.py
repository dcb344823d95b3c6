"""Sentences that define a term: 'A tissue is a group of ...', '... is called a synarthrosis',
'a liquid called a solution', 'Ecology, the study of ...', 'Necrosis, or accidental cell death,',
'vasodilation, the widening of the blood vessels', 'X refers to ...', 'X focuses on ...'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .terms import Span, chunks, modifier, nounish, term_key, zipf
from .text import Sentence

TERM = r"[A-Za-z][A-Za-z-]*(?:\s[a-z][a-z-]*){0,3}"
LOWER_TERM = r"[a-z][a-z-]*(?:\s[a-z][a-z-]*){0,3}"
ARTICLE = r"(?:(?:a|an|the)\s+)"
BRACKETS = r"(?:\s\([^)]{1,40}\))?"
BEFORE_VERB = r"(?:\s+|\s*[\u2014\u2013-]+\s*)"
ASIDE = r"(?:,\s+(?:then|thus|therefore|in turn|by definition),)"
"""'An organic compound, then, is a substance that ...': a word between commas the definition reads past."""
# (name, pattern, searched anywhere rather than matched at the start)
PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    ("called", re.compile(
        rf"^(?P<definition>(?:A|An|The|Any|Two|Some|Substances|Cells|Molecules|Solutions)\s+.{{12,}}?){BEFORE_VERB}(?:is|are)\s+(?:called|known as|termed|referred to as|"
        rf"classified as|defined as|said to be)\s+{ARTICLE}?(?P<term>{LOWER_TERM}){BRACKETS}(?:[.,]|\s+or\s)"), False),
    ("called", re.compile(
        rf"^(?P<definition>The\s+[a-z]+\s+of\s+.{{8,}}?){BEFORE_VERB}(?:is|are)\s+(?:called|known as|termed)\s+"
        rf"{ARTICLE}?(?P<term>{LOWER_TERM})\.$"), False),
    ("when", re.compile(
        rf"^When\s+(?P<definition>[a-z].{{12,}}?),\s+(?:the|this)\s+(?P<genus>procedure|process|condition|state|event)\s+"
        rf"(?:is|are)\s+(?:called|known as|termed)\s+{ARTICLE}?(?P<term>{LOWER_TERM})\.$"), False),
    ("is", re.compile(
        rf"^(?:(?:A|An|The)\s+(?:[a-z]+'s\s+)?)?(?P<term>{TERM}){BRACKETS}{ASIDE}?,?\s+(?:also called [^,]+,\s+)?(?:is|are)\s+"
        rf"(?P<definition>{ARTICLE}.{{12,}}|(?:any|one|where)\s.{{12,}})\.$"), False),
    ("kind", re.compile(
        r"^(?:A|An)\s+(?P<term>[a-z][a-z-]+(?:\s[a-z][a-z-]+){1,2}?)\s+"
        r"(?P<definition>(?:has the (?:potential|ability|capacity) to|is (?:limited|able|restricted) to|can only|(?:only )?allows(?: only)?)\s.{12,})\.$"), False),
    ("is", re.compile(
        rf"^(?:(?:A|An|The)\s+)?(?P<term>{TERM}){BRACKETS}\s+(?:is|are)\s+the\s+term\s+(?:given\s+to|for|used\s+for)\s+"
        rf"(?P<definition>.{{8,}})\.$"), False),
    ("is", re.compile(  # 'You can now define a salt as a substance that ...'
        rf"^(?:We|You)\s+(?:can\s+)?(?:now\s+)?define\s+{ARTICLE}?(?P<term>{LOWER_TERM})\s+as\s+"
        rf"(?P<definition>{ARTICLE}.{{12,}})\.$"), False),
    ("bare", re.compile(
        rf"^(?:(?:In contrast (?:to|with)|Unlike|Like)\s+[a-z][a-z-]+,\s+)?(?P<term>[A-Za-z][a-z-]+){BRACKETS}\s+(?:is|are)\s+"
        rf"(?P<definition>(?:the\s+)?[a-z][a-z-]+\s[a-z][^,;]{{8,}}?)(?:[,;.]|$)"), False),
    ("refers", re.compile(
        rf"^(?:(?:The|A|An)\s+)?(?P<term>{TERM}){BRACKETS}\s+(?:refers to|is defined as|means|describes|involves|"
        rf"consists of|occurs when|focuses on|deals with|is concerned with)\s+(?P<definition>.{{12,}})\.$"), False),
    ("study", re.compile(
        rf"^(?P<term>{TERM}),\s+(?P<definition>the\s+(?:study|science|branch|process|practice|art|idea|belief|view)\s+"
        r"(?:of|by which|in which|through which|that)\s+[^,]{4,}),"), False),
    ("gloss", re.compile(r"^(?P<term>[A-Z][a-z-]+(?:\s[a-z][a-z-]+){0,2}),\s+or\s+(?P<definition>[a-z][^,;]{6,50}),\s"), False),
    ("appositive", re.compile(
        r"(?<![A-Za-z])(?P<term>[a-z][a-z-]+(?:\s[a-z][a-z-]+){0,2}),\s+(?P<definition>the\s+[a-z]+ing\s+of\s+[^,.;]{6,60})[.,;]"), True),
    ("mid-called", re.compile(
        rf"(?P<definition>\b(?:a|an)\s+[^,;()]{{3,60}}?)\s+(?:called|known as|termed)\s+{ARTICLE}?(?P<term>{LOWER_TERM})"), True),
]  # fmt: skip
CALLED = {"called", "mid-called", "when"}
RARE_MODIFIER = 3.0
"""A first word this rare in general English makes a kind ('oligopotent stem cell'), not a
description ('adult stem cell', 'a new drug')."""
CLASS_NOUNS = {"kind", "type", "form", "sort", "example", "class", "category", "variety", "part", "member"}
NOT_DEFINITIONS = ("the same", "the most", "the best", "the first", "the only", "one of", "this", "these")
ONE_OF_A_CLASS = re.compile(rf"one of an? (?:{'|'.join(sorted(CLASS_NOUNS))}) of\b", re.I)
"""'one of a class of proteins that bind ...' names a genus, where 'one of the most ...' does not."""
SHARE = r"(?:an?|the)\s+(?:[a-z]+\s+){0,2}(?:proportion|percentage|fraction|majority|minority|share)\s+of\b"
"""'a relatively small proportion of psychologists': a part of a group, which its other parts fit as well."""
DEFINITION_STARTS = {"DT", "JJ", "NN", "NNS", "VBG", "VBN", "CD", "PDT", "WRB"}  # WRB: '... focuses on how we ...'
TRAILING_CLAUSE = re.compile(r",\s+(?:(?:and|but|so|which means)\s+(?:it|they|this|these)\b|but not\b).*$|;.*$")
LEADING_CONNECTIVE = re.compile(
    r"^(?:However|Thus|Therefore|Indeed|In fact|In other words|Specifically|In contrast|Similarly|Likewise|Hence|"
    r"Consequently|Essentially|Simply put|In short|In biology|In chemistry|In psychology|In anatomy|In science|"
    r"As (?:its|the) name (?:suggests|implies)),\s+"
)

FIELD_OPENER = re.compile(r"\s*In (?:biology|chemistry|psychology|anatomy|science),")


@dataclass(frozen=True)
class Definition:
    """A term and the phrase that defines it, inside one sentence."""

    sentence: Sentence
    term: Span
    key: str
    """The term's key (terms.term_key)."""
    definition: str
    """The defining phrase as the sentence writes it ('a group of many similar cells ...')."""
    genus: str
    """The class the definition names: 'a group of cells' -> 'group'."""
    called: bool
    """The definition comes first and the term after it ('... is called X', 'a liquid called X')."""


def leading_connective(text: str) -> int:
    """The length of a connective that opens a sentence and can be read past ('Thus, '), else 0."""
    match = LEADING_CONNECTIVE.match(text.lstrip())
    return match.end() + len(text) - len(text.lstrip()) if match else 0


def opens_with_connective(text: str) -> bool:
    """'Thus, ...', 'However, ...', 'In contrast, ...': a connective to what came before; not 'In
    chemistry, ...', which names a field and leans on nothing."""
    return bool(leading_connective(text)) and not FIELD_OPENER.match(text)


def said_to_be_a_share(after_term: str) -> bool:
    """The text after a term says it is a share of a group: 'Criminal profilers| are a relatively
    small proportion of psychologists ...'; a blank there fits any other part of the group."""
    return bool(re.match(rf"\s+(?:is|are|was|were)\s+{SHARE}", after_term, re.I))


def find_definition(sentence: Sentence) -> Definition | None:
    text = _ascii(sentence.text)
    lead = max(leading_connective(text), len(text) - len(text.lstrip()))
    body = text[lead:].rstrip()
    body = body[:1].upper() + body[1:]  # after 'Thus, ' the term starts in lower case
    for kind, pattern, anywhere in PATTERNS:
        match = pattern.search(body) if anywhere else pattern.match(body)
        if match is None:
            continue
        found = _definition(sentence, kind, match, lead)
        if found is not None:
            return found
    return None


def _definition(sentence: Sentence, kind: str, match: re.Match[str], lead: int) -> Definition | None:
    span = _span_of(sentence, match.start("term") + lead, match.end("term") + lead)
    if span is not None and kind in CALLED:
        span = _as_chunk(sentence, span)
    elif span is not None and kind == "appositive":
        span = _chunk_ending(sentence, span)  # 'vasodilation' of 'evoke local vasodilation, the widening of ...'
    if span is None or not _noun_phrase(sentence, span):
        return None
    words = [t.text for t in sentence.tokens[span.first : span.last]]
    if len(words) > 1 and lexicon.is_verb_only(words[-1].lower()):
        return None  # 'pus accumulates': the tagger took a verb for a noun
    if kind == "bare" and not all(zipf(w.lower()) < 3.0 for w in words):
        return None  # 'Water is essential ...' states a property; 'Apoptosis is programmed cell death' defines
    if kind == "kind":
        return _kind(sentence, span, words, match, lead)
    start, end = lead + match.start("definition"), lead + match.end("definition")
    defining = _span_of(sentence, start, end)
    if defining is None or not _starts_a_definition(sentence, defining.first):
        return None  # 'Behaviorism is largely responsible for ...' says what it did, not what it is
    end = _before_another_clause(sentence, defining, end)
    definition = _without_trailing_clause(sentence.text[start:end])
    says_no_class = definition.lower().startswith(NOT_DEFINITIONS) and not ONE_OF_A_CLASS.match(definition)
    if says_no_class or re.match(SHARE, definition, re.I):
        return None
    if re.search(r"\bstands? for\b", sentence.text):
        return None  # 'WEIRD stands for western, educated, ...': the answer is the initials in the stem
    if kind == "mid-called" and not re.match(r"(?i)an?\s", definition):
        return None  # 'the ... called X' mid-sentence is usually a name, not a definition
    key = term_key(words)
    named = match.groupdict().get("genus")  # 'When ..., the procedure is called X': a procedure
    if definition.startswith("where "):
        named = key.split()[-1]  # 'A fibrous joint is where the adjacent bones are united ...': a joint
    found = named or genus(sentence, defining, key.split()[-1])
    return Definition(sentence, span, key, definition, found, kind in CALLED)


def _kind(sentence: Sentence, span: Span, words: list[str], match: re.Match[str], lead: int) -> Definition | None:
    """'An oligopotent stem cell is limited to becoming one of a few different cell types': a
    rare word makes a kind of what the rest names, and the sentence says what sets that kind
    apart. Its definition reads 'a cell that is limited to ...' (not 'a stem cell': the
    answer's own 'stem' would hint at it)."""
    if len(words) < 2 or zipf(words[0].lower()) >= RARE_MODIFIER or not all(zipf(w.lower()) >= 3.0 for w in words[1:]):
        return None  # 'A new drug has the potential to ...' names no kind
    head = words[-1].lower()
    predicate = sentence.text[lead + match.start("definition") : lead + match.end("definition")]
    definition = f"{'an' if head[:1] in 'aeiou' else 'a'} {head} that {predicate}"
    return Definition(sentence, span, term_key(words), definition, lexicon.lemma(words[-1].lower()), False)


def _starts_a_definition(sentence: Sentence, first: int) -> bool:
    """A noun phrase or a gerund, or an adverb before one: 'relatively consistent patterns of
    thought', 'purposely misleading experiment participants'; not 'largely responsible for'."""
    tokens = sentence.tokens
    adverb = tokens[first].tag == "RB" and tokens[first].text.lower().endswith("ly")  # not 'thus', 'also'
    if adverb and first + 1 < len(tokens) and tokens[first + 1].tag in {"VBG", "JJ"}:
        following = tokens[first + 2].tag if first + 2 < len(tokens) else ""
        return tokens[first + 1].tag == "VBG" or following.startswith(("NN", "JJ"))
    return tokens[first].tag in DEFINITION_STARTS


def genus(sentence: Sentence, definition: Span, term_head: str) -> str:
    """The head of the definition's first noun phrase: 'a group of many similar cells' ->
    'group'; 'a type of recognition protein' -> 'protein'; 'one that ...' -> the term's own head."""
    tokens = sentence.tokens
    first = definition.first
    while first < definition.last and tokens[first].tag in {"DT", "RB", "CD"}:
        if tokens[first].text.lower() == "one" and (
            first + 1 >= definition.last
            or tokens[first + 1].tag == "WDT"
            or (
                tokens[first + 1].tag == "IN"
                and not ONE_OF_A_CLASS.match(sentence.text[tokens[first].start - sentence.start :])
            )
        ):
            return term_head
        first += 1
    for span in chunks(sentence):
        if span.last <= first or span.first >= definition.last:
            continue
        head = lexicon.lemma(tokens[span.last - 1].text)
        if not lexicon.is_noun(head):
            continue
        after = tokens[span.last].text.lower() if span.last < len(tokens) else ""
        if head in CLASS_NOUNS and after == "of":
            continue
        return head
    return ""


def _without_trailing_clause(definition: str) -> str:
    """The definition without a clause that goes on from it (', and it is often worded as an
    if-then statement'), unless that clause goes on defining."""
    trailing = TRAILING_CLAUSE.search(definition)
    if trailing is None:
        return definition.strip()
    if _goes_on_defining(definition[: trailing.start()], definition[trailing.start() :]):
        # '..., a binding that induces ...': a question of its own, not '..., and this binding induces ...?'
        return OWN_ACT.sub(r", a \1 that", definition, count=1).strip()
    return definition[: trailing.start()].strip()


OWN_ACT = re.compile(r",\s+and\s+this\s+([a-z]{4,}ing)\b")
"""', and this binding ...': a clause that may name what the definition before it does."""


def _goes_on_defining(definition: str, clause: str) -> bool:
    """', and this binding induces a chemical reaction within the cell' after 'a protein that
    can selectively bind a specific molecule': the clause names the definition's own act (without
    it, other binding proteins fit: judged so in 10 of 30 verdicts)."""
    act = OWN_ACT.match(clause)
    return act is not None and act.group(1)[:4] in {w[:4] for w in re.findall(r"[a-z]{4,}", definition.lower())}


def _ascii(text: str) -> str:
    """The same length as the text, so that offsets found in it are offsets in the original."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def _before_another_clause(sentence: Sentence, defining: Span, end: int) -> int:
    """Where the definition ends: before ', and the humerus is the long bone of the arm', a
    clause of its own with a subject and a verb; not before ', and then pinching off ...'."""
    tokens = sentence.tokens
    for i in range(defining.first, defining.last - 2):
        if tokens[i].text != "," or tokens[i + 1].text.lower() not in {"and", "but", "while", "whereas"}:
            continue
        if not tokens[i + 2].tag.startswith(("DT", "PRP", "NN", "JJ")):
            continue
        at = tokens[i].start - sentence.start
        if _goes_on_defining(sentence.text[tokens[defining.first].start - sentence.start : at], sentence.text[at:]):
            continue
        for token in tokens[i + 3 : min(i + 9, defining.last)]:
            if token.text in {",", ";"}:
                break
            if token.tag in {"VBZ", "VBP", "VBD", "MD"}:
                return tokens[i].start - sentence.start
    return end


def _span_of(sentence: Sentence, start: int, end: int) -> Span | None:
    offset = sentence.start
    inside = [i for i, t in enumerate(sentence.tokens) if t.start - offset >= start and t.end - offset <= end]
    return Span(inside[0], inside[-1] + 1) if inside else None


def _as_chunk(sentence: Sentence, span: Span) -> Span | None:
    """The noun phrase the term starts: 'glucose transporter' of 'glucose transporter will'."""
    for chunk in chunks(sentence):
        if chunk.first == span.first and chunk.last <= span.last:
            return chunk
    tokens = sentence.tokens[span.first : span.last]
    return span if len(tokens) == 1 and tokens[0].tag == "JJ" else None  # 'is said to be hypertonic'


def _chunk_ending(sentence: Sentence, span: Span) -> Span | None:
    """The noun phrase that ends where the span ends, inside it."""
    inside = [c for c in chunks(sentence) if c.last == span.last and c.first >= span.first]
    if not inside:
        return None
    first = inside[0].first
    while (
        first < span.last - 1
        and sentence.tokens[first].tag == "JJ"
        and zipf(sentence.tokens[first].text.lower()) >= 4.5
    ):
        first += 1  # 'local vasodilation' defines 'vasodilation'
    return Span(first, span.last)


def _noun_phrase(sentence: Sentence, span: Span) -> bool:
    tokens = sentence.tokens[span.first : span.last]
    if not tokens or any(t.tag in {"JJS", "JJR", "RBS", "PRP", "DT", "CD"} for t in tokens):
        return False
    single_adjective = len(tokens) == 1 and tokens[0].tag == "JJ"
    if not all(modifier(sentence, i) or nounish(sentence, i) for i in range(span.first, span.last)):
        return single_adjective
    if tokens[-1].text.lower() in lexicon.stopwords():
        return False
    return tokens[-1].tag.startswith("NN") or single_adjective
