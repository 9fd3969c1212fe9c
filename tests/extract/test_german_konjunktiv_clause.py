"""A German main clause that opens the sentence and is followed by a clause in Konjunktiv I, in our own sentences."""

from __future__ import annotations

import pytest

from .sentences import german_claims as claims_of


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            "Die Staatsanwaltschaft hegt den Verdacht, der Bürgermeister habe Geld genommen.",
            "Die Staatsanwaltschaft",
            "der Bürgermeister habe Geld genommen",
        ),
        (
            "Der Vermieter beteuerte, die Heizung sei repariert worden.",
            "Der Vermieter",
            "die Heizung sei repariert worden",
        ),
        (
            "Die Anwältin vertritt die Ansicht, ihr Mandant habe in Notwehr gehandelt.",
            "Die Anwältin",
            "ihr Mandant habe in Notwehr gehandelt",
        ),
    ],
)
def test_any_verb_before_a_konjunktiv_clause_reports_its_subject(text, speaker, content):
    claim = next(claim for claim in claims_of(text) if claim.text == content)
    assert claim.chain[-1].mention == speaker
    assert claim.cue is not None


@pytest.mark.parametrize(
    "text",
    [
        "Der Bahnhof ist alt, er sei aber schön.",
        "Obwohl der Zug pünktlich war, sei der Anschluss verpasst worden.",
        "Die Mutter soll davon gewusst haben, die Taten seien aber verjährt.",
    ],
)
def test_no_speaker_from_a_copula_a_subordinate_clause_or_a_modal(text):
    assert all(
        claim.cue is None or claim.cue.text.split()[0] not in ("ist", "Obwohl", "soll") for claim in claims_of(text)
    )


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("Er hält es jedoch für möglich, dass der Chef nichts wusste.", "Er", "hält … möglich"),
        ("Das Gericht sah es als erwiesen an, dass die Täter Geld wollten.", "Das Gericht", "sah … an"),
    ],
)
def test_a_sentence_opening_clause_before_dass_reports_its_subject(text, speaker, cue):
    (claim,) = claims_of(text)
    assert claim.text.startswith("dass ")
    assert claim.chain[-1].mention == speaker
    assert claim.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "Das Problem besteht darin, dass niemand zahlt.",
        "Besonders tückisch war, dass der See nicht zugefroren war.",
        "Der Sturm war so stark, dass die Brücke gesperrt wurde.",
    ],
)
def test_a_fact_or_result_before_dass_is_no_claim(text):
    assert claims_of(text) == []


def test_a_fronted_place_is_the_source_of_verlautete():
    (claim,) = claims_of("Aus Regierungskreisen verlautete, dies sei nur ein Gerücht.")
    assert claim.cue.text == "verlautete"
    assert claim.chain[-1].mention == "Regierungskreisen"


def test_the_one_quoted_by_a_subject_first_quoting_verb_is_the_origin():
    (claim,) = claims_of("Ein Fernsehsender zitierte den Minister mit den Worten: „Ich bleibe im Amt.“")
    assert [hop.mention for hop in claim.chain] == ["den Minister", "Ein Fernsehsender"]
    assert claim.text == "„Ich bleibe im Amt.“"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Bürger forderte er auf, wählen zu gehen.", "er"),
        ("Ihren Gegner forderte sie auf, zurückzutreten.", "sie"),
        ("Die Ministerin forderte die Bürger auf, wählen zu gehen.", "Die Ministerin"),
    ],
)
def test_a_fronted_object_is_not_the_speaker(text, speaker):
    (claim,) = claims_of(text)
    assert claim.chain[-1].mention == speaker
