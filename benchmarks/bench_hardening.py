"""Reliability figures: the fuzz suite at scale, kill -9 during writes, and every hostile input under a memory limit.

Usage: python benchmarks/bench_hardening.py [--fuzz-cases 250] [--kills 20] [--only fuzz,crash,limits]

- fuzz: ``--fuzz-cases`` mutated inputs of each of 8 kinds (claims documents, corpus lines,
  Turtle, TriG, N-Quads, JSON-LD, RDF/XML, ClaimReview; tests/hardening/fuzzing.py), each run
  through the CLI: tracebacks, stores changed by a failed command, stores ``report`` cannot read
  afterwards (all must be 0), and the exit codes.
- crash: ``ingest`` (150 documents of the German dev corpus), ``import`` (their TriG export),
  ``rate``, ``verdict`` and ``correct``, each killed with SIGKILL ``--kills`` times at a random moment within
  its clean run's duration (measured first, in the same run); after each kill: whether the store
  opens and ``report`` reads it, how many article graphs are incomplete (a graph present that
  is not exactly the clean run's), and whether running the command again ends with the store
  equal to the clean run's (times of writing, and the names of ratings and corrections made of
  them, set aside).
- limits: each hostile input of the hardening tests run as a subprocess under ``ulimit -v``
  2 GB and a 60 s timeout: its exit code, seconds and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("PROVENANCE_SHARED", ROOT.parent / "shared"))
SEED_TEXT = SHARED / "seed" / "tass-talks-de.txt"
SEED_GOLD = SHARED / "seed" / "tass-talks-de.gold.json"
CORPUS = SHARED / "corpora" / "de-wikinews-2024" / "dev.jsonl"
PROVENANCE = str(Path(sys.executable).parent / "provenance")
MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 60
#: The machine the figures come from is shared: a process is killed only at three times the limit
#: of wall time, and its CPU seconds are what is held against TIME_LIMIT.
WALL_LIMIT = 3 * TIME_LIMIT
DATETIME = re.compile(r'"[^"]*"\^\^<http://www\.w3\.org/2001/XMLSchema#dateTime>')
# A rating is named by a hash of its time: a rerun of ``rate`` after a kill that came too late to
# stop it adds a second rating, the same but for its time, and marks the first invalidated.
RATING_IRI = re.compile(r"<[^>]*/rating/[0-9a-f]+>")
INVALIDATED = "<http://www.w3.org/ns/prov#invalidatedAtTime>"
# A correction is named by a hash of what it is and of its time (correction_iri in
# provenance/rdf/corrections.py), so the same correction written by two runs has two names. Only
# the hash is set aside (its #reading, #hop-N, #target-N parts stay apart) and every other statement
# is compared: a correction written in part still differs from the clean run's.
CORRECTION_IRI = re.compile(r"(<[^>]*/correction/)[0-9a-f]+(?=[#>])")


# fuzz ------------------------------------------------------------------------------------------


def fuzz(cases_per_kind: int, kinds: list[str] | None = None) -> None:
    from tests.hardening import fuzzing

    started = time.time()
    outcome = fuzzing.run(SEED_TEXT, SEED_GOLD, cases_per_kind, seed=2026, kinds=kinds or fuzzing.KINDS,
                          progress=lambda kind, n: print(f"  {kind:<12} {n} cases, {time.time() - started:.0f} s", flush=True))
    total = sum(outcome.cases.values())
    accepted = sum(count for (kind, code), count in outcome.exits.items() if code == 0)
    refused = sum(count for (kind, code), count in outcome.exits.items() if code == 1)
    kinds = {kind: {code: count for (k, code), count in outcome.exits.items() if k == kind} for kind in outcome.cases}
    tracebacks = sum(1 for failure in outcome.failures if "traceback" in failure or "exit code" in failure)
    changed = sum(1 for failure in outcome.failures if "store changed" in failure)
    unreadable = sum(1 for failure in outcome.failures if "report cannot read" in failure)
    print(f"fuzz: {total} cases in {time.time() - started:.0f} s ({(time.time() - started) / total:.2f} s a case): "
          f"{accepted} accepted, {refused} refused with one line; tracebacks {tracebacks}, "
          f"stores changed by a failed command {changed}, stores unreadable after an accepted one {unreadable}")
    for kind, codes in kinds.items():
        print(f"  {kind:<12} exit 0: {codes.get(0, 0):>4}  exit 1: {codes.get(1, 0):>4}")
    for failure in outcome.failures[:20]:
        print("  FAILURE", failure)


# crash -----------------------------------------------------------------------------------------


def store_state(path: Path) -> dict[str, frozenset[str]]:
    """Every graph of a store as its quads, with the times of writing (and the names of ratings and corrections made of them) set aside."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    graphs: dict[str, set[str]] = {}
    for quad in store:
        triple = str(quad.triple)
        if INVALIDATED in triple:
            continue
        triple = CORRECTION_IRI.sub(r"\1HASH", RATING_IRI.sub("<RATING>", DATETIME.sub('"TIME"', triple)))
        graphs.setdefault(str(quad.graph_name), set()).add(triple)
    del store
    return {graph: frozenset(triples) for graph, triples in graphs.items()}


