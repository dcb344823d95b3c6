"""Which sentences are worth asking about: complete statements that stand on their own, or
that do once the sentence before them is shown; and the Fact an item is made from."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from .analysis import lexicon
from .analysis.definitions import leading_connective
from .analysis.mentions import Mention
from .analysis.text import Sentence, Token
from .matching import CaseBlind, name_key
from .models import AnswerKind

# Word lists stay as written: a screenful, not one word per line.
# fmt: off
BOILERPLATE = CaseBlind(
    r"leave a (comment|reply)|email address|required fields|scroll to top|all rights reserved|"
    r"copyright|click here|subscribe|cookie|disclaimer|terms of (use|service)|privacy policy|"
    r"share this|read more|views expressed|informational purposes|press release|presswire|"
    r"not be published|sign up|newsletter|follow us|advertisement|related articles"
)
# Notes about the book itself, and traces of figures the text refers to.
META = CaseBlind(
    r"\b(this|the) (chapter|section|text|book|course|unit|module|figure|table|lesson|reading)\b|\byou will\b|"
    r"\bcareer connection|\beveryday connection|\binteractive link|\bwatch this|\bvisit this|\bthis video\b|"
    r"\bthis website\b|\bthe link\b|\bclick\b|\b(figure|fig\.|table) \d|\bsee (figure|table|below|above)\b|"
    r"\bas shown\b|\bshown in\b|\bsee [a-z]\)|\([a-z]\)|\bXX\b|\bXY\b|\bpreceding (section|chapter)|"
    r"\b(introductory|previous|next|earlier|later|last|following) (chapter|section|module)|\brecall (from|that)\b|"
    r"\bthis course\b|\bin this (section|chapter)"
)
# What a removed figure or link leaves: 'shown in , beginning', '(see b)', '( )'.
STRAY = re.compile(r"\s[,;:)]|\s\.$|\(\s*\)|\b(in|see|shown|from|at|of)\s[,.;)]")
# Openings that point back at the sentence before.
OPENERS = {
    "however", "but", "also", "additionally", "moreover", "furthermore", "instead", "meanwhile",
    "still", "yet", "thus", "therefore", "so", "then", "and", "or", "rather", "besides", "hence",
    "otherwise", "nevertheless", "nonetheless", "likewise", "similarly", "consequently", "indeed",
    "such", "that", "those", "these", "there", "conversely", "finally", "overall", "earlier",
    "later", "again", "accordingly", "alternatively", "specifically", "namely", "nor", "neither",
    "now", "here", "another", "both", "each", "either", "it", "its", "this", "he", "she", "they",
    "his", "her", "their", "thereafter", "afterward", "afterwards", "subsequently", "eventually",
    "unlike", "like",
}
OPENING_PHRASES = re.compile(
    r"^(at the same time|in addition|as a result|for example|for instance|in simple terms|"
    r"on the other hand|in contrast|by contrast|even so|after that|in other words|in short|"
    r"in fact|of course|above all|in the end|ultimately|this means|that means|"
    r"the (other|latter|former|same|rest|result|results|answer|reason|problem|difference|first|second|third|last)\b|"
    r"no other\b|other\b|examples? (include|of this)|an example of (this|these|such)|"
    r"as mentioned|as noted|as discussed|as described|despite (this|that|these|those|it)\b|"
    r"in (this|that|these|those|such|turn|particular|general|response|addition|contrast|comparison|doing so)\b|"
    r"as (a result|such|well|noted|mentioned|described|discussed|shown|seen|expected)\b|"
    r"at (this|that|first|last)\b|for (this|that|these|those) reasons?\b|on (the one|one) hand|"
    r"to (do so|this end|that end)|with (this|that|these|those)\b|by (then|now|doing so)|"
    r"of (these|those|this|the two|them)\b|none of|all of (these|those|them)|some of (these|those|them)|"
    r"one of (these|those|them)|many of (these|those|them)|most of (these|those|them)|each of (these|those|them))",
    re.I,
)
# A word that stands for things named before when a verb, 'of' or a comma follows: 'Some say ...'.
PRONOUN_LIKE = {"one", "some", "others", "many", "most", "all", "few", "several", "none", "each", "both"}
# Nouns of research reporting that, after 'the', point back at the study the reading described.
RESEARCH_NOUNS = {
    "study", "studies", "team", "researchers", "scientists", "finding", "findings", "report", "paper",
    "research", "survey", "experiment", "results", "result", "authors", "author", "analysis", "work",
}
# Nouns that, after 'the', point back at something the sentence before introduced.
ANAPHORIC_NOUNS = {
    "pattern", "project", "plan", "program", "programme", "proposal", "measure", "move", "decision",
    "agreement", "deal", "visit", "trip", "meeting", "summit", "event", "incident", "outbreak", "patient",
    "patients", "victim", "victims", "company", "firm", "device", "probe", "mission", "method", "approach",
    "technique", "idea", "process", "procedure", "situation", "problem", "change", "changes", "effect",
    "effects", "case", "cases", "man", "woman", "boy", "girl", "group", "scheme", "bill", "law", "policy",
    "issue", "discovery", "trial", "trials", "animals", "samples", "sample", "site", "area", "region",
    "plant", "material", "substance", "structure", "condition", "disease", "two", "three", "four", "latter",
    "former", "same", "scientist", "researcher", "strain", "virus", "species", "creature", "fossil",
    "fossils", "object", "mechanism", "model", "theory", "phenomenon", "reaction", "response", "capsule",
    "craft", "spacecraft", "vessel", "ship", "rock", "rocks", "chamber", "government", "minister",
    "president", "country", "nation", "city", "state", "official", "timeframe", "timeline", "period",
    "deadline", "figure", "figures", "number", "numbers", "rate", "level",
}
# What after 'the study' still makes it a study the sentence itself names: 'the study of 20 infants'.
RESTRICTIVE = {"of", "that", "which", "who", "whose", "where", "in", "to", "for", "on", "at", "by", "with",
               "from", "called"}
DEMONSTRATIVES = {"this", "these", "those", "that", "such"}
# After 'this' or 'these', the writer's own week or year ('this month', 'these days'), not
# something the sentence before named ('that year'; a textbook's 'at this stage', 'during this time').
PRESENT_TIMES = {"days", "week", "weekend", "month", "year", "season", "morning", "afternoon", "evening",
                 "century", "decade", "summer", "winter", "spring", "autumn"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "it", "its",
            "we", "us", "our"}
# fmt: on
MIN_WORDS, MAX_WORDS = 8, 45
SINGULAR_THEY = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "each", "person",
                 "individual", "client", "patient", "participant", "child", "student", "researcher"}  # fmt: skip
"""Who a 'they', 'their' may stand for in the same sentence although the word is singular."""
NAMING = {"called", "known", "termed", "named", "referred"}
"""After 'also': a second name for what the sentence names, not a point back at the sentence before."""
NAMES_WHAT_CAME_BEFORE = re.compile(
    r"(?:This|These)\s+(?:particular\s+)?[a-z]+\s+(?:(?:has|have)\s+come\s+to\s+be|is|are|was|were)\s+"
    r"(?:called|known\s+as|termed|named|referred\s+to\s+as)\s+(?:(?:a|an|the)\s+)?"
)
"""'This particular approach is known as the biopsychosocial model': the sentence before says
what the approach is, and this one names it; with that sentence shown, the name is asked."""


def names_what_came_before(sentence: Sentence, first: int) -> bool:
    """The answer at token `first` is the name a NAMES_WHAT_CAME_BEFORE sentence gives."""
    named = NAMES_WHAT_CAME_BEFORE.match(sentence.text)
    return named is not None and sentence.tokens[first].start - sentence.start == named.end()


MIN_DEFINITION_WORDS = 5
"""'Necrosis, or accidental cell death, causes inflammation.' is short and complete."""


class Standing(StrEnum):
    """Whether a sentence can be the source of an item, and how."""

    ALONE = "alone"
    """A complete statement a student can read on its own."""
    NEEDS_CONTEXT = "needs context"
    """Complete, but it points back ('This makes it ...', 'He says ...', 'the study'): usable
    with the sentence before it shown as the item's context."""
    UNUSABLE = "unusable"
    """A heading, a quotation, a fragment, page furniture, a repeat."""


