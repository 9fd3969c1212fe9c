"""Turn a source mention into a named, typed source: registry outlets, persons, states, anonymous ones.

Names are normalised so that the same source reads the same in every sentence: determiners go,
German dative plurals and adjective endings return to the nominative ("aus russischen
Delegationskreisen" -> "russische Delegationskreise"), and mentions that point back ("die Agentur",
"er", "Demnach") take the name of what they point to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from provenance.extract.lexicon import Lexicon
from provenance.extract.outlets import outlet_title
from provenance.extract.plausibility import FUNCTION_WORDS, implausible_source
from provenance.extract.registry import ENGLISH_OUTLET_CLASS_NOUNS, GERMAN_OUTLET_CLASS_NOUNS, Registry
from provenance.model.core import Hop, Source

WORD = re.compile(r"[\w.’'-]+")

GERMAN_COUNTRIES = frozenset(
    "Ukraine Russland USA Deutschland China Frankreich Israel Iran Irak Syrien Türkei Polen Österreich Schweiz "
    "Italien Spanien Großbritannien Japan Indien Nordkorea Südkorea Belarus Weißrussland Georgien Litauen "
    "Lettland Estland Finnland Schweden Norwegen Dänemark Niederlande Belgien Ungarn Tschechien Griechenland "
    "Ägypten Saudi-Arabien Katar Pakistan Afghanistan Libyen Kanada Mexiko Brasilien Argentinien Venezuela "
    "Kuba Taiwan Moldau Serbien Kosovo Palästina Libanon Jordanien".split()
)
ENGLISH_COUNTRIES = frozenset(
    "Ukraine Russia America Germany China France Israel Iran Iraq Syria Turkey Poland Austria Switzerland Italy "
    "Spain Britain Japan India Mexico Canada Cuba Venezuela Pakistan Afghanistan Egypt Qatar Libya Taiwan "
    "Belarus Georgia Greece Hungary Romania Bulgaria Serbia Croatia Sweden Norway Denmark Finland Ireland "
    "Portugal Netherlands Belgium Czechia Slovakia Lebanon Jordan Yemen Sudan Nigeria Kenya Ethiopia Brazil "
    "Argentina Chile Colombia Peru Australia Indonesia Vietnam Thailand Philippines Malaysia Myanmar".split()
) | {"United States", "U.S.", "North Korea", "South Korea", "Saudi Arabia", "United Kingdom", "Great Britain",
     "New Zealand", "South Africa", "Czech Republic"}
# Capitals that stand for their governments in news ("Moscow said", "Pjöngjang warnte").
CAPITALS = frozenset(
    "Moscow Moskau Washington Beijing Peking Kyiv Kiew Kiev Tehran Teheran Pyongyang Pjöngjang Ankara Damascus "
    "Damaskus Baghdad Bagdad Riyadh Riad Tokyo Tokio Seoul Paris London Berlin Warsaw Warschau Budapest Minsk "
    "Jerusalem Cairo Kairo Havana Havanna Caracas Islamabad Kabul Tripoli Tripolis Doha Taipei Brussels Brüssel".split()
)
# Parties, by the names news use for them: organisations, not persons.
PARTIES = frozenset(
    "Labour Tories Conservatives Democrats Republicans LibDems Liberals Greens Grünen SPD CDU CSU FDP AfD Linke "
    "ÖVP SPÖ FPÖ NEOS UKIP SNP Likud Hamas Hisbollah Hezbollah Fatah PiS".split()
)

ANONYMOUS_GROUP_HEADS = (
    "kreise",
    "kreisen",
    "quellen",
    "insider",
    "insidern",
    "beobachter",
    "beobachtern",
    "diplomaten",
    "sources",
    "insiders",
    "officials",
    "aides",
    "people",
    "diplomats",
    "experts",
    "analysts",
)
ANONYMOUS_PERSON_HEADS = frozenset(
    "mitglied informant informanten insider sprecher sprecherin mitarbeiter mitarbeiterin diplomat beamter "
    "beamten vertreter vertreterin quelle source official aide insider spokesman spokeswoman spokesperson "
    "person member".split()
)
MEDIA_WORDS = (
    "medien",
    "staatsmedien",
    "medieninformationen",
    "medienberichten",
    "medienberichte",
    "medienangaben",
    "pressemeldungen",
    "presseberichten",
)
TIME_WORDS = re.compile(
    r"(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende|vormittag|nachmittag|abend|morgen|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\w*$"
)
ENGLISH_NOT_PEOPLE = frozenset(
    "reports documents papers figures data statistics results records minutes files emails letters news "
    "sources officials aides analysts experts diplomats insiders people".split()
)
ORGANIZATION_SUFFIXES_EN = ("authorities", "prosecutors", "services", "forces", "holdings", "resources", "airlines")
GERMAN_QUANTIFIERS = frozenset("viele einige manche mehrere andere etliche zahlreiche wenige".split())
GERMAN_PEOPLE_PLURALS = frozenset(
    "kritiker experten fachleute ökonomen analysten beobachter anwohner augenzeugen zeugen befürworter gegner "
    "kommentatoren ärzte forscher wissenschaftler politiker abgeordnete aktivisten demonstranten bewohner "
    "einwohner nutzer kunden händler anleger investoren verbraucher mitarbeiter angestellte eltern schüler "
    "studenten lehrer juristen diplomaten helfer retter ermittler fahnder polizisten soldaten beamte".split()
)
STATE_REPORT_NOUNS = frozenset("angaben informationen darstellung sicht".split())
# Stems of German adjectives of countries: "nordkoreanischen Angaben" is the state speaking.
COUNTRY_ADJECTIVES = {
    "nordkoreanisch": "Nordkorea", "südkoreanisch": "Südkorea", "russisch": "Russland", "ukrainisch": "Ukraine",
    "amerikanisch": "USA", "us-amerikanisch": "USA", "chinesisch": "China", "türkisch": "Türkei",
    "israelisch": "Israel", "iranisch": "Iran", "irakisch": "Irak", "syrisch": "Syrien", "französisch": "Frankreich",
    "britisch": "Großbritannien", "deutsch": "Deutschland", "polnisch": "Polen", "griechisch": "Griechenland",
    "ägyptisch": "Ägypten", "saudisch": "Saudi-Arabien", "japanisch": "Japan", "indisch": "Indien",
    "pakistanisch": "Pakistan", "afghanisch": "Afghanistan", "libysch": "Libyen", "kubanisch": "Kuba",
    "venezolanisch": "Venezuela", "palästinensisch": "Palästina", "libanesisch": "Libanon",
    "tschechisch": "Tschechien", "slowakisch": "Slowakei", "ungarisch": "Ungarn", "österreichisch": "Österreich",
    "italienisch": "Italien", "spanisch": "Spanien", "niederländisch": "Niederlande", "belgisch": "Belgien",
    "schwedisch": "Schweden", "norwegisch": "Norwegen", "dänisch": "Dänemark", "finnisch": "Finnland",
    "serbisch": "Serbien", "kroatisch": "Kroatien", "rumänisch": "Rumänien", "bulgarisch": "Bulgarien",
    "weißrussisch": "Belarus", "belarussisch": "Belarus", "georgisch": "Georgien", "armenisch": "Armenien",
    "vietnamesisch": "Vietnam", "mexikanisch": "Mexiko", "brasilianisch": "Brasilien", "kanadisch": "Kanada",
    "australisch": "Australien", "katarisch": "Katar", "jordanisch": "Jordanien", "afrikanisch": "Afrika",
}
COMPANY_NAME = re.compile(
    r"(?P<first>[A-Z][\w&-]+)(?: (?:[A-Z][\w&-]+|and|&))*? (?:International|Group|Inc|Ltd|plc|PLC|Corp|Corporation|"
    r"Resources|Holdings|AG|GmbH|SE|Boerse|Börse|Oil and Gas|Partners|Capital|Airlines|Motors|Energy|Petroleum)\b"
)
CLASS_NOUN_NAME = re.compile(
    r"\b(?:firm|company|giant|carmaker|retailer|producer|maker|insurer|airline|conglomerate|manufacturer|"
    r"supplier|brewer|miner|lender|bank|group) (?P<name>[A-Z][\w&-]+(?: [A-Z][\w&-]+)*)"
)
# Capitalised words after a class noun that open a clause, not a name ("the company The Times named").
ENGLISH_STOP_NAMES = frozenset("the a an he she it they in on at and but said says".split())
NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")
HONORIFICS = frozenset("mr mrs ms miss dr sir dame herr frau".split())
POSSESSIVE_ENDING = re.compile(r"(?:'s|’s|s')$")
GERMAN_ROLE_ENDINGS = (
    "iker",
    "ikerin",
    "ist",
    "istin",
    "ent",
    "entin",
    "eur",
    "eurin",
    "ant",
    "antin",
    "tor",
    "torin",
    "meister",
    "meisterin",
    "chef",
    "chefin",
    "experte",
    "expertin",
    "anwalt",
    "anwältin",
    "ler",
    "lerin",
)
# Last words of place and street names: "Downing Street", "Ealing North".
PLACE_WORDS = frozenset("street road square north south east west city river island bay party".split())
NOT_FIRST_NAMES = frozenset(
    "fluss see berg stadt insel bahnhof flughafen hafen kreis bezirk land provinz region landkreis gemeinde "
    "river lake mount port county district province region "
    "in im am an auf after before when while if but and as at on for he she it they we i his her their "
    "mr mrs ms dr sir herr frau striker president minister chancellor prime secretary st saint sankt".split()
)
PARENTHESES = re.compile(r"\([^()]*\)")
PERSONAL_PRONOUNS = frozenset("he she i er ich".split())
ENGLISH_FIRST_PERSON = frozenset({"i"})
ORGANIZATION_BACK_REFERENCES = frozenset("firm company group unternehmen konzern firma".split())
DEFINITE_ARTICLES = frozenset("the der die das dem den".split())
ENGLISH_ROLES = frozenset(
    "secretary minister president chairman chairwoman chief director lawyer singer star expert coach leader "
    "manager chancellor mayor governor senator economist prosecutor judge striker player captain candidate "
    "spokesman spokeswoman premier editor founder executive ceo owner actor author".split()
)
OUTLET_KINDS = frozenset({"news-agency", "media-outlet", "anonymous-media"})
INDEFINITE_ARTICLES = frozenset("a an ein eine einer einem einen eines".split())
ENGLISH_MEDIA_PHRASES = ("media reports", "news reports", "press reports", "reports")
OUTLET_BACK_REFERENCES = frozenset(
    "agentur nachrichtenagentur zeitung blatt sender magazin agency newspaper paper network outlet channel".split()
)
ORGANIZATION_WORDS = (
    "ministerium",
    "regierung",
    "polizei",
    "partei",
    "behörde",
    "amt",
    "gericht",
    "kommission",
    "verband",
    "institut",
    "unternehmen",
    "konzern",
    "bank",
    "rat",
    "verwaltung",
    "staatsanwaltschaft",
    "armee",
    "militär",
    "kreml",
    "weißes haus",
    "government",
    "ministry",
    "police",
    "department",
    "committee",
    "campaign",
    "party",
    "court",
    "office",
    "administration",
    "company",
    "agency",
    "council",
    "commission",
    "pentagon",
    "white house",
    "kremlin",
    "senate",
    "congress",
    "university",
    "association",
    "delegation",
    "delegationen",
    "fraktion",
    "gewerkschaft",
    "organisation",
    "organization",
    "feuerwehr",
    "wache",
    "behörden",
    "kirche",
    "diözese",
    "bistum",
    "bewegung",
    "büro",
    "bündnis",
    "stiftung",
    "konferenz",
    "vereinigung",
    "gesellschaft",
    "ag",
    "gmbh",
    "authorities",
    "authority",
    "group",
    "inc",
    "ltd",
    "plc",
    "corp",
    "corporation",
    "international",
    "resources",
    "holdings",
    "boerse",
    "börse",
    "exchange",
    "fund",
    "union",
    "institute",
    "foundation",
    "federation",
    "prosecutors",
    "prosecution",
    "army",
    "navy",
    "coastguard",
    "guard",
    "oecd",
    "gas",
    "oil",
    "airlines",
    "motors",
    "energy",
    "telecom",
    "bank",
    "wehr",
    "schutz",
    "ausschuss",
    "mission",
    "dienst",
)
# Acronyms and names of bodies that must match a whole word ("Jong-un" is no UN).
ORGANIZATION_NAMES = frozenset("nato uno un eu who imf iwf oecd opec ezb ecb fbi cia kgb fsb bnd ukip spd cdu csu fdp afd övp spö fpö".split())
DOCUMENT_WORDS = (
    "bericht",
    "berichts",
    "studie",
    "erklärung",
    "mitteilung",
    "pressemitteilung",
    "dokument",
    "papier",
    "brief",
    "umfrage",
    "report",
    "statement",
    "study",
    "letter",
    "survey",
    "poll",
    "memo",
    "document",
    "filing",
)
NAME_SUFFIXES = frozenset("Jr Sr II III".split())
PARTY_TAG = re.compile(r"[DRI]-[A-Z][a-z]*\.?")
INITIAL = re.compile(r"[A-Z]\.")
TITLES = frozenset(
    "chairman chairwoman chair director speaker justice attorney commissioner ambassador spokesman spokeswoman "
    "nominee mayor vice interim lt col sgt capt maj cpl adm sir dame lord lady mr mrs ms dr prof president senator sen gov governor rep secretary gen general judge minister chancellor "
    "präsident präsidentin kanzler kanzlerin minister ministerin bürgermeister herr frau".split()
)
ROLE_SUFFIXES = (
    "autor",
    "autorin",
    "politiker",
    "politikerin",
    "journalist",
    "journalistin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "kanzler",
    "kanzlerin",
    "leiter",
    "leiterin",
    "führer",
    "vorsitzende",
    "vorsitzender",
    "beobachter",
    "direktor",
    "direktorin",
    "anwalt",
    "anwältin",
    "general",
    "botschafter",
    "sekretär",
    "abgeordnete",
    "abgeordneter",
    "meister",
    "meisterin",
    "gouverneur",
    "gouverneurin",
    "richter",
    "richterin",
    "bischof",
    "trainer",
    "trainerin",
)
GERMAN_NOUN_PLURALS = {
    "kreisen": "kreise",
    "insidern": "insider",
    "beobachtern": "beobachter",
    "informanten": "informant",
}
ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,6}")
GERMAN_NOUN_SUFFIXES = (
    "ung",
    "ungen",
    "heit",
    "keit",
    "schaft",
    "ion",
    "ionen",
    "tät",
    "kräfte",
    "angaben",
    "berichte",
    "medien",
    "leute",
    "ium",
    "amt",
    "ei",
    "kreuz",
    "gruppe",
    "verband",
    "rat",
)
RELATIVE_OPENERS = frozenset("who which whose der die das dessen deren welche welcher".split())
LEADING_PARTICLES = frozenset("even also only both auch selbst sogar nur".split())
# Longer mentions are clauses, not names.
LONGEST_NAMED_MENTION = 8
# German subjects that name nobody: *es hieß*, *man geht davon aus*.
GERMAN_IMPERSONAL_PRONOUNS = frozenset({"es", "man"})
# A capitalised adjective's dative or genitive ending before a capitalised noun or at the end (*Süddeutschen Zeitung*).
NAME_ADJECTIVE_ENDING = re.compile(r"\b([A-ZÄÖÜ]\w+?)en\b( [A-ZÄÖÜ]|$)")
# "der 72-Jährige", "die 35-jährige": journalists refer back to a person by age.
AGE_NOUN = re.compile(r"\d+-jährige[nr]?")
POSSESSIVES = frozenset("ihr ihre ihren ihrem ihrer sein seine seinen seinem seiner its their his her".split())


@dataclass
class SourceNamer:
    """Names the sources of one article and remembers them for the mentions that point back."""

    text: str
    lexicon: Lexicon
    registry: Registry
    last_outlet: Source | None = None
    last_person: Source | None = None
    last_organization: Source | None = None
    last_hop: Hop | None = None
    # The registered name of the outlet that published the article (from its metadata), if known.
    publisher: str | None = None
    _by_surface: dict[str, Source] = field(default_factory=dict)
    _known_names: dict[str, Source] = field(default_factory=dict)
    _persons: list[Source] = field(default_factory=list)
    _sentence_initial: bool = False
    _compound_follows: bool = False

    @cached_property
    def _personal_names(self) -> list[tuple[int, str]]:
        """(offset, name) of every personal name in the article, once: the candidates of pronouns.

        A name is the last two words of a run of capitalised words (*Deputy Prime Minister John
        Prescott* -> John Prescott) or a title and a surname (*Mr Hague*); any letters, so that
        *Jarosław Kaczyński* is found beside *Lech Kaczyński*.
        """
        names = []
        for run in _capitalised_runs(self.text):
            words = [match.group() for match in run]
            title = next((i for i, word in enumerate(words[:-1]) if word.rstrip(".").lower() in HONORIFICS), None)
            pair = run[title:title + 2] if title is not None else run[-2:]
            if len(pair) < 2:
                continue
            name = POSSESSIVE_ENDING.sub("", self.text[pair[0].start() : pair[-1].end()].rstrip("."))
            start = pair[0].start()
            preceding = " " + self.text[max(0, start - 5) : start].lower()
            # "The Guardian", "In Berlin", "Als Alternative": a capitalised function word opens a sentence, not a name.
            first, last = name.split()[0].lower(), name.split()[-1].lower()
            if first in FUNCTION_WORDS or first in NOT_FIRST_NAMES or implausible_source(name) is not None:
                continue
            if _organization_word(last) or last in PLACE_WORDS:
                continue
            if self.lexicon.language == "de" and _after_inflected_adjective(self.text, start):
                # "in kommunistischer Zeit Anführer …": German nouns after an adjective, not a name.
                continue
            if self.registry.find(name) is None and not preceding.endswith((" the ", " der ", " die ", " das ")):
                names.append((start, name))
        return names

    def personal_names(self) -> list[str]:
        """The personal names the article writes (*Tessa Jowell*, *Mr Hague*), for one name per source."""
        return [name for _, name in self._personal_names]

    def __post_init__(self) -> None:
        # "Contrack International ... Contrack said": a company named in full anywhere in the article
        # names its short form too, which would otherwise read as a person's surname.
        for match in COMPANY_NAME.finditer(self.text):
            full = match.group(0)
            if self.registry.find(full) is not None:
                continue
            company = Source(full, "organization")
            self._known_names.setdefault(full, company)
            self._known_names.setdefault(match.group("first"), company)
        if self.lexicon.language == "en":
            # "Russian oil giant Yukos … Yukos claims": a name after a company's class noun names the company.
            for match in CLASS_NOUN_NAME.finditer(self.text):
                name = match.group("name")
                if self.registry.find(name) is None and name.lower() not in ENGLISH_STOP_NAMES:
                    self._known_names.setdefault(name, Source(name, "organization"))

    def hop(self, start: int, end: int, *, owner: Source | None = None, medium: str | None = None) -> Hop:
        """The hop for the mention at ``text[start:end]``; ``owner`` is the frame's speaker, for *ihren Informanten*."""
        mention = self.text[start:end]
        if self.lexicon.language == "de" and mention.lower() in GERMAN_IMPERSONAL_PRONOUNS:
            # "hieß es", "man befürchtete": nobody is named, so the hop points at no mention.
            return self.unnamed_hop()
        self._sentence_initial = _opens_sentence(self.text, start)
        # "Moscow-based US lawyer Jamie Firestone": the phrase finder stopped inside a compound.
        self._compound_follows = self.text[end : end + 1] == "-"
        source = self._source(mention, owner, start)
        if implausible_source(source.name) is not None:
            # Nothing resolved "he", "which" or "Vorwurf" to a source: say so instead of naming it after the word.
            source = Source("unbekannt" if self.lexicon.language == "de" else "unknown", "unknown")
        if medium is not None:
            source = Source(source.name, source.kind, source.affiliation, medium)
        self._remember(source)
        return Hop(source=source, start=start, end=end, mention=mention)

    def unnamed_hop(self) -> Hop:
        """The hop of a source the text does not name (*es wurde beschlossen*, *man befürchtet*)."""
        return Hop(source=Source("nicht genannt", "unknown"))

    def anaphor_hop(self, start: int, end: int) -> Hop:
        """The hop for *Demnach*: the previous source, mentioned at the cue, pointing at its antecedent.

        With no source before it (*Der Bericht erschien am Montag. Demnach ...*) the hop is an
        unresolved one of kind ``unknown``, named after its mention.
        """
        mention = self.text[start:end]
        if self.last_hop is None:
            named = self._outlet_named_before(start)
            if named is not None:
                # "Die Agentur TASR meldete den Rücktritt. Demnach …": the outlet the text named last.
                return Hop(source=named, start=start, end=end, mention=mention)
            return Hop(source=Source(f"{mention} (unresolved)", "unknown"), start=start, end=end, mention=mention)
        previous = self.last_hop
        antecedent = (previous.start, previous.end) if previous.start is not None else None
        return Hop(source=previous.source, start=start, end=end, mention=mention, antecedent=antecedent)

    def relay_anaphor_hop(self, start: int, end: int) -> Hop:
        """*erklärte X demnach*: the relay is the outlet the text named last, else the source it followed last."""
        named = self._outlet_named_before(start)
        if named is not None and (self.last_hop is None or self.last_hop.source.kind not in OUTLET_KINDS):
            return Hop(source=named, start=start, end=end, mention=self.text[start:end])
        return self.anaphor_hop(start, end)

    def _outlet_named_before(self, start: int) -> Source | None:
        """The registered outlet whose name stands last in the text before ``start``."""
        named = None
        for at, outlet in self._registered_outlets:
            if at >= start:
                break
            named = outlet
        return named

    @cached_property
    def _registered_outlets(self) -> list[tuple[int, Source]]:
        """(offset, source) of every registered outlet named in the article, in order."""
        return [(at, Source(outlet.name, outlet.kind)) for at, outlet in self.registry.find_all(self.text)]

    def unknown_relay_hop(self) -> Hop:
        """The unnamed relay of *reportedly*, *angeblich*, *is said to*: somebody passed it on, nobody says who."""
        return Hop(source=Source("unbekannt" if self.lexicon.language == "de" else "unknown", "unknown"))

    def remember_hop(self, hop: Hop) -> None:
        self.last_hop = hop

    def _remember(self, source: Source) -> None:
        if source.kind in ("news-agency", "media-outlet"):
            self.last_outlet = source
        elif source.kind == "person":
            self.last_person = source
            if source not in self._persons and len(source.name.split()) <= 4:
                self._persons.append(source)
        elif source.kind == "organization":
            self.last_organization = source

    def _pronoun_antecedent(self, pronoun: str, start: int) -> Source:
        """He, she, er, I: the person whose name stands last in the text before the pronoun.

        Candidates are the persons named as sources so far and the personal names in the text (*Mr
        Hague*, *Lech Wałęsa*); the one whose surname occurs last before the pronoun wins, so that
        *Wałęsa war … Präsident. Er bestritt …* is Wałęsa even when another person was quoted before.
        """
        if pronoun in ("it",):
            return self.last_organization or Source(pronoun, "unknown")
        candidates = {source.name: source for source in self._persons}
        for at, name in self._personal_names:
            if at >= start:
                break
            candidates.setdefault(name, Source(name, "person"))
        best, best_at = None, -1
        for name, source in candidates.items():
            surname = name.split()[-1]
            at = self.text.rfind(surname, 0, start)
            if at > best_at:
                best, best_at = source, at
        if best is not None:
            return best
        return Source(pronoun, "person" if pronoun in PERSONAL_PRONOUNS else "unknown")

    def _source(self, mention: str, owner: Source | None, start: int = 0) -> Source:
        head, _, rest = mention.partition(",")
        if rest and rest.split()[:1] and rest.split()[0].lower() in RELATIVE_OPENERS and len(head.split()) <= 5:
            # "Sanders, who endorsed Canova, ..." is named by what stands before the relative clause.
            mention = head
        # "Musiker Heino (77)", "die Süddeutsche Zeitung (Samstagsausgabe)": what stands in brackets is no part of the name.
        words = [word for word in WORD.findall(PARENTHESES.sub(" ", mention)) if not word.isdigit()] or WORD.findall(mention)
        for position, word in enumerate(words[1:-1], start=1):
            # "Sicherheitskreise vom Samstagabend", "der Bild-Zeitung vom Montag": a date is no part of the name.
            if word.lower() in ("vom", "von", "am", "on") and TIME_WORDS.match(words[position + 1].lower()):
                words = words[:position]
                break
        while len(words) > 1 and words[0].lower() in LEADING_PARTICLES:
            words = words[1:]
        if len(words) > LONGEST_NAMED_MENTION:
            # A whole clause stands before the verb: name its last personal name, if it has one.
            words = _last_name_run(words) or words
        lowered = [word.lower() for word in words]
        if not words:
            return Source(mention.strip() or "?", "unknown")
        if len(words) == 1 and lowered[0] in self.lexicon.pronouns | ENGLISH_FIRST_PERSON:
            return self._pronoun_antecedent(lowered[0], start)
        content_lowered = [word for word in lowered if word not in self.lexicon.determiners]
        if self.lexicon.language == "de" and AGE_NOUN.fullmatch(" ".join(content_lowered)):
            # "der 72-Jährige": a person named before by the age the article gives, as a pronoun would refer.
            return self._pronoun_antecedent("er", start)
        if len(content_lowered) == 1 and content_lowered[0] in ORGANIZATION_BACK_REFERENCES:
            # "the firm", "das Unternehmen": the organisation the article named last.
            return self.last_organization or Source(self._normalise(words), "organization")
        if content_lowered and lowered[0] in INDEFINITE_ARTICLES and (
            _english_role(content_lowered, self.lexicon) or _lemma(content_lowered[-1]) in ANONYMOUS_PERSON_HEADS
        ):
            # "a Jackson lawyer", "eine Sprecherin": an unnamed person.
            return Source(self._normalise(words), "anonymous-person")
        if content_lowered and lowered[0] in DEFINITE_ARTICLES and _english_role(content_lowered, self.lexicon):
            # "the culture secretary", "the singer": a definite office holder is a person.
            return self.last_person if self.last_person is not None and len(content_lowered) == 1 else Source(
                self._normalise(words), "person"
            )
        known = self._known_names.get(" ".join(words)) or (self._known_names.get(words[0]) if len(words) == 1 else None)
        if known is not None:
            return known
        if lowered[0] in POSSESSIVES and len(words) >= 2 and owner is not None:
            head = _lemma(lowered[-1])
            if head in ANONYMOUS_PERSON_HEADS:
                return Source(
                    f"{head.capitalize()} {_owner_genitive(owner, self.lexicon.language)}", "anonymous-person"
                )
        content_words = [word for word in words if word.lower() not in self.lexicon.determiners]
        if len(content_words) == 1 and content_words[0].lower() in OUTLET_BACK_REFERENCES:
            # "die Zeitung", "the agency": the outlet quoted last, else the registered one the text named last.
            antecedent = self.last_outlet or self._outlet_named_before(start)
            if antecedent is not None:
                return antecedent
        outlet = self.registry.find(mention)
        if outlet is None and self.lexicon.language == "de":
            # "der Süddeutschen Zeitung", "der Frankfurter Allgemeinen": the registry lists the nominative.
            nominative = NAME_ADJECTIVE_ENDING.sub(r"\1e\2", mention)
            outlet = self.registry.find(nominative) if nominative != mention else None
            nominative_words = WORD.findall(nominative)
            if outlet is not None and _outlet_heads_phrase(
                [word.lower() for word in nominative_words], self.registry, nominative_words, self.lexicon
            ):
                return Source(outlet.name, outlet.kind)
        if outlet is not None and _outlet_heads_phrase(lowered, self.registry, words, self.lexicon):
            return Source(outlet.name, outlet.kind)
        described = self._outlet_by_class_noun(words, lowered)
        if described is not None:
            return described
        if outlet_title(words) and not any(_organization_word(word) for word in lowered):
            # "the Sunday Herald", "the Morning Post": a paper by the last word of its title.
            return Source(" ".join(w for w in words if w.lower() not in self.lexicon.determiners), "media-outlet")
        person = self._person(mention, words)
        if outlet is not None and person is None:
            return Source(outlet.name, outlet.kind)
        if person is not None:
            name, affiliation = person
            if affiliation is not None:
                affiliated = self.registry.find(affiliation)
                affiliation = affiliated.name if affiliated else affiliation
            return Source(name, "person", affiliation)
        return self._descriptive_source(mention, words, lowered)

    def _outlet_by_class_noun(self, words: list[str], lowered: list[str]) -> Source | None:
        """``der Agentur PAP``, ``der Sender Radio Free Asia``, ``a French magazine``, ``dem Blatt``: an outlet by its class noun.

        The capitalised words beside the class noun are its name; with none, or after an indefinite
        article, the outlet is unnamed (anonymous-media). Not after a genitive (*Sprecher der Zeitung*).
        """
        german = self.lexicon.language == "de"
        genitive_at = _genitive_start(lowered, self.lexicon.language)
        positions = [
            position
            for position, word in enumerate(lowered)
            if (german and words[position][:1].isupper() and word.endswith(GERMAN_OUTLET_CLASS_NOUNS))
            or (not german and word in ENGLISH_OUTLET_CLASS_NOUNS)
        ]
        positions = [position for position in positions if genitive_at is None or position < genitive_at]
        if not positions:
            return None
        agency = any("agentur" in lowered[p] or lowered[p] in ("agency", "wire") for p in positions)
        kind = "news-agency" if agency else "media-outlet"
        determiners = self.lexicon.determiners
        names = [
            word
            for position, word in enumerate(words)
            if (position not in positions or not german) and word[:1].isupper() and word.lower() not in determiners
        ]
        indefinite = lowered[0] in INDEFINITE_ARTICLES
        if names and not indefinite and (german or not _nationality_only(names)):
            return Source(" ".join(names), kind)
        if len(positions) == 1 and len(words) - (lowered[0] in determiners) == 1 and self.last_outlet is not None:
            return self.last_outlet
        return Source(self._normalise(words), "anonymous-media")

    def _descriptive_source(self, mention: str, words: list[str], lowered: list[str]) -> Source:
        joined = " ".join(lowered)
        normalised = self._normalise(words)
        head = lowered[-1]
        if any(word.endswith(MEDIA_WORDS) for word in lowered) or joined in ENGLISH_MEDIA_PHRASES:
            return Source(
                "Medien (ungenannt)" if self.lexicon.language == "de" else "media (unnamed)", "anonymous-media"
            )
        if head.endswith(ANONYMOUS_GROUP_HEADS) and not any(
            word[:1].isupper()
            for word in words[1:-1]
            if word.lower() not in self.lexicon.determiners and not word.lower().endswith(("sche", "schen"))
        ):
            return Source(normalised, "anonymous-group")
        genitive_at = _genitive_start(lowered, self.lexicon.language)
        for marker in ("familiar", "close"):
            if marker in lowered[1:] and lowered[lowered.index(marker) - 1].endswith(ANONYMOUS_GROUP_HEADS):
                # "people familiar with the talks", "sources close to the minister": unnamed people.
                return Source(normalised, "anonymous-group")
        head_noun = lowered[genitive_at - 1] if genitive_at else head
        content = [word for word in lowered if word not in self.lexicon.determiners]
        spokesperson_of = len(content) == 2 and _lemma(content[0]).endswith(("sprecher", "sprecherin"))
        if spokesperson_of or _lemma(head_noun) in ANONYMOUS_PERSON_HEADS or _lemma(head_noun).endswith(("sprecher", "sprecherin")):
            affiliation = self._normalise(words[genitive_at + 1 :]) if genitive_at else None
            return Source(normalised, "anonymous-person", affiliation or None)
        if self._plural_common_noun(words, lowered):
            return Source(normalised, "anonymous-group")
        state = _country_of_adjective(lowered)
        if state is not None and head in STATE_REPORT_NOUNS:
            return Source(normalised, "state")
        countries = GERMAN_COUNTRIES if self.lexicon.language == "de" else ENGLISH_COUNTRIES
        core = " ".join(word for word in words if word.lower() not in self.lexicon.determiners)
        if core in countries or core in CAPITALS and not self._compound_follows:
            return Source(core, "state")
        if core in PARTIES:
            return Source(core, "organization")
        if any(word in DOCUMENT_WORDS for word in lowered[:2]):
            return Source(normalised, "document")
        if any(_organization_word(word) or word in ORGANIZATION_NAMES for word in lowered):
            return Source(normalised, "organization")
        if len(words) == 1 and (body := _report_compound_body(lowered[0])) is not None:
            # "nach Kirchenangaben", "Polizeiangaben": the first part of the compound names who gave them.
            return Source(body, "organization")
        if len(lowered) >= 2 and lowered[-2].endswith(("'s", "’s")) and lowered[-1] in ENGLISH_SIDES:
            # "Jackson's defence", "Trump's campaign team": the people acting for someone, unnamed.
            return Source(normalised, "anonymous-group")
        if _lemma(head).endswith(ROLE_SUFFIXES):
            return Source(normalised, "person")
        if _bare_name(words, self.lexicon):
            return Source(" ".join(words), "person")
        content = [word for word in words if word.lower() not in self.lexicon.determiners]
        if len(content) == 1 and ACRONYM.fullmatch(content[0]):
            return Source(content[0], "organization")
        return Source(normalised, "unknown")

    def _plural_common_noun(self, words: list[str], lowered: list[str]) -> bool:
        """``commentators``, ``Labour strategists``, ``some senior Conservative members``, ``Viele``, ``Kritiker``: people, unnamed.

        English: a lower-case plural head (any capitalised word before it is an affiliation). German:
        a quantifier (*viele*, *einige*) or a plural noun of people as the whole phrase.
        """
        head = lowered[-1]
        if self.lexicon.language == "en":
            original = words[-1]
            plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "news")) and len(head) > 3
            # A capital says nothing only where the sentence starts ("Correspondents say …"); elsewhere it names (Jones).
            lower_head = original[:1].islower() or (
                len(words) == 1 and self._sentence_initial and not self._capitalised_inside_sentences(original)
            )
            return plural and lower_head and head not in ENGLISH_NOT_PEOPLE and not head.endswith(ORGANIZATION_SUFFIXES_EN)
        return head in GERMAN_QUANTIFIERS or head in GERMAN_PEOPLE_PLURALS

    def _capitalised_inside_sentences(self, word: str) -> bool:
        """Whether the article writes ``word`` capitalised after a lower-case word (*sold by Yukos*): then it is a name."""
        return re.search(r"[a-z,] " + re.escape(word) + r"\b", self.text) is not None

    def _person(self, mention: str, words: list[str]) -> tuple[str, str | None] | None:
        """(name, affiliation) when the mention names a person, e.g. "der Beobachter von Axios, Barak Ravid"."""
        lowered = [word.lower() for word in words]
        # "des Instituts für Nationales Gedenken": the article before the head does not make it a name.
        content = [word for word in lowered if word not in self.lexicon.determiners]
        if content and _organization_word(content[0]) and len(content) > 1 and not any(word in TITLES for word in lowered):
            # "Institut für Nationales Gedenken", "Branchenverbands SMMT": a body named, not a person.
            return None
        for marker in ("of", "from", "von", "vom"):
            if marker in lowered[2:] and "," not in mention:
                # "Lt Col Eric Schnaible of the PCO", "Otto Warmbier von der Universität Virginia": name, then affiliation.
                position = lowered.index(marker)
                name_words = _trailing_name(words[:position], self.lexicon)
                if name_words and self.registry.find(" ".join(name_words)) is None:
                    rest = [w for w in words[position + 1 :] if w.lower() not in self.lexicon.determiners]
                    return " ".join(name_words), " ".join(rest) or None
        head = WORD.findall(mention.split(",", 1)[0]) if "," in mention else []
        if head and _trailing_name(head, self.lexicon) == head and not _role_words(head):
            # "Mike Downey, Technical Product Manager": the name comes first, the role after it.
            return " ".join(head), None
        apposition = WORD.findall(mention.rsplit(",", 1)[1]) if "," in mention else []
        name_words = _trailing_name(apposition, self.lexicon) if apposition else _trailing_name(words, self.lexicon)
        if not name_words or (apposition and len(name_words) != len(apposition)):
            return None
        name = " ".join(name_words)
        if self.registry.find(name) is not None:
            return None
        affiliation = None
        lowered = [word.lower() for word in words]
        for marker in ("von", "of", "for", "vom", "bei", "at"):
            if marker in lowered[: len(words) - len(name_words)]:
                position = lowered.index(marker)
                rest = words[position + 1 : len(words) - len(name_words)]
                # "secretary of state Hillary Clinton": only a named body is an affiliation.
                affiliation = self._normalise(rest) if rest and rest[0][:1].isupper() else None
                break
        return name, affiliation

    def _normalise(self, words: list[str]) -> str:
        kept = list(words)
        while kept and kept[0].lower() in self.lexicon.determiners:
            kept.pop(0)
        if self.lexicon.language != "de":
            return " ".join(kept).strip(" ,") or " ".join(words)
        genitive_at = _genitive_start([word.lower() for word in words], "de")
        if genitive_at:
            head = [w for w in words[:genitive_at] if w.lower() not in self.lexicon.determiners]
            return " ".join(_nominative(head) + words[genitive_at:]).strip(" ,")
        return " ".join(_nominative(kept)).strip(" ,") or " ".join(words)


