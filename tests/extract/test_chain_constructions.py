"""Whole chains, origin first, for every construction of issue 18, in our own German and English sentences.

Each case asserts the claim's content, every hop's name and kind in order, and the hedged flag. The
constructions follow the chain guidelines of ``shared/chains-dev/README.md``: relays through outlets,
prepositional attribution around a verb, nested attributions, continuations, reportatives, and the
kinds and names of sources.
"""

from __future__ import annotations

import pytest

from .sentences import claims_of


def reading(text: str, language: str) -> list[tuple[str, list[tuple[str, str]], bool]]:
    """(content, [(name, kind), …], hedged) of every claim, unfiltered, in document order."""
    return [
        (claim.text, [(hop.source.name, hop.source.kind) for hop in claim.chain], claim.hedged)
        for claim in claims_of(text, language, filtered=False)
    ]


RELAYS = [
    pytest.param(
        "de",
        "Die Verhandlungen seien gescheitert, sagte Außenminister Peter Brandt der Nachrichtenagentur Reuters.",
        [("Die Verhandlungen seien gescheitert", [("Peter Brandt", "person"), ("Reuters", "news-agency")], False)],
        id="de-sagte-X-der-Nachrichtenagentur-Y",
    ),
    pytest.param(
        "de",
        "Die Wahl sei manipuliert worden, sagte Karl Mair der Zeitung Salzburger Nachrichten.",
        [("Die Wahl sei manipuliert worden", [("Karl Mair", "person"), ("Salzburger Nachrichten", "media-outlet")], False)],
        id="de-sagte-X-der-Zeitung-Y",
    ),
    pytest.param(
        "en",
        "Anna Berg told the Morning Herald newspaper the deal was dead.",
        [("the deal was dead", [("Anna Berg", "person"), ("Morning Herald", "media-outlet")], False)],
        id="en-X-told-the-Y-newspaper",
    ),
    pytest.param(
        "en",
        "The ceasefire had collapsed, Reuters reported, citing two diplomats.",
        [("The ceasefire had collapsed", [("diplomats", "anonymous-group"), ("Reuters", "news-agency")], False)],
        id="en-Y-citing-X",
    ),
    pytest.param(
        "de",
        "Die Waffenruhe sei gebrochen worden, berichtete die Agentur AFP unter Berufung auf Diplomatenkreise.",
        [("Die Waffenruhe sei gebrochen worden", [("Diplomatenkreise", "anonymous-group"), ("AFP", "news-agency")], False)],
        id="de-Y-unter-Berufung-auf-X",
    ),
    pytest.param(
        "en",
        "The vote was rigged, Tom Hale said, quoted by the Daily Mail.",
        [("The vote was rigged", [("Tom Hale", "person"), ("Daily Mail", "media-outlet")], False)],
        id="en-X-quoted-by-Y",
    ),
    pytest.param(
        "en",
        "The BBC quoted Tom Hale as saying the vote was rigged.",
        [("the vote was rigged", [("Tom Hale", "person"), ("BBC", "media-outlet")], False)],
        id="en-Y-quoted-X-as-saying",
    ),
    pytest.param(
        "de",
        "Die Wahl sei manipuliert worden, zitierte die Nachrichtenagentur APA den Abgeordneten Karl Mair.",
        [("Die Wahl sei manipuliert worden", [("Abgeordneten Karl Mair", "person"), ("APA", "news-agency")], False)],
        id="de-zitierte-Y-X",
    ),
    pytest.param(
        "en",
        "Tom Hale said in an interview with the Guardian that the vote was rigged.",
        [("that the vote was rigged", [("Tom Hale", "person"), ("The Guardian", "media-outlet")], False)],
        id="en-in-an-interview-with-Y",
    ),
    pytest.param(
        "de",
        "Die Wahl sei manipuliert worden, sagte Karl Mair im Gespräch mit dem Spiegel.",
        [("Die Wahl sei manipuliert worden", [("Karl Mair", "person"), ("Der Spiegel", "media-outlet")], False)],
        id="de-im-Gespräch-mit-Y",
    ),
    pytest.param(
        "de",
        "Die Armee werde abziehen, sagte der Minister, wie die Zeitung Kurier laut der Agentur APA berichtete.",
        [
            (
                "Die Armee werde abziehen",
                [("Minister", "person"), ("Kurier", "media-outlet"), ("APA", "news-agency")],
                False,
            )
        ],
        id="de-wie-Y-laut-Z-berichtete",
    ),
    pytest.param(
        "en",
        "The army will withdraw, the minister said, as the Guardian reported.",
        [("The army will withdraw", [("minister", "person"), ("The Guardian", "media-outlet")], False)],
        id="en-X-said-as-Y-reported",
    ),
    pytest.param(
        "de",
        "Der Agentur PAP zufolge sagte der Direktor Jan Nowak, die Akte sei echt.",
        [("die Akte sei echt", [("Jan Nowak", "person"), ("PAP", "news-agency")], False)],
        id="de-Y-zufolge-sagte-X",
    ),
    pytest.param(
        "en",
        "According to the Times of India, the minister said the army would withdraw.",
        [("the army would withdraw", [("minister", "person"), ("The Times of India", "media-outlet")], False)],
        id="en-according-to-Y-X-said",
    ),
    pytest.param(
        "de",
        "Laut ČTK hatte der Politiker Jan Novak gefordert, die Grenzen sollten geschlossen werden.",
        [("die Grenzen sollten geschlossen werden", [("Jan Novak", "person"), ("ČTK", "news-agency")], True)],
        id="de-laut-Y-hatte-X-gefordert",
    ),
    pytest.param(
        "de",
        "Dem Bericht zufolge, der der dpa vorlag, sollen 500 Stellen wegfallen.",
        [("sollen 500 Stellen wegfallen", [("Bericht", "document"), ("dpa", "news-agency")], True)],
        id="de-Dokument-lag-Y-vor",
    ),
    pytest.param(
        "de",
        "Die Lage sei ernst, sagte der Minister im ZDF.",
        [("Die Lage sei ernst", [("Minister", "person"), ("ZDF", "media-outlet")], False)],
        id="de-sagte-X-im-Sender",
    ),
    pytest.param(
        "en",
        "The plan will fail, Smith wrote in the Guardian.",
        [("The plan will fail", [("Smith", "person"), ("The Guardian", "media-outlet")], False)],
        id="en-X-wrote-in-Y",
    ),
    pytest.param(
        "en",
        "The plan will fail, Smith said on Monday.",
        [("The plan will fail", [("Smith", "person")], False)],
        id="en-a-time-after-on-is-no-relay",
    ),
    pytest.param(
        "de",
        "Die Agentur TASR meldete den Rücktritt. Die Regierung sei zerbrochen, erklärte der Premierminister demnach weiter.",
        [("Die Regierung sei zerbrochen", [("Premierminister", "person"), ("TASR", "news-agency")], False)],
        id="de-erklärte-X-demnach",
    ),
]