def readable(path: Path) -> bool:
    """Whether the store opens and ``report`` reads it (a subprocess, as a user would run it)."""
    result = subprocess.run([PROVENANCE, "--store", str(path), "report", "--json"], capture_output=True, text=True)
    return result.returncode == 0 and "claims" in json.loads(result.stdout or "{}")


def crash(kills: int, rng: random.Random, work: Path, only: set[str] | None = None) -> list[dict]:
    corpus = work / "corpus.jsonl"
    corpus.write_text("".join(CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)[:150]), encoding="utf-8")
    base = work / "base"
    run([PROVENANCE, "--store", str(base), "add", "--text", str(SEED_TEXT), str(SEED_GOLD)])
    ingested = work / "ingested"
    shutil.copytree(base, ingested)
    run([PROVENANCE, "--store", str(ingested), "ingest", str(corpus)], ok=(0, 1))
    export = work / "corpus.trig"
    run([PROVENANCE, "--store", str(ingested), "export", "--format", "trig", "-o", str(export)])
    operations = {
        "ingest": (base, ["ingest", str(corpus)]),
        "import": (base, ["import", str(export)]),
        "rate": (ingested, ["rate", "Tass", "--reliability", "B", "--by", "Desk K"]),
        "verdict": (ingested, ["verdict", "Hotels", "--rating", "False", "--by", "Desk K", "--date", "2026-03-01"]),
        "correct": (ingested, ["correct", "Hotels zurückgekehrt", "--chain",
                               "Verhandlungskreise [anonymous-group] > Tass > Agentur PAP [news-agency]", "--by", "Desk K"]),
    }
    results = []
    for name, (start, arguments) in operations.items():
        if only and name not in only:
            continue
        clean = work / f"clean-{name}"
        shutil.copytree(start, clean)
        began = time.time()
        run([PROVENANCE, "--store", str(clean), *arguments], ok=(0, 1))
        duration = time.time() - began
        expected = store_state(clean)
        before = store_state(start)
        figures = {"operation": name, "clean_seconds": duration, "kills": 0, "killed_before_end": 0, "unreadable": 0,
                   "half_articles": 0, "rerun_differs": 0}
        for trial in range(kills):
            store = work / f"{name}-{trial}"
            shutil.copytree(start, store)
            process = subprocess.Popen([PROVENANCE, "--store", str(store), *arguments],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration))
            if process.poll() is None:
                figures["killed_before_end"] += 1
            process.send_signal(signal.SIGKILL)
            process.wait()
            figures["kills"] += 1
            if not readable(store):
                figures["unreadable"] += 1
            state = store_state(store)
            # Each graph is as before the command or as after it, never in between.
            figures["half_articles"] += sum(1 for graph, triples in state.items()
                                            if triples != expected.get(graph) and triples != before.get(graph))
            run([PROVENANCE, "--store", str(store), *arguments], ok=(0, 1))
            if store_state(store) != expected:
                figures["rerun_differs"] += 1
            shutil.rmtree(store)
        shutil.rmtree(clean)
        results.append(figures)
        print(f"crash {name:<8} clean run {duration:5.1f} s; {figures['kills']} kills "
              f"({figures['killed_before_end']} before it ended): unreadable stores {figures['unreadable']}, "
              f"half articles {figures['half_articles']}, rerun unlike the clean run {figures['rerun_differs']}",
              flush=True)
    return results


def run(command: list[str], ok=(0,)) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-500:]}")
    return result


# limits ----------------------------------------------------------------------------------------


