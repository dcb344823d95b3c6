"""Sources -> analysis -> facts -> items -> validation -> bank, in that order."""

from __future__ import annotations

import heapq
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import books, cache, language
from .analysis import DocumentAnalysis, analyse_document, load_models, resources
from .analysis.entities import find_mentions
from .analysis.mentions import Mention
from .analysis.reading_model import ReadingModel, build_reading_model
from .analysis.reading_terms import ReadingTerms
from .analysis.resolution import resolve, with_missed_names
from .analysis.text import Sentence
from .builders import ranking
from .builders.candidates import Built, reading_candidates
from .builders.pool import Pool, build_pool
from .builders.where import Where, where_to_ask
from .facts import repeated_sentences
from .models import Bank, BuildResult, BuiltSet, Document, DocumentReport, Item, ItemType, Source
from .readers import with_pages
from .sources import read_documents, relative_path
from .workers import freeze_kept, frozen, map_in_workers, map_shared

Progress = Callable[[str, int, int], None]
"""progress(what is being done, documents done, documents in all)."""


@dataclass(frozen=True)
class BuildOptions:
    seed: int = 0
    mcq_per_doc: int | None = None
    """At most this many multiple-choice items per reading; None: as many as its length calls for."""
    cloze_per_doc: int | None = None
    """At most this many cloze items per reading; None: as many as its length calls for."""
    title: str | None = None
    jobs: int = 1
    """Processes for per-document analysis and item building; 1 does all in this process."""
    cache_dir: Path | None = None
    """Where per-document analysis is cached (cache.default_dir()); None: no cache."""

    def __post_init__(self) -> None:
        for name in ("mcq_per_doc", "cloze_per_doc"):
            count = getattr(self, name)
            if count is not None and count < 0:  # would be read as 0, silently
                raise ValueError(f"BuildOptions.{name} must be 0 or more, not {getattr(self, name)}")


def build_bank(
    paths: list[str | Path],
    bank_path: str | Path,
    options: BuildOptions = BuildOptions(),
    progress: Progress | None = None,
) -> BuildResult:
    """The bank the readings at `paths` give, to be written at `bank_path` (its sources' paths
    are relative to that folder); nothing is written."""
    resources.require_all()
    if options.cache_dir is not None:
        options = replace(options, cache_dir=cache.usable(options.cache_dir))
    docs = read_documents(paths)
    for doc in docs:
        language.require_english(doc)
    built = _build_set(docs, options, progress)
    items = with_pages(list(built.items), docs)  # PDF sources: the page each cited sentence is on
    base = Path(bank_path).parent
    sources = tuple(Source(d.id, relative_path(d.path, base), d.sha256) for d in docs)
    bank = Bank(title=options.title or built.title, sources=sources, items=tuple(items))
    return BuildResult(bank, built.reports, built.rejected, texts={d.id: d.text for d in docs})


def _build_set(docs: list[Document], options: BuildOptions, progress: Progress | None) -> BuiltSet:
    settings = (options.seed, options.mcq_per_doc, options.cloze_per_doc)
    if options.cache_dir is not None:
        hit = cache.load_build(options.cache_dir, docs, settings)
        if hit is not None:
            return hit
    with frozen():  # see analyse_documents
        if any(books.is_long(doc) for doc in docs):  # a book as one file: read in parts
            built = _build_with_long_readings(docs, options, progress)
        else:
            results = analyse_documents(docs, options, progress)
            analysed = [list(r.sentences) for r in results]
            found = [m for r in results for ms in r.mentions for m in ms]
            built = build_items(docs, analysed, options, found, own=[r.terms for r in results])
    if options.cache_dir is not None:
        cache.store_build(options.cache_dir, docs, settings, built)
    return built


def analyse_documents(
    docs: list[Document], options: BuildOptions, progress: Progress | None = None
) -> list[DocumentAnalysis]:
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
        freeze_kept()  # kept to the end: each full collection would walk every token analysed so far again
        done += 1
        if progress:
            progress(f"analysing {docs[n].id}", done, len(docs))

    jobs = min(options.jobs, len(todo))
    if jobs <= 1:
        for n in todo:
            finished(n, analysed_and_stored((docs[n], options.cache_dir)))
    else:
        load_models()  # before the fork, so every worker starts with them loaded
        # largest first, so one long book does not start last
        order = sorted(todo, key=lambda n: -len(docs[n].text))
        tasks = [(docs[n], options.cache_dir) for n in order]
        for n, payload in zip(order, map_in_workers(_analysed_pickled, tasks, jobs)):
            finished(n, pickle.loads(payload))
    return [results[n] for n in range(len(docs))]


def _analysed_pickled(task: tuple[Document, Path | None]) -> bytes:
    """analysed_and_stored in a worker, pickled once: for the cache and the parent (not again by the pool)."""
    return cache.store_pickled(task[1], task[0], analyse_document(task[0]))


