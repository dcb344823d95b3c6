"""Speed and memory of quizwright as a teacher runs it: every figure is a command, timed from
start to exit as it runs alone, and the peak of its processes' summed PSS
(/proc/PID/smaps_rollup) sampled in a second run of it (run).

    NLTK_DATA=../shared/nltk_data python bench/perf.py [--megabytes 2.2] [--banks 5000,20000,100000] [--json out.json]

- The benchmark corpus: the seed articles and the IEER news texts, repeated with names
  permuted and numbers shifted (bench/corpus.py), about --megabytes of text, built as one
  reading (one file) and as 24 files.
- floor: Punkt sentence split + Treebank tokenize + perceptron tagging of the corpus, in a
  process; its tokens are the corpus size and every rate is those tokens over a step's time.
  It is timed in the same rounds as the builds below, so that the machine's drift falls on both.
- build cold, 1 job and 2 jobs (empty cache), and warm, 1 job (the cache the cold run filled),
  each `quizwright build CORPUS -o NEW.yaml --jobs N` with its own cache folder, timed in three
  rounds of one of each (the medians stand, every run is in the JSON), then run once more each
  for its peak PSS.
- banks of 5,000 / 20,000 / 100,000 items (the example bank's items repeated under new ids,
  its readings beside it): `validate`, `stats`, `show --limit 20`, `export csv|anki|pdf`, next
  to a process that only loads the file with LibYAML (yaml.CSafeLoader); and `build` of the
  readings into the bank (a merge), next to a process that loads the bank as a merge must
  (ruamel.yaml's round-trip loader, which keeps comments) and writes it back.
  `--banks-only` runs just these rows.

The quality section is not timed: validation pass rate before filtering, MCQs whose three
distractors are the answer's kind, entity typing on IEER (bench/entity_eval.py), near-duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
TARGETS = {
    "cold_1_vs_floor": 0.7,  # at least
    "jobs_2_speedup": 1.6,  # at least, cold build with 2 jobs over 1
    "warm_vs_cold_time": 0.1,  # at most
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


# ---- measurements: each a command run as a user runs it, timed from start to exit -------


def pss_kb(pid: int) -> int:
    """Proportional set size of one process (/proc/PID/smaps_rollup): shared pages split among
    the processes sharing them, so a forked worker's inherited pages are not counted twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return 0


