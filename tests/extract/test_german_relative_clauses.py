"""A German content that is only a relative clause after the object (*…, die am Montag stattgefunden hat*)."""

from .sentences import german_claims as claims


def contents(text):
    return [claim.text for claim in claims(text)]


def test_a_relative_clause_after_the_object_is_no_claim():
    assert contents("Der Verband kritisiert die Abstimmung, die am Montag in Hannover stattgefunden hat.") == []
    text = "Der Bürgermeister verkündete das Urteil gegen zwei Männer, die im Mai wegen Diebstahls verhaftet worden waren."
    assert contents(text) == []


def test_its_speaker_goes_on_in_the_next_sentence():
    text = "Die Gewerkschaft kritisierte die Regelung, die vor drei Wochen in Kraft getreten ist. Sie sei zu streng."
    found = claims(text)
    assert [claim.text for claim in found] == ["Sie sei zu streng."]
    assert [text[hop.start : hop.end] for hop in found[0].chain] == ["Die Gewerkschaft"]


def test_an_article_before_reported_speech_stays_content():
    assert contents("Die Ministerin sagte, das neue Gesetz könne Absprachen verletzen.") == [
        "das neue Gesetz könne Absprachen verletzen"
    ]
    assert contents("Die Sprecherin erklärte, die betroffenen Tiere würden behandelt.") == [
        "die betroffenen Tiere würden behandelt"
    ]


def test_an_object_before_a_zu_infinitive_stays_content():
    assert contents("Der Anwalt empfahl dem Gericht, der Klage der Nachbarn stattzugeben.") == [
        "der Klage der Nachbarn stattzugeben"
    ]


def test_a_quotation_opening_with_die_stays_a_claim():
    text = "Der Minister sprach von einer Entscheidung, die „die schwerste seit Jahren“ gewesen sei."
    assert "„die schwerste seit Jahren“" in contents(text)
