"""EndpointStore without a server: add_new_graphs sends streamed quads a few whole graphs at a time."""

from __future__ import annotations

import pyoxigraph as ox

from provenance.storage import endpoint
from provenance.storage.endpoint import EndpointStore


def quads(graph: int, count: int) -> list[ox.Quad]:
    name = ox.NamedNode(f"urn:test:g{graph}")
    return [ox.Quad(ox.NamedNode(f"urn:s{graph}-{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), name) for i in range(count)]


def test_graphs_are_sent_whole_in_writes_of_bounded_size(monkeypatch):
    monkeypatch.setattr(endpoint, "NEW_GRAPHS_PER_WRITE", 100)
    store = EndpointStore("http://127.0.0.1:9/sparql")
    writes: list[dict[str, int]] = []
    monkeypatch.setattr(store, "replace_graphs",
                        lambda graphs: writes.append({graph: len(content) for graph, content in graphs.items()}))
    stream = (quad for graph in range(10) for quad in quads(graph, 30 if graph != 4 else 250))
    store.add_new_graphs(stream)
    sent: dict[str, int] = {}
    for write in writes:
        assert not set(write) & set(sent), "a graph was split over two writes"
        sent.update(write)
    assert sent == {f"urn:test:g{graph}": 30 if graph != 4 else 250 for graph in range(10)}
    assert 3 <= len(writes) <= 6
    assert all(sum(write.values()) <= 100 + 250 for write in writes)


def test_nothing_to_add_sends_nothing(monkeypatch):
    store = EndpointStore("http://127.0.0.1:9/sparql")
    writes = []
    monkeypatch.setattr(store, "replace_graphs", lambda graphs: writes.append(graphs) if graphs else None)
    store.add_new_graphs(iter(()))
    assert writes == []