ENGLISH_SIDES = frozenset("defence defense team camp side lawyers allies aides supporters critics".split())
REPORT_COMPOUND_ENDINGS = ("angaben", "informationen", "kreisen", "berichten", "sprecher")


# Function words with an adjective's ending that may stand before a personal name.
NOT_ADJECTIVES = frozenset(
    "der den dem des einer einen einem eines seiner seinen seinem ihrer ihren ihrem unser unseren unserem "
    "unter über hinter gegen wegen oder aber außer neben zwischen binnen entgegen nebst jeder jeden jedem "
    "dieser diesen diesem jener jenen jenem wieder immer nur".split()
)


def _after_inflected_adjective(text: str, start: int) -> bool:
    """Whether a lower-case word with an adjective's ending stands right before ``start``."""
    match = re.search(r"(\w+) $", text[max(0, start - 40) : start])
    if match is None:
        return False
    word = match.group(1)
    return word.islower() and word.endswith(("er", "en", "es", "em")) and word not in NOT_ADJECTIVES


def _capitalised_runs(text: str) -> list[list[re.Match]]:
    """Runs of capitalised words separated only by single spaces."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for match in NAME_WORD.finditer(text):
        if match.group()[:1].isupper() and (not current or text[current[-1].end() : match.start()] == " "):
            current.append(match)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [match] if match.group()[:1].isupper() else []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the mention at ``start`` opens a sentence (after a full stop, a line break or the text's start)."""
    before = text[max(0, start - 3) : start].rstrip(" \"“„'")
    return not before or before[-1] in ".!?\n"


