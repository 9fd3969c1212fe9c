"""add_articles: new articles go to the store in atomic batches; results come one per article, in order."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from provenance.errors import InvalidInput
from provenance.model import Article, Claim, Hop, Source
from provenance.rdf import queries
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import AddResult, Rejected, add_articles
from provenance.storage import open_store
from provenance.storage.embedded import BULK_FROM

TIME = "2026-01-01T00:00:00Z"


def make_article(number: int, *, duplicate_claim: bool = False, words: str = "") -> Article:
    text = f"Laut der Agentur Tass seien die Gespräche Nummer {number} beendet worden{words}."
    span = (text.index("die Gespräche"), len(text) - 1)
    claim = Claim(text=text[span[0]:span[1]], spans=[span], mode="indirect",
                  chain=[Hop(Source("Tass", "news-agency"), start=text.index("Tass"), end=text.index("Tass") + 4)])
    claims = [claim, Claim(text=claim.text, spans=[span], mode="indirect", chain=list(claim.chain))] if duplicate_claim else [claim]
    return Article(id=f"article-{number}", text=text, lang="de", claims=claims)


class CountingStore:
    """Counts the writes a store receives, and can fail the n-th one."""

    def __init__(self, store, fail_on: int | None = None) -> None:
        self.store, self.fail_on, self.writes = store, fail_on, []

    def replace_graphs(self, graphs):
        self._count(sorted(graphs))
        self.store.replace_graphs(graphs)

    def submit_new_graphs(self, nquads, search_entries=None):
        graphs = {quad.graph_name.value for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}
        if graphs:
            self._count(sorted(graphs))
        return self.store.submit_new_graphs(nquads, search_entries)

    def _count(self, graphs):
        self.writes.append(graphs)
        if self.fail_on is not None and len(self.writes) == self.fail_on:
            raise OSError("disk full (simulated)")

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture
def store(tmp_path):
    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()


def triples_per_article() -> int:
    [result] = add_articles(open_store("memory"), [make_article(0)], IriScheme(), time=TIME)
    return result.triples


def stored_ids(store) -> list[str]:
    return sorted(article.id for article in queries.articles(store))


def test_new_articles_are_written_together_and_reported_in_order(store):
    counting = CountingStore(store)
    results = list(add_articles(counting, [make_article(n) for n in range(30)], IriScheme(), time=TIME,
                                batch_triples=500))
    assert [result.doc for result in results] == [f"article-{n}" for n in range(30)]
    assert {result.status for result in results} == {"added"}
    assert 1 < len(counting.writes) < 30
    assert len(stored_ids(store)) == 30


def test_unchanged_replaced_and_rejected_articles_keep_their_place(store):
    list(add_articles(store, [make_article(1), make_article(2)], IriScheme(), time=TIME))
    batch = [make_article(0), make_article(1), make_article(2, words=" und neu"), make_article(3, duplicate_claim=True),
             make_article(4)]
    results = list(add_articles(store, batch, IriScheme(), time=TIME, skip_invalid=True))
    assert [(result.doc, getattr(result, "status", "rejected")) for result in results] == [
        ("article-0", "added"), ("article-1", "unchanged"), ("article-2", "replaced"), ("article-3", "rejected"),
        ("article-4", "added")]
    assert isinstance(results[3], Rejected) and "same spans" in results[3].error
    assert stored_ids(store) == ["article-0", "article-1", "article-2", "article-4"]


def test_an_invalid_article_raises_unless_skipped(store):
    with pytest.raises(InvalidInput):
        list(add_articles(store, [make_article(1, duplicate_claim=True)], IriScheme(), time=TIME))


def test_the_same_article_twice_in_one_run_is_stored_once(store):
    results = list(add_articles(store, [make_article(5), make_article(5)], IriScheme(), time=TIME))
    assert [result.status for result in results] == ["added", "unchanged"]


def test_a_failed_batch_leaves_the_batches_before_it_and_nothing_of_its_own(store):
    counting = CountingStore(store, fail_on=2)
    done: list[AddResult] = []
    with pytest.raises(OSError):
        for result in add_articles(counting, [make_article(n) for n in range(30)], IriScheme(), time=TIME,
                                   batch_triples=500):
            done.append(result)
    first_batch = counting.writes[0]
    assert len(done) == len(first_batch)
    assert stored_ids(store) == sorted(result.doc for result in done)


def test_the_bulk_loader_writes_all_or_nothing(tmp_path):
    """What the embedded store's batched writes rely on: pyoxigraph's bulk_extend commits at the end, in one go."""
    raw = ox.Store(str(tmp_path / "raw"))
    graph = ox.NamedNode("urn:g")

    def quads_then_failure():
        for number in range(BULK_FROM * 2):
            yield ox.Quad(ox.NamedNode(f"urn:s{number}"), ox.NamedNode("urn:p"), ox.Literal(str(number)), graph)
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        raw.bulk_extend(quads_then_failure())
    assert len(raw) == 0
    raw.bulk_extend(ox.Quad(ox.NamedNode(f"urn:s{n}"), ox.NamedNode("urn:p"), ox.Literal(str(n)), graph)
                    for n in range(BULK_FROM))
    assert len(raw) == BULK_FROM


def test_a_bulk_written_batch_reads_back_and_can_be_replaced(store):
    articles = [make_article(n) for n in range(150)]
    results = list(add_articles(store, articles, IriScheme(), time=TIME))
    assert sum(result.triples for result in results) >= BULK_FROM
    assert len(store) == sum(result.triples for result in results)
    assert len(queries.claim_records(store)) == 150
    [replaced] = add_articles(store, [make_article(7, words=" und neu")], IriScheme(), time=TIME)
    assert replaced.status == "replaced"
    texts = [record.text for record in queries.claim_records(store, article=replaced.article)]
    assert texts == ["die Gespräche Nummer 7 beendet worden und neu"]


@pytest.fixture
def compactions(store, monkeypatch) -> list[int]:
    """The compactions the store's pyoxigraph store is asked for (none is done), each as the triples stored then."""
    calls: list[int] = []
    original = store._store
    monkeypatch.setattr(store, "_store", type("Spy", (), {
        "__getattr__": lambda self, name: getattr(original, name),
        "optimize": lambda self: calls.append(len(original)),
    })())
    return calls


