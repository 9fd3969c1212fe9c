"""The embedded store loads new articles in the background while the next ones are mapped."""

from __future__ import annotations

import threading

import pyoxigraph as ox
import pytest

from provenance.errors import StoreError
from provenance.rdf import queries
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_articles
from provenance.storage import open_store
from provenance.storage.embedded import BULK_FROM

from .test_batched_writes import TIME, make_article, stored_ids


class GatedLoads:
    """Stands in for the pyoxigraph store: each bulk load waits for a gate, and the n-th one can fail."""

    def __init__(self, store: ox.Store, fail_on: int | None = None) -> None:
        self.store, self.fail_on, self.loads = store, fail_on, 0
        self.gate = threading.Event()
        self.gate.set()
        self.counting = threading.Lock()

    def bulk_load(self, data, **options):
        # Loads run in two threads at once: each takes its number under a lock, so that exactly
        # the n-th one fails even when another starts before it has checked.
        with self.counting:
            self.loads += 1
            number = self.loads
        self.gate.wait(timeout=30)
        if number == self.fail_on:
            raise OSError("disk full (simulated)")
        self.store.bulk_load(data, **options)

    def __getattr__(self, name):
        return getattr(self.store, name)

    def __len__(self) -> int:
        return len(self.store)


@pytest.fixture
def store(tmp_path):
    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()


def graph_nquads(number: int, graph: str = "urn:g") -> str:
    return "".join(f'<urn:s{n}> <urn:p> "{n}" <{graph}> .\n' for n in range(number))


def test_a_write_goes_on_after_submit_returns_and_is_seen_once_ended(store, monkeypatch):
    gated = GatedLoads(store._store)
    monkeypatch.setattr(store, "_store", gated)
    gated.gate.clear()
    future = store.submit_new_graphs(graph_nquads(BULK_FROM))
    assert not future.done()
    assert store.graph_names() == []  # the store read meanwhile is the store before
    gated.gate.set()
    future.result(timeout=30)
    assert store.graph_names() == ["urn:g"] and len(store) == BULK_FROM


def test_a_small_write_is_stored_before_submit_returns(store):
    future = store.submit_new_graphs(graph_nquads(10))
    assert future.done() and len(store) == 10


def test_closing_waits_for_writes_in_flight(tmp_path):
    store = open_store(str(tmp_path / "store"))
    store.submit_new_graphs(graph_nquads(BULK_FROM, "urn:a"))
    store.submit_new_graphs(graph_nquads(BULK_FROM, "urn:b"))
    store.close()
    reopened = open_store(str(tmp_path / "store"))
    assert reopened.graph_names() == ["urn:a", "urn:b"] and len(reopened) == 2 * BULK_FROM
    reopened.close()


def test_an_article_held_by_a_write_in_flight_is_compared_once_that_write_ends(store, monkeypatch):
    """Article 5 comes again, changed, while the write holding its first version may still be loading."""
    gated = GatedLoads(store._store)
    monkeypatch.setattr(store, "_store", gated)
    articles = [make_article(n) for n in range(200)] + [make_article(5, words=" und neu"), make_article(6)]
    results = list(add_articles(store, articles, IriScheme(), time=TIME, batch_triples=BULK_FROM))
    assert gated.loads >= 2
    assert [(result.doc, result.status) for result in results[-2:]] == [("article-5", "replaced"), ("article-6", "unchanged")]
    assert len(stored_ids(store)) == 200
    [record] = queries.claim_records(store, article=results[5].article)
    assert record.text == "die Gespräche Nummer 5 beendet worden und neu"


def test_a_failed_background_write_reports_the_writes_before_it_and_raises(store, monkeypatch):
    gated = GatedLoads(store._store, fail_on=2)
    monkeypatch.setattr(store, "_store", gated)
    done = []
    with pytest.raises(StoreError, match="disk full"):
        for result in add_articles(store, [make_article(n) for n in range(400)], IriScheme(), time=TIME,
                                   batch_triples=BULK_FROM):
            done.append(result.doc)
    assert gated.loads >= 2 and done[0] == "article-0"
    # Every write that ended is reported (one after the failed one may have been loading), and
    # the failed one stored nothing of its articles.
    assert sorted(done) == stored_ids(store)
    assert len(done) < 400


def test_the_bulk_loader_loads_text_all_or_nothing(tmp_path):
    """What submit_new_graphs relies on: pyoxigraph's bulk_load of text commits at the end, in one go."""
    raw = ox.Store(str(tmp_path / "raw"))
    broken = graph_nquads(BULK_FROM * 2) + "<urn:s> <urn:p> this is not N-Quads .\n"
    with pytest.raises(SyntaxError):
        raw.bulk_load(broken, format=ox.RdfFormat.N_QUADS, lenient=True)
    assert len(raw) == 0
    raw.bulk_load(graph_nquads(BULK_FROM), format=ox.RdfFormat.N_QUADS, lenient=True)
    assert len(raw) == BULK_FROM
