"""Wrong options for a key term: terms of the key's category, from the same reading first, then
from readings on the same topic.

A category is told by evidence a student would see too: one head noun ('long bone', 'short
bone'), one rare ending ('synarthrosis', 'amphiarthrosis'), the reading listing them together
('oxygen, carbon, hydrogen'), one genus in their definitions, or a specific WordNet class
(proton, neutron: nucleon). A wider or narrower term than the key ('joint' for 'synovial
joint'), a synonym the reading gives, or a word its definition uses would be a second right
answer, and is never offered.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...analysis import lexicon
from ...analysis.reading_model import ReadingModel
from ...analysis.reading_terms import Term
from ...analysis.terms import zipf
from ...matching import occurs_in
from ...models import MIN_DISTRACTORS
from ..items import hints_at, without_abbreviation
from .forms import inflected_like
from .kinds import kinds_named, one_scale
from .kinship import all_hypernyms, classes, is_a, parents, synsets, wordnet_kinship

GENERIC_ENDINGS = {"tion", "sion", "ment", "ness", "ity", "ing", "ence", "ance", "ation", "ical", "ally", "ular",
                   "ial", "ous", "ive", "ent", "ant", "ary", "ory", "ble", "ism"}  # fmt: skip
"""Endings that many unrelated words share: no sign of one category."""
MIN_CATEGORY = 2.0
"""Evidence a candidate needs: one strong sign (2.5-3), or two weaker ones."""
RELATED_PENALTY = 0.5
"""A term from another reading on the topic is a little less sure to be of the key's category."""


@dataclass(frozen=True)
class TermOption:
    text: str
    category: float
    """How surely it is of the key's category (category_score)."""


def term_options(
    key: Term,
    answer: str,
    stem: str,
    reading: ReadingModel,
    related: list[ReadingModel],
    rng: random.Random,
    sentence: str = "",
) -> list[TermOption] | None:
    """Three terms of the key's category written in the answer's form (number, capital), or None.
    sentence: the words around the answer where the stem is a question of its own; none it names
    is an option ('In contrast with endocytosis, ___ is ...': it may be true, validate says)."""
    answer = without_abbreviation(answer)
    stem_words = content_words(stem)
    answer_words = content_words(answer)
    scored: list[tuple[float, float, str]] = []
    for category, other in _of_the_category(key, reading, related):
        text = inflected_like(other.text, answer)
        if not text or (content_words(text) - answer_words) & stem_words or occurs_in(text, f"{stem} {sentence}"):
            continue  # 'membrane' in the stem and 'synovial membrane' an option: the odd one out
        if len(text) > max(2.5 * len(answer), len(answer) + 18) or len(answer) > max(2.5 * len(text), len(text) + 18):
            continue
        scored.append((category + rng.random() * 0.5, other.weight, text))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    scored = _of_the_keys_head(scored, answer)
    scored.sort(key=lambda s: not one_scale(s[2], answer))  # stable: the others keep their order
    chosen: list[TermOption] = []
    for category, _, text in scored:
        words = set(text.lower().split())
        if all(not (words <= set(c.text.lower().split()) or set(c.text.lower().split()) <= words) for c in chosen):
            # not 'ketoacidosis' beside 'severe ketoacidosis': one option inside another
            chosen.append(TermOption(text, round(category, 2)))
        if len(chosen) == MIN_DISTRACTORS:
            return None if _key_is_the_odd_one(answer, [c.text for c in chosen]) else chosen
    return None


def _head(text: str) -> str:
    return lexicon.lemma(text.split()[-1].lower())


def _of_the_keys_head(scored: list[tuple[float, float, str]], answer: str) -> list[tuple[float, float, str]]:
    """Where some options share a phrase key's head ('hydrogen ions' for 'sodium ions'), only
    those, or kinds of it: 'sodium-potassium pumps' beside them is not an ion, and stands out."""
    head = _head(answer)
    if " " not in answer.strip() or not any(_head(text) == head for *_, text in scored):
        return scored
    return [s for s in scored if _head(s[2]) == head or is_a(_head(s[2]), head)]


