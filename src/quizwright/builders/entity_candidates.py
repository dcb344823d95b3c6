"""Candidate items whose answer is one of a reading's main actors (a person, place,
organisation or people it is about, never whoever it quotes), or a number or date its lead
reports."""

from __future__ import annotations

import random
import re
from itertools import islice

from ..analysis import lexicon
from ..analysis.actors import is_attribution
from ..analysis.definitions import opens_with_connective
from ..analysis.mentions import Mention
from ..analysis.reading_model import ReadingModel
from ..analysis.terms import zipf
from ..analysis.text import Sentence, Token
from ..facts import Fact, occurs_elsewhere
from ..matching import occurs_in, same_entity
from ..models import AnswerKind, EntityKind, ItemType
from . import distractors
from .cues import (
    Ranks,
    coordinated,
    frames_the_fact,
    has_quote,
    in_brackets,
    is_subject,
    occurs_twice,
)
from .distractors.names import gender_in, in_answer_form, name_gender, wordnet_siblings
from .distractors.quantities import is_age, month_options, number_options
from .items import (
    cloze_item,
    gapped,
    hints_at,
    item_id,
    item_rng,
    mcq_item,
    names_a_persons_nationality,
    question_for,
    spelled_out,
    used_as_modifier,
)
from .pool import Pool, display_form
from .ranking import Candidate
from .term_candidates import EVERYDAY
from .where import Where

NAMED = {EntityKind.PERSON, EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.GROUP}
MEASURES = {
    "percent", "kilometre", "kilometer", "metre", "meter", "mile", "dollar", "degree", "tonne", "ton", "kilogram",
    "litre", "liter", "centimetre", "millimetre", "foot",
}  # fmt: skip
"""Units a report's finding is stated in; not 'two crops', 'three types' (counts of what the
sentence lists)."""
TITLES = {"dr", "mr", "mrs", "ms", "prof", "general", "sergeant", "professor"}


def entity_candidates(model: ReadingModel, where: Where, pool: Pool, seed: int) -> list[Candidate]:
    out: list[Candidate] = []
    sentence_weights = Ranks(model.weights.values())
    actor_weights = Ranks(a.weight for a in model.actors.values())
    body = model.body_indexes()
    lead = set() if model.speech_like else set(body[:2])
    for index in where.indexes():
        sentence = model.sentences[index]
        context = where.context(index)
        if context is None and opens_with_connective(sentence.text):
            continue  # it stands alone for the term it defines; a name blanked in it leaves 'In contrast,' hanging
        here = model.mentions.get(index, [])
        for m in here:
            features = _entity_features(model, m, index, lead, actor_weights)
            if features is None or _part_of_longer_name(sentence, m) or frames_the_fact(sentence, m.first, m.last):
                continue
            features |= {
                "sentence_importance": sentence_weights.of(model.weights[index]),
                "position": model.position(index),
                "lead": float(index in lead),
                "words": len(sentence.tokens) / 40,
                "quote": float(has_quote(sentence)),
                "has_context": float(context is not None),
                "subject": float(is_subject(sentence, m.first, m.last)),
                "expository": float(model.expository),
                "speech": float(model.speech_like),
            }
            kind = AnswerKind.TERM if m.kind == EntityKind.PROPER else AnswerKind(m.kind)
            start, end = answer_span(m)
            answer = sentence.text[start:end]
            if (
                occurs_twice(sentence.text, answer)
                or occurs_elsewhere(sentence, m)
                or (context and occurs_in(answer, context))
                or hints_at(answer, sentence.text[:start] + " " + sentence.text[end:])
                or spelled_out(answer, sentence.text[end:])
            ):
                continue  # 'inter-Korean relations' names North Korea's word
            if in_brackets(sentence, m.first) or (
                m.last < len(sentence.tokens) and sentence.tokens[m.last].text == "("
            ):
                continue  # a citation '(Thorne & Henley, 2005)'; or '(APA)' right after the blank names it
            if m.kind not in {EntityKind.NUMBER, EntityKind.DATE, EntityKind.PERSON} and coordinated(
                sentence, m.first, m.last
            ):
                continue
            if m.kind == EntityKind.PERSON and _leader_of_a_country_named(m, here, pool):
                continue  # 'with President ___ and other top Chinese officials': who leads China, not the reading
            answer_key = f"{m.kind}:{m.key}"
            fact = Fact(m, kind, context=tuple(x for x in here if x is not m))
            if distractors.gives_itself_away(fact):
                continue  # 'President Lee arrived in ___ ... his first trip to China': Beijing
            out.append(
                Candidate(cloze_item(sentence, start, end, kind, context), answer_key, {**features, "cloze": 1.0})
            )
            if m.kind == EntityKind.PROPER:
                continue  # no fair options for a craft, a comet, a diet the readings name
            mcq = entity_mcq(fact, pool, seed, context)
            if mcq is not None:
                question, wrong = mcq
                item = mcq_item(sentence, start, end, kind, question, wrong, context)
                out.append(
                    Candidate(item, answer_key, {**features, "cloze": 0.0, "wh_question": float("_" not in question)})
                )
    return out


