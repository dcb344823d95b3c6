"""Documents -> sentences of tagged tokens (NLTK Punkt, Treebank-style tokenizer, perceptron tagger)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..matching import FIGURE_TAIL
from ..models import Document
from . import lexicon, resources
from .normalize import normalize, original_span

if TYPE_CHECKING:
    from .tagging import FastPerceptronTagger


@dataclass(frozen=True)
class Token:
    text: str
    """As analysis sees it (normalised: ASCII quotes; a sentence's first word in lower case where
    it is a noun the reading writes so elsewhere: with_common_openers)."""
    tag: str
    """Penn Treebank POS tag."""
    start: int
    """Offset in the original document text."""
    end: int


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    """Position in the document, counting headings."""
    text: str
    """Verbatim from the document."""
    start: int
    end: int
    tokens: tuple[Token, ...]
    block: int
    """Which paragraph (or heading) of the document it is in."""
    is_heading: bool

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled by columns, its tokens as four tuples: a book's 400,000 tokens pickled one
        object at a time took the cache twice as long (1.4 s against 0.6 s)."""
        tokens = self.tokens
        texts, tags = tuple([t.text for t in tokens]), tuple([t.tag for t in tokens])
        starts, ends = tuple([t.start for t in tokens]), tuple([t.end for t in tokens])
        fields = (self.doc_id, self.index, self.text, self.start, self.end, self.block, self.is_heading)
        return _unpickled_sentence, (*fields, texts, tags, starts, ends)


def _unpickled_sentence(
    doc_id: str, index: int, text: str, start: int, end: int, block: int, is_heading: bool, *columns: tuple[Any, ...]
) -> Sentence:
    return Sentence(doc_id, index, text, start, end, tuple(map(_unpickled_token, *columns)), block, is_heading)


def _unpickled_token(text: str, tag: str, start: int, end: int) -> Token:
    """A token made as pickle makes one by default (its __dict__ filled, no __init__): the
    frozen dataclass's __init__, four object.__setattr__ calls, took a build's parent 15 %
    longer to take in its workers' analyses."""
    token = object.__new__(Token)
    token.__dict__.update(text=text, tag=tag, start=start, end=end)
    return token


def without_figure_letter(sentence: Sentence) -> Sentence:
    """The sentence without the figure's panel letter before its final stop ('An acid is a
    substance that releases hydrogen ions (H+) in solution (a).' asked as '... in solution.'),
    else the sentence itself. Its stop keeps its place in the text, not in the document."""
    tail = FIGURE_TAIL.search(sentence.text)
    if tail is None:
        return sentence
    cut, resume = sentence.start + tail.start(), sentence.start + tail.end()
    kept = tuple(t for t in sentence.tokens if t.end <= cut)
    stop = tuple(
        replace(t, start=t.start - (resume - cut), end=t.end - (resume - cut))
        for t in sentence.tokens
        if t.start >= resume
    )
    return replace(sentence, text=sentence.text[: tail.start()] + sentence.text[tail.end() :], tokens=kept + stop)


TERMINAL = re.compile(r"""[.!?]["')\]\u201d\u2019]*$""")


@lru_cache(maxsize=1)
@resources.loads("punkt_tab")
def _sentence_splitter() -> Any:
    resources.require("punkt_tab")
    from .tokenizer import SentenceSplitter

    return SentenceSplitter()


@lru_cache(maxsize=1)
def _word_tokenizer() -> Any:
    from .tokenizer import WordTokenizer

    return WordTokenizer()


@lru_cache(maxsize=1)
@resources.loads("averaged_perceptron_tagger_eng")
def _tagger() -> FastPerceptronTagger:
    resources.require("averaged_perceptron_tagger_eng")
    from .tagging import FastPerceptronTagger

    return FastPerceptronTagger.load(resources.locate("averaged_perceptron_tagger_eng"))


