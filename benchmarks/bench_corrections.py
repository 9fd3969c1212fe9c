"""What the corrected view costs the readers: ``report`` and ``trace`` with a desk's corrections against the
same store read as extracted, in the same run.

    python benchmarks/bench_corrections.py                  # 10k and 100k claims
    python benchmarks/bench_corrections.py --sizes 10000

The synthetic corpus is bench_report.py's (built under ``--cache`` and reused). A copy of it gets
``--corrections`` chain corrections and withdrawals on claims spread over the corpus and ``--merges``
source merges (agencies merged in pairs). Each figure is the median of ``--repeat`` runs in this
process; the baseline is the same store wrapped in :class:`provenance.rdf.corrected.AsExtracted`,
which every reader takes for the machine's reading (no correction is looked up at all), and a
store without corrections at all shows what the one look-up that finds none costs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import build_store  # noqa: E402


def alternating_medians(actions: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each action, run in turns (ABAB…) so that other work on the
    machine slows them alike."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in actions}
    for _ in range(repeat):
        for label, action in actions.items():
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            times[label].append((time.perf_counter() - wall, time.process_time() - cpu))
    return {label: (statistics.median(t[0] for t in found), statistics.median(t[1] for t in found))
            for label, found in times.items()}


def correct_store(path: Path, corrections: int, merges: int) -> list[str]:
    """Add corrections and merges to the store at ``path``; returns the IRIs of the corrected claims."""
    from provenance.rdf import correcting, queries
    from provenance.rdf.iris import IriScheme
    from provenance.storage import open_store

    store = open_store(str(path))
    scheme = IriScheme()
    try:
        articles = [article.iri for article in queries.articles(store)]
        step = max(1, len(articles) // corrections)
        corrected = []
        for number, article in enumerate(articles[::step][:corrections]):
            record = next(r for r in queries.claim_records(store, article=article) if r.chain)
            if number % 4 == 3:
                correcting.correct_claim(store, scheme, record.iri, withdraw=True, by="bench")
            else:
                correcting.correct_claim(store, scheme, record.iri, chain="Kreise 9 [anonymous-group] > Agency 0",
                                         by="bench")
            corrected.append(record.iri)
        for number in range(merges):
            correcting.merge_sources(store, scheme, f"Agency {2 * number + 1}", f"Agency {2 * number + 2}", by="bench")
        return corrected
    finally:
        store.close()


def measure(path: Path, claim: str, repeat: int) -> dict[str, tuple[float, float]]:
    from provenance.rdf.corrected import AsExtracted
    from provenance.reports.claims import trace_data
    from provenance.reports.report import report_data
    from provenance.storage import open_store

    store = open_store(str(path), write=False)
    try:
        extracted = AsExtracted(store)
        figures = alternating_medians({"report as extracted": lambda: report_data(extracted),
                                       "report corrected": lambda: report_data(store)}, max(3, repeat // 5))
        figures.update(alternating_medians({"trace as extracted": lambda: trace_data(extracted, claim),
                                            "trace corrected": lambda: trace_data(store, claim)}, repeat))
        return figures
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--corrections", type=int, default=100)
    parser.add_argument("--merges", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/provenance-bench"))
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        plain = args.cache / f"report-{size}"
        if not plain.exists():
            print(f"building {size} claims: {build_store(plain, size):.1f} s", flush=True)
        corrected_path = args.cache / f"corrections-{size}"
        shutil.rmtree(corrected_path, ignore_errors=True)
        shutil.copytree(plain, corrected_path)
        started = time.perf_counter()
        claims = correct_store(corrected_path, args.corrections, args.merges)
        print(f"{size} claims: {args.corrections} corrections and {args.merges} merges written in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        with_corrections = measure(corrected_path, claims[0], args.repeat)
        without = measure(plain, claims[0], args.repeat)
        for what in ("report", "trace"):
            (base, base_cpu), (ours, ours_cpu) = with_corrections[f"{what} as extracted"], with_corrections[f"{what} corrected"]
            (plain, plain_cpu), (none, none_cpu) = without[f"{what} as extracted"], without[f"{what} corrected"]
            print(f"  {what:6} wall / CPU ms: as extracted {base * 1000:.1f} / {base_cpu * 1000:.1f}, corrected "
                  f"{ours * 1000:.1f} / {ours_cpu * 1000:.1f} ({ours / base:.2f}x / {ours_cpu / base_cpu:.2f}x); "
                  f"store without corrections {none * 1000:.1f} / {none_cpu * 1000:.1f} against "
                  f"{plain * 1000:.1f} / {plain_cpu * 1000:.1f} ({none / plain:.2f}x / {none_cpu / plain_cpu:.2f}x)")


if __name__ == "__main__":
    main()