def _entity_features(
    model: ReadingModel, m: Mention, index: int, lead: set[int], actor_weights: Ranks
) -> dict[str, float] | None:
    """The features of a named or numeric answer worth asking about; None for one that is not."""
    sentence = model.sentences[index]
    if model.speech_like and not (
        m.kind == EntityKind.PERSON and m.key in model.actors and model.actors[m.key].count >= 3
    ):
        return None  # in an address, 'America', 'Congress', 'the Union' are rhetoric, not facts to learn
    if re.match(r"(?:Thank you|Thanks|Congratulations)\b", sentence.text):
        return None  # 'Thank you, General ___, for ...': whom a speaker thanks is a courtesy, not a fact
    if m.kind in NAMED or m.kind == EntityKind.PROPER:
        actor = model.actors.get(m.key)
        if actor is None or actor.attributed or is_attribution(m) or not actor.main:
            return None  # whoever is quoted is not what the reading teaches
        if m.key in model.protagonists() or (m.kind in NAMED and model.is_protagonists_country(m.text)):
            return None  # 'South Korea's President ___': the reading's own subject, any student guesses it
        if actor.in_title and index in lead:
            return None  # '... Lee's visit to ___ (China)' under a title naming China: the report's premise
        if model.expository and m.kind in {EntityKind.PLACE, EntityKind.GROUP}:
            return None  # 'the first African American PhD in ___ (the United States)': a textbook's aside
        if m.kind != EntityKind.GROUP and used_as_modifier(m):
            return None  # 'the Atkins diet': the name only labels the topic
        if m.kind == EntityKind.PLACE and actor.count < 2 and _possessive(sentence, m):
            return None  # 'Ninety per cent of ___'s bananas ...': named once, the setting (judged trivial 3 of 3)
        if m.kind == EntityKind.PERSON and len(m.words) < 2 and len(m.key) <= len(m.text.replace(" ", "")) + 1:
            return None  # a surname alone, unless the readings give the full name ('Watson' of John B. Watson)
        if m.kind == EntityKind.GROUP and actor.count < 3:
            return None
        if m.kind == EntityKind.PROPER and (
            actor.count < 3
            or len(m.text) < 4
            or m.text.isupper()
            or m.text in lexicon.first_names()
            or zipf(m.text.lower()) >= EVERYDAY
        ):
            return None  # 'Maria' of a vignette, 'H2O'; 'weighs a pound on ___ (Earth) ... on the moon': any student fills it
        kind_feature = "kind_proper" if m.kind == EntityKind.PROPER else f"kind_{m.kind}"
        importance = actor_weights.of(actor.weight)
        return {"actor_importance": importance, kind_feature: 1.0, "actor_count": min(actor.count, 10) / 10}
    if m.kind in {EntityKind.NUMBER, EntityKind.DATE}:
        if model.speech_like or model.expository or index not in lead:
            return None  # an incidental figure: only the lead of a report states its findings
        if m.kind == EntityKind.DATE and m.subtype not in {"year", "decade"}:
            return None
        if m.kind == EntityKind.NUMBER and m.subtype not in MEASURES:
            return None  # 'two crops', 'three types': counting what the sentence lists, or 'a four-day visit'
        if m.first > 0 and sentence.tokens[m.first - 1].text[:1].isupper() and m.kind == EntityKind.NUMBER:
            return None  # a label, not a quantity: Category 5, Apollo 10
        if m.last < len(sentence.tokens) and sentence.tokens[m.last].tag in {"NN", "NNS"}:
            return None  # 'five electron shells': the blank would cut the noun phrase
        return {f"kind_{m.kind}": 1.0, "finding_in_lead": 1.0}
    return None


def answer_span(m: Mention) -> tuple[int, int]:
    """Where a named answer's blank goes in its sentence, with 'the' where its options carry it."""
    sentence = m.sentence
    start, end = m.tokens[0].start - sentence.start, m.tokens[-1].end - sentence.start
    if display_form(m).startswith("the ") and m.first > 0:
        start = sentence.tokens[m.first - 1].start - sentence.start
    return start, end


