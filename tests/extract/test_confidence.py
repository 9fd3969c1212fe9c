"""The claim filter: features of a claim, the shipped model, and what dropping claims leaves."""

from __future__ import annotations

from provenance.extract import InputDocument, extract_article
from provenance.extract.confidence import ClaimFilter, claim_features, filter_for


def _claims(text: str, lang: str, *, filtered: bool = True):
    return extract_article(InputDocument(id="example", text=text, lang=lang), filtered=filtered).claims


def test_features_describe_cue_source_and_content():
    text = "The bridge will stay closed until May, the mayor said on Monday."
    (claim,) = _claims(text, "en", filtered=False)
    features = claim_features(text, claim)
    assert features["cue=said"] == 1
    assert features["srcfirstcls=det2"] == 1
    assert features["src_before"] == 0
    assert features["first=the"] == 1


def test_a_model_drops_claims_below_its_threshold():
    text = "The bridge will stay closed until May, the mayor said on Monday."
    (claim,) = _claims(text, "en", filtered=False)
    sceptical = ClaimFilter(bias=-3.0, weights={}, threshold=0.5)
    trusting = ClaimFilter(bias=3.0, weights={}, threshold=0.5)
    assert not sceptical.keep(text, claim)
    assert trusting.keep(text, claim)
    assert 0.0 < sceptical.probability(text, claim) < 0.5 < trusting.probability(text, claim)


def test_english_model_is_shipped_and_keeps_plain_attributions():
    model = filter_for("en")
    assert model is not None and 0.0 < model.threshold < 1.0
    text = "The senator said that the bill would pass. “We have the votes,” she told reporters."
    assert len(_claims(text, "en")) == 2


def test_german_has_no_model_and_keeps_every_claim():
    assert filter_for("de") is None
    text = "Der Minister sagte, die Brücke sei gesperrt. Die Polizei teilte mit, niemand sei verletzt worden."
    assert _claims(text, "de") == _claims(text, "de", filtered=False)


def test_filtering_only_removes_claims():
    text = (
        "Officials said the plant would close. The company, which employs 300 people, went out of its way "
        "and argued the move was necessary. Critics warned that jobs would be lost."
    )
    kept = _claims(text, "en")
    everything = _claims(text, "en", filtered=False)
    assert all(claim in everything for claim in kept)