@dataclass(frozen=True)
class Fact:
    """Something a teacher could test: an answer inside a sentence."""

    answer: Mention
    kind: AnswerKind
    """The answer kind written to the bank."""
    context: tuple[Mention, ...] = ()
    """The other things the sentence names: an option that is one of them gives itself away."""


def words_of(sentence: Sentence) -> list[str]:
    return [t.text for t in sentence.tokens if any(c.isalnum() for c in t.text)]


def standing(sentence: Sentence, defines: bool = False, known: frozenset[str] = frozenset()) -> Standing:
    """defines: the sentence defines a term ('Thus, X is the area of psychology that ...' needs
    no sentence before it). known: nouns the reading is about ('capsule' in a story on a
    capsule): 'the capsule' is clear to any student who read it."""
    if sentence.is_heading or not _complete(sentence, MIN_DEFINITION_WORDS if defines else MIN_WORDS):
        return Standing.UNUSABLE
    text = sentence.text.strip()
    tokens = sentence.tokens
    first = tokens[0].text.lower()
    opens = (
        tokens[0].tag == "CC"
        or first in OPENERS
        or (
            first in PRONOUN_LIKE
            and len(tokens) > 1
            and (
                tokens[1].text.lower() == "of" or tokens[1].tag.startswith(("VB", "MD", "RB")) or tokens[1].text == ","
            )
        )
        or OPENING_PHRASES.match(text) is not None
    )
    compared = re.search(r"\b(?:a|an)\s+(?:similar|related|comparable)\b", text, re.IGNORECASE)
    leans = leaning(sentence, known)
    if leans and not (defines and not opens and not compared):  # a definition says what it needs
        # 'They think the strain of ___ ...', 'These pumps are ...', '___ ... in this dispute': judged
        # blind, no-context with the sentence before shown (rounds 42-43: 7 of 10 such verdicts
        # dropped; of items shown the sentence before for 'also', 'However,', 'In contrast', 6 of 6 kept)
        stands_in = leans == Leaning.STANDS_IN and not NAMES_WHAT_CAME_BEFORE.match(text)
        return Standing.UNUSABLE if stands_in else Standing.NEEDS_CONTEXT
    if opens and not (defines and leading_connective(text)):
        return Standing.NEEDS_CONTEXT
    return Standing.ALONE


