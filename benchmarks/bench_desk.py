"""The desk's daily work at scale: claim search and filters, and the HTML report of 1,000 articles.

    python benchmarks/bench_desk.py search --claims 100000    # search and filters on 100k claims
    python benchmarks/bench_desk.py html --claims 10000       # HTML report of 1,000 articles, + Chromium

The stores are the synthetic corpora of ``bench_report.py`` (articles of 10 claims, words ``w00000`` …
``w19999``, 25 agencies, 3,000 people), written once under ``--cache`` as ``ingest`` writes them
(``add_articles``: RDF and search index) and reused.

``search``: each query is timed through :func:`provenance.reports.claim_listing.claim_listing` with
``--limit 20`` (median of ``--repeat`` runs in this process, after one warm-up), and as the
``claims ... --limit 20 --json`` command in a new process (start-up and opening the store
included), with the number of claims a search selects in all. The baselines, measured in the same
run on the same store: the listing without the search index (the RDF look-ups it made before), and
a scan of the texts with ``CONTAINS``.

``html``: ``report --html`` in a fresh process (seconds, file size), against ``report --json`` on the
same store in the same run (the figures every report computes); then the page opened in headless
Chromium, a word typed into the search box, and the time until the result count is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "reports"))



def store_of(cache: Path, claims: int) -> Path:
    """The synthetic store of ``claims`` claims under ``cache``, written once as ``ingest`` writes (search index included)."""
    path = cache / f"desk-index-{claims}"
    if not (path / "done").exists():
        import gc
        import shutil

        from bench_report import synthetic_articles

        from provenance.rdf.iris import IriScheme
        from provenance.rdf.repository import add_articles
        from provenance.storage import open_store

        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        corpus = list(synthetic_articles(claims))
        gc.freeze()  # millions of model objects the collector need not walk again and again
        started = time.perf_counter()
        store = open_store(str(path / "store"))
        for _ in add_articles(store, corpus, IriScheme(), method="benchmark", time="2026-01-01T00:00:00Z"):
            pass
        store.close()
        seconds = time.perf_counter() - started
        (path / "done").write_text(f"{seconds:.1f}\n")
        print(f"built {claims:,} claims in {seconds:.0f} s ({claims / seconds:,.0f} claims/s)", file=sys.stderr)
    return path / "store"


def timed(run, repeat: int) -> tuple[float, object]:
    result = run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def cli_seconds(path: Path, arguments: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``provenance --store PATH claims ARGUMENTS --limit 20 --json`` as a new process.

    The CPU time (user + system) is what a busy machine's waiting for a core does not inflate.
    """
    import resource

    provenance = str(Path(sys.executable).with_name("provenance"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([provenance, "--store", str(path), "claims", *arguments, "--limit", "20", "--json"],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_search(path: Path, repeat: int, baseline: bool) -> None:
    from pyoxigraph import Literal

    from provenance.model.filters import ClaimFilter, parse_instant
    from provenance.model.search_words import query_forms
    from provenance.rdf.claim_filters import _values
    from provenance.rdf.iris import IriScheme
    from provenance.reports.claim_listing import claim_listing
    from provenance.storage import open_store

    store = open_store(str(path), write=False)
    index = store.search_index()
    if index is None:
        raise SystemExit(f"{path} has no current search index")
    scheme = IriScheme()
    scan = ("SELECT ?claim ?word WHERE { ?claim schema:isPartOf ?article ; schema:text ?text . "
            "FILTER(CONTAINS(LCASE(STR(?text)), ?word)) }")
    # A person at the origin of some claims (which of the 3,000 are drawn depends on the size).
    person = claim_listing(store, ClaimFilter(kind="person", attributed=True, limit=1), scheme)[0]["origin"]["name"]
    queries = [
        ("one word", {"search": "w01234"}, ["--search", "w01234"]),
        ("two words", {"search": "w01234 w05678"}, ["--search", "w01234 w05678"]),
        ("a source's name", {"search": "Agency 7"}, ["--search", "Agency 7"]),
        ("a common word", {"search": "agency"}, ["--search", "agency"]),
        ("word + kind person", {"search": "w00042", "kind": "person"}, ["--search", "w00042", "--kind", "person"]),
        ("--source Agency 7", {"source": "Agency 7"}, ["--source", "Agency 7"]),
        (f"--origin {person}", {"origin": person}, ["--origin", person]),
        ("--kind person", {"kind": "person"}, ["--kind", "person"]),
        ("--since 2025-12-31", {"since": parse_instant("2025-12-31")}, ["--since", "2025-12-31"]),
    ]
    print(f"{'query':<22} {'first 20, in process':>21} {'claims command: wall':>21} {'CPU':>7} {'matches':>9}")
    for label, options, arguments in queries:
        page_time, _ = timed(lambda: claim_listing(store, ClaimFilter(limit=20, **options), scheme), repeat)
        wall, cpu = cli_seconds(path, arguments)
        matches = f"{sum(1 for _ in index.matches(query_forms(options['search']))):,}" if set(options) == {"search"} else "-"
        print(f"{label:<22} {page_time * 1000:18.1f} ms {wall:19.2f} s {cpu:5.2f} s {matches:>9}", flush=True)
    if baseline:
        # The same store read without its index, once each: the RDF look-ups the listing made before it, and a scan of the texts.
        store.search_index = lambda: None
        for label, options in (("one word", {"search": "w01234"}), ("a source's name", {"search": "Agency 7"})):
            started = time.perf_counter()
            claim_listing(store, ClaimFilter(limit=20, **options), scheme)
            print(f"baseline: {label} read without the index {(time.perf_counter() - started) * 1000:9.0f} ms", flush=True)
        started = time.perf_counter()
        found = list(_values(store, scan, {"word": Literal("w01234")}))
        print(f"baseline: one word by a scan of the texts {(time.perf_counter() - started) * 1000:9.0f} ms "
              f"({len(found):,} claims)", flush=True)
    store.close()


def _report_child(path: Path, html: Path | None) -> float:
    code = ("import sys, time; from provenance.storage import open_store; from provenance.reports.report import report_data; "
            "from provenance.reports.html import write_html_report; import json, pathlib; "
            "s = open_store(sys.argv[1], write=False); t = time.perf_counter(); d = report_data(s); "
            "json.dumps(d, ensure_ascii=False); "
            "(write_html_report(s, pathlib.Path(sys.argv[2]), report=d) if len(sys.argv) > 2 else None); "
            "print(time.perf_counter() - t)")
    args = [sys.executable, "-c", code, str(path)] + ([str(html)] if html else [])
    return float(subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip())


def bench_html(path: Path, out: Path, word: str) -> None:
    json_seconds = _report_child(path, None)
    html_seconds = _report_child(path, out)
    size = out.stat().st_size
    print(f"report --json          {json_seconds:6.2f} s")
    print(f"report --html          {html_seconds:6.2f} s  (x{html_seconds / json_seconds:.1f} the JSON report), "
          f"{size / 2**20:.1f} MB", flush=True)
    from chromium import Chromium, find_chromium

    executable = find_chromium()
    if executable is None:
        print("chromium: not installed, search in the browser not measured")
        return
    with Chromium(executable) as browser:
        started = time.perf_counter()
        page = browser.open_page(out.resolve().as_uri())
        loaded = time.perf_counter() - started
        timing = page.evaluate(
            "(function () { var box = document.getElementById('search-text'); var times = [];"
            f" ['{word}', '{word[:3]}', 'w'].forEach(function (w) {{ var t = performance.now(); box.value = w;"
            " box.dispatchEvent(new Event('input')); times.push([w, performance.now() - t,"
            " document.getElementById('result-count').textContent]); }); return JSON.stringify(times); })()")
        print(f"chromium: page loaded in {loaded:.1f} s (the DevTools round trip included)")
        for typed, milliseconds, count in json.loads(timing):
            print(f"chromium: search {typed!r:10} answered in {milliseconds:6.1f} ms: {count}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["search", "html"])
    parser.add_argument("--claims", type=int, default=None, help="Default: 100,000 for search, 10,000 for html.")
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "provenance-bench")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-baseline", action="store_true", help="search: leave out the reads without the index")
    arguments = parser.parse_args()
    claims = arguments.claims or (100_000 if arguments.what == "search" else 10_000)
    path = store_of(arguments.cache, claims)
    print(f"{claims:,} synthetic claims in {claims // 10:,} articles")
    if arguments.what == "search":
        bench_search(path, arguments.repeat, not arguments.no_baseline)
    else:
        bench_html(path, arguments.cache / f"desk-{claims}" / "report.html", "w01234")


if __name__ == "__main__":
    main()
