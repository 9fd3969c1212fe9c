"""Constructions of German and English news that chain extraction used to miss, in our own sentences.

Each case asserts every claim's content, every hop's name and kind in order, and the hedged flag
(unfiltered, as in ``test_chain_constructions.py``).
"""

from __future__ import annotations

import pytest

from .test_chain_constructions import reading

SENTENCES = [
    pytest.param(
        "en",
        'Mr Lund claimed the road would cost less, in an interview on Radio 7. "We will build it," Mr Lund told the Evening Show.',
        [
            ("the road would cost less", [("Mr Lund", "person"), ("Radio", "media-outlet")], False),
            ('"We will build it,"', [("Mr Lund", "person"), ("Evening Show", "media-outlet")], False),
        ],
        id="en-quotation-after-a-number-opens-a-new-sentence",
    ),
    pytest.param(
        "en",
        "Ms Ward complained of the portrayal of the scheme in the media in her interview with the Daily Mail, her first.",
        [
            (
                "of the portrayal of the scheme in the media",
                [("Ms Ward", "person"), ("Daily Mail", "media-outlet")],
                False,
            )
        ],
        id="en-interview-with-an-outlet-after-the-content-is-a-relay",
    ),
    pytest.param(
        "en",
        "Mr Dale said he had been misquoted in an interview with a neighbour last year.",
        [("he had been misquoted in an interview with a neighbour last year", [("Mr Dale", "person")], False)],
        id="en-interview-inside-the-content-stays",
    ),
    pytest.param(
        "de",
        "Wenn die Stadt früher gehandelt hätte, wäre das Hochwasser heute kein Problem, sagte der Bürgermeister.",
        [
            (
                "Wenn die Stadt früher gehandelt hätte, wäre das Hochwasser heute kein Problem",
                [("Bürgermeister", "person")],
                False,
            )
        ],
        id="de-fronted-conditional-before-a-postposed-cue",
    ),
    pytest.param(
        "de",
        "Die Preise seien gestiegen, sagte Eva Lorenz, da das Angebot knapp sei.",
        [("Die Preise seien gestiegen", [("Eva Lorenz", "person")], False)],
        id="de-cause-after-the-cue-is-no-content",
    ),
    pytest.param(
        "de",
        "Die Lage sei ernst, sagte der Bürgermeister.",
        [("Die Lage sei ernst", [("Bürgermeister", "person")], False)],
        id="de-definite-office-holder-is-a-person",
    ),
    pytest.param(
        "en",
        "The unions rejected the offer on Monday, saying it was too low.",
        [
            ("the offer on Monday, saying it was too low", [("unions", "anonymous-group")], False),
            ("it was too low", [("unions", "anonymous-group")], False),
        ],
        id="en-participle-of-saying-takes-the-subject-of-the-clause",
    ),
    pytest.param(
        "en",
        "The league suspended a player for allegedly saying the referee was bribed.",
        [("the referee was bribed", [("unknown", "unknown"), ("unknown", "unknown")], True)],
        id="en-gerund-after-a-preposition-keeps-no-subject",
    ),
    pytest.param(
        "de",
        "Die Stadtwerke haben nach eigenen Angaben 300 Mitarbeiter.",
        [("Die Stadtwerke haben … 300 Mitarbeiter", [("Stadtwerke", "unknown")], False)],
        id="de-nach-eigenen-Angaben-after-the-subject",
    ),
    pytest.param(
        "de",
        "Nach eigenen Worten hat die Sängerin damals gelogen.",
        [("hat die Sängerin damals gelogen", [("Sängerin", "unknown")], False)],
        id="de-nach-eigenen-Worten-before-the-verb",
    ),
    pytest.param(
        "de",
        "Der Bericht umfasst laut Zeitung 120 Seiten.",
        [("Der Bericht umfasst … 120 Seiten", [("Zeitung", "anonymous-media")], False)],
        id="de-laut-X-before-a-count",
    ),
    pytest.param(
        "de",
        "Seit Montag sind nach einer ersten Bilanz der Feuerwehr 12 Keller überflutet worden.",
        [("Seit Montag sind … 12 Keller überflutet worden", [("erste Bilanz der Feuerwehr", "organization")], False)],
        id="de-nach-einer-Bilanz-der-X",
    ),
    pytest.param(
        "de",
        "Der Minister hat nach Erkenntnissen des Instituts für Verkehrsforschung die Zahlen geschönt.",
        [("Der Minister hat … die Zahlen geschönt", [("Instituts für Verkehrsforschung", "organization")], False)],
        id="de-Institut-fuer-X-is-an-organisation",
    ),
    pytest.param(
        "de",
        "Die Anlage befinde sich in gutem Zustand, aber die Kosten seien hoch, so eine Sprecherin.",
        [
            ("Die Anlage befinde sich in gutem Zustand", [("Sprecherin", "anonymous-person")], False),
            ("die Kosten seien hoch", [("Sprecherin", "anonymous-person")], False),
        ],
        id="de-rarer-Konjunktiv-clauses-before-a-postposed-cue",
    ),
    pytest.param(
        "de",
        "Die Anlage sei veraltet, sagte Karin Weber. Außerdem lägen keine Pläne für einen Umbau vor.",
        [
            ("Die Anlage sei veraltet", [("Karin Weber", "person")], False),
            ("Außerdem lägen keine Pläne für einen Umbau vor.", [("Karin Weber", "person")], False),
        ],
        id="de-Konjunktiv-II-sentence-goes-on-with-the-report",
    ),
    pytest.param(
        "de",
        "Die Anlage sei veraltet, sagte Karin Weber. Wir wüssten gern, was sie meint.",
        [("Die Anlage sei veraltet", [("Karin Weber", "person")], False)],
        id="de-Konjunktiv-II-of-the-first-person-is-no-report",
    ),
    pytest.param(
        "de",
        "Anna Berger leitet den Verein seit 1990. Im Mai warnte die 68-Jährige angesichts der hohen Mieten vor einer Krise.",
        [
            (
                "Im Mai warnte die 68-Jährige angesichts der hohen Mieten vor einer Krise.",
                [("Anna Berger", "person")],
                False,
            )
        ],
        id="de-warnte-vor-far-after-the-verb-and-the-person-by-age",
    ),
    pytest.param(
        "de",
        "Ein Gericht sprach den Mann vor zwei Jahren von allen Vorwürfen frei.",
        [],
        id="de-sprach-frei-is-no-speech-act",
    ),
    pytest.param(
        "de",
        "Ministerin: Steuern sollen 2027 sinken. Berlin – Die Regierung berät am Montag.",
        [("Steuern sollen 2027 sinken", [("Ministerin", "person")], True)],
        id="de-headline-name-colon",
    ),
    pytest.param(
        "de",
        "Die Regierung berät am Montag. Der Plan: Steuern sollen 2027 sinken.",
        [],
        id="de-colon-inside-an-article-names-nobody",
    ),
    pytest.param(
        "de",
        "Fazit: Die Steuern sinken. Berlin – Die Regierung berät am Montag.",
        [],
        id="de-headline-label-colon-names-nobody",
    ),
    pytest.param(
        "en",
        "Shares of the Dutch carmaker Veltra fell. Veltra claims its rivals copied the design.",
        [("its rivals copied the design", [("Veltra", "organization")], False)],
        id="en-name-claims-and-a-company-named-by-its-class-noun",
    ),
    pytest.param(
        "en",
        "The mayor repeated the false claims that the bridge was unsafe.",
        [],
        id="en-claims-after-an-adjective-is-a-noun",
    ),
    pytest.param(
        "de",
        "Die Zeitung Bild berichtete darüber. Das Büro der Ministerin teilte mit, sie habe den Kanzler angerufen. "
        "Der Mitteilung zufolge versicherte Eva Kern, dass die Reform komme.",
        [
            ("sie habe den Kanzler angerufen", [("Büro der Ministerin", "organization")], False),
            ("dass die Reform komme", [("Eva Kern", "person"), ("Büro der Ministerin", "organization")], False),
        ],
        id="de-der-Mitteilung-zufolge-X-versicherte-is-passed-on-by-the-source-before",
    ),
    pytest.param(
        "de",
        "Die Lage sei ernst, sagte Ute Lang der Zeitung Nordkurier. "
        "Nach Zahlen des Verbands VDA sanken demnach die Verkäufe um zehn Prozent.",
        [
            ("Die Lage sei ernst", [("Ute Lang", "person"), ("Nordkurier", "media-outlet")], False),
            (
                "sanken … die Verkäufe um zehn Prozent",
                [("Verbands VDA", "organization"), ("Nordkurier", "media-outlet")],
                False,
            ),
        ],
        id="de-demnach-inside-a-prepositional-frame-is-its-relay",
    ),
    pytest.param(
        "de",
        "Bis Mai wäre demnach die Brücke fertig, im Sommer könnten die ersten Autos fahren, sagte Jan Roth.",
        [
            ("Bis Mai wäre demnach die Brücke fertig", [("Jan Roth", "person")], False),
            ("im Sommer könnten die ersten Autos fahren", [("Jan Roth", "person")], False),
        ],
        id="de-Konjunktiv-II-clauses-before-a-postposed-cue-are-claims-of-their-own",
    ),
    pytest.param(
        "en",
        "Maria Lopez played for Leeds and St Pauli and she feels that is now paying off.",
        [("that is now paying off", [("Maria Lopez", "person")], False)],
        id="en-pronoun-after-and-is-the-subject-and-St-opens-no-name",
    ),
    pytest.param(
        "de",
        "Lech Nowak war in kommunistischer Zeit Anführer der Gewerkschaft. Er sprach von einer Fälschung.",
        [("Er sprach von einer Fälschung.", [("Lech Nowak", "person")], False)],
        id="de-nouns-after-an-adjective-are-no-name-for-a-pronoun",
    ),
    pytest.param(
        "de",
        "Die Brücke bleibt bis Juni gesperrt. Dies bestätigte die Stadtverwaltung am Montag.",
        [("Die Brücke bleibt bis Juni gesperrt … Dies", [("Stadtverwaltung", "organization")], False)],
        id="de-Dies-bestaetigte-X-confirms-the-sentence-before",
    ),
    pytest.param(
        "de",
        "Die Brücke bleibt bis Juni gesperrt. Dies wurde von der Stadtverwaltung bestätigt.",
        [("Die Brücke bleibt bis Juni gesperrt … Dies", [("Stadtverwaltung", "organization")], False)],
        id="de-Dies-wurde-von-X-bestaetigt",
    ),
    pytest.param(
        "de",
        "Anwohner sprachen von drei Verletzten. Das wurde von der Polizei bestritten.",
        [("Anwohner sprachen von drei Verletzten.", [("Anwohner", "anonymous-group")], False)],
        id="de-a-denial-leaves-the-sentence-before-its-own-claim",
    ),
    pytest.param(
        "de",
        "Die Brücke bleibt bis Juni gesperrt. Dies wurde von der Stadtverwaltung bestätigt, "
        "wie der Sender Radio Nord laut der Agentur APA berichtete.",
        [
            (
                "Die Brücke bleibt bis Juni gesperrt … Dies",
                [("Stadtverwaltung", "organization"), ("Radio Nord", "media-outlet"), ("APA", "news-agency")],
                False,
            )
        ],
        id="de-Dies-wurde-bestaetigt-wie-Y-laut-Z-berichtete-three-hops",
    ),
    pytest.param(
        "de",
        "Im Gespräch mit der Süddeutschen Zeitung sagte Huber, die Pläne seien gescheitert.",
        [("die Pläne seien gescheitert", [("Huber", "person"), ("Süddeutsche Zeitung", "media-outlet")], False)],
        id="de-a-registered-paper-in-the-dative",
    ),
    pytest.param(
        "en",
        "In a statement to Reuters, the company said the plan would fail.",
        [("the plan would fail", [("company", "organization"), ("Reuters", "news-agency")], False)],
        id="en-in-a-statement-to-Y",
    ),
]