def descendants(pid: int) -> list[int]:
    """pid and every process below it."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return found


def run(command: list[str], cwd: Path, env: dict[str, str], reset: Callable[[], object] | None = None) -> dict:
    """A command's wall time from start to exit, run alone; then, after reset() has put back
    what the first run changed (a cold build's cache, a bank it wrote), its peak PSS in a second
    run. The sampler is kept out of the timed run: each sample walks every page of every
    process under the mapping lock the workers' allocations need, which slowed a two-job build
    of 24 readings by 2-4 %."""
    seconds = _timed(command, cwd, env)
    if reset is not None:
        reset()
    return {"seconds": seconds, "peak_mb": _sampled(command, cwd, env) / 1024}


def _timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    return _timed_run(command, cwd, env)[0]


def _timed_run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """The command's wall time, and what it wrote to stderr."""
    start = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    _check(command, process.returncode, process.stderr.decode())
    return seconds, process.stderr.decode()


def _sampled(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """The peak of the command's process tree's summed PSS in kB (sampled every 50 ms, or less
    often while a sample takes long)."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        sampled = time.process_time()
        peak = max(peak, sum(pss_kb(p) for p in descendants(process.pid)))
        # the kernel walks every page of each process to sum its PSS: 18 ms a sample in a build
        # of 24 readings, a fifth of a core taken from its workers at 50 ms; kept under 4 %
        time.sleep(max(0.05, 25 * (time.process_time() - sampled)))
    _check(command, process.returncode, process.stderr.read().decode() if process.stderr else "")
    return peak


def _check(command: list[str], returncode: int, stderr: str) -> None:
    if returncode not in (0, 1):  # validate exits 1 on findings
        message = stderr.strip().splitlines()
        raise RuntimeError(f"{' '.join(command[:3])} failed: {message[-1] if message else returncode}")


QUIZWRIGHT = [str(Path(sys.executable).parent / "quizwright")]
"""The installed command, beside this interpreter."""
FLOOR = """
import sys
from nltk.tag.perceptron import PerceptronTagger
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktTokenizer
from quizwright.sources import read_documents
splitter, words, tagger = PunktTokenizer("english"), NLTKWordTokenizer(), PerceptronTagger(lang="eng")
tokens = 0
for doc in read_documents([sys.argv[1]]):
    tokens += sum(len(s) for s in tagger.tag_sents([words.tokenize(s) for s in splitter.tokenize(doc.text)]))
print(tokens, file=sys.stderr)
"""
LIBYAML = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
ROUND_TRIP = """
import io, sys
from quizwright.bank import round_trip_yaml
from quizwright.files import write_atomic
tree = round_trip_yaml().load(open(sys.argv[1], encoding="utf-8").read())
out = io.StringIO()
round_trip_yaml().dump(tree, out)
write_atomic(sys.argv[2], out.getvalue().encode("utf-8"))
"""


BUILDS = (("cold, 1 job", 1, "c1"), ("warm, 1 job", 1, "c1"), ("cold, 2 jobs", 2, "c2"))
"""Each build: its name, its jobs, its cache folder (the warm build's is the one the cold build
of the same round filled)."""
ROUNDS = 3
"""Timed runs of the floor and of each build, in rounds of one of each: the medians stand. On this
machine a single run of the two-job build of 24 files gave 1.47x to 1.71x over one job within an
hour, and the floor itself took 30.7 s in one run and 33.1 s in the next."""


def builds(label: str, corpus: Path, work: Path, env: dict[str, str], rounds: int = ROUNDS) -> dict:
    """`rounds` rounds of the floor, build cold (1 job), warm (1 job) and cold (2 jobs) of one
    corpus, each a process timed alone; then each once more for its peak PSS."""
    tokens = 0  # as the floor counts them (Punkt + Treebank + perceptron): it prints them last
    floor_command = [sys.executable, "-c", FLOOR, str(corpus)]
    floor_times: list[float] = []
    times: dict[str, list[float]] = {name: [] for name, _, _ in BUILDS}
    banks: list[bytes] = []
    peaks: dict[str, float] = {}
    for n in range(rounds + 1):  # the last round samples memory instead of timing
        if n < rounds:
            seconds, said = _timed_run(floor_command, corpus.parent, env)
            floor_times.append(seconds)
            tokens = int(said.strip().splitlines()[-1])
        else:
            peaks["floor"] = _sampled(floor_command, corpus.parent, env) / 1024
        for name, jobs, cache in BUILDS:
            bank = work / f"{label}-{cache}.yaml"
            command = [*QUIZWRIGHT, "build", str(corpus), "-o", str(bank), "--jobs", str(jobs)]
            cached = {**env, "XDG_CACHE_HOME": str(work / f"cache-{label}-{cache}")}
            if n < rounds:
                times[name].append(_timed(command, work, cached))
            else:
                peaks[name] = _sampled(command, work, cached) / 1024
            banks.append(bank.read_bytes())
            bank.unlink()  # the next build writes a new bank, not a merge into this one
            if name != "cold, 1 job":  # the warm build after it takes its cache
                shutil.rmtree(work / f"cache-{label}-{cache}")
    seconds = {name: statistics.median(runs) for name, runs in times.items()}
    floor_seconds = statistics.median(floor_times)
    floor_rate = rate(tokens, floor_seconds)
    rows = [row("NLTK floor", tokens, floor_seconds, floor_rate, peaks["floor"])]
    rows += [row(f"build {name}", tokens, seconds[name], floor_rate, peaks[name]) for name, _, _ in BUILDS]
    return {
        "corpus": label,
        "tokens": tokens,
        "megabytes": round(sum(p.stat().st_size for p in _files(corpus)) / 1e6, 2),
        "files": len(_files(corpus)),
        "rows": rows,
        "runs": {"floor": [round(t, 2) for t in floor_times]}
        | {name: [round(t, 2) for t in runs] for name, runs in times.items()},
        "identical_banks": len(set(banks)) == 1,
        "cold_1_vs_floor": ratio(rate(tokens, seconds["cold, 1 job"]), floor_rate),
        "warm_vs_cold_time": ratio(seconds["warm, 1 job"], seconds["cold, 1 job"]),
        "jobs_2_speedup": ratio(seconds["cold, 1 job"], seconds["cold, 2 jobs"]),
    }


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.iterdir()) if corpus.is_dir() else [corpus]


BANK_COMMANDS = [
    ("validate", ["validate"]),
    ("stats", ["stats"]),
    ("show --limit 20", ["show", "--limit", "20"]),
    ("export csv", ["export", "csv"]),
    ("export anki", ["export", "anki"]),
    ("export pdf", ["export", "pdf"]),
]
BANK_TARGETS = {"validate": 3, "stats": 3, "show --limit 20": 2, "export csv": 3, "export anki": 3}


def banks_of(template: Path, sizes: list[int], work: Path, env: dict[str, str], skip_pdf_above: int) -> list[dict]:
    """For each size: a bank of that many items (the template's, repeated under new ids, its
    sources beside it), the time LibYAML alone takes to load it, and each read-only command."""
    from quizwright.bank import save_bank
    from quizwright.fastbank import load_bank_fast
    from quizwright.models import Bank

    seed = load_bank_fast(template)
    out = []
    for size in sizes:
        path = template.parent / f"bank-{size}.yaml"
        save_bank(Bank(seed.title, seed.sources, repeated_items(seed.items, size)), path)
        reference = run([sys.executable, "-c", LIBYAML, str(path)], work, env)
        rows = []
        for name, args in BANK_COMMANDS:
            if name == "export pdf" and size > skip_pdf_above:
                continue
            target = work / f"out-{size}-{name.replace(' ', '-')}"
            extra = ["-o", str(target)] if args[0] == "export" else []
            got = run([*QUIZWRIGHT, *args, str(path), *extra], work, env)
            rows.append({"command": name, "seconds": round(got["seconds"], 2), "peak_mb": round(got["peak_mb"]),
                         "vs_libyaml": ratio(got["seconds"], reference["seconds"]), "target": BANK_TARGETS.get(name)})  # fmt: skip
        out.append({"items": size, "megabytes": round(path.stat().st_size / 1e6, 1),
                    "libyaml_seconds": round(reference["seconds"], 2), "rows": rows,
                    "merge": merge_into(path, work, env)})  # fmt: skip
    return out


def merge_into(bank: Path, work: Path, env: dict[str, str]) -> dict:
    """`quizwright build seeds -o BANK` into a copy of the bank (its readings beside it), and a
    process that loads the bank's round-trip tree and writes it back (what a merge must do)."""
    target = bank.with_name(f"merge-{bank.name}")
    target.write_bytes(bank.read_bytes())
    rewrite = run([sys.executable, "-c", ROUND_TRIP, str(bank), str(work / "rewritten.yaml")], work, env)
    merge = run(
        [*QUIZWRIGHT, "build", "seeds", "-o", target.name, "--jobs", "1"],
        bank.parent,
        env,
        lambda: target.write_bytes(bank.read_bytes()),  # the bank as it was before the merge
    )
    return {"seconds": round(merge["seconds"], 2), "peak_mb": round(merge["peak_mb"]),
            "load_and_write_seconds": round(rewrite["seconds"], 2), "load_and_write_peak_mb": round(rewrite["peak_mb"]),
            "vs_load_and_write": ratio(merge["seconds"], rewrite["seconds"])}  # fmt: skip


def bank_template(work: Path, env: dict[str, str]) -> Path:
    """The example bank, built from the seeds in a folder of its own (the seeds beside it)."""
    template = work / "banks" / "template.yaml"
    template.parent.mkdir()
    (template.parent / "seeds").mkdir()
    for f in SEEDS.glob("*.txt"):
        (template.parent / "seeds" / f.name).write_bytes(f.read_bytes())
    subprocess.run([*QUIZWRIGHT, "build", "seeds", "-o", template.name], cwd=template.parent, env=env, check=True,
                   capture_output=True)  # fmt: skip
    return template


def speed(megabytes: float, bank_sizes: list[int], work: Path, skip_pdf_above: int, banks_only: bool = False) -> dict:
    sys.path.insert(0, str(HERE))
    import corpus as corpus_mod

    # every command's cache under the run's own folder, never the user's (the builds set their own)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
    if banks_only:
        return {"builds": [], "banks": banks_of(bank_template(work, env), bank_sizes, work, env, skip_pdf_above)}
    texts = corpus_mod.base_texts(SEEDS)
    many = work / "corpus"
    corpus_mod.write_corpus(texts, int(megabytes * 190_000), many)  # about 190,000 tokens a megabyte
    files = sorted(many.iterdir())
    one = work / "one" / "book.txt"
    one.parent.mkdir()
    one.write_text("\n\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
    parts = work / "files24"
    parts.mkdir()
    per = -(-len(files) // 24)
    for k in range(24):
        chunk = files[k * per : (k + 1) * per]
        if chunk:
            (parts / f"part{k:02d}.txt").write_text(
                "\n\n".join(f.read_text(encoding="utf-8") for f in chunk), encoding="utf-8"
            )
    results = [builds("one reading", one, work, env), builds("24 files", parts, work, env)]
    return {"builds": results, "banks": banks_of(bank_template(work, env), bank_sizes, work, env, skip_pdf_above)}


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
    for b in report["speed"]["builds"]:
        print(f"\n{b['corpus']}: {b['tokens']:,} tokens, {b['files']} file(s), {b['megabytes']} MB; "
              f"banks identical across jobs and cache: {b['identical_banks']}")  # fmt: skip
        print(f"{'step':22}{'seconds':>9}{'tokens/s':>10}{'x floor':>9}{'peak PSS MB':>13}")
        for r in b["rows"]:
            print(
                f"{r['step']:22}{r['seconds']:>9.2f}{r['tokens_per_s']:>10,}{r['ratio_to_floor']:>9.2f}{r['peak_mb']:>13.0f}"
            )
        print("timed runs (median above): " + "; ".join(f"{k} {v}" for k, v in b["runs"].items()))
        print(f"cold/floor {b['cold_1_vs_floor']} (target >= {TARGETS['cold_1_vs_floor']}); warm/cold time "
              f"{b['warm_vs_cold_time']} (<= {TARGETS['warm_vs_cold_time']}); 2 jobs speed-up {b['jobs_2_speedup']} "
              f"(>= {TARGETS['jobs_2_speedup']})")  # fmt: skip
    for bank in report["speed"]["banks"]:
        print(f"\n{bank['items']:,}-item bank ({bank['megabytes']} MB): LibYAML alone {bank['libyaml_seconds']:.2f} s")
        for r in bank["rows"]:
            target = f"(target <= {r['target']}x)" if r["target"] else ""
            print(
                f"  {r['command']:18}{r['seconds']:>8.2f} s {r['vs_libyaml']:>6}x LibYAML {target:22} peak PSS {r['peak_mb']} MB"
            )
        m = bank["merge"]
        print(f"  {'build (merge)':18}{m['seconds']:>8.2f} s {m['vs_load_and_write']:>6}x round-trip load and write "
              f"({m['load_and_write_seconds']:.2f} s, peak PSS {m['load_and_write_peak_mb']} MB)  peak PSS {m['peak_mb']} MB")  # fmt: skip
    if "quality" in report:
        print("\nquality (seeds + IEER):")
        for key, value in report["quality"].items():
            print(f"  {key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.2, help="size of the benchmark corpus")
    parser.add_argument("--banks", default="5000,20000,100000", help="bank sizes in items, comma-separated")
    parser.add_argument("--pdf-up-to", type=int, default=20000, help="skip the PDF export of larger banks")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--no-quality", action="store_true", help="skip the quality section")
    parser.add_argument("--banks-only", action="store_true", help="only the bank rows (implies --no-quality)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.banks.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="quizwright-perf-") as tmp:
        work = Path(tmp)
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0], "load_average": os.getloadavg()},
            "targets": TARGETS,
            "speed": speed(args.megabytes, sizes, work, args.pdf_up_to, args.banks_only),
        }
        if not (args.no_quality or args.banks_only):
            report["quality"] = quality(work)
    print_report(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
