"""The desk's daily work at scale: claim search and filters, and the HTML report of 1,000 articles.

    python benchmarks/bench_desk.py search --claims 100000    # search and filters on 100k claims
    python benchmarks/bench_desk.py html --claims 10000       # HTML report of 1,000 articles, + Chromium

The stores are the synthetic corpora of ``bench_report.py`` (articles of 10 claims, words ``w00000`` …
``w19999``, 25 agencies, 3,000 people), built once under ``--cache`` with the current mapping
(search words included) and reused.

``search``: each query is timed (median of ``--repeat`` runs, in this process, after one warm-up)
through :func:`provenance.reports.claim_listing.claim_listing` with ``--limit 20``, as ``claims --search
... --limit 20`` runs it, with the number of claims it selects in all; the baseline, measured in the same run on the
same store, is what a store without search words does: the texts scanned with ``CONTAINS``.

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


def bench_search(path: Path, repeat: int) -> None:
    from pyoxigraph import Literal

    from provenance.model.filters import ClaimFilter
    from provenance.rdf import claim_filters
    from provenance.rdf.claim_filters import _values
    from provenance.rdf.iris import IriScheme
    from provenance.reports.claim_listing import claim_listing
    from provenance.storage import open_store

    store = open_store(str(path), write=False)
    scheme = IriScheme()
    scan = ("SELECT ?claim ?word WHERE { ?claim schema:isPartOf ?article ; schema:text ?text . "
            "FILTER(CONTAINS(LCASE(STR(?text)), ?word)) }")
    queries = [
        ("one word", {"search": "w01234"}, "w01234"),
        ("two words", {"search": "w01234 w05678"}, None),
        ("a source's name", {"search": "Agency 7"}, None),
        ("word + kind person", {"search": "w00042", "kind": "person"}, None),
        ("--source Agency 7", {"source": "Agency 7"}, None),
        ("--origin Person 12", {"origin": "Person 12"}, None),
        ("--kind person", {"kind": "person"}, None),
        ("--since 2025-12-31", {"since": __import__("provenance.model.filters", fromlist=["x"]).parse_instant("2025-12-31")}, None),
    ]
    print(f"{'query':<22} {'first 20':>10} {'matches':>9}")
    for label, options, scanned in queries:
        page_time, _ = timed(lambda: claim_listing(store, ClaimFilter(limit=20, **options), scheme), repeat)
        matches = sum(1 for _ in claim_filters.candidates(store, ClaimFilter(**options), scheme))
        print(f"{label:<22} {page_time * 1000:8.1f} ms {matches:9,}", flush=True)
        if scanned:
            base_time, found = timed(lambda: list(_values(store, scan, {"word": Literal(scanned)})), 1)
            print(f"{'  baseline: text scan':<22} {base_time * 1000:8.0f} ms {len(found):9,}   "
                  f"(search x{base_time / page_time:.0f} faster for the first page)", flush=True)
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
    arguments = parser.parse_args()
    claims = arguments.claims or (100_000 if arguments.what == "search" else 10_000)
    path = store_of(arguments.cache, claims)
    print(f"{claims:,} synthetic claims in {claims // 10:,} articles")
    if arguments.what == "search":
        bench_search(path, arguments.repeat)
    else:
        bench_html(path, arguments.cache / f"desk-{claims}" / "report.html", "w01234")


if __name__ == "__main__":
    main()
