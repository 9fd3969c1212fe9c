"""German constructions of this round, in our own sentences: fronted times in passives, quotations after a colon."""

from __future__ import annotations

import pytest

from .sentences import german_claims as claims_of


@pytest.mark.parametrize(
    "text",
    [
        "Im April wurde bekannt, dass der Sänger an einer Grippe erkrankt ist.",
        "Im Jahr 1997 wurde vorgeschlagen, den Wochenmarkt auf den Samstag zu verlegen.",
    ],
)
def test_a_fronted_time_is_not_the_source_of_a_passive(text):
    (claim,) = claims_of(text)
    assert all(hop.start is None for hop in claim.chain)


def test_a_fronted_document_is_still_the_source_of_a_passive():
    (claim,) = claims_of("In einer Mitteilung der Stadt wurde bekannt gegeben, dass die Brücke gesperrt ist.")
    assert claim.chain[-1].mention == "einer Mitteilung der Stadt"


def test_a_postposed_verb_before_a_colon_quotes_what_follows():
    (claim,) = claims_of("Im Brief, den Berg an den Bürgermeister geschickt hat, erklärt sie: „Das Haus ist alt.“")
    assert claim.text == "„Das Haus ist alt.“"
    assert claim.cue.text == "erklärt"
    assert claim.chain[-1].mention == "sie"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Hans Kern, Präsident des Vereins für Gartenbau: „Das Haus ist alt.“", "Hans Kern"),
        ("Der Gärtner, der als Zeuge gilt, will seine Arbeit einstellen: „Das Haus ist alt!“", "Der Gärtner"),
        (
            "Die Leiterin der Studie, Anna Weber, sieht die Schuld beim Staat: „Es muss sich etwas ändern.“",
            "Die Leiterin",
        ),
    ],
)
def test_a_speaker_with_an_apposition_before_a_colon_quotation(text, speaker):
    (claim,) = claims_of(text)
    assert claim.cue is None
    assert claim.chain[-1].mention.startswith(speaker)
    assert claim.text.startswith("„")


def test_clauses_before_a_colon_without_a_speaker_quote_nobody():
    assert claims_of("Das Wetter war schlecht, die Stimmung auch: „Es regnet.“") == []


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("Hier sparte die Ministerin nicht mit Kritik: „Das ist zu wenig.“", "sparte", "die Ministerin"),
        ("In der Sendung zeigt sich der Trainer zufrieden: „Wir haben gut gespielt.“", "zeigt", "der Trainer"),
        ("Dabei griff sie den Bürgermeister direkt an: „Sie haben versagt.“", "griff … an", "sie"),
    ],
)
def test_a_fronted_adverbial_then_verb_and_subject_before_a_colon_quotation(text, cue, speaker):
    (claim,) = claims_of(text)
    assert claim.cue.text == cue
    assert claim.chain[-1].mention == speaker
    assert claim.mode == "direct"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Nach einem Fernsehbericht ist der Bürgermeister zurückgetreten.", "einem Fernsehbericht"),
        ("Nach dem Gesetzentwurf sollen alle Schulen ihre Daten speichern.", "dem Gesetzentwurf"),
        ("Nach dem Plan der Stadt soll die Brücke 2030 fertig sein.", "dem Plan der Stadt"),
    ],
)
def test_nach_with_a_document_or_plan_names_the_source(text, source):
    (claim,) = claims_of(text)
    assert claim.cue.text == "Nach"
    assert claim.chain[-1].mention == source


def test_nach_with_an_event_is_a_time():
    assert claims_of("Nach dem Spiel gingen die Fans nach Hause.") == []


def test_woertlich_before_a_colon_is_the_cue():
    (claim,) = claims_of("Kern wörtlich: „Das Haus ist alt.“")
    assert claim.cue.text == "wörtlich"
    assert claim.chain[-1].mention == "Kern"


def test_a_connective_before_a_colon_is_no_speaker():
    assert claims_of("Denn: „Wer soll das bezahlen?“") == []


def test_so_with_a_verb_of_saying_before_the_source():
    claim = next(claim for claim in claims_of("Die Brücke sei marode, so schrieb die Stadt in einer Mitteilung."))
    assert claim.cue.text == "so schrieb"
    assert claim.chain[-1].mention == "die Stadt"
    assert claim.text == "Die Brücke sei marode"


def test_so_dass_is_a_result():
    assert claims_of("Es regnete stark, so dass die Feier ausfiel.") == []