NESTED = [
    pytest.param(
        "en",
        'The Sunday Herald reports that Tom Hale told a French magazine: "I will leave."',
        [
            (
                '"I will leave."',
                [("Tom Hale", "person"), ("French magazine", "anonymous-media"), ("Sunday Herald", "media-outlet")],
                False,
            )
        ],
        id="en-Z-reports-that-X-told-Y",
    ),
    pytest.param(
        "en",
        "Ann Lee told the court that a company lawyer had told her the contract was void.",
        [("contract was void", [("company lawyer", "anonymous-person"), ("Ann Lee", "person")], False)],
        id="en-A-told-B-that-C-told-her",
    ),
    pytest.param(
        "en",
        "A Labour source told the Sunday Times the campaign would start in May but said the leader would not take part.",
        [
            ("the campaign would start in May", [("Labour source", "anonymous-person"), ("The Sunday Times", "media-outlet")], False),
            ("the leader would not take part", [("Labour source", "anonymous-person"), ("The Sunday Times", "media-outlet")], False),
        ],
        id="en-X-told-Y-A-but-said-B",
    ),
]

CONTINUATIONS = [
    pytest.param(
        "de",
        "Die Verhandlungen seien gescheitert, sagte Außenminister Peter Brandt der Nachrichtenagentur Reuters. "
        "Eine Fortsetzung sei nicht geplant.",
        [
            ("Die Verhandlungen seien gescheitert", [("Peter Brandt", "person"), ("Reuters", "news-agency")], False),
            ("Eine Fortsetzung sei nicht geplant.", [("Peter Brandt", "person"), ("Reuters", "news-agency")], False),
        ],
        id="de-Konjunktiv-continuation-takes-the-whole-chain",
    ),
    pytest.param(
        "en",
        '"We will not give up," Tom Hale told the Sunday Herald. "The fight goes on."',
        [
            ('"We will not give up,"', [("Tom Hale", "person"), ("Sunday Herald", "media-outlet")], False),
            ('"The fight goes on."', [("Tom Hale", "person"), ("Sunday Herald", "media-outlet")], False),
        ],
        id="en-quotation-continuation-takes-the-whole-chain",
    ),
    pytest.param(
        "en",
        "Anna Berg told the Guardian newspaper that the plan would fail. It would also cost billions.",
        [
            ("that the plan would fail", [("Anna Berg", "person"), ("The Guardian", "media-outlet")], False),
            ("It would also cost billions.", [("Anna Berg", "person"), ("The Guardian", "media-outlet")], False),
        ],
        id="en-backshifted-continuation-takes-the-whole-chain",
    ),
]