def _complete(sentence: Sentence, min_words: int) -> bool:
    """A whole, plain statement: no question, quotation, fragment or trace of page furniture."""
    text = sentence.text.strip()
    if not min_words <= len(words_of(sentence)) <= MAX_WORDS:
        return False
    if not re.search(r"[.!]['\"\u2019\u201d)]*$", text) or BOILERPLATE.search(text) or META.search(text):
        return False
    if re.search(r"\b(?:[A-Z]|v|vs|[A-Z][a-z]?)\.$", text):
        return False  # cut at an abbreviation: '... the hallmark Brown v.'
    if STRAY.search(text) or text.count("(") != text.count(")") or text.count('"') % 2:
        return False
    if text.count("\u201c") != text.count("\u201d") or text[:1] in "\"\u201c'\u2018":
        return False  # a quotation: someone's words, rarely a fact to learn, often mid-argument
    return text[:1].isupper() and any(t.tag.startswith("VB") for t in sentence.tokens)


def shortens_the_one_before(sentence: Sentence, before: str) -> bool:
    """'The scale consists of ...' after a sentence naming 'the pH scale': the subject is the
    last word of a longer name the sentence before gave, and means that one."""
    tokens = sentence.tokens
    if len(tokens) < 3 or tokens[0].text != "The" or not tokens[1].tag.startswith("NN"):
        return False
    if not tokens[2].tag.startswith(("VB", "MD")):
        return False
    for match in re.finditer(r"(\S+)\s+" + re.escape(tokens[1].text) + r"\b", before):
        if match.group(1).lower() not in {"the", "a", "an", "this", "that", "its", "their"}:
            return True
    return False


class Leaning(StrEnum):
    """How a sentence leans on the one before it."""

    NONE = ""
    STANDS_IN = "stands in"
    """A pronoun or 'this ...' stands for what the sentence before named: 'They think the strain
    ...', 'These pumps are ...', '... in this dispute'."""
    POINTS_BACK = "points back"
    """'the study', 'also', 'a similar discipline', 'one of his students'."""


