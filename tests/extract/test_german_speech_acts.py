"""German speech acts with a nominal object, in our own sentences: whole-sentence "Reported" claims without cue."""

from __future__ import annotations

import pytest

from .sentences import german_claims as claims_of
from .sentences import whole_sentence_reported


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Anna Weber, Sprecherin des Vereins, bezeichnete die Entscheidung als mutig.", "Anna Weber"),
        ("Die Tat bezeichnete er als sinnlos.", "er"),
        ("Den Plan bezeichnete der Minister als gescheitert.", "der Minister"),
        ("Der Minister bezeichnete den Plan als gescheitert.", "Der Minister"),
    ],
)
def test_the_speaker_of_a_naming_act_is_its_subject_not_its_object(text, speaker):
    (claim,) = claims_of(text)
    assert claim.cue is None
    assert claim.chain[-1].mention == speaker
    assert claim.text == text


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Behörden werfen dem Mann Betrug vor.", "Die Behörden"),
        ("Der Konzern kündigte am Montag den Bau einer neuen Fabrik an.", "Der Konzern"),
        ("Beobachter gehen von einer weiteren Eskalation aus.", "Beobachter"),
        ("Für den Herbst kündigte sie ihre Kandidatur an.", "sie"),
    ],
)
def test_a_separable_verb_of_saying_with_a_nominal_object_is_reported(text, speaker):
    assert whole_sentence_reported(text, "de").chain[-1].mention == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Der Zug ging um acht Uhr aus dem Bahnhof.",
        "Der Verein warf dem Trainer nicht Betrug vor.",
        "Die Feier fiel aus, kündigte die Stadt an.",
    ],
)
def test_no_reported_claim_without_a_speech_act_of_the_sentence(text):
    assert [claim for claim in claims_of(text) if claim.mode == "reported"] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Feuerwehr schätzt den Schaden auf 20.000 Euro.", "Die Feuerwehr"),
        ("Der Kämmerer bezifferte die Kosten mit drei Millionen Euro.", "Der Kämmerer"),
        ("Die Anwohner begrüßten den Bau des Radwegs.", "Die Anwohner"),
        ("Die Trainerin lobte den Einsatz ihrer Mannschaft.", "Die Trainerin"),
        ("Der Verband plädiert für eine längere Saison.", "Der Verband"),
    ],
)
def test_estimates_and_verdicts_on_a_nominal_object_are_reported(text, speaker):
    (claim,) = claims_of(text)
    assert claim.cue is None
    assert claim.mode == "reported"
    assert claim.chain[-1].mention == speaker


@pytest.mark.parametrize(
    "text",
    [
        "In Peru forderte das Erdbeben 40 Menschenleben.",
        "Es war ein schweres Unglück, das 73 Todesopfer forderte.",
        "Bergfeuer nannte man die Signale auf den Gipfeln.",
    ],
)
def test_a_death_toll_or_a_name_given_by_nobody_is_no_claim(text):
    assert claims_of(text) == []
