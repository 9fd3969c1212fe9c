"""The benchmark loads 1M claims into Virtuoso with its own bulk loader: what it loads reads back through /sparql."""

from __future__ import annotations

import pytest

from provenance.reports.claims import trace_data
from provenance.storage import open_store
from provenance.storage.endpoint import EndpointStore

pytestmark = pytest.mark.virtuoso


def test_an_embedded_export_bulk_loaded_by_the_server_traces_the_same(virtuoso, endpoint_url, seeded_embedded, tmp_path):
    dump = tmp_path / "seed.nq"
    with open(dump, "wb") as output:
        seeded_embedded.dump(output, "nquads")
    virtuoso.bulk_load(dump)
    server = EndpointStore(endpoint_url)
    try:
        claim = seeded_embedded.select("SELECT ?claim WHERE { ?claim a schema:Claim ; prov:hadPrimarySource ?origin } LIMIT 1")
        iri = claim[0]["claim"].value
        assert trace_data(server, iri) == trace_data(seeded_embedded, iri)
        assert sorted(server.graph_names()) == sorted(seeded_embedded.graph_names())
    finally:
        server.close()


def test_only_n_quads_are_bulk_loaded(virtuoso, tmp_path):
    with pytest.raises(ValueError, match="N-Quads"):
        virtuoso.bulk_load(tmp_path / "seed.ttl")


@pytest.fixture
def seeded_embedded(tmp_path, seed_text, seed_gold):
    import json

    from provenance.model.documents import article_from_document
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_article

    store = open_store(str(tmp_path / "embedded"))
    add_article(store, article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text()), IriScheme())
    yield store
    store.close()