def _key_is_the_odd_one(answer: str, options: list[str]) -> bool:
    """The three options are all of one class the key is not of: 'tarsals', 'phalanges',
    'metacarpals' (WordNet files each right under 'bone') for 'tendons': a student picks the
    one that is not a bone. Only a class right above every option: further up, WordNet's
    classes are too uneven to say ('salmonella', 'listeria' for 'legionella' are all bacteria)."""
    key_classes = classes(_head(answer))
    if not key_classes:
        return False  # WordNet does not know the key: nothing to tell it apart by
    shared = frozenset.intersection(*(parents(_head(o)) for o in options))
    return bool(shared - key_classes)


def _of_the_category(key: Term, reading: ReadingModel, related: list[ReadingModel]) -> list[tuple[float, Term]]:
    """The terms of the readings that are of the key's category and no second answer, with how
    surely, in the order they are weighed. The same for every sentence the key is asked from,
    so found once per key (the search weighs every pair of terms)."""
    memo_key = (key.key, tuple(r.doc_id for r in related))
    found: list[tuple[float, Term]] | None = reading.option_memo.get(memo_key)
    if found is None:
        found = reading.option_memo[memo_key] = list(_category_members(key, reading, related))
    return found


def _category_members(key: Term, reading: ReadingModel, related: list[ReadingModel]) -> Iterator[tuple[float, Term]]:
    defining = defining_words(key, reading)
    key_words = key.key.split()
    # 'pluripotent stem cell': the options are other kinds of stem cell, not other cells
    shared = next(
        (" ".join(key_words[i:]) for i in range(1, len(key_words) - 1) if " ".join(key_words[i:]) in reading.terms), ""
    )
    seen = {key.key}
    above = _above_its_class(key, reading)
    for source, penalty in [(reading, 0.0), *((r, RELATED_PENALTY) for r in related)]:
        named = kinds_named(key, source) if source is reading else []
        for other in [*source.terms.values(), *named]:
            if other.key in seen:
                continue
            seen.add(other.key)
            if (shared and not other.key.endswith(" " + shared)) or other.key in above:
                continue
            if other.key == source.title_key():
                continue  # 'contemporary psychology', the section's own title, is no sibling of its branches
            if other.key in source.surnames:
                continue  # 'Skinner' among schools of thought for 'behaviorism': a person stands out
            if (
                other.count == 1
                and not other.defined
                and " " in other.key
                and lexicon.is_participle(other.key.split()[0])
            ):
                continue  # 'fractured diaphysis' ('a fractured diaphysis of the femur') is a bone's state, not a bone
            if key.genus and f"{other.key} {key.genus}" in source.terms:
                continue  # 'sesamoid' (of 'sesamoid bone') among bones for the clavicle: a kind, not a bone
            # most terms are of no category with the key: weighed before the dearer second-answer test
            category = category_score(key, other, source) - penalty
            if category < MIN_CATEGORY or second_answer(key, other, defining, source):
                continue
            if _of_the_genus(key, other, source):
                yield category, other


def _above_its_class(key: Term, reading: ReadingModel) -> set[str]:
    """What the class the key's definition names is a kind of: 'membrane protein' for a channel
    protein, 'an example of an integral protein that ...' where an integral protein is a membrane
    protein. A channel protein is one too (judged two-right by both panels of rounds 26 and 27)."""
    head = key.key.split()[-1]
    definition = " " + " ".join(_definitions_of(key.key, reading).lower().split()) + " "
    classes = [
        t
        for t in reading.terms.values()
        if t.key != key.key and " " in t.key and t.key.split()[-1] == head and f" {t.key} " in definition
    ]
    return {wider for c in classes for wider in wider_terms(c, reading)}


def defining_words(key: Term, reading: ReadingModel) -> set[str]:
    """The content words of the key's definitions, and its genus: a term named there is no sibling."""
    return content_words(_definitions_of(key.key, reading)) | ({key.genus} if key.genus else set())


def wider_terms(key: Term, reading: ReadingModel) -> tuple[str, ...]:
    """The reading's other phrases of the key's head that the key also is ('membrane protein'
    for 'integral protein'); the same for every sentence, so found once per key."""
    memo_key = ("wider", (key.key,))
    found: tuple[str, ...] | None = reading.option_memo.get(memo_key)
    if found is None:
        words, defining = key.key.split(), defining_words(key, reading)
        found = reading.option_memo[memo_key] = tuple(
            other.key
            for other in reading.terms.values()
            if len(words) > 1
            and other.key != key.key
            and len(other.key.split()) > 1
            and other.key.split()[-1] == words[-1]
            and second_answer(key, other, defining, reading)
        )
    return found


