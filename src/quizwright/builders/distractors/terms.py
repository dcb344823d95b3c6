"""Wrong options for a key term: sibling terms the readings define, else WordNet's sister terms."""

from __future__ import annotations

from functools import lru_cache

from ...analysis import lexicon
from ...facts import Fact, genus
from ...models import MIN_DISTRACTORS as COUNT
from ..pool import Candidate, Pool


def same_case(option: str, answer: str) -> str:
    """'Chlorophyll' opens its sentence: its options start with a capital too."""
    if answer[:1].isupper() and option[:1].islower():
        return option[:1].upper() + option[1:]
    if answer[:1].islower() and option[:1].isupper() and option[1:2].islower():
        return option[:1].lower() + option[1:]
    return option


def _is_plural(term: str) -> bool:
    last = term.split()[-1].lower()
    return lexicon.lemma(last) != last


def term_options(fact: Fact, pool: Pool) -> list[Candidate]:
    """Terms of the same class: other organs for 'an organ that pumps blood', processes for a process."""
    plural = _is_plural(fact.answer.text)
    kind = genus(fact.definition or "")
    siblings = [
        c
        for c in pool.terms
        if c.key != fact.answer.key and _is_plural(c.text) == plural and _is_process(c.genus) == _is_process(kind)
    ]
    # WordNet's sister processes ('iodination' for 'photosynthesis') are obscure enough to stand out
    sisters = (
        []
        if _is_process(kind)
        else [Candidate(w, f"term:{w}", "term", w, 0) for w in cohyponyms(fact.answer.subtype, kind)]
    )
    if kind and any(c.subtype == kind for c in pool.terms):
        # the genus is itself a term of the readings ('organ'): its siblings are the wrong level
        return [c for c in siblings if c.genus == kind] + sisters
    if len(siblings) >= COUNT:
        return siblings
    return siblings + sisters


PROCESS_LEXNAMES = {"noun.act", "noun.process", "noun.event", "noun.phenomenon"}


@lru_cache(maxsize=4096)
def _is_process(word: str) -> bool:
    """'process', 'reaction', 'study': a term of this class is not interchangeable with a thing."""
    wn = lexicon.wordnet()

    synsets = wn.synsets(word, "n") if word else []
    return bool(synsets) and synsets[0].lexname() in PROCESS_LEXNAMES


def cohyponyms(head: str, kind: str = "") -> list[str]:
    """Sister terms from WordNet ('tissue' -> 'organ', 'cell' ...), single common words only.

    With a genus ('organ'), the sense of the head that is one ('heart' the organ, not the feeling).
    """
    wn = lexicon.wordnet()

    senses = wn.synsets(head, "n")
    if kind:
        senses = [
            s
            for s in senses
            if kind in {lemma for h in s.closure(lambda x: x.hypernyms()) for lemma in h.lemma_names()}
        ]
    sisters: dict[str, int] = {}
    for synset in senses[:1]:
        for parent in synset.hypernyms():
            for sister in parent.hyponyms():
                lemma = sister.lemmas()[0]
                word = lemma.name()
                if word.isalpha() and word.islower() and word in lexicon.english_words() and word != head:
                    sisters[word] = lemma.count()
    # the familiar ones first (SemCor frequency); obscure sisters make giveaway options
    return [w for w, n in sorted(sisters.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