def leaning(sentence: Sentence, known: frozenset[str] = frozenset()) -> Leaning:
    """'these restrictions', 'the study', 'also' near the start, a pronoun with nothing before it to stand for."""
    tokens = sentence.tokens
    lower = [t.text.lower() for t in tokens]
    for i, word in enumerate(lower):
        following = lower[i + 1] if i + 1 < len(lower) else ""
        after = lower[i + 2] if i + 2 < len(lower) else ""
        demonstrative = word in DEMONSTRATIVES and tokens[i].tag in {"DT", "JJ", "PDT"}
        now = word in {"this", "these"} and following in PRESENT_TIMES
        restrictive = word == "those" and _relative_follows(lower, i + 1)  # 'those substances that cannot ...'
        if (
            demonstrative
            and not now
            and not restrictive
            and tokens[i + 1 : i + 2]
            and tokens[i + 1].tag.startswith(("NN", "JJ"))
        ):
            return Leaning.STANDS_IN  # 'these restrictions', 'this process', 'such compounds'
        pronoun = word in {"this", "these"} and tokens[i + 1 : i + 2] and tokens[i + 1].tag.startswith(("VB", "MD"))
        if pronoun and not any(t.tag.startswith(("VB", "MD")) for t in tokens[:i]):
            return Leaning.STANDS_IN  # 'In biology, this is referred to as ...'; not '..., and this is what ...'
        research = following in RESEARCH_NOUNS and i <= 3
        anaphoric = following in ANAPHORIC_NOUNS and following not in known
        if word == "the" and (research or anaphoric) and after not in RESTRICTIVE:
            return Leaning.POINTS_BACK
        if (word in {"also", "too"} and i <= 6 and following not in NAMING) or word in {"former", "latter"}:
            return Leaning.POINTS_BACK  # but 'A joint, also called an articulation, ...' gives a second name
        if word == "also" and _adds_to_what_came_before(tokens, i):
            # '... Trounson, are also seeking access to ...': as well as what the sentence before said
            return Leaning.POINTS_BACK
        if word in {"a", "an"} and following in {"similar", "related", "comparable"}:
            return Leaning.POINTS_BACK  # 'a similar discipline': similar to what the sentence before said
        if word == "of" and following in {"his", "her", "their", "its"} and i > 0 and lower[i - 1] == "one":
            return Leaning.POINTS_BACK  # 'Edward Titchener, one of his students': whose, the sentence before said
        if word in PRONOUNS and tokens[i].tag in {"PRP", "PRP$"} and not _antecedent_before(sentence, i, word):
            cataphora = tokens[i].tag == "PRP$" and i < 4 and _name_after(sentence, i)
            if not cataphora:
                return Leaning.STANDS_IN
    return Leaning.NONE


def _relative_follows(lower: list[str], i: int) -> bool:
    """A relative pronoun right after the noun phrase that starts at i: 'those substances that
    cannot cross ...' says which ones itself."""
    return any(w in {"that", "who", "which", "whose", "whom"} for w in lower[i + 1 : i + 3])


def _adds_to_what_came_before(tokens: tuple[Token, ...], i: int) -> bool:
    """'also' before the main verb ('Sugar cane ... also copped the blow', 'are also seeking');
    not after 'and', 'while' or a comma, where it adds to the sentence's own first part, nor after
    a modal ('should also be correct', after 'If ...')."""
    if i == 0 or i + 1 >= len(tokens) or not tokens[i + 1].tag.startswith("VB"):
        return False
    before = tokens[i - 1]
    return before.tag != "MD" and before.text.lower() not in {"and", "but", "or", "while", "then", ","}


def _antecedent_before(sentence: Sentence, i: int, pronoun: str) -> bool:
    before = sentence.tokens[:i]
    if pronoun in {"we", "us", "our"}:
        return True  # the speaker's own community: a speech's 'we' needs no sentence before it
    if pronoun in {"he", "she", "him", "her", "his", "hers"}:  # a name, not 'Korean' or 'Seoul'
        return any(
            t.tag == "NNP" and not lexicon.is_nationality(t.text) and t.text not in lexicon.gazetteer() for t in before
        )
    if pronoun in {"they", "them", "their", "theirs"}:
        # 'a process by which someone examines their own ...': the singular 'they' of a person
        return any(t.tag in {"NNS", "NNPS"} or t.text.lower() in SINGULAR_THEY for t in before)
    return any(t.tag in {"NN", "NNP", "NNS"} for t in before)


def _name_after(sentence: Sentence, i: int) -> bool:
    """'During its time in space, Stardust passed ...': the name comes after the comma."""
    tokens = sentence.tokens
    comma = next((k for k in range(i, min(len(tokens), i + 8)) if tokens[k].text == ","), None)
    return comma is not None and comma + 1 < len(tokens) and tokens[comma + 1].tag in {"NNP", "NNPS"}


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


def occurs_elsewhere(sentence: Sentence, mention: Mention) -> bool:
    """The sentence names the mention a second time: blanking one copy gives it away."""
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
