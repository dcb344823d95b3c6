"""Sources -> analysis -> facts -> items -> validation -> bank, in that order."""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import cache
from . import facts as fact_rules
from .analysis import resources
from .analysis.entities import find_mentions
from .analysis.mentions import Mention
from .analysis.resolution import resolve, with_missed_names
from .analysis.text import Sentence, analyse
from .builders import ranking
from .builders.items import build_cloze, build_mcq
from .builders.pool import Pool, build_pool
from .models import AnswerKind, Bank, Document, Item, ItemType, Source
from .readers import with_pages
from .sources import read_documents, relative_path
from .validate import item_problems

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    seed: int = 0
    mcq_per_doc: int = 8
    cloze_per_doc: int = 5
    title: str | None = None
    jobs: int = 1
    """Processes for per-document analysis and item building; 1 does all in this process."""
    cache_dir: Path | None = None
    """Where per-document analysis is cached (cache.default_dir()); None: no cache."""


@dataclass(frozen=True)
class DocumentAnalysis:
    """What one document yields on its own: tagged sentences and, for each, its mentions."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[tuple[Mention, ...], ...]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Summary:
    """Per-document counts of what the build considered and kept."""

    rows: list[dict[str, object]] = field(default_factory=list)
    rejected_by_validation: int = 0
    texts: dict[str, str] = field(default_factory=dict)
    """Each document's text by id, for checking an existing bank's items against it."""


def build_bank(
    paths: list[str | Path],
    bank_path: str | Path,
    options: BuildOptions = BuildOptions(),
    progress: Progress | None = None,
) -> tuple[Bank, Summary]:
    resources.require_all()
    docs = read_documents(paths)
    built = _build_set(docs, options, progress)
    items = with_pages(list(built.items), docs)  # PDF sources: the page each cited sentence is on
    base = Path(bank_path).parent
    sources = tuple(Source(d.id, relative_path(d.path, base), d.sha256) for d in docs)
    summary = Summary(rows=[dict(row) for row in built.rows], rejected_by_validation=built.rejected,
                      texts={d.id: d.text for d in docs})
    return Bank(title=options.title or built.title, sources=sources, items=tuple(items)), summary


@dataclass(frozen=True)
class BuiltSet:
    """What building a document set gives, before it becomes a bank; cached whole when the
    same documents are built again with the same settings (a teacher's rebuild after review)."""

    items: tuple[Item, ...]
    rows: tuple[dict[str, object], ...]
    rejected: int
    title: str


def _build_set(docs: list[Document], options: BuildOptions, progress: Progress | None) -> BuiltSet:
    settings = (options.seed, options.mcq_per_doc, options.cloze_per_doc)
    if options.cache_dir is not None:
        hit = cache.load_build(options.cache_dir, docs, settings)
        if hit is not None:
            return hit
    results = analyse_documents(docs, options, progress)
    analysed = [list(r.sentences) for r in results]
    found = [m for r in results for ms in r.mentions for m in ms]
    items, summary = build_items(docs, analysed, options, found)
    built = BuiltSet(tuple(items), tuple(summary.rows), summary.rejected_by_validation, _title_from(docs, analysed))
    if options.cache_dir is not None:
        cache.store_build(options.cache_dir, docs, settings, built)
    return built


def analyse_document(doc: Document) -> DocumentAnalysis:
    sentences = tuple(analyse(doc))
    return DocumentAnalysis(sentences, tuple(tuple(find_mentions(s)) for s in sentences))


def analyse_documents(docs: list[Document], options: BuildOptions, progress: Progress | None = None) -> list[DocumentAnalysis]:
    """Each document's analysis, from the cache where it has one, else computed (in a process
    pool when there are several documents to do and more than one job), in document order."""
    results: dict[int, DocumentAnalysis] = {}
    if options.cache_dir is not None:
        for n, doc in enumerate(docs):
            hit = cache.load(options.cache_dir, doc)
            if hit is not None:
                results[n] = hit
    todo = [n for n in range(len(docs)) if n not in results]
    done = len(results)

    def finished(n: int, result: DocumentAnalysis) -> None:
        nonlocal done
        results[n] = result
        if options.cache_dir is not None:
            cache.store(options.cache_dir, docs[n], result)
        done += 1
        if progress:
            progress(f"analysing {docs[n].id}", done, len(docs))

    jobs = min(options.jobs, len(todo))
    if jobs <= 1:
        for n in todo:
            finished(n, analyse_document(docs[n]))
    else:
        _load_models()  # before the fork, so every worker starts with them loaded
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_fork_context()) as pool:
            # largest first, so one long book does not start last
            order = sorted(todo, key=lambda n: -len(docs[n].text))
            for n, result in zip(order, pool.map(analyse_document, [docs[n] for n in order], chunksize=1)):
                finished(n, result)
    return [results[n] for n in range(len(docs))]


def _load_models() -> None:
    """Load the tagger and WordNet in this process (a no-op once loaded)."""
    from .analysis import lexicon, text

    text._sentence_splitter(), text._word_tokenizer(), text._tagger()
    lexicon.wordnet_class("China")


def _fork_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


