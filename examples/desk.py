"""A fact-checking desk's morning, through the Python API: store the wire stories, see who they rest on.

    python examples/desk.py [STORE]      (default: a new folder under the system's temporary folder)

Stores the hand-read wire examples and the two bundled articles (extracted), prints each claim's
chain, the sources the desk relies on most, which claims rest on one source alone, and checks
the store against the project's SHACL shapes through its rdflib Dataset.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import provenance

HERE = Path(__file__).resolve().parent


def main() -> None:
    location = sys.argv[1] if len(sys.argv) > 1 else str(Path(tempfile.mkdtemp(prefix="desk-")) / "store")
    store = provenance.open(location)
    for claims in sorted((HERE / "wire").glob("*.json")):
        document = json.loads(claims.read_text(encoding="utf-8"))
        provenance.add(store, document, claims.with_suffix(".txt").read_text(encoding="utf-8"))
    outcomes = provenance.ingest(store, HERE / "articles")
    stored = [outcome.source for outcome in outcomes if outcome.result is not None]
    print(f"extracted and stored {len(stored)} of {len(outcomes)} articles")

    report = provenance.report(store)
    print(f"{report['articles']} articles, {report['claims']} attributed claims")
    for row in provenance.claims(store, attributed=True):
        print(f"  {row['short_id']}  {' > '.join(row['chain'])}  “{row['text'][:50]}”")

    print("relied on most:")
    for source in provenance.sources(store, sort="reliance", limit=3):
        print(f"  {source['name']} ({source['kind']}): {source['relayed']} relayed, {source['originated']} originated")
    for cluster in report["clusters"]:
        if cluster["independent_sources"] <= 1:
            print(f"one source only, in {cluster['articles']} articles: “{cluster['text']}”")

    flow = provenance.to_networkx(store)
    print(f"flow graph: {flow.number_of_nodes()} nodes, {flow.number_of_edges()} edges")
    try:
        import pyshacl
    except ImportError:
        print("SHACL: pyshacl is not installed (pip install pyshacl)")
    else:
        conforms, _, text = pyshacl.validate(provenance.dataset(store), shacl_graph=provenance.shapes())
        print("SHACL: conforms" if conforms else text)
    store.close()


if __name__ == "__main__":
    main()