def analysed_and_stored(task: tuple[Document, Path | None]) -> DocumentAnalysis:
    """The document's analysis, cached (if a cache folder is given) by the worker that made it:
    pickling it for the cache is not left to the parent, one document after another."""
    doc, cache_dir = task
    analysis = analyse_document(doc)
    if cache_dir is not None:
        cache.store(cache_dir, doc, analysis)
    return analysis


def build_items(
    docs: list[Document],
    analysed: list[list[Sentence]],
    options: BuildOptions,
    found: list[Mention] | None = None,
    used: dict[str, list[frozenset[str]]] | None = None,
    asked: list[frozenset[str]] | None = None,
    own: list[ReadingTerms] | None = None,
) -> BuiltSet:
    """found: every sentence's find_mentions, in order, when the caller already has them.
    used, asked: the answers and sentences asked so far, in document order across the set
    (updated here; books.py carries them on into a long reading's parts).
    own: each document's find_reading_terms, when the caller has them (its analysis does)."""
    plan = plan_items(docs, analysed, options, found, own)
    freeze_kept()  # the models are kept to the end too
    built = _all_candidates(plan, options.jobs)
    freeze_kept()
    used = {} if used is None else used
    asked = [] if asked is None else asked
    items: list[Item] = []
    reports: list[DocumentReport] = []
    for doc, sentences, model, result in zip(docs, analysed, plan.models, built):
        counted = Counted(len(sentences), result.askable, model.words)
        chosen, report = select_items(doc.id, counted, result, options, used, asked)
        items.extend(chosen)
        reports.append(report)
    rejected = sum(r.rejected for r in built)
    return BuiltSet(tuple(items), tuple(reports), rejected, _title_from(docs, analysed))


@dataclass(frozen=True)
class Counted:
    """What a reading's report and item count need from its analysis."""

    sentences: int
    usable: int
    words: int


def select_items(
    doc_id: str,
    counted: Counted,
    result: Built,
    options: BuildOptions,
    used: dict[str, list[frozenset[str]]],
    asked: list[frozenset[str]],
) -> tuple[list[Item], DocumentReport]:
    """The best of one reading's candidates (given what the readings before it asked), and its report."""
    caps = {ItemType.MCQ: options.mcq_per_doc, ItemType.CLOZE: options.cloze_per_doc}
    selection = ranking.select(result.candidates, ranking.target_count(counted.words), caps, used, asked)
    chosen = [replace(c.item, score=c.score) for c in selection.chosen]
    dropped = selection.dropped + Counter({"failed validation": result.rejected} if result.rejected else {})
    report = DocumentReport(
        document=doc_id,
        sentences=counted.sentences,
        usable=counted.usable,
        candidates=len(result.candidates),
        mcq=sum(i.type == ItemType.MCQ for i in chosen),
        cloze=sum(i.type == ItemType.CLOZE for i in chosen),
        dropped=tuple(sorted(dropped.items())),
    )
    return chosen, report


@dataclass(frozen=True)
class Plan:
    """What every reading's candidates are built from: the models of all the readings, which
    readings share a topic, the names each may borrow, and the sentences that recur."""

    models: list[ReadingModel]
    related: list[list[int]]
    """For each reading, the others on its topic (their terms and names are fair options)."""
    placed: dict[str, list[tuple[int, Mention]]]
    """By document id: its mentions, resolved across the set, each with its place in resolve's order."""
    repeated: set[tuple[str, int]]  # facts.repeated_sentences of the set
    seed: int

    def where(self, n: int) -> Where:
        """Where reading n may be asked from: found by the worker that builds its candidates."""
        return where_to_ask(self.models[n], self.repeated)

    def pool(self, n: int) -> Pool:
        """The names reading n may borrow, its own and those of the readings on its topic: built
        by the worker that builds its candidates."""
        group = [self.models[n].doc_id] + [self.models[r].doc_id for r in self.related[n]]
        # in the order resolve gave them (each reading's are in it already), as a scan of every mention would
        return build_pool([m for _, m in heapq.merge(*(self.placed.get(d, []) for d in group), key=lambda x: x[0])])