def _report_compound_body(word: str) -> str | None:
    """``kirchenangaben`` -> ``Kirche``: the organisation named by the first part of a report compound."""
    for ending in REPORT_COMPOUND_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            body = word[: -len(ending)].rstrip("s")
            for form in (body, body.removesuffix("n")):
                if _organization_word(form):
                    return form.capitalize()
    return None


def _organization_word(word: str) -> bool:
    """An organisation's head noun, also in the German genitive (*Branchenverbands*)."""
    return word.endswith(ORGANIZATION_WORDS) or word[:-1].endswith(ORGANIZATION_WORDS) and word.endswith("s")


def _english_role(content_lowered: list[str], lexicon: Lexicon) -> bool:
    """``culture secretary``, ``PR expert``: an English phrase whose head is an office or a role."""
    return lexicon.language == "en" and content_lowered[-1] in ENGLISH_ROLES and len(content_lowered) <= 3


def _country_of_adjective(lowered: list[str]) -> str | None:
    """The country of a German adjective of nationality in the phrase (``nordkoreanischen`` -> Nordkorea)."""
    for word in lowered:
        stem = re.sub(r"(e|en|er|es|em)$", "", word)
        if stem in COUNTRY_ADJECTIVES:
            return COUNTRY_ADJECTIVES[stem]
    return None


