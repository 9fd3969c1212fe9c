"""The scale benchmark: ingest, export, trace and report on 10k, 100k and 1M synthetic claims.

    python benchmarks/run.py                          # 10k, 100k, 1M (1M takes a long while)
    python benchmarks/run.py --sizes 10000,100000
    python benchmarks/run.py --sizes 10000 --no-virtuoso

Prints one table per size; every figure stands beside baselines measured in the same run on the
same triples: plain rdflib in memory (parse N-Quads, serialize Turtle, the trace queries through
rdflib's SPARQL engine) and raw pyoxigraph (bulk load of the N-Quads file into an on-disk store,
and its ``optimize`` after it).
Our columns are the embedded on-disk store and a Virtuoso server (Debian's virtuoso-opensource-7,
started here on 127.0.0.1 with its own data directory, and stopped at the end).

What is measured (each row in a fresh child process, so that its peak memory is its own):

- ingest: ``add_articles`` of every synthetic article, as ``provenance ingest`` stores what it
  extracted (new articles in atomic writes of 50k, then 100k triples, loaded in the background
  while the next ones are mapped), up to the closed store: claims/s and triples/s, beside rdflib's
  parse and pyoxigraph's raw bulk load of the same triples. Neither compacts the store. The
  synthetic articles are made before the clock starts (their memory is in the peak).
  Into Virtuoso, writes of 50k triples go up with one Graph Store Protocol PUT per article.
- push: ``provenance push`` of the whole embedded store to Virtuoso (batches of graphs).
- trace: ``trace_data`` (what ``provenance trace`` computes) of ``--trace-samples`` random claims by
  IRI (fewer when they take over a minute, at least 5): median and p99 latency. rdflib runs the
  same claim and hop queries.
- report: ``report_data`` (what ``provenance report --json`` computes) on the whole store.
- export: the whole store as N-Quads and as Turtle, triples/s (last, as it fills the OS cache).
- optimize: ``provenance optimize`` (a full compaction) of the embedded store, beside pyoxigraph's
  ``optimize`` of the raw store; then trace and report once more, on the compacted store.

Trace and report first read the store as the ingest left it, in the first process that opens it;
the embedded store is exported after the compaction (Virtuoso's after its trace and report).

The synthetic corpus is the one of benchmarks/bench_report.py (articles of 10 claims, stories told
by several outlets, chains of 1-3 hops), mapped by ``provenance.rdf.mapping.article_graph``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "storage"))

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
FIXED_TIME = "2026-01-01T00:00:00Z"
SERIALIZE_MAX = 50_000
TRACE_BUDGET = 60.0  # seconds of tracing per store; at least 5 claims are traced


def articles(claims: int):
    from bench_report import synthetic_articles

    return synthetic_articles(claims)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


# children: each prints one JSON object ----------------------------------------------------------------


def corpus_file(work: Path, size: int, suffix: str = ".nq") -> Path:
    """Where the corpus of ``size`` claims is cached, as the current mapping writes it."""
    from provenance.rdf.mapping import MAPPING_VERSION

    return work / f"claims-{size}-mapping{MAPPING_VERSION}{suffix}"


def child_prepare(size: int, work: Path, **_) -> dict:
    """The corpus as one N-Quads file (cached), for the baselines; and a sample of claim IRIs."""
    import pyoxigraph as ox

    from provenance.rdf.iris import IriScheme
    from provenance.rdf.mapping import article_graph

    data = corpus_file(work, size)
    sample = corpus_file(work, size, ".sample.json")
    if data.exists() and sample.exists():
        return {key: value for key, value in json.loads(sample.read_text()).items() if key != "sample"}
    scheme = IriScheme()
    triples = 0
    claim_iris: list[str] = []
    partial = data.with_suffix(".partial")
    with open(partial, "wb") as output:
        for article in articles(size):
            graph = article_graph(article, scheme, method="benchmark", time=FIXED_TIME)
            name = ox.NamedNode(graph.graph)
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in graph.triples), output,
                         format=ox.RdfFormat.N_QUADS)
            triples += len(graph.triples)
            claim_iris.extend(claim.id for claim in article.claims)
    partial.rename(data)
    rng = random.Random(size)
    result = {"triples": triples, "claims": len(claim_iris), "sample": rng.sample(claim_iris, min(1000, len(claim_iris)))}
    sample.write_text(json.dumps(result))
    return {key: value for key, value in result.items() if key != "sample"}


def claim_sample(work: Path, size: int) -> list[str]:
    return json.loads(corpus_file(work, size, ".sample.json").read_text())["sample"]


def child_rdflib(size: int, work: Path, trace_samples: int, **_) -> dict:
    import rdflib

    from provenance.rdf.queries import CLAIM_MARKS, CLAIM_ROWS
    from provenance.rdf.vocab import PREFIXES

    data = corpus_file(work, size)
    samples = claim_sample(work, size)
    triples = json.loads(corpus_file(work, size, ".sample.json").read_text())["triples"]
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    parse = time.perf_counter() - started
    log(f"    rdflib parsed {triples:,} triples in {parse:.1f} s")
    # rdflib's Turtle serializer runs at a few thousand triples/s, so it gets at most the first
    # SERIALIZE_MAX triples; its rate is about constant with size, measured at 10k-40k. It keeps
    # its own default prefixes: binding the project's made it 15 times slower here.
    union = rdflib.Graph()
    for triple in itertools.islice(dataset.triples((None, None, None)), SERIALIZE_MAX):
        union.add(triple)
    started = time.perf_counter()
    union.serialize(destination=str(work / "rdflib.ttl"), format="turtle")
    serialize = time.perf_counter() - started
    log(f"    rdflib serialized {len(union):,} triples as Turtle in {serialize:.1f} s")
    os.unlink(work / "rdflib.ttl")
    latencies = []
    for iri in samples[: max(1, trace_samples // 20)]:
        started = time.perf_counter()
        for query in (CLAIM_ROWS, CLAIM_MARKS):
            list(dataset.query(query, initNs=PREFIXES, initBindings={"claim": rdflib.URIRef(iri)}))
        latencies.append(time.perf_counter() - started)
    return {"parse_tps": triples / parse, "serialize_tps": len(union) / serialize, "triples": triples,
            "trace_median_ms": statistics.median(latencies) * 1000, "trace_p99_ms": percentile(latencies, 0.99) * 1000,
            "peak_mib": peak_mib()}


def child_pyoxigraph(size: int, work: Path, **_) -> dict:
    import pyoxigraph as ox

    from provenance.storage.embedded import directory_bytes

    path = work / "raw-pyoxigraph"
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(path))
    store.bulk_load(path=str(corpus_file(work, size)), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    disk = directory_bytes(path)
    # What `provenance optimize` does to our store, done to this one.
    started = time.perf_counter()
    store.optimize()
    compaction = time.perf_counter() - started
    triples = len(store)
    del store
    compacted_disk = directory_bytes(path)
    shutil.rmtree(path, ignore_errors=True)
    return {"load_tps": triples / seconds, "seconds": seconds, "compaction_s": compaction,
            "disk_gib": disk / 2**30, "compacted_disk_gib": compacted_disk / 2**30, "peak_mib": peak_mib()}



def open_backend(backend: str, work: Path, url: str | None):
    from provenance.storage import open_store
    from provenance.storage.endpoint import EndpointStore

    if backend == "embedded":
        return open_store(str(work / "embedded"))
    graph_store = url.rsplit("/", 1)[0] + "/sparql-graph-crud"
    return EndpointStore(url, graph_store_url=graph_store)


def child_ingest(size: int, work: Path, backend: str, url: str | None = None, **_) -> dict:
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_articles
    from provenance.storage.embedded import directory_bytes

    if backend == "embedded":
        shutil.rmtree(work / "embedded", ignore_errors=True)
    store = open_backend(backend, work, url)
    scheme = IriScheme()
    claims = triples = 0
    # Made beforehand: made on the fly they would take a core from the background writes. Frozen,
    # so that the collector does not walk these millions of objects again and again: a reader
    # streaming articles from disk holds a handful (100k claims: 46 s frozen, 66 s not).
    corpus = list(articles(size))
    gc.freeze()
    started = time.perf_counter()
    for result in add_articles(store, corpus, scheme, method="benchmark", time=FIXED_TIME):
        claims += result.claims
        triples += result.triples
    store.close()
    seconds = time.perf_counter() - started
    result = {"claims_per_s": claims / seconds, "tps": triples / seconds, "seconds": seconds, "peak_mib": peak_mib()}
    if backend == "embedded":
        result["disk_gib"] = directory_bytes(work / "embedded") / 2**30
    return result


def child_optimize(size: int, work: Path, **_) -> dict:
    from provenance.storage import open_store
    from provenance.storage.compaction import compact

    store = open_store(str(work / "embedded"))
    done = compact(store)
    store.close()
    return {"seconds": done.seconds, "disk_gib": done.bytes_after / 2**30, "peak_mib": peak_mib()}


def child_push(size: int, work: Path, url: str, **_) -> dict:
    from provenance.storage import open_store
    from provenance.storage.transfer import transfer

    source = open_store(str(work / "embedded"), write=False)
    target = open_backend("virtuoso", work, url)
    started = time.perf_counter()
    result = transfer(source, target)
    seconds = time.perf_counter() - started
    return {"tps": result.triples / seconds, "seconds": seconds, "peak_mib": peak_mib()}


def child_read(size: int, work: Path, backend: str, trace_samples: int, url: str | None = None,
               export: bool = True, trace: bool = True, **_) -> dict:
    from provenance.storage import open_store

    store = open_store(str(work / "embedded"), write=False) if backend == "embedded" else open_backend(backend, work, url)
    samples = claim_sample(work, size)
    result: dict = {}
    if trace:
        trace_and_report(store, samples, trace_samples, backend, result)
    # The export comes last: it writes the whole store to the same disk twice, which pushes the
    # store's files out of the OS cache (1M claims: trace median 12.5 ms after it, 6.5 ms before).
    for fmt in ("nquads", "turtle") if export else ():
        target = work / f"export.{fmt}"
        started = time.perf_counter()
        with open(target, "wb") as output:
            store.dump(output, fmt)
        result[f"export_{fmt}_s"] = time.perf_counter() - started
        log(f"    {backend} export {fmt} in {result[f'export_{fmt}_s']:.1f} s")
        os.unlink(target)
    result["peak_mib"] = peak_mib()
    store.close()
    return result


def trace_and_report(store, samples: list[str], trace_samples: int, backend: str, result: dict) -> None:
    from provenance.reports.claims import trace_data

    trace_data(store, samples[0])  # first query warms caches and connections
    latencies = []
    deadline = time.perf_counter() + TRACE_BUDGET
    for iri in samples[:trace_samples]:
        started = time.perf_counter()
        trace_data(store, iri)
        latencies.append(time.perf_counter() - started)
        if started > deadline and len(latencies) >= 5:
            break
    result["trace_samples"] = len(latencies)
    log(f"    {backend} trace median {statistics.median(latencies) * 1000:.1f} ms over {len(latencies)} claims")
    result["trace_median_ms"] = statistics.median(latencies) * 1000
    result["trace_p99_ms"] = percentile(latencies, 0.99) * 1000
    result["peak_mib_trace"] = peak_mib()
    try:
        from provenance.reports.report import report_data
    except ImportError:
        report_data = None
    if report_data is not None:
        started = time.perf_counter()
        report_data(store)
        result["report_s"] = time.perf_counter() - started
        log(f"    {backend} report in {result['report_s']:.1f} s")


CHILDREN = {
    "prepare": child_prepare,
    "rdflib": child_rdflib,
    "pyoxigraph": child_pyoxigraph,
    "ingest": child_ingest,
    "push": child_push,
    "read": child_read,
    "optimize": child_optimize,
}


# parent --------------------------------------------------------------------------------------------------


def run_child(name: str, **arguments) -> dict | str:
    """Run one measurement in a fresh interpreter; a failure is returned as one line saying so."""
    command = [sys.executable, __file__, "--child", name, "--arguments", json.dumps(arguments, default=str)]
    started = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    log(f"  {name} {arguments.get('backend', '')} done in {time.perf_counter() - started:.0f} s")
    if completed.returncode != 0:
        return f"failed with exit code {completed.returncode} (its error is above)"
    return json.loads(completed.stdout.strip().splitlines()[-1])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fmt(value, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if value >= 100:
        return f"{value:,.0f}{unit}"
    if value >= 10:
        return f"{value:.1f}{unit}"
    return f"{value:.2f}{unit}"


def ratio(ours, baseline) -> str:
    if not isinstance(ours, (int, float)) or not isinstance(baseline, (int, float)) or not baseline:
        return "-"
    return f"{ours / baseline:.2f}x"


def get(result, key):
    return result.get(key) if isinstance(result, dict) else (result if key == "_error" else None)


def measure(size: int, work: Path, url: str | None, options) -> dict:
    log(f"\n== {size:,} claims ==")
    prepared = run_child("prepare", size=size, work=work)
    if isinstance(prepared, str):
        raise SystemExit(f"preparing {size} claims {prepared}")
    common = {"size": size, "work": work, "trace_samples": options.trace_samples}
    rows: dict = {"triples": prepared["triples"], "claims": prepared["claims"]}
    if prepared["triples"] <= options.rdflib_max_triples:
        log("  rdflib ...")
        rows["rdflib"] = run_child("rdflib", **common)
    else:
        rows["rdflib"] = f"skipped (> {options.rdflib_max_triples:,} triples: memory)"
    log("  raw pyoxigraph ...")
    rows["pyoxigraph"] = run_child("pyoxigraph", **common)
    log("  embedded ingest ...")
    rows["embedded_ingest"] = run_child("ingest", backend="embedded", **common)
    log("  embedded trace/report ...")
    rows["embedded_read"] = run_child("read", backend="embedded", export=False, **common)
    log("  embedded optimize, then trace/report, then export ...")
    rows["embedded_optimize"] = run_child("optimize", **common)
    rows["embedded_read_optimized"] = run_child("read", backend="embedded", export=False, **common)
    rows["embedded_export"] = run_child("read", backend="embedded", trace=False, **common)
    if url is not None:
        if size <= options.virtuoso_max_claims:
            log("  virtuoso ingest ...")
            clear_server(url)
            rows["virtuoso_ingest"] = run_child("ingest", backend="virtuoso", url=url, **common)
            clear_server(url)
            log("  virtuoso push ...")
            rows["virtuoso_push"] = run_child("push", url=url, **common)
            log("  virtuoso export/trace/report ...")
            rows["virtuoso_read"] = run_child("read", backend="virtuoso", url=url, **common)
            if not options.last_size:
                clear_server(url)
        else:
            # Through HTTP the server takes ~20k triples/s (40 min for 1M claims): it is loaded by its
            # own bulk loader instead, and read as it is at the smaller sizes, without the export.
            rows["virtuoso_ingest"] = f"skipped (> {options.virtuoso_max_claims:,} claims: loaded by ld_dir instead)"
            log("  virtuoso bulk load (ld_dir) ...")
            clear_server(url)
            started = time.perf_counter()
            options.server.bulk_load(corpus_file(work, size))
            seconds = time.perf_counter() - started
            rows["virtuoso_bulk"] = {"tps": prepared["triples"] / seconds, "seconds": seconds}
            log(f"    loaded in {seconds:.0f} s")
            log("  virtuoso trace/report ...")
            rows["virtuoso_read"] = run_child("read", backend="virtuoso", url=url, export=False, **common)
            if not options.last_size:
                clear_server(url)
    shutil.rmtree(work / "embedded", ignore_errors=True)
    return rows


def clear_server(url: str) -> None:
    from provenance.storage.endpoint import EndpointStore

    store = EndpointStore(url)
    for graph in store.graph_names():
        store.drop_graph(graph)
    store.close()


def table(size: int, rows: dict) -> str:
    rdf, raw = rows.get("rdflib"), rows.get("pyoxigraph")
    ingest, read, exported = rows.get("embedded_ingest"), rows.get("embedded_read"), rows.get("embedded_export")
    optimized, read_optimized = rows.get("embedded_optimize"), rows.get("embedded_read_optimized")
    v_ingest, v_push, v_read = rows.get("virtuoso_ingest"), rows.get("virtuoso_push"), rows.get("virtuoso_read")
    triples = rows["triples"]

    def export_tps(result, fmt_name):
        seconds = get(result, f"export_{fmt_name}_s")
        return triples / seconds if seconds else None

    lines = [
        ("ingest claims/s", None, None, get(ingest, "claims_per_s"), get(v_ingest, "claims_per_s"), ""),
        ("ingest triples/s (add_articles)", get(rdf, "parse_tps"), get(raw, "load_tps"), get(ingest, "tps"),
         get(v_ingest, "tps"), (f"vs rdflib parse {ratio(get(ingest, 'tps'), get(rdf, 'parse_tps'))} (target >= 4x), "
                                f"vs raw bulk load {ratio(get(ingest, 'tps'), get(raw, 'load_tps'))} (target >= 0.8x)")),
        ("store on disk GiB", None, get(raw, "disk_gib"), get(ingest, "disk_gib"), None, "as the load or ingest left it"),
        ("push embedded -> server, triples/s", None, None, None, get(v_push, "tps"), ""),
        ("server's own bulk loader, triples/s", None, None, None, get(rows.get("virtuoso_bulk"), "tps"),
         "ld_dir + rdf_loader_run, where ingest through HTTP is skipped"),
        ("export N-Quads triples/s", None, None, export_tps(exported, "nquads"), export_tps(v_read, "nquads"), ""),
        ("export Turtle triples/s", get(rdf, "serialize_tps"), None, export_tps(exported, "turtle"),
         export_tps(v_read, "turtle"),
         f"vs rdflib Turtle {ratio(export_tps(exported, 'turtle'), get(rdf, 'serialize_tps'))} (target >= 30x)"),
        ("trace median ms", get(rdf, "trace_median_ms"), None, get(read, "trace_median_ms"),
         get(v_read, "trace_median_ms"), "target <= 10 ms embedded, <= 50 ms server"),
        ("trace p99 ms", get(rdf, "trace_p99_ms"), None, get(read, "trace_p99_ms"), get(v_read, "trace_p99_ms"), ""),
        ("report s", None, None, get(read, "report_s"), get(v_read, "report_s"),
         f"server/embedded {ratio(get(v_read, 'report_s'), get(read, 'report_s'))} (target <= 3x)"),
        ("optimize (compaction) s", None, get(raw, "compaction_s"), get(optimized, "seconds"), None,
         "on request: provenance optimize / ingest --optimize"),
        ("  store on disk GiB after it", None, get(raw, "compacted_disk_gib"), get(optimized, "disk_gib"), None, ""),
        ("  trace median ms after it", None, None, get(read_optimized, "trace_median_ms"), None, ""),
        ("  trace p99 ms after it", None, None, get(read_optimized, "trace_p99_ms"), None, ""),
        ("  report s after it", None, None, get(read_optimized, "report_s"), None, ""),
        ("peak MiB ingest", get(rdf, "peak_mib"), get(raw, "peak_mib"), get(ingest, "peak_mib"), get(v_ingest, "peak_mib"), ""),
        ("peak MiB trace+report", None, None, get(read, "peak_mib"), get(v_read, "peak_mib"), "report <= 4 GB"),
        ("peak MiB export", None, None, get(exported, "peak_mib"), None, ""),
    ]
    header = ("", "rdflib", "pyoxigraph raw", "embedded", "virtuoso", "")
    body = [(label, fmt(a), fmt(b), fmt(c), fmt(d), note) for label, a, b, c, d, note in lines]
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(6)]
    out = [f"{size:,} claims, {triples:,} triples ({rows['claims']:,} claims)"]
    out.append("  ".join(str(cell).ljust(widths[i]) if i in (0, 5) else str(cell).rjust(widths[i])
                         for i, cell in enumerate(header)).rstrip())
    for row in body:
        out.append("  ".join(str(cell).ljust(widths[i]) if i in (0, 5) else str(cell).rjust(widths[i])
                             for i, cell in enumerate(row)).rstrip())
    failures = [f"{name}: {value}" for name, value in rows.items() if isinstance(value, str)]
    out.extend(f"  note: {failure}" for failure in failures)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="claims per run, comma-separated")
    parser.add_argument("--workdir", type=Path, help="where corpora and stores go (default: a temporary directory)")
    parser.add_argument("--no-virtuoso", action="store_true", help="leave the Virtuoso column out")
    parser.add_argument("--trace-samples", type=int, default=200)
    parser.add_argument("--rdflib-max-triples", type=int, default=6_000_000,
                        help="skip rdflib above this (it holds ~1.5 KB per triple in memory)")
    parser.add_argument("--virtuoso-max-claims", type=int, default=100_000)
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--child")
    parser.add_argument("--arguments")
    options = parser.parse_args()
    if options.child:
        arguments = json.loads(options.arguments)
        arguments["work"] = Path(arguments["work"])
        print(json.dumps(CHILDREN[options.child](**arguments)))
        return
    sizes = [int(size) for size in options.sizes.split(",") if size]
    work = options.workdir or Path(tempfile.mkdtemp(prefix="provenance-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    server = None
    url = None
    if not options.no_virtuoso:
        from virtuoso_server import VirtuosoServer, installed

        if installed():
            shutil.rmtree(work / "virtuoso", ignore_errors=True)
            server = VirtuosoServer(work / "virtuoso", buffers=340_000)
            server.start()
            url = server.sparql_url
        else:
            print("Virtuoso is not installed (.ci/virtuoso-install.sh); its column stays empty", file=sys.stderr)
    options.server = server
    results = {}
    try:
        for size in sizes:
            options.last_size = size == sizes[-1]
            results[size] = measure(size, work, url, options)
            print("\n" + table(size, results[size]), flush=True)
    finally:
        if server is not None:
            server.stop()
    if options.json:
        options.json.write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
