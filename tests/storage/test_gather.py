"""``gather``: both stores run independent reads side by side, keep their order and pass errors on."""

from __future__ import annotations

import threading

import pytest

from provenance.rdf import analysis_queries
from provenance.storage.base import gather
from provenance.storage.embedded import EmbeddedStore
from provenance.storage.endpoint import EndpointStore


@pytest.fixture(params=["embedded in memory", "embedded on disk", "endpoint"])
def store(request, tmp_path):
    if request.param == "endpoint":
        opened = EndpointStore("http://127.0.0.1:9/sparql")
    else:
        opened = EmbeddedStore(tmp_path / "store" if request.param.endswith("disk") else None)
    yield opened
    opened.close()


def test_reads_run_side_by_side_and_keep_their_order(store):
    """Three reads that each wait for the other two can only finish if they run at the same time."""
    meeting = threading.Barrier(3, timeout=10)

    def read(value):
        def run():
            meeting.wait()
            return value
        return run

    assert gather(store, read("keys"), read("ratings"), read("marks")) == ["keys", "ratings", "marks"]


def test_an_error_is_passed_on(store):
    def failing():
        raise ValueError("no such claim")

    with pytest.raises(ValueError, match="no such claim"):
        gather(store, lambda: 1, failing)


def test_more_reads_than_threads_all_finish(store):
    assert gather(store, *(lambda n=n: n * n for n in range(7))) == [n * n for n in range(7)]


def test_a_store_without_gather_reads_one_after_the_other():
    order = []

    class Plain:
        pass

    assert gather(Plain(), lambda: order.append(1) or "a", lambda: order.append(2) or "b") == ["a", "b"]
    assert order == [1, 2]


def test_scans_read_side_by_side_give_the_records_read_one_by_one(seeded_store):
    """The corpus read gathers its scans; the records equal those of a store that cannot gather."""
    together = analysis_queries.corpus_records(seeded_store)

    class OneByOne:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            if name == "gather":
                raise AttributeError(name)
            return getattr(self.inner, name)

    assert together
    assert analysis_queries.corpus_records(OneByOne(seeded_store)) == together