def _outlet_heads_phrase(lowered: list[str], registry: Registry, words: list[str], lexicon: Lexicon) -> bool:
    """Whether a registered name is the phrase itself (``the Guardian newspaper``), not an affiliation (``Sprecher der dpa``)."""
    genitive_at = _genitive_start(lowered, lexicon.language)
    if genitive_at is None:
        run = _trailing_name(words, lexicon)
        # "the Daily Mail": a registered name that looks like a personal one is still the outlet.
        return not run or registry.find(" ".join(run)) is not None
    return registry.find(" ".join(words[:genitive_at])) is not None


def _trailing_person(words: list[str], lexicon: Lexicon) -> bool:
    """``Atticus' David Slager``: a two- or three-word personal name closes the phrase."""
    return bool(_trailing_name(words, lexicon))


def _nationality_only(names: list[str]) -> bool:
    """``French``, ``German``: capitalised English adjectives of nationality name no outlet."""
    return all(name.endswith(("ish", "ch", "an", "ese", "i")) for name in names) and len(names) == 1


def _nominative(words: list[str]) -> list[str]:
    """German words of a noun phrase in the nominative: adjective endings -en/-em to -e, dative plurals fixed."""
    result = []
    for position, word in enumerate(words):
        lower = word.lower()
        if word[:1].islower() and lower.endswith(("en", "em")) and position < len(words) - 1:
            word = word[:-1]
        else:
            for suffix, replacement in GERMAN_NOUN_PLURALS.items():
                if lower.endswith(suffix):
                    word = word[: len(word) - len(suffix)] + replacement
                    break
        result.append(word)
    return result


