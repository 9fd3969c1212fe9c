"""The claim search index beside an on-disk store: the same listings as the RDF gives, kept through writes and crashes."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from provenance.model.documents import article_from_document
from provenance.model.filters import ClaimFilter
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_article
from provenance.reports.claim_listing import claim_listing
from provenance.storage import open_store
from provenance.storage.search_index import FILE_NAME

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOTEL = "Die Delegationen seien in ihre Hotels zurückgekehrt"

FILTERS = [
    {"search": "delegation"},
    {"search": "Delegationen Hotels"},
    {"search": "tass"},
    {"search": "tass", "limit": 3, "offset": 2},
    {"search": "said"},
    {"search": "agency", "kind": "person"},
    {"search": "tass", "source": "Tass"},
    {"search": "tass", "article": "tass-talks-de"},
    {"search": "tass", "verdict": "none"},
    {"search": "tass", "since": "2000-01-01"},
    {"search": "tass", "since": "2999-01-01"},
    {"kind": "person"},
    {"kind": "news-agency", "limit": 2, "offset": 1},
    {"source": "Tass"},
    {"origin": "Tass"},
    {"source": "Tass", "kind": "person"},
    {"source": "Tass", "origin": "Tass", "limit": 4},
    {"source": "Verhandlungskreise"},
    {"origin": "Verhandlungskreise", "search": "delegation"},
    {"source": "a senior official", "since": "2000-01-01"},
    {"origin": "a senior official", "article": "tass-talks-de"},
    {"verdict": "none", "limit": 5},
    {"since": "2000-01-01", "limit": 7},
    {"article": "tass-talks-de", "kind": "person"},
    {"search": "nothing-like-this-word"},
]


def _filter(options: dict) -> ClaimFilter:
    from provenance.model.filters import parse_instant

    options = dict(options)
    if "since" in options:
        options["since"] = parse_instant(options["since"])
    return ClaimFilter(**options)


@pytest.fixture
def desk_store(tmp_path: Path, seed_text: Path, seed_gold: Path) -> Path:
    """A store holding the seed and every example claims document, written through the library."""
    path = tmp_path / "store"
    store = open_store(str(path))
    scheme = IriScheme()
    add_article(store, article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text()), scheme)
    for claims in sorted(EXAMPLES.glob("*/*.json")):
        text = claims.with_suffix(".txt")
        if text.exists():
            add_article(store, article_from_document(json.loads(claims.read_text()), text.read_text()), scheme)
    store.close()
    return path


def listings(path: Path, *, index: bool) -> list[list[str]]:
    store = open_store(str(path), write=False)
    if not index:
        store.search_index = lambda: None
    else:
        assert store.search_index() is not None
    try:
        return [[row["id"] for row in claim_listing(store, _filter(options))] for options in FILTERS]
    finally:
        store.close()


def remove_index(store_path: Path) -> None:
    """Take the search index (and SQLite's files beside it) out of a store's folder."""
    for name in (FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm"):
        (store_path / name).unlink(missing_ok=True)


def assert_optimize_makes_an_index_that_lists(store_path: Path, expected: list[list[str]]) -> None:
    store = open_store(str(store_path))
    store.optimize()
    assert store.search_index().claim_count() > 20
    store.close()
    assert listings(store_path, index=True) == expected


def test_a_new_store_gets_an_index_that_lists_as_the_rdf_does(desk_store: Path):
    assert (desk_store / FILE_NAME).exists()
    with_index = listings(desk_store, index=True)
    assert with_index == listings(desk_store, index=False)
    assert any(len(found) > 3 for found in with_index), "the filters must select something to compare"
    assert with_index[-1] == []


def test_a_replaced_article_is_found_by_its_new_words_only(desk_store: Path, seed_text: Path, seed_gold: Path):
    document = json.loads(seed_gold.read_text())
    text = seed_text.read_text().replace("Hotels", "Quartiere")
    for claim in document["claims"]:
        claim["text"] = claim["text"].replace("Hotels", "Quartiere")
    store = open_store(str(desk_store))
    assert add_article(store, article_from_document(document, text), IriScheme()).status == "replaced"
    found = lambda words: [row["text"] for row in claim_listing(store, ClaimFilter(search=words, article="tass-talks-de"))]  # noqa: E731
    assert found("Hotels") == []
    assert found("Quartiere") == [HOTEL.replace("Hotels", "Quartiere")]
    store.close()
    assert listings(desk_store, index=True) == listings(desk_store, index=False)


def test_a_write_killed_after_the_rdf_is_read_back_by_the_next_writer(desk_store: Path, tmp_path: Path,
                                                                     seed_text: Path, seed_gold: Path):
    from provenance.storage.search_index import SearchIndex

    expected = listings(desk_store, index=True)
    fresh = tmp_path / "fresh"
    store = open_store(str(fresh))
    # A write that died between the RDF and the index: the index's entry stays, its rows never come.
    finish = SearchIndex.finish
    SearchIndex.finish = lambda *arguments: None
    try:
        add_article(store, article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text()), IriScheme())
    finally:
        SearchIndex.finish = finish
    store._index.close()
    store._index = None
    store.close()
    reader = open_store(str(fresh), write=False)
    assert reader.search_index() is None, "a reader does not trust an index with a write pending"
    assert [row["text"] for row in claim_listing(reader, ClaimFilter(search="Hotels"))] == [HOTEL]
    reader.close()
    writer = open_store(str(fresh))
    assert writer.search_index() is not None and not writer.search_index().pending()
    assert [row["text"] for row in claim_listing(writer, ClaimFilter(search="Hotels"))] == [HOTEL]
    writer.close()
    assert listings(desk_store, index=True) == expected


def test_a_store_without_an_index_searches_the_rdf_until_optimize_builds_one(desk_store: Path):
    expected = listings(desk_store, index=False)
    assert (desk_store / FILE_NAME).exists()
    remove_index(desk_store)
    store = open_store(str(desk_store))
    assert store.search_index() is None
    store.close()
    assert listings(desk_store, index=False) == expected
    assert_optimize_makes_an_index_that_lists(desk_store, expected)


def test_writes_past_the_index_through_rdflib_make_it_anew(desk_store: Path, tmp_path: Path):
    import rdflib

    from provenance.rdf.rdflib_view import dataset

    copy = tmp_path / "copy"
    shutil.copytree(desk_store, copy)
    store = open_store(str(copy))
    view = dataset(store)
    claim = rdflib.URIRef("urn:example:claim")
    graph = view.graph(rdflib.URIRef("urn:example:graph"))
    graph.add((claim, rdflib.URIRef("https://claim-provenance.org/ns#searchWord"), rdflib.Literal("zeppelin")))
    assert store.search_index() is None, "the index does not know what rdflib wrote"
    store.close()
    del graph, view  # they hold the pyoxigraph store, and its lock, open
    gc.collect()
    store = open_store(str(copy))
    index = store.search_index()
    assert index is not None
    assert [row[0] for row in index.matches([("zeppelin",)])] == ["urn:example:claim"]
    store.close()


def test_cli_search_on_a_store_made_by_ingest_uses_the_index(cli, seed_text: Path, seed_gold: Path):
    cli("add", "--text", str(seed_text), str(seed_gold))
    assert (Path(cli.store) / FILE_NAME).exists()
    rows = cli.json("claims", "--search", "hotel")
    assert [row["text"] for row in rows] == [HOTEL]
    store = open_store(str(cli.store), write=False)
    assert store.search_index().claim_count() == 10
    store.close()


def test_a_claim_without_search_words_is_listed_all_the_same(tmp_path: Path):
    from provenance.model.search_words import search_words

    text = "Und das. Der Minister sei zurückgetreten."
    assert search_words("Und das", "de") == set()
    document = {"doc": "bare", "lang": "de", "claims": [
        {"spans": [[0, 7]], "mode": "indirect"},
        {"spans": [[9, len(text) - 1]], "mode": "indirect"},
    ]}
    path = tmp_path / "store"
    store = open_store(str(path))
    add_article(store, article_from_document(document, text), IriScheme())
    assert store.search_index().claim_count() == 2
    store.close()
    store = open_store(str(path), write=False)
    listed = [row["text"] for row in claim_listing(store, _filter({"since": "2000-01-01"}))]
    store.search_index = lambda: None
    assert listed == [row["text"] for row in claim_listing(store, _filter({"since": "2000-01-01"}))]
    assert listed == ["Und das", "Der Minister sei zurückgetreten"]
    store.close()



def test_an_index_of_an_older_version_is_set_aside_until_optimize_makes_it_anew(desk_store: Path):
    import sqlite3

    expected = listings(desk_store, index=False)
    with sqlite3.connect(desk_store / FILE_NAME) as connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    connection.close()
    for write in (False, True):
        store = open_store(str(desk_store), write=write)
        assert store.search_index() is None, "an index of another version answers nothing"
        store.close()
    assert listings(desk_store, index=False) == expected
    assert_optimize_makes_an_index_that_lists(desk_store, expected)


def test_a_name_of_many_sources_is_read_in_one_sorted_scan(tmp_path: Path):
    """Above MERGED_STREAMS sources for one name, the claims come from one scan, still in listing order."""
    from provenance.model.search_entry import SearchEntry, origin_key, source_key
    from provenance.storage.search_index import MERGED_STREAMS, SearchIndex

    index = SearchIndex.open(tmp_path, create=True, writable=True)
    count = MERGED_STREAMS * 3
    rows = [SearchEntry(f"urn:claim:{number:03}", "urn:graph", f"doc-{number % 7}", number, frozenset({"talks"}),
                        frozenset({f"urn:official:{number}", "urn:agency"}), frozenset({f"urn:official:{number}"}))
            for number in range(count)]
    index.finish(index.begin(["urn:graph"]), ["urn:graph"], rows)
    officials = tuple(origin_key(f"urn:official:{number}") for number in range(1, count, 2))
    found = list(index.matches([officials]))
    in_order = sorted(rows[1::2], key=lambda row: (row.doc, row.start))
    assert [claim for claim, _, _ in found] == [row.claim for row in in_order]
    both = list(index.matches([(source_key("urn:agency"),), officials[:3], ("talks",)]))
    assert [claim for claim, _, _ in both] == sorted(f"urn:claim:{number:03}" for number in (1, 3, 5))
    assert list(index.matches([officials, ("nothing",)])) == []
    index.close()


def test_claims_tells_once_that_a_store_without_an_index_gets_one_from_optimize(cli, seed_text: Path, seed_gold: Path):
    cli("add", "--text", str(seed_text), str(seed_gold))
    assert "Note:" not in cli("claims", "--search", "hotel").stderr
    remove_index(Path(cli.store))
    result = cli("claims", "--search", "hotel", "--json")
    assert [row["text"] for row in json.loads(result.stdout)] == [HOTEL]
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert len(notes) == 1 and "'provenance optimize' makes one" in notes[0]
    assert "Note:" not in cli("claims").stderr, "a plain listing does not open the index to say so"
    cli("optimize")
    assert "Note:" not in cli("claims", "--source", "Tass").stderr
