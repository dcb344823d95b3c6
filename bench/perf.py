"""Speed, memory and quality of quizwright against the NLTK floor, on corpora of a few sizes.

    NLTK_DATA=/work/shared/nltk_data python bench/perf.py [--sizes 10000,100000,400000] [--json out.json]

The corpus is the seed articles and the IEER news texts, repeated (bench/corpus.py). Every
timed measurement runs in its own Python process, so each starts cold (models loaded inside
the timing, as a teacher's `quizwright build` does) and its peak memory is its own
(ru_maxrss of the process, and of its largest worker for --jobs 2).

- floor: Punkt sentence split + Treebank tokenize + perceptron tagging of every file;
  its tokens are the corpus size, and every rate below is those tokens over the step's time.
- build cold/warm/1 edit, jobs 1/2: build_bank + the YAML text written to disk; cold with an
  empty cache, warm with the cache the cold run filled (an unchanged set: the whole build is
  cached), 1 edit after a sentence is added to one file (that file analysed again, the others'
  analysis from the cache, every item built again).
- anki/pdf: exporting a 5,000-item bank (the largest build's items, repeated with new ids).

The quality section is not timed: validation pass rate before filtering, MCQs whose three
distractors are the answer's kind, entity typing on IEER (bench/entity_eval.py), near-duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
EXPORT_ITEMS = 5000
TARGETS = {
    "cold_1_vs_floor": 0.7,  # at least
    "jobs_2_speedup": 1.6,  # at least, cold build with 2 jobs over 1
    "warm_vs_cold_time": 0.1,  # at most
    "peak_mb_2mb_corpus": 600,  # at most
    "anki_seconds": 5,
    "pdf_seconds": 20,
}


# ---- pure pieces --------------------------------------------------------------------------


def rate(tokens: int, seconds: float) -> float:
    return tokens / seconds if seconds > 0 else 0.0


def ratio(value: float, reference: float) -> float | None:
    """value / reference, or None when there is no reference to compare with."""
    return round(value / reference, 3) if reference else None


def row(name: str, tokens: int, seconds: float, floor_rate: float, peak_mb: float) -> dict[str, object]:
    tps = rate(tokens, seconds)
    return {
        "step": name,
        "seconds": round(seconds, 3),
        "tokens_per_s": round(tps),
        "ratio_to_floor": ratio(tps, floor_rate),
        "peak_mb": round(peak_mb, 1),
    }


def repeated_items(items: tuple, count: int) -> tuple:
    """count items: the given ones, then copies of them under new ids (for export timing)."""
    if not items:
        return ()
    out = []
    n = 0
    while len(out) < count:
        for item in items:
            if len(out) == count:
                break
            out.append(item if n == 0 else replace(item, id=f"{item.id}-{n}", fingerprint=None))
        n += 1
    return tuple(out)


def near_duplicates(items) -> int:
    """Pairs of items with the same answer whose prompts share at least 80% of their words."""

    def words(item) -> frozenset[str]:
        return frozenset(re.findall(r"\w+", (item.question or item.text or "").lower()))

    by_answer: dict[str, list[frozenset[str]]] = {}
    for item in items:
        by_answer.setdefault(item.answer.lower(), []).append(words(item))
    pairs = 0
    for group in by_answer.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a and b and len(a & b) / len(a | b) >= 0.8:
                    pairs += 1
    return pairs


# ---- measurements, each in a child process ------------------------------------------------


def _child_floor(corpus: str) -> dict:
    from nltk.tag.perceptron import PerceptronTagger
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktTokenizer

    from quizwright.sources import read_documents

    docs = read_documents([corpus])
    start = time.perf_counter()
    splitter, words, tagger = PunktTokenizer("english"), NLTKWordTokenizer(), PerceptronTagger(lang="eng")
    tokens = 0
    for doc in docs:
        sentences = [words.tokenize(s) for s in splitter.tokenize(doc.text)]
        tokens += sum(len(s) for s in tagger.tag_sents(sentences))
    return {"seconds": time.perf_counter() - start, "tokens": tokens}


def _child_build(corpus: str, jobs: int, cache_dir: str, out: str) -> dict:
    from quizwright.bank import bank_to_yaml
    from quizwright.pipeline import BuildOptions, build_bank

    start = time.perf_counter()
    bank = build_bank([corpus], out, BuildOptions(jobs=jobs, cache_dir=Path(cache_dir))).bank
    Path(out).write_text(bank_to_yaml(bank), encoding="utf-8")
    return {"seconds": time.perf_counter() - start, "items": len(bank.items)}


def _child_export(kind: str, bank_path: str, out: str) -> dict:
    from quizwright.bank import load_bank

    bank = load_bank(bank_path)
    start = time.perf_counter()
    if kind == "anki":
        from quizwright.exporters.anki import export_anki

        export_anki(bank, out)
    else:
        from quizwright.exporters.pdf import export_pdf

        export_pdf(bank, out)
    return {"seconds": time.perf_counter() - start, "items": len(bank.items)}


def _peak_mb() -> dict:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": own, "worker_peak_mb": workers}


def measure(*args: str) -> dict:
    """Run one measurement in a fresh interpreter; its figures come back as JSON on stdout."""
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise RuntimeError(f"{args[0]} failed: {lines[-1]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def child_main(args: list[str]) -> None:
    kind, *rest = args
    if kind == "floor":
        figures = _child_floor(*rest)
    elif kind == "build":
        corpus, jobs, cache_dir, out = rest
        figures = _child_build(corpus, int(jobs), cache_dir, out)
    else:
        figures = _child_export(kind, *rest)
    print(json.dumps({**figures, **_peak_mb()}))


# ---- the run ------------------------------------------------------------------------------


def speed(sizes: list[int], work: Path) -> dict:
    sys.path.insert(0, str(HERE))
    import corpus as corpus_mod

    texts = corpus_mod.base_texts(SEEDS)
    results = []
    largest_bank = None
    for size in sizes:
        folder = work / f"corpus-{size}"
        corpus_mod.write_corpus(texts, size, folder)
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        floor = measure("floor", str(folder))
        tokens, floor_rate = floor["tokens"], rate(floor["tokens"], floor["seconds"])
        rows = [row("NLTK floor", tokens, floor["seconds"], floor_rate, floor["peak_mb"])]
        times = {}
        edited = sorted(folder.iterdir())[0]
        original = edited.read_bytes()
        for jobs in (1, 2):
            cache_dir = work / f"cache-{size}-{jobs}"
            for state in ("cold", "warm", "1 edit"):
                if state == "1 edit":  # a teacher adds a paragraph to one reading and builds again
                    edited.write_bytes(original + b"\nSeoul and Tokyo held talks on trade in 2027.\n")
                out = work / f"bank-{size}-{jobs}-{state.replace(' ', '-')}.yaml"
                got = measure("build", str(folder), str(jobs), str(cache_dir), str(out))
                edited.write_bytes(original)
                times[(state, jobs)] = got["seconds"]
                peak = got["peak_mb"] + (got["worker_peak_mb"] if jobs > 1 else 0)
                rows.append(
                    row(f"build {state}, {jobs} job{'s' if jobs > 1 else ''}", tokens, got["seconds"], floor_rate, peak)
                )
                largest_bank = work / f"bank-{size}-1-cold.yaml"
        same = len({(work / f"bank-{size}-{j}-{s}.yaml").read_bytes() for j in (1, 2) for s in ("cold", "warm")}) == 1
        results.append(
            {
                "size_target": size,
                "tokens": tokens,
                "files": len(list(folder.iterdir())),
                "megabytes": round(mb, 2),
                "rows": rows,
                "identical_banks": same,
                "jobs_2_speedup": ratio(times[("cold", 1)], times[("cold", 2)]),
                "warm_vs_cold_time_1_job": ratio(times[("warm", 1)], times[("cold", 1)]),
                "warm_vs_cold_time_2_jobs": ratio(times[("warm", 2)], times[("cold", 2)]),
                "one_edit_vs_cold_time_1_job": ratio(times[("1 edit", 1)], times[("cold", 1)]),
                "one_edit_vs_cold_time_2_jobs": ratio(times[("1 edit", 2)], times[("cold", 2)]),
            }
        )
    exports = exports_of(largest_bank, work) if largest_bank else {}
    return {"sizes": results, "exports": exports}


def exports_of(bank_path: Path, work: Path) -> dict:
    from quizwright.bank import load_bank, save_bank
    from quizwright.models import Bank

    bank = load_bank(bank_path)
    big = Bank(title=bank.title, sources=bank.sources, items=repeated_items(bank.items, EXPORT_ITEMS))
    big_path = work / "export-bank.yaml"
    save_bank(big, big_path)
    out = {}
    for kind, suffix in (("anki", ".apkg"), ("pdf", ".pdf")):
        try:
            got = measure(kind, str(big_path), str(work / f"export{suffix}"))
        except RuntimeError as exc:
            out[kind] = {"error": str(exc)}
            continue
        out[kind] = {"items": got["items"], "seconds": round(got["seconds"], 2), "peak_mb": round(got["peak_mb"], 1)}
    return out


def quality(work: Path) -> dict:
    sys.path.insert(0, str(HERE))
    import corpus as corpus_mod
    import entity_eval
    from quizwright.analysis.resolution import resolve
    from quizwright.matching import name_key
    from quizwright.pipeline import BuildOptions, analyse_documents, build_items
    from quizwright.sources import read_documents

    folder = work / "quality"
    folder.mkdir(exist_ok=True)
    for name, text in corpus_mod.base_texts(SEEDS):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    docs = read_documents([folder])
    results = analyse_documents(docs, BuildOptions(jobs=2))
    found = [m for r in results for ms in r.mentions for m in ms]
    built = build_items(docs, [list(r.sentences) for r in results], BuildOptions(), found)
    items = built.items
    candidates = sum(r.candidates for r in built.reports)
    generated = candidates + built.rejected
    kinds = {name_key(m.text): m.kind for m in resolve(found)}
    mcqs = [i for i in items if i.type == "mcq"]
    same_kind = sum(all(_kind_of(d, i.answer_kind, kinds) == i.answer_kind for d in i.distractors) for i in mcqs)
    ieer = entity_eval.evaluate()
    return {
        "documents": len(docs),
        "items": len(items),
        "pass_validation_before_filtering": ratio(candidates, generated),
        "mcq": len(mcqs),
        "mcq_distractors_all_same_kind": ratio(same_kind, len(mcqs)),
        "ieer_typing_accuracy_on_found_spans": ieer["typing_accuracy_on_found_spans"],
        "ieer_typed_f1": ieer["typed"]["f1"],
        "near_duplicate_pairs": near_duplicates(items),
    }


DATEISH = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|decade)\b",
    re.I,
)


def _kind_of(option: str, answer_kind: str, kinds: dict[str, str]) -> str:
    """The kind of a distractor: as the readings type it, else the list it was drawn from."""
    from quizwright.builders.distractors import names, organizations, quantities
    from quizwright.matching import name_key

    key = name_key(option.removeprefix("the "))
    if key in kinds:
        return kinds[key]
    if answer_kind in {"date", "number"}:
        return answer_kind if DATEISH.search(option) or option.lower() in quantities.WORD_NUMBERS else "other"
    for (kind, _), listed in names.FALLBACK.items():
        if option in listed:
            return kind
    if option in organizations.MEDIA:
        return "organization"
    return "term" if answer_kind == "term" else "other"


# ---- printing -----------------------------------------------------------------------------


def print_report(report: dict) -> None:
    for size in report["speed"]["sizes"]:
        print(
            f"\n{size['tokens']:,} tokens ({size['files']} files, {size['megabytes']} MB); "
            f"banks identical across jobs and cache: {size['identical_banks']}"
        )
        print(f"{'step':22}{'seconds':>9}{'tokens/s':>10}{'x floor':>9}{'peak MB':>9}")
        for r in size["rows"]:
            print(
                f"{r['step']:22}{r['seconds']:>9.2f}{r['tokens_per_s']:>10,}{r['ratio_to_floor']:>9.2f}{r['peak_mb']:>9.0f}"
            )
        print(
            f"2 jobs speed-up (cold): {size['jobs_2_speedup']}   warm/cold time: "
            f"{size['warm_vs_cold_time_1_job']} (1 job), {size['warm_vs_cold_time_2_jobs']} (2 jobs)   "
            f"1 edit/cold time: {size['one_edit_vs_cold_time_1_job']} (1 job), {size['one_edit_vs_cold_time_2_jobs']} (2 jobs)"
        )
    for kind, e in report["speed"]["exports"].items():
        if "error" in e:
            print(f"export {kind}: {e['error']}")
            continue
        print(f"export {kind}: {e['items']} items in {e['seconds']:.2f} s (peak {e['peak_mb']:.0f} MB)")
    if "quality" in report:
        print("\nquality (seeds + IEER):")
        for key, value in report["quality"].items():
            print(f"  {key}: {value}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,400000", help="corpus sizes in tokens, comma-separated")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--no-quality", action="store_true", help="skip the quality section")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="quizwright-perf-") as tmp:
        work = Path(tmp)
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0], "load_average": os.getloadavg()},
            "targets": TARGETS,
            "speed": speed(sizes, work),
        }
        if not args.no_quality:
            report["quality"] = quality(work)
    print_report(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
