"""German and English cue lexicons: the words that mark an attribution and the words around them.

Verb lists live in ``data/*_cue_verbs.txt`` (one inflected form a line, chosen on the train splits:
forms that mark an attribution in at least half of their occurrences, plus hand-written ones);
the closed classes are small enough to stay here as Python data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Everything the patterns need to know about one language."""

    language: str
    cue_verbs: frozenset[str]
    # Separable verbs ("teilte ... mit"): the particle joins the cue; a verb listed here without
    # its particle in the clause is not a cue ("gab" alone is not one, "gab ... bekannt" is).
    particles: dict[str, frozenset[str]]
    particle_required: frozenset[str]
    # Verbs whose object is a second, inner source: "zitierte Tass ein Mitglied" (Mitglied -> Tass).
    quoting_verbs: frozenset[str]
    # "laut X", "according to X": a phrase that opens the source noun phrase.
    source_prepositions: tuple[tuple[str, ...], ...]
    # "X zufolge": closes the source noun phrase.
    source_postpositions: frozenset[str]
    # Nouns that turn "nach/aus/von ... NOUN" into a cue ("nach Angaben der Polizei").
    report_nouns: frozenset[str]
    # Words that refer back to the previous attribution's source ("Demnach").
    anaphoric_cues: frozenset[str]
    # Phrases that add the origin to a chain: "unter Berufung auf X", "citing X".
    relay_phrases: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    # Determiners that start a new noun phrase after a complete one (object or addressee).
    phrase_breakers: frozenset[str]
    # Words that end a source noun phrase read to the right.
    phrase_stops: frozenset[str]
    # Words a subject may carry before its verb that are not part of the source.
    verb_companions: frozenset[str]
    pronouns: frozenset[str]
    hedges: frozenset[str]
    # Finite verb forms that mark reported speech on their own (German Konjunktiv I and substitutes).
    reported_speech_verbs: frozenset[str] = field(default_factory=frozenset)
    # Speech-act participles inside reported content that make its subject the origin.
    embedded_speech_participles: frozenset[str] = field(default_factory=frozenset)
    coordinators: frozenset[str] = field(default_factory=frozenset)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.lower().split()) for phrase in phrases)


@cache
def _verb_file(name: str) -> frozenset[str]:
    text = resources.files("provenance.extract").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


GERMAN_DETERMINERS = _words(
    "der die das des dem den ein eine einer eines einem einen kein keine keinen keiner "
    "sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere unseren "
    "dieser diese dieses diesem diesen jener jene mehrere einige viele zwei drei beide beiden"
)

ENGLISH_DETERMINERS = _words("the a an his her its their our this that these those some several many two three")


@cache
def lexicon_for(language: str) -> Lexicon:
    """The lexicon of ``de`` or ``en`` (anything else falls back to English)."""
    if language == "de":
        return _german()
    return _english()


