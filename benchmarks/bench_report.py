"""Time and peak memory of ``provenance report`` on synthetic corpora of 10k, 100k and 1M claims.

    python benchmarks/bench_report.py                 # 10k, 100k, 1M
    python benchmarks/bench_report.py --sizes 10000   # one size

Each corpus is built once with the library (``article_graph`` of generated articles, bulk-loaded into an
on-disk pyoxigraph store under ``--cache`` and compacted) and reused on later runs. The report then runs in a fresh
child process per size, so that the peak resident memory printed is the report's own (building the
store is not measured). Each phase is timed: reading the store, clustering and the graph analyses,
and turning the findings into the ``--json`` data.

The synthetic news: articles of 10 claims from 300 outlets; every claim tells one of ``claims / 4``
stories, so a story appears in about four articles, worded with small variations; chains of 1-3 hops
from an anonymous (per article) or named origin through one of 25 agencies, and now and then through
another outlet, which makes chains continue into other outlets' articles and a few circles.

Where the time goes (measured on the 100k store): scanning a predicate costs nothing (COUNT over
``schema:isPartOf``: 0.03 s), decoding what it returns is everything (0.6-0.9 s for the same rows),
because the on-disk store keeps every IRI and long literal as a hash and looks each one up again;
joins are worse still (the hops as one grouped join: 11 s, as single-pattern scans: 2 s; names and
kinds of 1M claims' sources as one join: over ten minutes). So every article carries one
``cp:corpusSummary`` literal with what the report reads of it, and the report reads those (one value
decoded per article instead of about ten per claim) plus the sources' names and kinds by DISTINCT
scans (:mod:`provenance.rdf.analysis_queries`). Stores cached before the summaries existed are given
them in place (:func:`add_summaries`).

Measured on this 2-core machine with some other work running, against the code before the summaries
(``--baseline``), same findings (``--json`` digest) at every size; wall / CPU seconds::

    claims   total (before)             read            analyse         json          peak MB (before)
    10k       0.45 / 0.41 (0.95 / 0.93)  0.22 (0.61)     0.20 (0.30)     0.04 (0.03)     135 (143)
    100k      4.54 / 4.50 (10.6 / 10.3)  1.51 (6.89)     2.28 (3.13)     0.75 (0.55)     430 (476)
    1M        53.6 / 53.1 (165 / 153)    17.4 (120)      30.9 (36.4)     5.40 (8.06)   2,506 (2,397)

The machine this runs on is often busy with other work, which stretches wall-clock times by two or
three: each phase is also given in CPU seconds, and ``--baseline DIR`` measures another checkout's
code (``git archive <commit> | tar -x -C DIR``) on the same stores right after ours and prints the
ratios and whether both found the same (a digest of the ``--json`` data).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
CLAIMS_PER_ARTICLE = 10
OUTLETS = 300
AGENCIES = 25
PEOPLE = 3_000
VOCABULARY = 20_000


def synthetic_articles(claims: int, seed: int = 7):
    """Yield model Articles with ``claims`` claims in all, deterministically."""
    from provenance.model import Article, Claim, Hop, Source

    rng = random.Random(seed)
    words = [f"w{n:05d}" for n in range(VOCABULARY)]
    stories = max(1, claims // 4)
    outlets = [f"Outlet {n}" for n in range(OUTLETS)]
    agencies = [Source(f"Agency {n}", "news-agency") for n in range(AGENCIES)]
    people = [Source(f"Person {n}", "person") for n in range(PEOPLE)]
    story_cache: dict[int, tuple[list[str], Source, Source | None]] = {}

    def story(number: int):
        if number not in story_cache:
            local = random.Random(number * 7919 + seed)
            text = local.sample(words, 9)
            agency = agencies[local.randrange(AGENCIES)]
            person = people[local.randrange(PEOPLE)] if local.random() < 0.4 else None
            story_cache[number] = (text, agency, person)
        return story_cache[number]

    for article_number in range((claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE):
        count = min(CLAIMS_PER_ARTICLE, claims - article_number * CLAIMS_PER_ARTICLE)
        publisher = outlets[rng.randrange(OUTLETS)]
        pieces, article_claims, offset = [], [], 0
        for n in range(count):
            text_words, agency, person = story(rng.randrange(stories))
            text_words = list(text_words)
            if rng.random() < 0.3:
                text_words.insert(rng.randrange(len(text_words)), words[rng.randrange(VOCABULARY)])
            text = " ".join(text_words)
            origin = person or Source(f"Kreise {n % 3}", "anonymous-group")
            chain = [origin]
            roll = rng.random()
            if roll < 0.7:
                chain.append(agency)
            if roll < 0.1:
                chain.append(Source(outlets[rng.randrange(OUTLETS)], "media-outlet"))
            elif roll > 0.95:
                chain = [Source(outlets[rng.randrange(OUTLETS)], "media-outlet")]
            chain = [hop for index, hop in enumerate(chain) if hop.name != publisher or index == 0]
            mode = rng.choice(("indirect", "indirect", "direct", "reported"))
            if rng.random() < 0.05:
                chain, mode = [], "unattributed"
            article_claims.append(
                Claim(text=text, spans=((offset, offset + len(text)),), chain=tuple(Hop(s) for s in chain),
                      mode=mode, hedged=rng.random() < 0.1)
            )
            pieces.append(text + ". ")
            offset += len(text) + 2
        yield Article(id=f"a{article_number:07d}", text="".join(pieces), lang="de", publisher=publisher,
                      claims=article_claims)


def build_store(path: Path, claims: int) -> float:
    """Write the synthetic corpus to an on-disk store at ``path``; returns the seconds it took."""
    import pyoxigraph as ox

    from provenance.rdf.iris import IriScheme
    from provenance.rdf.mapping import article_graph

    started = time.perf_counter()
    scheme = IriScheme()
    store = ox.Store(str(path))

    def quads():
        for article in synthetic_articles(claims):
            graph = article_graph(article, scheme, method="benchmark", time="2026-01-01T00:00:00Z")
            name = ox.NamedNode(graph.graph)
            for triple in graph.triples:
                yield ox.Quad(triple.subject, triple.predicate, triple.object, name)

    store.bulk_extend(quads())
    store.flush()
    store.optimize()
    del store
    return time.perf_counter() - started


def add_summaries(path: Path) -> float:
    """Give a store cached before ``cp:corpusSummary`` existed the summaries ``article_graph`` now writes.

    Read the old way (single-pattern scans), grouped by article, added to each article's graph: minutes
    instead of the half hour a rebuild of a million claims takes. Returns the seconds it took.
    """
    import pyoxigraph as ox

    from provenance.rdf import analysis_queries
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.mapping import CP_CORPUS_SUMMARY, corpus_summary
    from provenance.storage import open_store

    started = time.perf_counter()
    store = open_store(str(path), write=False)
    records = analysis_queries.corpus_records(store)
    store.close()
    scheme = IriScheme()
    by_article: dict[str, list] = {}
    for record in records:
        by_article.setdefault(record.article.iri, []).append(record)

    def quads():
        for claims in by_article.values():
            article = claims[0].article
            summary = corpus_summary(article.iri, article.id, article.publisher_iri,
                                     [[claim.iri, claim.mode, claim.hedged, claim.text, [s.iri for s in claim.chain]]
                                      for claim in claims])
            yield ox.Quad(ox.NamedNode(article.iri), CP_CORPUS_SUMMARY, ox.Literal(summary),
                          ox.NamedNode(scheme.graph(article.id)))

    writable = ox.Store(str(path))
    writable.bulk_extend(quads())
    writable.flush()
    del writable
    return time.perf_counter() - started


def summarised(path: Path) -> bool:
    from provenance.rdf import analysis_queries
    from provenance.storage import open_store

    store = open_store(str(path), write=False)
    try:
        return analysis_queries._summarised(store)
    finally:
        store.close()


def measure(path: Path) -> dict:
    """Run the report on the store at ``path`` (in this process) and say how long each phase took."""
    from provenance.analysis.corpus import analyse_corpus
    from provenance.rdf import analysis_queries
    from provenance.reports.report import findings_data
    from provenance.storage import open_store

    store = open_store(str(path), write=False)
    phases, cpu = {}, {}
    started, cpu_started = time.perf_counter(), time.process_time()
    records = analysis_queries.corpus_records(store)
    articles = analysis_queries.article_count(store)
    phases["read"], cpu["read"] = time.perf_counter() - started, time.process_time() - cpu_started
    mark, cpu_mark = time.perf_counter(), time.process_time()
    findings = analyse_corpus(records, article_count=articles)
    phases["analyse"], cpu["analyse"] = time.perf_counter() - mark, time.process_time() - cpu_mark
    mark, cpu_mark = time.perf_counter(), time.process_time()
    data = findings_data(findings)
    encoded = json.dumps(data, ensure_ascii=False)
    phases["json"], cpu["json"] = time.perf_counter() - mark, time.process_time() - cpu_mark
    total, cpu_total = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": data["claims"] + data["unattributed"],
        "articles": data["articles"],
        "sources": len(data["sources"]),
        "clusters": len(data["clusters"]),
        "circles": len(data["circular"]),
        "json_mb": round(len(encoded.encode("utf-8")) / 2**20, 1),
        "seconds": round(total, 2),
        "phases": {name: round(value, 2) for name, value in phases.items()},
        "cpu_seconds": round(cpu_total, 2),
        "cpu": {name: round(value, 2) for name, value in cpu.items()},
        "digest": hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16],
        "peak_mb": round(peak_kib / 1024),
    }


def _child(store: Path, code: Path | None = None) -> dict:
    """Measure in a fresh process; ``code``: a checkout whose ``provenance`` package to measure instead."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())
    child = subprocess.run([sys.executable, __file__, "--measure", str(store)],
                           check=True, capture_output=True, text=True, env=env)
    return json.loads(child.stdout)


