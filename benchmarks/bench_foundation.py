"""Time and peak memory to add and export synthetic claims, beside plain rdflib doing the same work.

Usage: python benchmarks/bench_foundation.py [--sizes 10000,100000] [--claims-per-article 10]

Each measurement runs in a fresh subprocess so that its peak resident memory is its own.
"ours" adds every article in its own transaction to an on-disk store and exports Turtle;
"rdflib" maps the same articles to the same triples, adds them to an in-memory rdflib Dataset
(one named graph per article) and serializes Turtle. The ratio is rdflib time / our time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ["anonymous-group", "person", "state", "organization", "anonymous-person"]
AGENCIES = ["Tass", "Reuters", "dpa", "AFP", "AP", "Interfax"]


def synthetic_articles(claims: int, per_article: int):
    """Articles of ``per_article`` claims, each with a two-hop chain origin -> agency."""
    from provenance.model import Article, Claim, Cue, Hop, Source

    sentence = "Die Gespräche seien konstruktiv gewesen, berichtete {agency} unter Berufung auf {origin}. "
    for a in range(0, claims // per_article):
        parts, claims_of_article, offset = [], [], 0
        for c in range(per_article):
            agency = AGENCIES[(a + c) % len(AGENCIES)]
            origin = f"Quelle {a}-{c}" if c % 3 else f"Sprecher {c % 50}"
            text = sentence.format(agency=agency, origin=origin)
            content = (offset, offset + 38)
            agency_start = offset + text.index(agency)
            origin_start = offset + text.index(origin)
            claims_of_article.append(Claim(
                text=text[:38],
                spans=(content,),
                cue=Cue(spans=((offset + 40, offset + 50),), text="berichtete"),
                chain=(
                    Hop(Source(origin, KINDS[c % len(KINDS)]), origin_start, origin_start + len(origin)),
                    Hop(Source(agency, "news-agency"), agency_start, agency_start + len(agency)),
                ),
                mode="indirect",
            ))
            parts.append(text)
            offset += len(text)
        yield Article(id=f"synthetic-{a}", text="".join(parts), lang="de", publisher=f"Outlet {a % 20}",
                      claims=claims_of_article)


def run_ours(claims: int, per_article: int) -> dict:
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_article, export_store
    from provenance.storage import EmbeddedStore

    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(Path(folder) / "store")
        scheme = IriScheme()
        triples = 0
        start = time.perf_counter()
        for article in synthetic_articles(claims, per_article):
            triples += add_article(store, article, scheme, time="2026-01-01T00:00:00Z").triples
        added = time.perf_counter()
        with open(Path(folder) / "out.ttl", "wb") as output:
            export_store(store, output, "turtle")
        exported = time.perf_counter()
        store.close()
    return {"add": added - start, "export": exported - added, "triples": triples}


def run_rdflib(claims: int, per_article: int) -> dict:
    import rdflib
    from pyoxigraph import Literal as OxLiteral
    from pyoxigraph import NamedNode as OxNamedNode

    from provenance.rdf.iris import IriScheme
    from provenance.rdf.mapping import article_graph

    def term(node):
        if isinstance(node, OxNamedNode):
            return rdflib.URIRef(node.value)
        if isinstance(node, OxLiteral):
            if node.language:
                return rdflib.Literal(node.value, lang=node.language)
            return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))
        return rdflib.BNode(node.value)

    dataset = rdflib.Dataset()
    scheme = IriScheme()
    triples = 0
    start = time.perf_counter()
    for article in synthetic_articles(claims, per_article):
        mapped = article_graph(article, scheme, method="add", time="2026-01-01T00:00:00Z")
        graph = dataset.graph(rdflib.URIRef(mapped.graph))
        for t in mapped.triples:
            graph.add((term(t.subject), term(t.predicate), term(t.object)))
        triples += len(mapped.triples)
    added = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        union = rdflib.Graph()
        for graph in dataset.graphs():
            for t in graph:
                union.add(t)
        union.serialize(Path(folder) / "out.ttl", format="turtle")
    exported = time.perf_counter()
    return {"add": added - start, "export": exported - added, "triples": triples}


def child(kind: str, claims: int, per_article: int) -> None:
    result = {"ours": run_ours, "rdflib": run_rdflib}[kind](claims, per_article)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, claims: int, per_article: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--sizes", str(claims), "--claims-per-article", str(per_article)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--baseline-up-to", type=int, default=100000,
                        help="measure the rdflib baseline only up to this many claims (its Turtle export of "
                             "10k claims took 18 minutes here)")
    parser.add_argument("--child", choices=["ours", "rdflib"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        child(args.child, sizes[0], args.claims_per_article)
        return
    header = f"{'claims':>8} {'triples':>9} {'impl':>7} {'add s':>8} {'claims/s':>9} {'export s':>9} {'peak MB':>8}"
    print(header)
    print("-" * len(header))
    for claims in sizes:
        kinds = ("ours", "rdflib") if claims <= args.baseline_up_to else ("ours",)
        results = {kind: measure(kind, claims, args.claims_per_article) for kind in kinds}
        for kind, r in results.items():
            print(f"{claims:>8} {r['triples']:>9} {kind:>7} {r['add']:>8.2f} {claims / r['add']:>9.0f} "
                  f"{r['export']:>9.2f} {r['peak_mb']:>8.0f}")
        if "rdflib" not in results:
            print(f"{'':>8} {'':>9} {'ratio':>7}  (no rdflib baseline above {args.baseline_up_to} claims)")
            continue
        ours, base = results["ours"], results["rdflib"]
        print(f"{'':>8} {'':>9} {'ratio':>7} {base['add'] / ours['add']:>7.1f}x {'':>9} "
              f"{base['export'] / ours['export']:>8.1f}x {base['peak_mb'] / ours['peak_mb']:>7.1f}x  (rdflib / ours)")


if __name__ == "__main__":
    main()
