"""How good a candidate item is likely to be, and which of a reading's candidates to keep.

The score is a logistic model over features a teacher can read (what is asked, how, from
which sentence), with weights fitted on items judged blind (bench/quality/: the judged items,
the fitting script, and weights.json beside this module, which it writes).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ..analysis import lexicon
from ..models import Item, ItemType
from .items import word_root

FEATURES = {
    "term_importance": "how key the answer term is in its reading (its rank by keyness, 0 to 1)",
    "actor_importance": "how central the named answer is to its reading (rank, 0 to 1)",
    "actor_count": "how often the reading names the answer (capped at 10, over 10)",
    "sentence_importance": "how much of what the reading is about the sentence carries (rank, 0 to 1)",
    "defined_here": "the sentence defines the answer term",
    "defined_term": "the reading defines the answer term somewhere",
    "heading_term": "the answer term is in a heading",
    "answer_rarity": "how rare the answer's rarest word is in general English (0 common .. 1 rare)",
    "multiword": "the answer is a phrase of two or more words",
    "kind_term": "the answer is a key term",
    "kind_person": "the answer is a person",
    "kind_place": "the answer is a place",
    "kind_organization": "the answer is an organisation",
    "kind_group": "the answer is a nationality or people",
    "kind_proper": "the answer is a name of no known kind",
    "kind_number": "the answer is a number with its unit",
    "kind_date": "the answer is a year",
    "cloze": "a fill-in-the-blank item (else multiple choice)",
    "wh_question": "a multiple-choice item asked as a question (else a sentence with a blank)",
    "option_category": "how surely the wrong options are of the answer's category (0 to 1)",
    "subject": "the answer is what the sentence is about (it opens the sentence, a verb follows)",
    "coordinated": "the answer is one of a list ('X, Y and Z')",
    "has_context": "the item needs the sentence before it shown",
    "quote": "the sentence holds a quotation",
    "words": "the sentence's length (tokens over 40)",
    "position": "where the sentence stands in the reading (0 first .. 1 last)",
    "lead": "the sentence is in a report's opening two",
    "finding_in_lead": "a number or date stated in a report's opening two sentences",
    "expository": "the reading defines its terms (a textbook section, a handout)",
    "speech": "the reading is an address in the first person",
}  # fmt: skip
"""Every feature the model may weigh, with what it measures (1 when true for a yes/no)."""


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: dict[str, float]
    min_score: dict[str, float]
    """By item type: candidates scoring below it are dropped, whatever the count allows. An MCQ's
    bar is lower: what keeps it from 'keep' is most often one distractor a teacher replaces."""


@cache
def weights() -> Weights:
    data = json.loads(resources.files(__package__).joinpath("weights.json").read_text(encoding="utf-8"))
    bars = {str(k): float(v) for k, v in data["min_score"].items()}
    return Weights(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}, bars)


def score(features: dict[str, float]) -> float:
    """The estimated chance that a teacher keeps the item, 0 to 1."""
    model = weights()
    z = model.bias + sum(model.weights.get(name, 0.0) * value for name, value in features.items())
    return round(1 / (1 + math.exp(-z)), 3)


@dataclass
class Candidate:
    """An item a reading could give, with what its score is made of."""

    item: Item
    answer_key: str
    """The answer's key: 'term:synovial joint', 'person:leejaemyung'. A reading is asked
    about one answer once."""
    features: dict[str, float]
    score: float = 0.0
    names: frozenset[str] = frozenset()
    """The keys of the other key terms and main actors its sentence names, in answer_key's form:
    an item relating its answer to one of them tells what an item already relating the two tells."""
    at: int = -1
    """Where its sentence stands in the reading."""


@dataclass
class Selection:
    """The items kept from one reading, and how many candidates were dropped for what."""

    chosen: list[Candidate]
    dropped: Counter[str] = field(default_factory=Counter)


SAME_FACT = 0.6
"""Sentences sharing this much of their content words tell one fact ('China is South Korea's
biggest trading partner' and 'China, as South Korea's largest trading partner, wields ...')."""


def target_count(words: int) -> int:
    """About 6 items for a short article, 25-40 for a 5,000-word chapter, 500 for a book: the
    reading's length decides, not a fixed number."""
    return max(6 if words >= 250 else 3, round(3 + words / 140))