def _lemma(word: str) -> str:
    for suffix, replacement in GERMAN_NOUN_PLURALS.items():
        if word.endswith(suffix):
            return word[: len(word) - len(suffix)] + replacement
    return word


def _genitive_start(lowered: list[str], language: str) -> int | None:
    markers = ("der", "des", "eines", "einer") if language == "de" else ("of",)
    for position, word in enumerate(lowered[1:], start=1):
        if word in markers:
            return position
    return None


def _owner_genitive(owner: Source, language: str) -> str:
    if language != "de":
        return f"of {owner.name}"
    if owner.kind == "news-agency":
        return "der Agentur"
    if owner.kind == "media-outlet":
        return "des Mediums"
    return f"von {owner.name}"


def _last_name_run(words: list[str]) -> list[str]:
    """The last run of two or three capitalised words in a long mention ("... after Bernie Sanders")."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if len(run) >= 2]
    return named[-1][-3:] if named else []


def _role_words(words: list[str]) -> bool:
    return any(word.lower() in TITLES or word.lower().endswith(ROLE_SUFFIXES) for word in words)


def _bare_name(words: list[str], lexicon: Lexicon) -> bool:
    """A mention that is only a name ("Trump", "Künast", "Mr. Elkins"): one to three capitalised words."""
    if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return False
    if any(word.lower() in lexicon.determiners or word.lower() in lexicon.pronouns for word in words):
        return False
    if ACRONYM.fullmatch(words[-1]):
        return False
    # German capitalises every noun: "Rettungskräfte" or "Offizielle Angaben" are no names.
    return lexicon.language != "de" or not words[-1].lower().endswith(GERMAN_NOUN_SUFFIXES)


def _trailing_name(words: list[str], lexicon: Lexicon) -> list[str]:
    """The personal name at the end of a mention (two or three capitalised words after any role).

    Initials, *Jr.* and an American party tag (*D-Md.*) do not count: *Vice President Joseph R. Biden Jr.*
    is Joseph R. Biden, *Rep. Elijah E. Cummings (D-Md.)* Elijah E. Cummings.
    """
    while words and (words[-1].rstrip(".") in NAME_SUFFIXES or PARTY_TAG.fullmatch(words[-1])):
        words = words[:-1]
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.lower() in lexicon.determiners:
            break
        run.insert(0, word)
    while run and (run[0].lower().rstrip(".") in TITLES or run[0].lower().endswith(ROLE_SUFFIXES) or "-" in run[0]):
        run.pop(0)
    roles = [position for position, word in enumerate(run[:-2]) if word.lower().rstrip(".") in TITLES]
    if roles:
        # "Energy Minister Katrin Vogel": everything up to the last title is the office, not the name.
        run = run[roles[-1] + 1 :]
    if len(run) == 3 and lexicon.language == "de" and run[0].lower().endswith(GERMAN_ROLE_ENDINGS):
        # "der Politiker Jan Novak", "Journalistin Eva Berg": German capitalises the role before the name.
        run.pop(0)
    if len(run) > 3 and lexicon.language == "de":
        # "Nordkoreas Machthaber Kim Jong-un": German capitalises the role too; the name is the last two words.
        run = run[-2:]
    if not 2 <= len([word for word in run if not INITIAL.fullmatch(word)]) <= 3:
        return []
    if any(word.lower().endswith(ORGANIZATION_WORDS + DOCUMENT_WORDS + ANONYMOUS_GROUP_HEADS) for word in run):
        return []
    if any(word.lower() in lexicon.pronouns for word in run) or ACRONYM.fullmatch(run[-1]):
        return []
    return run