HEDGES = [
    pytest.param(
        "en",
        "Tom Hale reportedly said the vote was rigged.",
        [("the vote was rigged", [("Tom Hale", "person"), ("unknown", "unknown")], True)],
        id="en-X-reportedly-said",
    ),
    pytest.param(
        "de",
        "Der Minister soll gesagt haben, die Wahl sei manipuliert worden.",
        [("die Wahl sei manipuliert worden", [("Minister", "person"), ("unbekannt", "unknown")], True)],
        id="de-X-soll-gesagt-haben",
    ),
    pytest.param(
        "en",
        "Striker Tom Hale reportedly wants to leave the club.",
        [("Striker Tom Hale … wants to leave the club", [("unknown", "unknown")], True)],
        id="en-reportedly-without-source",
    ),
    pytest.param(
        "en",
        "The minister allegedly took bribes.",
        [("The minister … took bribes", [("unknown", "unknown")], True)],
        id="en-allegedly-without-source",
    ),
    pytest.param(
        "de",
        "Der Minister hat angeblich sein Amt niedergelegt.",
        [("Der Minister hat … sein Amt niedergelegt", [("unbekannt", "unknown")], True)],
        id="de-angeblich-without-source",
    ),
    pytest.param(
        "en",
        "Security concerns are said to be the main reason for the delay.",
        [("Security concerns … to be the main reason for the delay", [("unknown", "unknown")], True)],
        id="en-is-said-to-be",
    ),
]

KINDS = [
    pytest.param(
        "en",
        "Deutsche Boerse told Reuters the bid was too low.",
        [("the bid was too low", [("Deutsche Boerse", "organization"), ("Reuters", "news-agency")], False)],
        id="en-company-not-person",
    ),
    pytest.param(
        "en",
        "Contrack International has left Iraq. Contrack said the work could not be done.",
        [("the work could not be done", [("Contrack International", "organization")], False)],
        id="en-short-form-of-a-company",
    ),
    pytest.param(
        "en",
        "Commentators said a bidding war could break out.",
        [("a bidding war could break out", [("Commentators", "anonymous-group")], False)],
        id="en-plural-common-noun-anonymous-group",
    ),
    pytest.param(
        "de",
        "Elf Menschen seien ertrunken, teilte die Küstenwache mit.",
        [("Elf Menschen seien ertrunken", [("Küstenwache", "organization")], False)],
        id="de-coast-guard-organization",
    ),
    pytest.param(
        "de",
        "Vier Menschen würden vermisst, berichtete das griechische Staatsfernsehen.",
        [("Vier Menschen würden vermisst", [("griechische Staatsfernsehen", "anonymous-media")], False)],
        id="de-state-television-anonymous-media",
    ),
    pytest.param(
        "de",
        "Der Krieg sei vorbei, sagte Präsident Wladimir Putin.",
        [("Der Krieg sei vorbei", [("Wladimir Putin", "person")], False)],
        id="de-head-of-state-person",
    ),
    pytest.param(
        "de",
        "Der Student habe gestanden, hieß es nach nordkoreanischen Angaben.",
        [("Der Student habe gestanden", [("nordkoreanische Angaben", "state")], False)],
        id="de-country-adjective-state",
    ),
    pytest.param(
        "de",
        "Der Politiker Jan Nowak sei unschuldig, sagte ein Sprecher Nowaks.",
        [("Der Politiker Jan Nowak sei unschuldig", [("Sprecher Nowaks", "anonymous-person")], False)],
        id="de-spokesperson-anonymous-person",
    ),
]