def select(
    candidates: list[Candidate],
    count: int,
    caps: dict[ItemType, int | None],
    used: dict[str, list[frozenset[str]]],
    asked: list[frozenset[str]] | None = None,
    max_in_bank: int = 2,
) -> Selection:
    """The best `count` candidates (fewer when fewer are good enough), best first: MCQs and clozes
    about even, one item per answer and per sentence, no sentence that is another item's
    context. caps: at most this many of a type (None: no cap). used: each answer key chosen so
    far in the set (earlier readings too) -> the words of the sentences it was asked from;
    updated, so that another reading's telling of the same fact is not asked again. asked: the
    words of every sentence asked from so far in the set, updated: a sentence that shares most
    of its words with one of them tells the same fact, whatever the answer."""
    asked = asked if asked is not None else []
    asked_before = SentenceIndex(asked)
    selection = Selection([])
    good = []
    for c in sorted(candidates, key=lambda c: (-c.score - _preference(c), c.item.id)):
        if c.score < weights().min_score[str(c.item.type)]:
            selection.dropped["below the quality bar"] += 1
        else:
            good.append(c)
    sentences: set[str] = set()
    contexts: set[str] = set()
    answers: set[str] = set()
    types: Counter[ItemType] = Counter()
    # the chosen by item id: `c in selection.chosen` compared c with every chosen one (a tenth of a build's
    # serial part); equal candidates have equal items, so this finds what that found
    kept: dict[str, list[Candidate]] = defaultdict(list)

    def conflict(c: Candidate) -> str:
        item = c.item
        if (
            item.source.sentence in sentences | contexts
            or item.context in sentences
            or _same_answer(c.answer_key, answers)
        ):
            return "repeats a kept item's answer or sentence"
        earlier = used.get(c.answer_key, [])
        words = sentence_words(item.source.sentence)
        if len(earlier) >= max_in_bank or any(near_duplicate(words, e) for e in earlier):
            return "asked already from another reading"
        if asked_before.tells_the_same_fact(words, sentence_words(item.answer)) or any(
            relates_the_same(c, k) or _the_next_sentence_again(c, k) for k in selection.chosen
        ):
            return "tells the same fact as a kept item"
        return ""

    for type_share in (math.ceil(count / 2), count):  # first MCQs and clozes about even, then the best of the rest
        for c in good:
            kind = ItemType(c.item.type)
            cap = min(type_share, caps.get(kind) or count)
            if c in kept.get(c.item.id, ()) or len(selection.chosen) >= count or types[kind] >= cap or conflict(c):
                continue
            selection.chosen.append(c)
            kept[c.item.id].append(c)
            sentences.add(c.item.source.sentence)
            if c.item.context:
                contexts.add(c.item.context)
            answers.add(c.answer_key)
            types[kind] += 1
            used.setdefault(c.answer_key, []).append(sentence_words(c.item.source.sentence))
            asked.append(sentence_words(c.item.source.sentence))
            asked_before.add(asked[-1])
    for c in good:
        if c not in kept.get(c.item.id, ()):
            selection.dropped[conflict(c) or "beyond the reading's count"] += 1
    selection.chosen.sort(key=lambda c: (c.item.type != ItemType.MCQ, -c.score, c.item.id))
    return selection


NAMED_MCQ_PREFERENCE = 0.2
"""How much sooner a named or numeric answer (a place, person, organisation, people; a
report's finding) is taken as an MCQ than as a cloze of it: its options are names the reading
itself gives or figures in the key's own unit, and blanking one asks only for recall of it
('up to ___ from its source': judged trivial as recall of one study's exact figure). A term is
better asked as a cloze (judged blind: term MCQs are kept far less often), but for a
definition asked as 'Which term names the diffusion of water through a semipermeable
membrane?' among terms of its category, the textbook's own kind of question (in rounds 30-37,
24 of 24 such verdicts kept); taken as its cloze, an anatomy bank had 3 MCQs in 77 items."""


def relates_the_same(a: Candidate, b: Candidate) -> bool:
    """Each item's answer stands beside the other's, one of them a term ('In Freud's view, the ___ (unconscious
    mind) ...' and 'Who theorized ... arose from the unconscious mind?' (Freud)), or one's answer
    stands in the other's sentence with a name or phrase beside it there too: judged blind as
    duplicates, the second tells, or gives away, the first. A common word shared ('molecule' in
    'A ligand is the specific molecule that binds to a receptor' and 'A receptor ... can bind a
    specific molecule') relates nothing in particular."""
    terms = a.answer_key.startswith("term:") or b.answer_key.startswith("term:")
    if terms and a.answer_key in b.names and b.answer_key in a.names:
        return True  # two places named together ('China and Japan') may be in many facts
    if a.answer_key.startswith("term:") and b.answer_key.startswith("term:") and _told(a, b) and _told(b, a):
        return True  # each sentence names the other's answer, or a word of it
    return any(
        x.answer_key in y.names | {y.answer_key} and any(_specific(n) for n in x.names & y.names)
        for x, y in ((a, b), (b, a))
    )


def _told(a: Candidate, b: Candidate) -> bool:
    """b's sentence names a's answer, or a term with a word built on one of its words: 'The ___
    (cell membrane) consists of two adjacent layers of phospholipids' and 'The ___ (lipid
    bilayer) forms the basis of the cell membrane' each tell the other (judged duplicates in 57
    of 118 verdicts). Not a word said again whole: 'isotope' of 'heavy isotope' in a sentence
    that names isotopes."""
    if a.answer_key in b.names:
        return True
    words = [w for w in a.answer_key[5:].split() if len(w) >= 5]
    named = {n for name in b.names if name.startswith("term:") for n in name[5:].split()}
    return any(w in n and w != n for n in named for w in words)