def load_models() -> None:
    """Load the sentence splitter, the word tokenizer and the tagger now (each loads once)."""
    _sentence_splitter(), _word_tokenizer(), _tagger()


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: each line is a block, except that a hard-wrapped line (no closing
    punctuation, next line starting in lower case) continues into the next."""
    spans: list[tuple[int, int]] = []
    prev = ""  # the last line of the last block: all a join looks at (slicing the whole block made it quadratic)
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        line = match.group().strip()
        if not line:
            continue
        if spans:
            prev_start, prev_end = spans[-1]
            gap = text[prev_end:start]
            if gap.count("\n") == 1 and not TERMINAL.search(prev) and line[:1].islower():
                spans[-1] = (prev_start, end)
                prev = match.group().rstrip()
                continue
        spans.append((start, end))
        prev = match.group().rstrip()
    return spans


def analyse(doc: Document) -> list[Sentence]:
    """Split a document into tagged sentences with offsets into its original text."""
    raw: list[tuple[int, int, int, bool, list[tuple[str, int, int]]]] = []
    for block_no, (b_start, b_end) in enumerate(blocks(doc.text)):
        norm, offsets = normalize(doc.text[b_start:b_end])
        spans = list(_sentence_splitter().span_tokenize(norm))
        heading = len(spans) == 1 and _looks_like_heading(doc.text[b_start:b_end])
        for s_start, s_end in spans:
            words = []
            for w_start, w_end in _word_tokenizer().span_tokenize(norm[s_start:s_end]):
                o_start, o_end = original_span(offsets, s_start + w_start, s_start + w_end)
                words.append((norm[s_start + w_start : s_start + w_end], b_start + o_start, b_start + o_end))
            if words:
                o_start, o_end = original_span(offsets, s_start, s_end)
                raw.append((block_no, b_start + o_start, b_start + o_end, heading, words))
    tagged = with_common_openers(
        [
            with_main_verb(tags)
            for tags in _tagger().tag_sents([_treebank_quotes([w for w, _, _ in words]) for *_, words in raw])
        ]
    )
    sentences = []
    for index, ((block_no, start, end, heading, words), tags) in enumerate(zip(raw, tagged)):
        # the tagged word, where with_common_openers wrote it in lower case; else the word as read ('"', not '``')
        tokens = tuple(
            Token(seen if seen.lower() == w.lower() else w, tag, s, e) for (w, s, e), (seen, tag) in zip(words, tags)
        )
        sentences.append(Sentence(doc.id, index, doc.text[start:end], start, end, tokens, block_no, heading))
    return sentences


def with_common_openers(tagged: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """The words and tags, with the word opening a sentence in lower case and a noun where the
    reading writes it so elsewhere: the tagger and the entity finder take a capitalised word
    they do not know for a name ('Endocytosis (bringing ...) is the process ...'), and the term
    went unasked. Not where the next word is a name too: 'Bill Clinton', beside 'the bill'."""
    lower = {word for tags in tagged for word, tag in tags[1:] if tag in {"NN", "NNS"} and word.islower()}
    out = []
    for tags in tagged:
        word, tag = tags[0] if tags else ("", "")
        alone = len(tags) < 2 or tags[1][1] not in {"NNP", "NNPS"}
        if tag in {"NN", "NNS", "NNP", "NNPS"} and word[1:].islower() and word.lower() in lower and alone:
            tags = [(word.lower(), "NNS" if tag in {"NNS", "NNPS"} else "NN"), *tags[1:]]
        out.append(tags)
    return out


OPENS_A_CLAUSE = {"that", "which", "who", "how", "what", "why", "when", "where", "whether", "because", "if", "while"}


def with_main_verb(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tags, with a main verb the perceptron tagger read as a plural noun put right:
    'Social psychology focuses/NNS on how we ...', 'A biaxial joint allows/NNS for motions'.
    Such a word follows a singular noun, comes before any verb, is followed by a preposition
    or 'that', WordNet knows it as a verb, and no verb follows it in the same clause (else it
    is the subject's head: 'Protein channels in the membrane allow ...'); a clause ends at a
    subordinator, a semicolon, or a comma before 'and', 'but', 'or'."""
    for i in range(1, len(tags) - 1):
        word, tag = tags[i]
        if tag.startswith(("VB", "MD")):
            return tags
        if tag != "NNS" or tags[i - 1][1] != "NN" or not word.isalpha() or not word.endswith("s"):
            continue
        following = tags[i + 1]
        if following[1] not in {"IN", "TO"} or following[0].lower() not in lexicon.stopwords():
            continue  # not 'surfaces bind/IN the ...': a verb the tagger took for a preposition
        if _verb_before_a_clause(tags[i + 1 :]):
            continue
        if _verb_form(word.lower()):
            return [*tags[:i], (word, "VBZ"), *tags[i + 1 :]]
    return tags


@lru_cache(maxsize=4096)
def _verb_form(word: str) -> bool:
    return lexicon.wordnet().morphy(word, "v") is not None


def _verb_before_a_clause(tags: list[tuple[str, str]]) -> bool:
    for (word, tag), (_, next_tag) in zip(tags, [*tags[1:], ("", "")]):
        if word.lower() in OPENS_A_CLAUSE or tag in {"WRB", "WDT", "WP"} or word == ";":
            return False
        if word == "," and next_tag == "CC":
            return False  # '..., and this perspective dominated ...': the next clause's verb
        if tag.startswith(("VB", "MD")):
            return True
    return False


def _treebank_quotes(words: list[str]) -> list[str]:
    """The tagger knows `` and '' for double quotes, not the plain character."""
    out, opened = [], False
    for word in words:
        if word == '"':
            word = "''" if opened else "``"
            opened = not opened
        out.append(word)
    return out


def _looks_like_heading(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return bool(words) and len(words) <= 16 and not TERMINAL.search(line)