NAMES = [
    pytest.param(
        "en",
        "Tom Hale spoke to reporters on Monday. He said the vote was rigged.",
        [("the vote was rigged", [("Tom Hale", "person")], False)],
        id="en-pronoun-takes-its-antecedent",
    ),
    pytest.param(
        "de",
        "Die Zeitung Kurier hat den Bericht gesehen. Die Regierung plane Kürzungen, schrieb die Zeitung.",
        [("Die Regierung plane Kürzungen", [("Kurier", "media-outlet")], False)],
        id="de-die-Zeitung-takes-its-antecedent",
    ),
    pytest.param(
        "en",
        "Growth will slow, according to the OECD, which said reforms were needed.",
        [
            ("Growth will slow", [("OECD", "organization")], False),
            ("reforms were needed", [("OECD", "organization")], False),
        ],
        id="en-which-takes-its-antecedent",
    ),
    pytest.param(
        "en",
        "The Jakarta Daily News said the vote was rigged.",
        [("the vote was rigged", [("Jakarta Daily News", "media-outlet")], False)],
        id="en-registry-alias-not-inside-a-longer-name",
    ),
    pytest.param(
        "en",
        "The Morning Post said the vote was rigged.",
        [("the vote was rigged", [("Morning Post", "media-outlet")], False)],
        id="en-the-Morning-Post-is-not-the-Washington-Post",
    ),
    pytest.param(
        "en",
        "He said the vote was rigged.",
        [("the vote was rigged", [("unknown", "unknown")], False)],
        id="en-unresolved-pronoun-is-unknown-not-a-name",
    ),
]


ONE_NAME = [
    pytest.param(
        "en",
        "Former Conservative leader William Hague says he will not stand again. Mr Hague told the Daily Telegraph he was tired.",
        [
            ("he will not stand again", [("William Hague", "person")], False),
            ("he was tired", [("William Hague", "person"), ("The Daily Telegraph", "media-outlet")], False),
        ],
        id="en-Mr-Hague-is-William-Hague",
    ),
    pytest.param(
        "de",
        "Umweltministerin Barbara Hendricks plant eine Abgabe. Die Abgabe sei sinnvoll, sagte Hendricks.",
        [("Die Abgabe sei sinnvoll", [("Barbara Hendricks", "person")], False)],
        id="de-surname-takes-the-full-name-written-in-the-article",
    ),
    pytest.param(
        "de",
        "Lech Kaczyński und sein Bruder Jarosław Kaczyński stritten. Die Partei sei gespalten, sagte Kaczyński.",
        [("Die Partei sei gespalten", [("Kaczyński", "person")], False)],
        id="de-two-people-of-one-surname-keep-the-surname",
    ),
    pytest.param(
        "en",
        "Contrack International said it was leaving. Contrack said the work could not be done.",
        [
            ("it was leaving", [("Contrack International", "organization")], False),
            ("the work could not be done", [("Contrack International", "organization")], False),
        ],
        id="en-short-form-of-a-company-takes-its-full-name",
    ),
]


@pytest.mark.parametrize("language, text, expected", RELAYS + NESTED + CONTINUATIONS + HEDGES + KINDS + NAMES + ONE_NAME)
def test_whole_chain(language, text, expected):
    assert reading(text, language) == expected
