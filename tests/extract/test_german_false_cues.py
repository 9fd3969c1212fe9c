"""German phrases that look like attributions but are not, and fronted quantities before *beziffern*."""

from .sentences import german_claims as claims


def has_cue(text, word):
    return any(claim.cue is not None and claim.cue.text == word for claim in claims(text))


def sources(text):
    return [[text[hop.start : hop.end] for hop in claim.chain if hop.start is not None] for claim in claims(text)]


def test_nach_an_event_is_no_source():
    text = "Nach Abschluss der Ermittlungen erhob die Staatsanwaltschaft Anklage gegen den Hausmeister."
    assert not has_cue(text, "Nach")


def test_nach_a_publication_is_a_time():
    text = "Wenige Tage nach der Veröffentlichung des Buches kam es zu Protesten vor dem Verlagshaus."
    assert not has_cue(text, "nach")


def test_a_direction_after_sicht_is_no_opinion():
    text = "Im Cockpit sei die Sicht nach unten stark eingeschränkt gewesen."
    assert not has_cue(text, "nach")


def test_interviewer_asking_for_the_addressees_view():
    text = "Welche Teile des Entwurfs halten Sie Ihrer Meinung nach für fragwürdig?"
    assert not has_cue(text, "nach")


def test_seiner_meinung_nach_stays_a_source():
    text = "Die Reform sei seiner Meinung nach zu spät gekommen."
    assert has_cue(text, "nach")


def test_an_open_question_is_not_news():
    text = "Noch nicht bekannt ist, ob die Brücke wieder geöffnet wird."
    assert claims(text) == []


def test_fronted_quantity_before_beziffern():
    text = "Die Zahl der Verletzten, die ins Krankenhaus gebracht wurden, bezifferte die Feuerwehr auf 14."
    assert sources(text) == [["die Feuerwehr"]]
    text = "Den Sachschaden schätzt die Polizei auf 8.000 Euro."
    assert sources(text) == [["die Polizei"]]
    text = "Die Feuerwehr bezifferte die Zahl der Verletzten auf 14."
    assert sources(text) == [["Die Feuerwehr"]]


def test_wonach_without_a_report_before_it_is_dropped():
    text = "Die Gruppe zog weiter, wonach die Straße wieder frei gewesen sei."
    assert not has_cue(text, "wonach")


def test_wonach_after_a_report_keeps_the_report_as_source():
    text = "Es gibt Berichte der Zeitung, wonach der Minister zurücktreten wolle."
    assert has_cue(text, "wonach")


def test_an_adverbial_or_relative_clause_after_the_cue_is_no_content():
    for text in (
        "Der Bürgermeister bat um Geduld, da die Arbeiten noch andauerten.",
        "Die Ministerin kritisierte den Entwurf, was im Landtag für Unruhe sorgte.",
    ):
        assert all(not claim.text.lower().startswith(("da ", "was ")) for claim in claims(text))
