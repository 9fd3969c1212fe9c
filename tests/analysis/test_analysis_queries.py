"""The lean corpus reads give the same claims and chains as the general query."""

from provenance.rdf import analysis_queries, queries


def essentials(record):
    return (record.iri, record.text, record.mode, record.hedged, record.article.id, record.article.publisher,
            record.article.publisher_iri, tuple((s.iri, s.name, s.kind, s.reliability) for s in record.chain))


def test_corpus_records_match_claim_records(example_store):
    store = example_store("wire", "two-agencies", "circle")
    lean = sorted(map(essentials, analysis_queries.corpus_records(store)))
    full = sorted(map(essentials, queries.claim_records(store)))
    assert lean == full and len(lean) == 13
    assert analysis_queries.article_count(store) == 13


def test_corpus_records_of_the_seed(tmp_path, seed_text, seed_gold):
    import json

    from provenance.model.documents import article_from_document
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_article
    from provenance.storage import open_store

    store = open_store("memory")
    document = json.loads(seed_gold.read_text(encoding="utf-8"))
    add_article(store, article_from_document(document, seed_text.read_text(encoding="utf-8")), IriScheme())
    lean = sorted(map(essentials, analysis_queries.corpus_records(store)))
    assert lean == sorted(map(essentials, queries.claim_records(store)))
    assert sum(1 for record in lean if record[3]) == 1


def test_corpus_records_carry_the_rating_in_force(example_store):
    from provenance.rdf import ratings
    from provenance.rdf.iris import IriScheme

    store = example_store("wire")
    scheme = IriScheme()
    ratings.rate(store, scheme, "Tass", "D", assessor="test", time="2026-01-01T00:00:00Z")
    ratings.rate(store, scheme, "Tass", "C", assessor="test", time="2026-02-01T00:00:00Z")
    lean = {s.name: s.reliability for r in analysis_queries.corpus_records(store) for s in r.chain}
    assert lean["Tass"] == "C" and lean["Verhandlungskreise"] is None
    assert sorted(map(essentials, analysis_queries.corpus_records(store))) == sorted(map(essentials, queries.claim_records(store)))
