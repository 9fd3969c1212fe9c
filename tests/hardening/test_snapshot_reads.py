"""Replacing articles never shows a reader old and new graphs together: every write is one step from one whole state to the next.

A reader in another process sees the store as it is after some write; so after each single write
the store must count each article once. The test wraps the pyoxigraph store and counts the
claims after every call that changes it (staging graphs written first and moved over the old
ones showed 20 claims of a 10-claim article in between).
"""

from __future__ import annotations

import json

from provenance.model.documents import article_from_document
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_article
from provenance.storage import open_store

CLAIMS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?claim a <https://schema.org/Claim> } }"
WRITES = {"add", "extend", "bulk_extend", "load", "bulk_load", "update", "remove", "remove_graph", "clear_graph"}


class Watched:
    """The store's pyoxigraph store, with the claim count taken after every write."""

    def __init__(self, store) -> None:
        self.store = store
        self.counts: list[int] = []

    def __getattr__(self, name):
        attribute = getattr(self.store, name)
        if name not in WRITES:
            return attribute

        def write(*args, **kwargs):
            result = attribute(*args, **kwargs)
            rows = self.store.query(CLAIMS, use_default_graph_as_union=True)
            self.counts.append(int(next(iter(rows))["n"].value))
            return result

        return write


def test_replacing_an_article_and_importing_over_it_count_each_claim_once(tmp_path, seed_text, seed_gold, seeded_cli):
    export = tmp_path / "seed.trig"
    seeded_cli("export", "--format", "trig", "-o", str(export))
    text = export.read_text(encoding="utf-8").replace("Verhandlungskreise", "Verhandlungskreise (neu)")
    export.write_text(text, encoding="utf-8")
    store = open_store(str(seeded_cli.store))
    watched = store._store = Watched(store._store)
    document = json.loads(seed_gold.read_text(encoding="utf-8"))
    document["title"] = "Replaced"
    add_article(store, article_from_document(document, seed_text.read_text(encoding="utf-8")), IriScheme())
    from provenance.rdf.importing import import_rdf

    import_rdf(store, export.read_bytes(), "trig", replace=True)
    store._store = watched.store
    store.close()
    assert watched.counts and set(watched.counts) == {10}