def entity_mcq(fact: Fact, pool: Pool, seed: int, context: str | None = None) -> tuple[str, list[str]] | None:
    """(question, wrong options) for a named or numeric answer, or None when no fair MCQ exists."""
    m, sentence = fact.answer, fact.answer.sentence
    start, end = answer_span(m)
    answer = sentence.text[start:end]
    rest = sentence.text[:start] + " " + sentence.text[end:] + (" " + context if context else "")
    rng: random.Random = item_rng(seed, item_id(ItemType.MCQ, sentence.doc_id, sentence.text, answer))
    if m.kind in {EntityKind.NUMBER, EntityKind.DATE}:
        if m.kind == EntityKind.DATE and m.subtype == "month":
            wrong: list[str] | None = month_options(answer, rng)
        else:
            year = m.kind == EntityKind.DATE
            wrong = number_options(answer, rng, year=year, percent=m.subtype == "percent", age=is_age(m))
        return (gapped(sentence, start, end), wrong) if wrong else None
    if distractors.gives_itself_away(fact) or names_a_persons_nationality(fact):
        return None
    words = {t.text.lower() for t in sentence.tokens} | set((context or "").lower().split())
    gender = gender_in(words, answer) if m.kind == EntityKind.PERSON else ""
    wrong = distractors.choose(fact, pool, rest, rng, accept=lambda o: not gender or name_gender(o) == gender)
    if wrong is not None and m.kind == EntityKind.PERSON:
        wrong = in_answer_form(answer, wrong)
    if wrong is None and m.kind == EntityKind.PLACE:
        wrong = _sibling_places(answer, rest, rng)
    if wrong is None or (hints_at(answer, rest) and not any(hints_at(w, rest) for w in wrong)):
        return None  # 'inter-Korean relations' with North Korea the one Korean option
    question = question_for(fact)
    if question is None:
        if used_as_modifier(m) and m.kind == EntityKind.PLACE:
            return None  # 'against _____ influence': only the answer's own word fits the gap
        if not any(x.kind in NAMED for x in fact.context) and m.kind in NAMED:
            return None  # 'One of the most sensitive topics is _____': nothing pins one option down
        question = gapped(sentence, start, end)
    return question, wrong


def _sibling_places(answer: str, stem: str, rng: random.Random) -> list[str] | None:
    fitting = (s for s in wordnet_siblings(answer) if not occurs_in(s, stem) and not same_entity(s, answer))
    found = list(islice(fitting, 8))  # the first eight: a country has some two hundred siblings
    if len(found) < 3:
        return None
    rng.shuffle(found)
    return found[:3]


def _possessive(sentence: Sentence, m: Mention) -> bool:
    return m.last < len(sentence.tokens) and sentence.tokens[m.last].text in {"'s", "\u2019s"}


def _before_a_compass_point(tokens: tuple[Token, ...], last: int) -> bool:
    """ "In ___'s north-east": the place is north-east Victoria, of which the blank is half."""
    following = [t.text.lower() for t in tokens[last : last + 2]]
    return len(following) == 2 and following[0] in {"'s", "’s"} and following[1].split("-")[0] in lexicon.COMPASS


HEADS = {"president", "premier", "prime", "chancellor", "king", "queen", "emperor"}


def _leader_of_a_country_named(m: Mention, here: list[Mention], pool: Pool) -> bool:
    """A head of state or government, by title, in a sentence that names their country: general
    knowledge the sentence asks for ('President ___ and other top Chinese officials')."""
    titles = {t.text.lower() for t in m.sentence.tokens[max(0, m.first - 2) : m.first]}
    known = pool.named(m.key)
    if not titles & HEADS or known is None or not known.nationality:
        return False
    country = lexicon.place_identity(known.nationality)
    return any(x is not m and x.kind in {"place", "group"} and lexicon.place_identity(x.text) & country for x in here)


def _part_of_longer_name(sentence: Sentence, m: Mention) -> bool:
    """'Lucius' of 'Lucius Wright', 'American' of 'African American': the recogniser split a name."""
    tokens = sentence.tokens
    after = m.last < len(tokens) and tokens[m.last].text[:1].isupper() and tokens[m.last].tag in {"NNP", "NNPS"}
    previous = tokens[m.first - 1].text if m.first > 1 else ""
    title = previous.lower() in lexicon.PERSON_TITLES or previous.lower().rstrip(".") in TITLES
    compass = previous.lower() in lexicon.COMPASS  # 'Far north Queensland'
    compass |= _before_a_compass_point(tokens, m.last)  # "Victoria's north-east"
    return after or compass or (previous[:1].isupper() and previous.isalpha() and not title)
