"""Free indirect speech that goes on after one sentence of narration in the same paragraph."""

from .sentences import german_claims as claims

OPENING = "Die Feuerwehr teilte mit, der Brand sei gelöscht. Das Gebäude steht seit 1920 am Marktplatz."


def readings(text):
    return [(claim.text, [text[hop.start : hop.end] for hop in claim.chain]) for claim in claims(text)]


def test_konjunktiv_in_the_main_clause_goes_on_with_the_last_source():
    text = OPENING + " Verletzt worden sei niemand."
    assert readings(text) == [
        ("der Brand sei gelöscht", ["Die Feuerwehr"]),
        ("Verletzt worden sei niemand.", ["Die Feuerwehr"]),
    ]


def test_not_after_a_paragraph_break_or_two_sentences_of_narration():
    assert len(claims(OPENING + "\nVerletzt worden sei niemand.")) == 1
    assert len(claims(OPENING + " Es hat drei Stockwerke. Verletzt worden sei niemand.")) == 1


def test_not_after_a_subordinate_clause_or_in_the_first_person():
    assert len(claims(OPENING + " Wann es wieder öffne, sei unklar.")) == 1
    assert len(claims(OPENING + " Ich würde dort nicht wohnen.")) == 1