def test_many_bulk_writes_leave_compacting_to_the_caller(store, compactions):
    """Compacting rewrites the whole store (minutes at 1M claims): add_articles never does it on its own."""
    results = list(add_articles(store, [make_article(n) for n in range(300)], IriScheme(), time=TIME,
                                batch_triples=BULK_FROM))
    assert len(results) == 300 and compactions == []
    store.optimize()
    stored = sum(result.triples for result in results)
    assert compactions == [stored]


def test_optimize_waits_for_the_writes_in_flight(store, compactions):
    lines = "".join(f"<urn:s{n}> <urn:p> \"{n}\" <urn:g> .\n" for n in range(BULK_FROM))
    store.submit_new_graphs(lines)
    store.optimize()
    assert compactions == [BULK_FROM]


def test_writes_grow_up_to_the_stores_largest(store, monkeypatch):
    """The first write holds batch_triples, each next one WRITE_GROWTH times more, until the store's maximum."""
    sizes = []
    original = store.submit_new_graphs

    def sized(nquads, search_entries=None):
        if nquads:
            sizes.append(nquads.count("\n"))
        return original(nquads, search_entries)

    monkeypatch.setattr(store, "submit_new_graphs", sized)
    monkeypatch.setattr(store, "max_write_triples", 2_000)
    articles = [make_article(n) for n in range(200)]
    per_article = triples_per_article()
    list(add_articles(store, articles, IriScheme(), time=TIME, batch_triples=100))
    assert sum(sizes) == 200 * per_article
    limits = [100, 400, 1_600, 2_000, 2_000]
    for size, limit in zip(sizes, limits):
        assert limit <= size < limit + per_article
    assert len(sizes) > len(limits)


def test_an_error_while_mapping_a_bulk_write_leaves_that_write_out(store):
    """Articles are mapped while the store writes them: an error half-way through writes nothing of that write."""

    def articles():
        for number in range(400):
            if number == 300:
                raise RuntimeError("reader failed (simulated)")
            yield make_article(number)

    done = []
    with pytest.raises(RuntimeError):
        for result in add_articles(store, articles(), IriScheme(), time=TIME, batch_triples=BULK_FROM):
            done.append(result.doc)
    assert 0 < len(done) < 300 and len(done) * triples_per_article() >= BULK_FROM
    assert stored_ids(store) == sorted(done)
