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


class SelectOnly:
    """A store that offers only the Store protocol's select, like a SPARQL endpoint."""

    def __init__(self, store) -> None:
        self.inner = store

    def select(self, query, bindings=None):
        return self.inner.select(query, bindings)


def test_backends_without_fast_path_read_the_same(example_store):
    store = example_store("wire", "circle")
    fast = sorted(map(essentials, analysis_queries.corpus_records(store)))
    assert sorted(map(essentials, analysis_queries.corpus_records(SelectOnly(store)))) == fast
    text = "Die Delegationen seien in ihre Hotels zurückgekehrt"
    candidates = sorted(analysis_queries.claim_texts_sharing_words(store, text))
    assert sorted(analysis_queries.claim_texts_sharing_words(SelectOnly(store), text)) == candidates
    assert len(candidates) == 5 and all("Hotels" in found for _, found in candidates)


def test_values_keep_commas_quotes_and_newlines(tmp_path):
    from provenance.model import Article, Claim, Hop, Source
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_article
    from provenance.storage import open_store

    text = 'Er sagte: "Ja, sicher",\nund ging. Laut Tass.'
    article = Article(id="odd", text=text, claims=[Claim(text=text[:24], spans=((0, 24),),
                                                         chain=(Hop(Source("Tass, \"die Agentur\"", "news-agency")),))])
    store = open_store("memory")
    add_article(store, article, IriScheme())
    [record] = analysis_queries.corpus_records(store)
    assert record.text == 'Er sagte: "Ja, sicher",\n'
    assert record.chain[0].name == 'Tass, "die Agentur"'


def test_hops_are_read_without_their_iri_pattern_too(example_store, monkeypatch):
    store = example_store("wire", "two-agencies")
    expected = sorted(map(essentials, analysis_queries.corpus_records(store)))
    monkeypatch.setattr(analysis_queries, "HOP_MARK", "/no-such-pattern/")
    assert sorted(map(essentials, analysis_queries.corpus_records(store))) == expected


def test_records_without_texts_have_the_same_chains(example_store):
    store = example_store("wire", "circle")
    full = {r.iri: (r.article.id, r.chain) for r in analysis_queries.corpus_records(store)}
    lean = {r.iri: (r.article.id, r.chain) for r in analysis_queries.corpus_records(store, texts=False)}
    assert lean == full