@pytest.mark.parametrize("language, text, expected", SENTENCES)
def test_chain(language, text, expected):
    assert reading(text, language) == expected


def _chains(text: str, **metadata) -> list[list[str]]:
    from provenance.extract import InputDocument, extract_article

    article = extract_article(InputDocument(id="own", text=text, lang="en", **metadata), filtered=False)
    return [[hop.source.name for hop in claim.chain] for claim in article.claims]


OWN_OUTLET_TEXT = "The council leader told BBC News the budget was safe. She told the Guardian it was not."


def test_the_articles_own_outlet_is_no_relay():
    assert _chains(OWN_OUTLET_TEXT, publisher="BBC") == [["council leader"], ["council leader", "The Guardian"]]


def test_the_own_outlet_comes_from_the_url_when_no_publisher_is_given():
    assert _chains(OWN_OUTLET_TEXT, url="https://www.bbc.co.uk/news/uk-1") == [
        ["council leader"],
        ["council leader", "The Guardian"],
    ]


def test_another_outlets_article_keeps_the_relay():
    assert _chains(OWN_OUTLET_TEXT, publisher="The Guardian") == [["council leader", "BBC"], ["council leader"]]
    assert _chains(OWN_OUTLET_TEXT) == [["council leader", "BBC"], ["council leader", "The Guardian"]]
