"""The benchmark loads 1M claims into Virtuoso with its own bulk loader: what it loads reads back through /sparql."""

from __future__ import annotations

import pytest

from provenance.reports.claims import trace_data
from provenance.storage.endpoint import EndpointStore

pytestmark = pytest.mark.virtuoso


def test_an_embedded_export_bulk_loaded_by_the_server_traces_the_same(virtuoso, endpoint_url, seeded_store, tmp_path):
    dump = tmp_path / "seed.nq"
    with open(dump, "wb") as output:
        seeded_store.dump(output, "nquads")
    virtuoso.bulk_load(dump)
    server = EndpointStore(endpoint_url)
    try:
        claim = seeded_store.select("SELECT ?claim WHERE { ?claim a schema:Claim ; prov:hadPrimarySource ?origin } LIMIT 1")
        iri = claim[0]["claim"].value
        assert trace_data(server, iri) == trace_data(seeded_store, iri)
        assert sorted(server.graph_names()) == sorted(seeded_store.graph_names())
    finally:
        server.close()


def test_only_n_quads_are_bulk_loaded(virtuoso, tmp_path):
    with pytest.raises(ValueError, match="N-Quads"):
        virtuoso.bulk_load(tmp_path / "seed.ttl")
