"""Sources -> analysis -> facts -> items -> validation -> bank, in that order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import cache, language
from . import facts as fact_rules
from .analysis import DocumentAnalysis, analyse_document, load_models, resources
from .analysis.entities import find_mentions
from .analysis.mentions import Mention
from .analysis.resolution import resolve, with_missed_names
from .analysis.text import Sentence
from .builders import ranking
from .builders.candidates import Candidates, Context, candidates
from .builders.pool import build_pool
from .models import Bank, BuildResult, BuiltSet, Document, DocumentReport, Item, ItemType, Source
from .readers import with_pages
from .sources import read_documents, relative_path
from .workers import map_in_workers, map_shared

Progress = Callable[[str, int, int], None]
"""progress(what is being done, documents done, documents in all)."""


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

    def __post_init__(self) -> None:
        for name in ("mcq_per_doc", "cloze_per_doc"):
            if getattr(self, name) < 0:  # would be read as 0, silently
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
    results = analyse_documents(docs, options, progress)
    analysed = [list(r.sentences) for r in results]
    found = [m for r in results for ms in r.mentions for m in ms]
    built = build_items(docs, analysed, options, found)
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
        load_models()  # before the fork, so every worker starts with them loaded
        # largest first, so one long book does not start last
        order = sorted(todo, key=lambda n: -len(docs[n].text))
        for n, result in zip(order, map_in_workers(analyse_document, [docs[n] for n in order], jobs)):
            finished(n, result)
    return [results[n] for n in range(len(docs))]


def build_items(
    docs: list[Document],
    analysed: list[list[Sentence]],
    options: BuildOptions,
    found: list[Mention] | None = None,
) -> BuiltSet:
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
    pool = build_pool(
        mentions, [f.answer for f in defined], {f.answer.key: fact_rules.genus(f.definition or "") for f in defined}
    )
    salience = Counter(m.key for m in mentions)
    term_counts = fact_rules.key_term_counts(all_sentences)
    singled_out = fact_rules.heading_terms(all_sentences) | {
        f.answer.subtype for fs in definitions.values() for f in fs
    }
    context = Context(usable, by_sentence, definitions, term_counts, singled_out, pool, salience, options.seed)
    reports: list[DocumentReport] = []
    rejected = 0
    items: list[Item] = []
    used: dict[str, list[frozenset[str]]] = {}
    per_type: dict[str, int] = {ItemType.MCQ: options.mcq_per_doc, ItemType.CLOZE: options.cloze_per_doc}
    for doc, sentences, found_in_doc in zip(docs, analysed, _all_candidates(analysed, context, options.jobs)):
        rejected += found_in_doc.rejected
        chosen = ranking.select(found_in_doc.scored, per_type, used)  # in document order: 'used' spans the set
        items.extend(chosen)
        reports.append(
            DocumentReport(
                document=doc.id,
                sentences=len(sentences),
                usable=found_in_doc.usable,
                candidates=len(found_in_doc.scored),
                mcq=sum(i.type == ItemType.MCQ for i in chosen),
                cloze=sum(i.type == ItemType.CLOZE for i in chosen),
            )
        )
    return BuiltSet(tuple(items), tuple(reports), rejected, _title_from(docs, analysed))


def _all_candidates(analysed: list[list[Sentence]], context: Context, jobs: int) -> list[Candidates]:
    """Each document's candidates, in document order; forked workers share the context unpickled."""
    jobs = min(jobs, len(analysed))
    if jobs <= 1:
        return [candidates(sentences, context) for sentences in analysed]
    return map_shared(_candidates_of, (analysed, context), len(analysed), jobs)


def _candidates_of(shared: tuple[list[list[Sentence]], Context], n: int) -> Candidates:
    analysed, context = shared
    return candidates(analysed[n], context)


def _title_from(docs: list[Document], analysed: list[list[Sentence]]) -> str:
    """The first document's heading, if it has one; else its file name."""
    for sentences in analysed[:1]:
        if sentences and sentences[0].is_heading:
            return sentences[0].text.strip()
    return docs[0].id if docs else "Question bank"