def _the_next_sentence_again(a: Candidate, b: Candidate) -> bool:
    """Two sentences in a row, neither defining what it is asked about, one naming the other's
    answer: the second tells the first's fact again ('the ___ (appendicular skeleton) arises from
    mesenchyme' after '___ (Mesenchyme) gives rise to the bones of the upper and lower limbs':
    judged duplicates by every panel of rounds 42-57). A definition is a fact of its own ('A
    ligand is the specific molecule that binds to and activates a receptor')."""
    if (
        abs(a.at - b.at) != 1
        or a.at < 0
        or b.at < 0
        or a.features.get("defined_here")
        or b.features.get("defined_here")
    ):
        return False
    if not (a.answer_key.startswith("term:") or b.answer_key.startswith("term:")):
        return False  # two places named in a row ('China remains ___'s benefactor'): a report's many facts on them
    return a.answer_key in b.names or b.answer_key in a.names


def _specific(key: str) -> bool:
    """A term of two or more words: a reading's main actors stand beside many of its facts."""
    return key.startswith("term:") and " " in key


def _preference(c: Candidate) -> float:
    if c.item.type != ItemType.MCQ:
        return 0.0
    recalled = c.item.answer_kind in {"place", "person", "organization", "group", "number", "date"}
    defining = bool(c.features.get("wh_question")) and bool(c.features.get("defined_here"))
    return NAMED_MCQ_PREFERENCE if recalled or defining else 0.0


def _same_answer(key: str, answers: set[str]) -> bool:
    """The key, or a term naming the same thing: 'lipid bilayer' and 'phospholipid bilayer',
    'pluripotent' and 'pluripotent stem cell', 'social psychology' and 'social psychologist' ask
    one thing twice ('diffusion' and 'simple diffusion' do not: one is a kind of the other)."""
    if key in answers:
        return True
    kind, _, text = key.partition(":")
    return kind == "term" and any(a.startswith("term:") and _one_term(text.split(), a[5:].split()) for a in answers)


def _one_term(a: list[str], b: list[str]) -> bool:
    if len(a) == len(b) and a[:-1] == b[:-1] and word_root(a[-1]) == word_root(b[-1]):
        return True  # 'social psychology' and 'social psychologists': who does it tells what it is
    short, long = sorted((a, b), key=len)
    if len(short) == 1 and len(long) > 1 and long[0] == short[0] and len(short[0]) >= 6:
        # 'pluripotent' of 'pluripotent stem cell'; not 'electron' of 'electron shell', a thing of its own
        return not lexicon.is_noun(short[0])
    if len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        x, y = sorted((" ".join(a[:-1]), " ".join(b[:-1])), key=len)
        kind = y.endswith(" " + x)  # 'stem cell' and 'multipotent stem cell': a kind of it
        return x != y and len(x) >= 4 and x in y and not kind  # 'lipid' in 'phospholipid'
    return False


@lru_cache(maxsize=65536)  # a candidate's sentence is weighed again at each pass of selection
def sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", sentence.lower()) if len(w) > 3)


def near_duplicate(a: frozenset[str], b: frozenset[str], threshold: float = 0.35) -> bool:
    """Two sentences sharing most of their content words ask the same thing."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= threshold


class SentenceIndex:
    """The words of the sentences asked so far, by word: a sentence is weighed only against
    those sharing a word with it, not against every sentence asked across the set (which made
    selecting the items of many readings quadratic)."""

    def __init__(self, sentences: Iterable[frozenset[str]]) -> None:
        self.sentences: list[frozenset[str]] = []
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for words in sentences:
            self.add(words)

    def add(self, words: frozenset[str]) -> None:
        for word in words:
            self.by_word[word].append(len(self.sentences))
        self.sentences.append(words)

    def tells_the_same_fact(self, words: frozenset[str], answer: frozenset[str] = frozenset()) -> bool:
        """any(near_duplicate(words, s, SAME_FACT) for s in the sentences that name the answer too
        ('China is South Korea's biggest trading partner' asked, '___ (China), as South Korea's
        largest trading partner, ...' tells it again); one sharing no word is none. Two sentences
        alike but for what each is about tell two facts: 'Passive transport is the movement of
        substances across the membrane without ... energy' and '___ (active transport) is the
        movement of substances across the membrane using energy ...'."""
        if not words:
            return False
        if answer:  # only the sentences holding every word of the answer: a few, not every one sharing 'that'
            rarest = min(answer, key=lambda word: len(self.by_word.get(word, ())))
            return any(
                answer <= self.sentences[n]
                and len(words & self.sentences[n]) / min(len(words), len(self.sentences[n])) >= SAME_FACT
                for n in self.by_word.get(rarest, ())
            )
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self.by_word.get(word, ()))
        return any(count / min(len(words), len(self.sentences[n])) >= SAME_FACT for n, count in shared.items())