def plan_items(
    docs: list[Document],
    analysed: list[list[Sentence]],
    options: BuildOptions,
    found: list[Mention] | None = None,
    own: list[ReadingTerms] | None = None,
) -> Plan:
    all_sentences = [s for sentences in analysed for s in sentences]
    if found is None:
        found = [m for s in all_sentences for m in find_mentions(s)]
    mentions = resolve(with_missed_names(all_sentences, found))
    by_doc: dict[str, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        by_doc[m.sentence.doc_id][m.sentence.index].append(m)
    owns = own if own is not None else [None] * len(docs)
    models = [build_reading_model(d.id, ss, by_doc[d.id], o) for d, ss, o in zip(docs, analysed, owns, strict=True)]
    related = [[n for n, other in enumerate(models) if other is not m and shares_topic(m, other)] for m in models]
    repeated = repeated_sentences(all_sentences)
    placed: dict[str, list[tuple[int, Mention]]] = defaultdict(list)  # a reading's mentions, where each stands
    for at, m in enumerate(mentions):
        placed[m.sentence.doc_id].append((at, m))
    return Plan(models, related, dict(placed), repeated, options.seed)


def shares_topic(a: ReadingModel, b: ReadingModel) -> bool:
    """Three of their 25 weightiest terms in common: their terms and names are fair options for each other."""
    return len(set(list(a.terms)[:25]) & set(list(b.terms)[:25])) >= 3


def _all_candidates(plan: Plan, jobs: int) -> list[Built]:
    """Each reading's candidates, in document order; forked workers share the plan unpickled."""
    jobs = min(jobs, len(plan.models))
    if jobs <= 1:
        return [_candidates_of(plan, n) for n in range(len(plan.models))]
    # the longest readings first, so that the last to finish is a short one
    order = sorted(range(len(plan.models)), key=lambda n: -len(plan.models[n].sentences))
    built = dict(zip(order, map_shared(_candidates_of, plan, order, jobs)))
    return [built[n] for n in range(len(plan.models))]


def _candidates_of(plan: Plan, n: int) -> Built:
    related = [plan.models[r] for r in plan.related[n]]
    return reading_candidates(plan.models[n], related, plan.where(n), plan.pool(n), plan.seed)


def _title_from(docs: list[Document], analysed: list[list[Sentence]]) -> str:
    """The first document's heading, if it has one; else its file name."""
    for sentences in analysed[:1]:
        if sentences and sentences[0].is_heading:
            return sentences[0].text.strip()
    return docs[0].id if docs else "Question bank"


@dataclass(frozen=True)
class PartResult:
    """What a build keeps of one part of a long reading (books.py): its candidates and counts."""

    built: Built
    counted: Counted
    title: str | None
    """The part's first line, when it is a heading (the book's title, for the first part)."""


def build_part(job: tuple[Document, Path | None, int]) -> PartResult:
    """Analyse one part (or take it from the cache) and build its candidates, as a reading of its own."""
    part, cache_dir, seed = job
    analysis = cache.load(cache_dir, part) if cache_dir is not None else None
    if analysis is None:
        analysis = analysed_and_stored((part, cache_dir))
    sentences = list(analysis.sentences)
    found = [m for ms in analysis.mentions for m in ms]
    plan = plan_items([part], [sentences], BuildOptions(seed=seed), found, [analysis.terms])
    built = _candidates_of(plan, 0)
    counted = Counted(len(sentences), built.askable, plan.models[0].words)
    title = sentences[0].text.strip() if sentences and sentences[0].is_heading else None
    result = PartResult(built, counted, title)
    books.forget_lookups()  # a book's later parts need not find its earlier ones' words still held
    return result


def _build_with_long_readings(docs: list[Document], options: BuildOptions, progress: Progress | None) -> BuiltSet:
    """The short readings built together as any set is, then each long one part by part, its
    tokens dropped after each part; what has been asked carries on in document order."""
    short = [doc for doc in docs if not books.is_long(doc)]
    used: dict[str, list[frozenset[str]]] = {}
    asked: list[frozenset[str]] = []
    items: dict[str, list[Item]] = defaultdict(list)
    reports: dict[str, DocumentReport] = {}
    rejected, title = 0, docs[0].id
    if short:
        results = analyse_documents(short, options, progress)
        found = [m for r in results for ms in r.mentions for m in ms]
        analysed = [list(r.sentences) for r in results]
        built = build_items(short, analysed, options, found, used, asked, [r.terms for r in results])
        for item in built.items:
            items[item.source.doc].append(item)
        reports.update((r.document, r) for r in built.reports)
        rejected += built.rejected
        title = built.title if short[0] is docs[0] else title
    spans = [(doc, span) for doc in docs if books.is_long(doc) for span in books.part_spans(doc.text)]
    # each part's text is cut from its book only when it is handed out, a few at a time
    jobs = ((books.part(doc, span), options.cache_dir, options.seed) for doc, span in spans)
    workers = min(options.jobs, len(spans))
    if workers > 1:
        load_models()  # before the fork, so every worker starts with them loaded
    parts = map_in_workers(build_part, jobs, workers, window=2 * workers) if workers > 1 else map(build_part, jobs)
    for n, ((doc, (start, end)), result) in enumerate(zip(spans, parts)):
        chosen, report = select_items(doc.id, result.counted, result.built, options, used, asked)
        items[doc.id].extend(chosen)
        reports[doc.id] = books.add_reports(reports.get(doc.id), report)
        rejected += result.built.rejected
        title = result.title if n == 0 and doc is docs[0] and result.title else title  # the set's first text
        if progress:
            progress(f"{doc.id}: {end - start:,} characters read", len(short) + n + 1, len(short) + len(spans))
    ordered = [item for doc in docs for item in items[doc.id]]
    return BuiltSet(tuple(ordered), tuple(reports[doc.id] for doc in docs), rejected, title)