def _line(row: dict) -> str:
    phases, cpu = row["phases"], row["cpu"]
    return (f"{row['seconds']:7.2f} s (cpu {row['cpu_seconds']:.2f} s)  peak {row['peak_mb']:6,} MB  "
            f"(read {phases['read']:.2f}/{cpu['read']:.2f} s, analyse {phases['analyse']:.2f}/{cpu['analyse']:.2f} s, "
            f"json {phases['json']:.2f}/{cpu['json']:.2f} s wall/cpu; {row['sources']:,} sources, "
            f"{row['clusters']:,} clusters, {row['circles']} circles)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "provenance-bench")
    parser.add_argument("--rebuild", action="store_true", help="Build the stores again even if cached.")
    parser.add_argument("--baseline", type=Path,
                        help="A checkout of older code (e.g. git archive of a commit) to measure on the same stores, "
                             "right after ours: the machine may be busy, so compare ratios.")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure(arguments.measure)))
        return
    rows = []
    for size in arguments.sizes:
        path = arguments.cache / f"claims-{size}"
        if arguments.rebuild and path.exists():
            shutil.rmtree(path)
        if not (path / "done").exists():
            shutil.rmtree(path, ignore_errors=True)
            path.mkdir(parents=True)
            seconds = build_store(path / "store", size)
            (path / "done").write_text(f"{seconds:.1f}\n")
            print(f"built {size:,} claims in {seconds:.0f} s", file=sys.stderr)
        elif not summarised(path / "store"):
            seconds = add_summaries(path / "store")
            print(f"added summaries to the cached {size:,} claims in {seconds:.0f} s", file=sys.stderr)
        row = _child(path / "store")
        row["size"] = size
        rows.append(row)
        print(f"{size:>9,} claims  {_line(row)}", flush=True)
        if arguments.baseline:
            base = _child(path / "store", arguments.baseline)
            print(f"{'baseline':>16}  {_line(base)}", flush=True)
            same = "same findings" if base["digest"] == row["digest"] else "FINDINGS DIFFER"
            print(f"{'ratio':>16}  time x{row['seconds'] / base['seconds']:.2f}, cpu x{row['cpu_seconds'] / base['cpu_seconds']:.2f}, "
                  f"memory x{row['peak_mb'] / base['peak_mb']:.2f}; {same}", flush=True)
    for previous, current in pairwise(rows):
        factor = current["size"] / previous["size"]
        print(f"{previous['size']:,} -> {current['size']:,} claims (x{factor:g}): time x{current['seconds'] / previous['seconds']:.1f}, "
              f"memory x{current['peak_mb'] / previous['peak_mb']:.1f}")


if __name__ == "__main__":
    main()
