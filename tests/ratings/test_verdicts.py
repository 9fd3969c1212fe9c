"""verdict: ClaimReviews on claims; track records from them; what they change in sources and credibility."""

from __future__ import annotations

from provenance.analysis.credibility import claim_credibility
from provenance.analysis.track_record import track_records, with_track_records
from provenance.rdf import queries, ratings
from provenance.storage import open_store

TASS = "https://claim-provenance.org/id/source/tass"


def rated_and_reviewed(cli):
    """Tass rated C, and two of the claims it relayed found false."""
    cli("rate", "Tass", "--reliability", "C", "--by", "Anna")
    cli("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv", "--url", "https://correctiv.org/1",
        "--date", "2026-02-20")
    cli("verdict", "Mehrere Dokumente", "--rating", "False", "--by", "Correctiv", "--date", "2026-02-21")
    return cli


def test_verdict_is_a_claimreview_on_the_claim(seeded):
    found = seeded.json("verdict", "Hotels zurückgekehrt", "--rating", "Größtenteils falsch", "--by", "Correctiv")
    assert found["outcome"] == "mostly-false" and found["rating_value"] == 2.0
    assert found["claim_text"] == "Die Delegationen seien in ihre Hotels zurückgekehrt"
    rows = seeded.json("query", "SELECT ?r ?claim WHERE { ?r a schema:ClaimReview ; schema:itemReviewed ?claim }")
    assert len(rows["results"]["bindings"]) == 1


def test_verdict_on_an_unknown_claim_is_one_clear_line(seeded):
    assert "no claim matches" in seeded.error("verdict", "kommt nicht vor", "--rating", "false")


def test_track_record_of_tass_moves_from_c_to_d(seeded):
    rated_and_reviewed(seeded)
    rows = {row["iri"]: row for row in seeded.json("ratings", "track")}
    tass = rows[TASS]
    assert (tass["assessed"], tass["estimate"], tass["verdicts"], tass["as_relay"]) == ("C", "D", 2, 2)
    assert tass["alpha"] == 2.8 and tass["beta"] == 2.2


def test_verdicts_change_credibility_through_track_records(seeded):
    store = open_store(str(seeded.store))
    try:
        before = {r.iri: claim_credibility(r).probability for r in queries.claim_records(store) if r.chain}
    finally:
        store.close()
    rated_and_reviewed(seeded)
    store = open_store(str(seeded.store), write=False)
    try:
        records = queries.claim_records(store)
        assert {r.text: r.verdicts for r in records if r.verdicts} == {
            "Die Delegationen seien in ihre Hotels zurückgekehrt": ("falsch",),
            "Mehrere Dokumente würden studiert und erörtert": ("False",),
        }
        letters = {iri: a.reliability for iri, a in ratings.reliability_in_force(store).items()}
        track = track_records(letters, ratings.source_evidence(store))
        estimated = with_track_records(records, track)
    finally:
        store.close()
    rated = {r.iri: claim_credibility(r).probability for r in records if r.chain}
    learned = {r.iri: claim_credibility(r).probability for r in estimated if r.chain}
    via_tass = [r.iri for r in records if any(s.iri == TASS for s in r.chain)]
    assert len(via_tass) == 6
    for iri in via_tass:
        assert before[iri] < rated[iri], "rating Tass C is better than not knowing it"
        assert learned[iri] < rated[iri], "two false verdicts lower what Tass's letter is worth"


def test_rating_reaches_sources_json(seeded):
    assert next(row for row in seeded.json("sources") if row["name"] == "Tass")["reliability"] is None
    rated_and_reviewed(seeded)
    tass = next(row for row in seeded.json("sources") if row["name"] == "Tass")
    assert tass["reliability"] == "C", "sources shows the assessed letter in force"