def second_answer(key: Term, other: Term, defining: set[str], reading: ReadingModel) -> bool:
    kw, ow = key.key.split(), other.key.split()
    if other.key in kw or key.key in ow:
        return True
    if ow[-1] == kw[-1] and (set(ow) <= set(kw) or set(kw) <= set(ow)):
        return True  # 'joint' for 'synovial joint': the wider class is also true
    if ow[-1] != kw[-1] and is_a(kw[-1], ow[-1]):
        return True
    if ow[-1] == kw[-1] and len(ow) > 1 and len(kw) > 1 and _overlapping(kw[:-1], ow[:-1], kw[-1], reading):
        return True
    # 'unspecialized cell' for a stem cell, which its definition says it is
    return (
        other.key in defining or (len(ow) == 1 and ow[-1] in defining) or key.key in _definitions_of(other.key, reading)
    )


UNRESTRICTING = {"human", "animal", "living", "normal", "other", "new", "various", "different", "certain", "typical"}
"""Modifiers that narrow a head to almost nothing: a kind of anything of that head."""


def _overlapping(key_modifiers: list[str], other_modifiers: list[str], head: str, reading: ReadingModel) -> bool:
    """Two kinds of one head that a thing can be at once: 'integral membrane proteins' (a
    membrane protein is what an integral protein is), 'multipotent stem cells', or a kind
    named from the key's own definition ('diarthrotic joints' where synovial joints are
    defined as diarthroses)."""
    if set(other_modifiers) <= UNRESTRICTING:
        return True  # 'human embryos' for 'fresh embryos': fresh embryos are human embryos
    a, b = " ".join(key_modifiers), " ".join(other_modifiers)
    if f"{a} {b}" in reading.phrases or f"{b} {a}" in reading.phrases:
        return True
    definition = _definitions_of(" ".join([*key_modifiers, head]), reading)
    return any(hints_at(w, definition) for w in other_modifiers if len(w) >= 5)


def category_score(key: Term, other: Term, reading: ReadingModel) -> float:
    """The evidence that two terms are of one category, summed (see the module docstring).
    What the reading itself says outweighs WordNet, whose first senses are often another field's."""
    if key.adjective != other.adjective:
        return -9.0
    kw, ow = key.key.split(), other.key.split()
    score = 0.0
    if len(kw) > 1 and len(ow) > 1 and kw[-1] == ow[-1] and kw[:-1] != ow[:-1]:
        score += 3.0
    if _rare_shared_ending(kw[-1], ow[-1]):
        score += 3.0
    if other.key in reading.lists.get(key.key, set()):
        score += 2.5
    if key.genus and key.genus == other.genus:
        score += 2.5
    elif key.genus and (key.genus == ow[-1] or other.genus == kw[-1]):
        score += 1.0
    if kw[-1] == ow[-1]:
        return score
    depth = wordnet_kinship(kw[-1], ow[-1])
    wordnet = 2.5 if depth >= 7 else 1.0 if depth >= 5 else -1.5 if depth < 0 else 0.0
    return score + max(wordnet, 0.0) if score > 0 else wordnet


def _of_the_genus(key: Term, other: Term, reading: ReadingModel) -> bool:
    """The clavicle is 'the one ... bone that ...': its options are bones, not the epiphysis (a
    part of one), which the reading names so ('each epiphysis (expanded end) of these bones'),
    though WordNet files it as a kind of long bone. Where the reading defines the key as a kind
    of something WordNet knows, an option the reading does not define must be a kind of it too."""
    if key.genus and (other.key, key.genus) in reading.parts:
        return False
    if not key.genus or other.genus or not synsets(key.genus) or not synsets(other.key.split()[-1]):
        return True
    genus = {s.name() for s in synsets(key.genus)}
    return other.key.split()[-1] == key.genus or bool(genus & all_hypernyms(other.key.split()[-1]))


def _rare_shared_ending(a: str, b: str) -> bool:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    ending = a[len(a) - n :]
    if n < 4 or zipf(a) >= 3.6 or zipf(b) >= 3.6:
        return False
    return not any(ending == g or (ending.endswith(g) and n - len(g) < 2) for g in GENERIC_ENDINGS)


def content_words(text: str) -> set[str]:
    return {lexicon.lemma(w) for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in lexicon.stopwords()}


def _definitions_of(key: str, reading: ReadingModel) -> str:
    return reading.definitions_of(key)