def build_items(
    docs: list[Document],
    analysed: list[list[Sentence]],
    options: BuildOptions,
    found: list[Mention] | None = None,
) -> tuple[list[Item], Summary]:
    """found: every sentence's find_mentions, in order, when the caller already has them."""
    all_sentences = [s for sentences in analysed for s in sentences]
    if found is None:
        found = [m for s in all_sentences for m in find_mentions(s)]
    mentions = resolve(with_missed_names(all_sentences, found))
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.sentence.doc_id, m.sentence.index), []).append(m)
    repeated = fact_rules.repeated_sentences(all_sentences)
    usable = {(s.doc_id, s.index) for s in all_sentences if fact_rules.usable(s, repeated)}
    definitions = {
        (s.doc_id, s.index): fact_rules.definition_facts(s) for s in all_sentences if (s.doc_id, s.index) in usable
    }
    defined = [f for fs in definitions.values() for f in fs]
    pool = build_pool(mentions, [f.answer for f in defined], {f.answer.key: fact_rules.genus(f.definition or "") for f in defined})
    salience = Counter(m.key for m in mentions)
    term_counts = fact_rules.key_term_counts(all_sentences)
    singled_out = fact_rules.heading_terms(all_sentences) | {
        f.answer.subtype for fs in definitions.values() for f in fs
    }
    context = _Context(usable, by_sentence, definitions, term_counts, singled_out, pool, salience, options.seed)
    summary = Summary()
    items: list[Item] = []
    used: dict[str, list[frozenset[str]]] = {}
    per_type = {ItemType.MCQ: options.mcq_per_doc, ItemType.CLOZE: options.cloze_per_doc}
    for doc, sentences, (candidates, considered, rejected) in zip(docs, analysed, _all_candidates(analysed, context, options.jobs)):
        summary.rejected_by_validation += rejected
        chosen = ranking.select(candidates, per_type, used)  # in document order: 'used' spans the set
        items.extend(chosen)
        summary.rows.append({
            "document": doc.id,
            "sentences": len(sentences),
            "usable": considered,
            "candidates": len(candidates),
            "mcq": sum(i.type == ItemType.MCQ for i in chosen),
            "cloze": sum(i.type == ItemType.CLOZE for i in chosen),
        })
    return items, summary


@dataclass(frozen=True)
class _Context:
    """What every document's items are built from: the whole set's analysis, read-only."""

    usable: set[tuple[str, int]]
    by_sentence: dict[tuple[str, int], list[Mention]]
    definitions: dict[tuple[str, int], list[fact_rules.Fact]]
    term_counts: Counter[str]
    singled_out: set[str]
    pool: Pool
    salience: Counter[str]
    seed: int


Candidates = tuple[list[tuple[Item, str]], int, int]
"""A document's valid items with their answer keys, its usable sentences, its items that failed validation."""


def _all_candidates(analysed: list[list[Sentence]], context: _Context, jobs: int) -> list[Candidates]:
    """Each document's candidates, in document order; forked workers share the context unpickled."""
    global _shared
    jobs = min(jobs, len(analysed))
    if jobs <= 1:
        return [_candidates(sentences, context) for sentences in analysed]
    _shared = (analysed, context)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_fork_context()) as workers:
            return list(workers.map(_candidates_of, range(len(analysed)), chunksize=max(1, len(analysed) // (4 * jobs))))
    finally:
        _shared = None


_shared: tuple[list[list[Sentence]], _Context] | None = None


def _candidates_of(n: int) -> Candidates:
    analysed, context = _shared
    return _candidates(analysed[n], context)


def _candidates(sentences: list[Sentence], context: _Context) -> Candidates:
    """Every valid item the document's usable sentences give, scored; items depend on nothing
    but their own fact, the pool and the seed, so documents can be done in any process."""
    candidates: list[tuple[Item, str]] = []
    considered = rejected = 0
    for sentence in sentences:
        key = (sentence.doc_id, sentence.index)
        if key not in context.usable:
            continue
        considered += 1
        facts = _facts_for(sentence, context.by_sentence.get(key, []), context.definitions.get(key, []),
                           context.term_counts, context.singled_out)
        position = sentence.index / max(len(sentences), 1)
        for fact in facts:
            for item in _items_for(fact, context.pool, context.seed):
                if item_problems(item):
                    rejected += 1
                    continue
                value = ranking.score(item, fact, position, context.salience[fact.answer.key])
                candidates.append((ranking.with_score(item, value), fact.answer.key))
    return candidates, considered, rejected


def _facts_for(
    sentence: Sentence,
    mentions: list[Mention],
    definitions: list[fact_rules.Fact],
    term_counts: Counter[str],
    singled_out: set[str],
) -> list[fact_rules.Fact]:
    facts = list(definitions) + fact_rules.entity_facts(sentence, mentions)
    taken = {(m.first, m.last) for m in mentions} | {(f.answer.first, f.answer.last) for f in definitions}
    if not definitions:
        facts += fact_rules.term_facts(sentence, term_counts, taken, singled_out)
    return facts


def _items_for(fact: fact_rules.Fact, pool, seed: int) -> list[Item]:
    items = []
    if fact.kind != AnswerKind.TERM or fact.definition is not None:
        mcq = build_mcq(fact, pool, seed)
        if mcq is not None:
            items.append(mcq)
    if fact.definition is None or not items:  # a definition with no fair options is still worth a blank
        items.append(build_cloze(fact))
    return items


def _title_from(docs: list[Document], analysed: list[list[Sentence]]) -> str:
    """The first document's heading, if it has one; else its file name."""
    for sentences in analysed[:1]:
        if sentences and sentences[0].is_heading:
            return sentences[0].text.strip()
    return docs[0].id if docs else "Question bank"