def hostile_inputs(work: Path) -> list[tuple[str, list[str]]]:
    """Each input of the hardening tests, at the sizes the issue measured, and the command it is given to."""
    from tests.hardening.test_exhaustion import BILLION_LAUGHS

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    files = {
        "lol.rdf": BILLION_LAUGHS,
        "deep.ttl": "<http://a> <http://b> " + "[ <http://c> " * 100_000 + "<http://d>" + " ]" * 100_000 + " .\n",
        "deep.rdf": ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                     'xmlns:ex="http://example.org/">' + "<rdf:Description><ex:p>" * 100_000 + "x"
                     + "</ex:p></rdf:Description>" * 100_000 + "</rdf:RDF>"),
        "deep.jsonld": '{"@id": "http://a", "http://b": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "bigint.json": '{"doc": "x", "claims": [{"spans": [[0, ' + "9" * 5000 + "]]}]}",
        "million.json": '{"doc": "m", "claims": [' + ",".join(['{"spans": [[0, 1]]}'] * 1_000_000) + "]}",
        "hops.json": json.dumps({**gold, "claims": [{**gold["claims"][0],
                                                     "chain": [{"name": f"Q{n}", "kind": "person"} for n in range(5000)]}]}),
        "huge.jsonl": json.dumps({"id": "huge", "text": "Er sagte, es regne. " * 5_000_000}) + "\n",
        "dup.jsonl": '{"id": "a", "text": "Er sagte, es regne."}\n{"id": "a", "text": "Sie sagte, es schneie."}\n',
    }
    for name, content in files.items():
        (work / name).write_text(content, encoding="utf-8")
    store = str(work / "limits-store")
    run([PROVENANCE, "--store", store, "add", "--text", str(SEED_TEXT), str(SEED_GOLD)])
    add = ["--store", store, "add", "--text", str(SEED_TEXT)]
    return [
        ("RDF/XML billion laughs", ["--store", store, "import", str(work / "lol.rdf")]),
        ("Turtle 100,000 deep", ["--store", store, "import", str(work / "deep.ttl")]),
        ("RDF/XML 100,000 deep", ["--store", store, "import", str(work / "deep.rdf")]),
        ("JSON-LD 100,000 deep", ["--store", store, "import", str(work / "deep.jsonld")]),
        ("JSON 100,000 deep", [*add, str(work / "deep.json")]),
        ("integer of 5,000 digits", [*add, str(work / "bigint.json")]),
        ("a million claims", [*add, str(work / "million.json")]),
        ("5,000 hops", [*add, str(work / "hops.json")]),
        ("100 MB single-line .jsonl", ["--store", store, "ingest", str(work / "huge.jsonl")]),
        ("one id twice in .jsonl", ["--store", store, "ingest", str(work / "dup.jsonl")]),
        ("trace of 'http://a b'", ["--store", store, "trace", "http://a b"]),
        ("query of 10^12 rows (default limit)", ["--store", store, "query",
                                                  "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"]),
    ]


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def limits(work: Path) -> None:
    print(f"limits: every hostile input under ulimit -v {MEMORY_LIMIT // 1024**2} MB; within: exit 0 or 1, "
          f"at most {TIME_LIMIT} s of CPU")
    for label, arguments in hostile_inputs(work):
        began = time.time()
        process = subprocess.Popen([PROVENANCE, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   preexec_fn=limited)
        timer = threading.Timer(WALL_LIMIT, process.kill)
        timer.start()
        stderr = process.stderr.read().decode("utf-8", "replace")
        # wait4 gives this child's own peak resident memory.
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        code = f"killed at {WALL_LIMIT} s" if process.returncode < 0 else process.returncode
        message = (stderr.strip().splitlines() or ["(no message)"])[-1]
        traceback = "TRACEBACK " if "Traceback" in stderr else ""
        cpu = usage.ru_utime + usage.ru_stime
        verdict = "within" if cpu <= TIME_LIMIT and code in (0, 1) else "OVER"
        print(f"  {label:<38} exit {code} {traceback}CPU {cpu:5.1f} s (wall {time.time() - began:5.1f} s), "
              f"peak {usage.ru_maxrss / 1024:5.0f} MB, {verdict}: {message[:100]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz-cases", type=int, default=250, help="mutated cases of each of the 8 input kinds")
    parser.add_argument("--kills", type=int, default=20, help="kill -9 of each of ingest, import, rate, verdict, correct")
    parser.add_argument("--only", default="fuzz,crash,limits")
    parser.add_argument("--operations", help="crash only these operations (comma-separated: ingest,import,rate,verdict,correct)")
    parser.add_argument("--kinds", help="fuzz only these input kinds (comma-separated; default all 8)")
    parser.add_argument("--seed", type=int, default=23)
    options = parser.parse_args()
    parts = set(options.only.split(","))
    with tempfile.TemporaryDirectory(prefix="provenance-hardening-") as temporary:
        work = Path(temporary)
        if "limits" in parts:
            limits(work)
        if "crash" in parts:
            crash(options.kills, random.Random(options.seed), work,
                  set(options.operations.split(",")) if options.operations else None)
        if "fuzz" in parts:
            fuzz(options.fuzz_cases, options.kinds.split(",") if options.kinds else None)


if __name__ == "__main__":
    main()