def _german() -> Lexicon:
    return Lexicon(
        language="de",
        cue_verbs=_verb_file("de_cue_verbs.txt"),
        particles={
            "teilte": _words("mit"),
            "teilten": _words("mit"),
            "gab": _words("an bekannt zu"),
            "gaben": _words("an bekannt zu"),
            "stellte": _words("fest klar"),
            "räumte": _words("ein"),
            "fügte": _words("hinzu"),
            "wies": _words("hin"),
            "ausgegangen": _words("davon"),
            "ausgeht": _words("davon"),
            "kündigte": _words("an"),
            "kündigten": _words("an"),
            "warf": _words("vor"),
            "wirft": _words("vor"),
            "werfen": _words("vor"),
            "sprach": _words("von aus"),
            "forderte": _words("auf"),
            "geht": _words("aus"),
            "ging": _words("aus"),
            "gingen": _words("aus"),
            "gehen": _words("aus"),
            "führt": _words("aus"),
            "führte": _words("aus"),
            "schlug": _words("vor"),
            "schlägt": _words("vor"),
            "hob": _words("hervor"),
            "sicherte": _words("zu"),
            "prangerte": _words("an"),
            "prangerten": _words("an"),
            "gibt": _words("an bekannt"),
            "zeigte": _words("sich"),
            "zeigten": _words("sich"),
            "teilt": _words("mit"),
            "räumt": _words("ein"),
            "kündigt": _words("an"),
            "stellt": _words("fest klar"),
            "weist": _words("hin"),
            "hebt": _words("hervor"),
            "fügt": _words("hinzu"),
            "sichert": _words("zu"),
            "hoben": _words("hervor"),
            "fügten": _words("hinzu"),
            "sicherten": _words("zu"),
            "räumten": _words("ein"),
            "merkte": _words("an"),
            "merkten": _words("an"),
            "merkt": _words("an"),
            "wandte": _words("ein"),
            "wandten": _words("ein"),
            "wendet": _words("ein"),
            "hielt": _words("fest"),
            "hielten": _words("fest"),
            "deutete": _words("an"),
            "deuteten": _words("an"),
            "deutet": _words("an"),
            "legte": _words("dar"),
            "legten": _words("dar"),
            "legt": _words("dar"),
            "strich": _words("heraus"),
            "strichen": _words("heraus"),
            "streicht": _words("heraus"),
        },
        particle_required=_words(
            "gab gaben stellte räumte fügte wies ausgegangen ausgeht kündigte kündigten warf wirft werfen sprach geht ging gehen führt führte "
            "schlug schlägt hob sicherte prangerte prangerten gibt zeigte zeigten gingen teilt räumt kündigt stellt hebt fügt sichert hoben fügten sicherten räumten "
            "merkte merkten merkt wandte wandten wendet hielt hielten deutete deuteten deutet legte legten legt strich strichen streicht"
        ),
        quoting_verbs=_words("zitierte zitierten zitiert"),
        source_prepositions=_phrases("laut", "gemäß"),
        source_postpositions=_words("zufolge"),
        report_nouns=_words(
            "angaben informationen berichten bericht berichts aussagen aussage ansicht auffassung meinung "
            "einschätzung einschätzungen darstellung schätzungen erkenntnissen medienberichten medieninformationen "
            "medienangaben polizeiangaben zeugenaussagen augenzeugenberichten worten überzeugung sicht "
            "berechnungen ankündigung erkenntnisstand auskunft vernehmen darstellungen "
            "bewertung schätzung recherchen meldungen aussagen angaben umfrage studie "
            "ermittlungen bekunden stellungnahme analyse planungen expertenmeinung grundgesetz verfassung "
            "vorhersage endergebnis nachricht dokument hinweis zahlen daten statistik statistiken"
        ),
        anaphoric_cues=_words("demnach wonach"),
        relay_phrases=_phrases(
            "unter Berufung auf",
            "mit Berufung auf",
            "mit Verweis auf",
            "unter Verweis auf",
            "unter Bezug auf",
            "mit Bezug auf",
            "unter Hinweis auf",
            "mit Hinweis auf",
            "gestützt auf",
        ),
        complementizers=_words("dass ob"),
        determiners=GERMAN_DETERMINERS,
        phrase_breakers=_words("ein eine einen ihren seinen den ihrem seinem die das"),
        phrase_stops=_words(
            "am im an auf in unter zufolge bei vor nach mit gegenüber während seit über aus um und "
            "dass ob sei seien habe wird werde wurde am zu"
        ),
        verb_companions=_words(
            "hat hatte haben hatten auch zudem außerdem bereits erneut noch jedoch aber schon immer wieder "
            "mehrfach stets ausdrücklich selbst dagegen hingegen wiederum indes"
        ),
        pronouns=_words("er sie es man"),
        hedges=_words("soll sollen sollte sollten angeblich mutmaßlich mutmaßliche mutmaßlichen vermeintlich"),
        reported_speech_verbs=_words(
            "sei seien seiest habe gebe werde könne müsse solle wolle dürfe möge wisse stehe liege komme "
            "gehe bleibe brauche handle handele hätten wären würden"
        ),
        embedded_speech_participles=_words(
            "bewertet erklärt gesagt betont kritisiert angekündigt gefordert bestätigt dementiert "
            "bezeichnet begrüßt zurückgewiesen abgelehnt mitgeteilt berichtet behauptet"
        ),
        coordinators=_words("und doch aber sondern denn oder jedoch"),
    )


def _english() -> Lexicon:
    return Lexicon(
        language="en",
        cue_verbs=_verb_file("en_cue_verbs.txt"),
        particles={},
        particle_required=frozenset(),
        quoting_verbs=_words("quoted"),
        source_prepositions=_phrases("according to"),
        source_postpositions=frozenset(),
        report_nouns=frozenset(),
        anaphoric_cues=frozenset(),
        relay_phrases=_phrases("citing", "quoting"),
        complementizers=_words("that"),
        determiners=ENGLISH_DETERMINERS,
        phrase_breakers=frozenset(),
        phrase_stops=_words(
            "that on in at during after before when while because as to who which whose with about "
            "and but , . ; : if than last this yesterday today tonight earlier"
        ),
        verb_companions=_words(
            "has have had also would will later then previously recently repeatedly once again publicly "
            "has been did does do is was were are just already often even never not"
        ),
        pronouns=_words("he she they it we i you"),
        hedges=_words("reportedly allegedly supposedly purportedly apparently"),
    )
