"""German run-on reported speech after a stance, rarer Konjunktiv-I forms, and judgements with *als*/*für*,
in our own sentences."""

from __future__ import annotations

import pytest

from .sentences import german_claims as claims_of
from .sentences import whole_sentence_reported


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Bürgermeisterin wies die Kritik zurück. Der neue Radweg sei sicher.", "Die Bürgermeisterin"),
        ("Der Trainer gab sich nach dem Spiel gelassen. Die Mannschaft werde sich steigern.", "Der Trainer"),
        ("Die Firma streitet das ab. Ihr Werk halte alle Grenzwerte ein.", "Die Firma"),
    ],
)
def test_konjunktiv_after_a_stance_is_the_stance_takers_free_indirect_speech(text, speaker):
    (claim,) = claims_of(text)
    assert claim.cue is None
    assert claim.chain[-1].mention == speaker
    assert claim.text == text[text.index(". ") + 2 :]


def test_providing_for_something_is_no_stance():
    assert claims_of("Die Verträge sehen einen Verkauf vor. Der Preis sei noch offen.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Verein sagte, der Platz werde im Mai fertig. Dazu gehöre auch ein neuer Zaun.",
        "Der Verein sagte, der Platz werde im Mai fertig. Die Stadt richte dafür eine Baustelle ein.",
    ],
)
def test_rarer_konjunktiv_forms_go_on_reporting(text):
    claims = claims_of(text)
    assert claims[-1].text == text[text.index(". ") + 2 :]
    assert claims[-1].chain[-1].mention == "Der Verein"


@pytest.mark.parametrize(
    "text",
    [
        "Der Verein sagte, der Platz werde im Mai fertig. Im Falle eines Regens dauert es länger.",
        "Der Verein sagte, der Platz werde im Mai fertig. Tatsächlich fühle ich mich dort wohl.",
    ],
)
def test_nouns_and_first_person_forms_are_no_konjunktiv(text):
    assert len(claims_of(text)) == 1


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Der Verband kritisierte den Beschluss des Rates als voreilig.", "Der Verband"),
        ("Die Gewerkschaft wertet den Abschluss als großen Erfolg.", "Die Gewerkschaft"),
        ("Die Forscher halten einen Anstieg der Preise im Herbst für wahrscheinlich.", "Die Forscher"),
    ],
)
def test_a_judgement_with_als_or_fuer_is_reported(text, speaker):
    assert whole_sentence_reported(text, "de").chain[-1].mention == speaker


def test_a_named_source_inside_a_judgement_keeps_its_own_frame():
    (claim,) = claims_of("Die Partei hält den Umbau laut ihrem Sprecher für machbar.")
    assert claim.cue is not None and claim.cue.text == "laut"


def test_a_run_on_sentence_with_a_speaker_of_its_own_is_that_speakers():
    text = (
        "Der Verein sagte, der Platz werde im Mai fertig. "
        "Die Anwohner erwarten keine Ruhe, weil die Bauarbeiten noch lange dauern würden."
    )
    claims = claims_of(text)
    assert claims[-1].chain[-1].mention == "Die Anwohner"


def test_a_reportative_modal_keeps_the_run_on_source():
    text = "Der Verein sagte, der Platz werde im Mai fertig. Der Bau soll über eine Million Euro gekostet haben."
    claims = claims_of(text)
    assert claims[-1].chain[-1].mention == "Der Verein"


@pytest.mark.parametrize(
    "text, agent",
    [
        ("Die neue Gebühr wurde vom Mieterverein als unsozial kritisiert.", "Mieterverein"),
        ("Von Naturschützern wurden die Pläne als Rückschritt bezeichnet.", "Naturschützern"),
        ("Das Fest wurde von den Gastgebern als voller Erfolg gewertet.", "den Gastgebern"),
    ],
)
def test_a_passive_judgement_is_its_agents_reported_claim(text, agent):
    assert whole_sentence_reported(text, "de").chain[-1].mention == agent


def test_a_passive_without_agent_or_judgement_is_no_reported_claim():
    assert claims_of("Das Haus wurde im Mai als Schule eröffnet.") == []
