"""Verbs of saying: *X sagte, ...*, *..., sagte X*, *wie X mitteilte*, *X said ...*, *..., X said*, *told*.

German needs the verb-second rule (a fronted adverbial puts the subject after the verb), separable
particles (*teilte ... mit*) and quoting verbs whose object is an inner source (*zitierte Tass ein
Mitglied*); English needs postposed and inverted speakers after quotations.
"""

from __future__ import annotations

import re

from provenance.extract.content import (
    content_after,
    content_around,
    content_before,
    introduced_content_start,
    plausible_content_before,
    quote_after,
    skip_addressee,
    skip_connectors,
)
from provenance.extract.phrases import (
    NAME_PARTICLES,
    phrase_right,
    phrases_right,
    sentence_subject,
    speaker_after_quote,
)
from provenance.extract.prepositional import relay_after
from provenance.extract.reported_speech import MORE_RUN_ON_MARKERS
from provenance.extract.segmentation import CLOSING_QUOTES, OPENING_QUOTES
from provenance.extract.sentence_context import (
    CLAUSE_PUNCTUATION,
    Frame,
    SentenceContext,
    clause_end,
    clause_start,
    make_frame,
    opens_quote,
)

# Capitalised sentence openers after which a German verb comes before its subject.
GERMAN_FRONTED_ADVERBS = frozenset(
    "dazu gestern heute zudem außerdem weiter später dabei anschließend zuvor bereits auch noch nun jetzt "
    "damals daraufhin ferner allerdings trotzdem deshalb dennoch darüber daher hierzu dort zugleich "
    "gleichzeitig inzwischen mittlerweile zuletzt schließlich vorher danach am im in an auf bei vor nach "
    "mit gegenüber über seit während wie so ebenfalls weiterhin laut zunächst erst kürzlich dagegen hingegen "
    "jedoch doch tatsächlich gleichwohl stattdessen seither derzeit bislang bisher ebenso erneut abschließend "
    "offenbar offensichtlich insbesondere unterdessen indes momentan zwar immerhin für aus zum zur vom beim "
    "als nachdem um wegen trotz ende anfang bezüglich hinsichtlich angesichts derweil somit folglich "
    "hier des sinngemäß letzte letzten vergangene vergangenen besorgt zufrieden relativierend stellvertretend".split()
)

LONG_POSTPOSED_REMAINDER = 6
# Words ending like verbs before "that" (argues, warned) that report nothing.
NOT_THAT_VERBS = frozenset(
    "is was has does this thus its his hers ours yours theirs as less unless across perhaps always sometimes "
    "news series means process access status crisis focus bonus campus plus yes needed seemed used based "
    "indeed related concerned interested pleased surprised afraid appears years proved".split()
)
# Words that open the subject's clause without being part of the subject: "when Trump said", "and Smith said".
ENGLISH_SUBORDINATORS = frozenset(
    "and but so as when while after before because if although though since once whereas".split()
)
ENGLISH_VERBS_WITH_ADDRESSEE = frozenset(
    "told tells telling tell asked asks asking urged reminded assured warned".split()
)
ENGLISH_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last earlier later "
    "recently previously this".split()
)
ENGLISH_ADJUNCT_PREPOSITIONS = frozenset("in at on during after before while".split())
# How far "said Monday in an interview with X" may run before the content's "that".
ADJUNCT_REACH = 15

# Sentence openers ending like these are adverbs ("Offiziell", "Schließlich", "Möglicherweise").
ADVERB_ENDINGS = ("weise", "lich", "mals", "falls", "dings", "ziell")
# Particles that may stand before a German subject without taking its place: "Auch sie forderten".
GERMAN_FOCUS_PARTICLES = frozenset("auch selbst sogar nur ebenso zudem".split())

# Pronouns before a verb of saying that stand for the previous sentence: "Dies sagte der Minister."
GERMAN_BACK_REFERENCES = frozenset("dies das dieses".split())

# Adverbs between an inverted verb and its subject: "erklärten nur die Gefängnisse".
GERMAN_ADVERBS_AFTER_VERB = frozenset(
    "nur auch zudem ebenfalls jedoch aber allerdings dagegen hingegen außerdem bereits heute gestern nun noch "
    "dann damals erneut später zuletzt".split()
)
DOCUMENT_PREPOSITIONS = frozenset("in im aus von vom bei seitens auf".split())
# Determiners of a fronted object, never of a subject.
ACCUSATIVE_DETERMINERS = frozenset({"den", "einen", "diesen", "keinen", "ihren", "seinen", "unseren"})
GERMAN_NEGATIONS = frozenset({"nicht", "nie", "niemals"})
# Conjunctions that open an adverbial clause after the verb, never the reported content.
ADVERBIAL_CLAUSE_OPENERS = frozenset("um weil da obwohl nachdem bevor sodass damit zumal falls".split())
# Conjunctions that open a verb-final clause whose verb of saying may still have a content clause.
GERMAN_SUBORDINATORS = frozenset("da weil nachdem obwohl zumal während".split())
GERMAN_COORDINATORS = frozenset("und aber doch denn sondern oder".split())
PASSIVE_AUXILIARIES = frozenset("wird wurde werden wurden".split())
PASSIVE_REACH = 12
# How many tokens an apposition between *wie X,* and the verb may have.
APPOSITION_REACH = 12
# How many words of an apposition may follow the phrase read from its start (*in Birma*).
APPOSITION_TAIL = 3
RELATIVE_PRONOUNS = frozenset("der die das welcher welche welches dessen deren denen dem den".split())
# Prepositions that may extend a subject: "der Präsident des Staates im Westen der Insel".
SUBJECT_PREPOSITIONS = frozenset("im in von vom aus bei beim für".split())
# The finite verb after the subject when the cue is a participle: "Die Polizei hat am Montag mitgeteilt".
GERMAN_AUXILIARIES = frozenset("hat hatte haben hatten habe hätten ist war sind waren wird wurde soll will".split())


def match_verb(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """A verb of saying: *X sagte, ...*, *..., sagte X*, *X said ...*, *..., X said*, *wie X sagte*."""
    lexicon = context.lexicon
    word = context.lower(index)
    if word not in lexicon.cue_verbs and word not in lexicon.particles:
        return None
    if context.lower(index - 1) == "-":
        # "so-called", "self-described": part of a compound adjective, not a verb.
        return None
    clause_first = clause_start(context, index)
    clause_last = clause_end(context, index)
    cue_indexes = [index]
    particle = separable_particle(context, index, clause_last)
    if particle is not None:
        cue_indexes.append(particle)
    elif word in lexicon.particle_required:
        return None
    if word in ("hieß", "heißt") and "es" not in (context.lower(i) for i in range(clause_first, clause_last + 1)):
        return None
    if word in ("hieß", "heißt") and context.lower(index + 1) == "es":
        if any(context.lower(i) in lexicon.source_postpositions for i in range(index, clause_last + 1)):
            return None
        cue_indexes.append(index + 1)
    if word in ENGLISH_NOUN_LIKE_VERBS and not _name_or_pronoun(context, index - 1):
        # "the false claims that …": a plural noun; "Yukos claims its downfall …" has a name before it.
        return None
    if lexicon.language == "de":
        if context.lower(max(cue_indexes) - 1) in GERMAN_NEGATIONS:
            # "Nähere Einzelheiten gab er nicht bekannt": a speech act denied reports nothing.
            return None
        if word.startswith("erklär") and "für" in (context.lower(index - 2), context.lower(index - 3)):
            # "für unzulässig erklärt": declaring something to be so, not saying something.
            return None
        return german_verb_frame(context, index, clause_first, clause_last, cue_indexes)
    return english_verb_frame(context, index, clause_first, clause_last, cue_indexes)


# English verb forms that are as often plural nouns: a verb only right after a name or a pronoun.
ENGLISH_NOUN_LIKE_VERBS = frozenset({"claims"})
ENGLISH_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
NOT_SUBJECTS = frozenset("such similar these those these other new false earlier previous".split())


def _name_or_pronoun(context: SentenceContext, index: int) -> bool:
    token = context.tokens[index] if index >= 0 else None
    if token is None or not token.is_word:
        return False
    if token.lower in context.lexicon.pronouns:
        return True
    return token.capitalized and token.lower not in context.lexicon.determiners | NOT_SUBJECTS


def match_that_clause(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """English *X warned that ...*: any verb that takes a that-clause reports what its subject holds."""
    if context.lexicon.language != "en" or context.lower(index + 1) != "that":
        return None
    token = context.tokens[index]
    if not token.is_word or token.capitalized or token.lower in NOT_THAT_VERBS:
        return None
    previous = context.tokens[index - 1] if index > 0 else None
    after_subject = previous is not None and (previous.capitalized or previous.lower in context.lexicon.pronouns)
    # A plural noun also ends in -s ("voters that ..."), so an -s form needs a name or pronoun before it.
    if not (token.lower.endswith("ed") or token.lower.endswith("s") and after_subject):
        return None
    clause_first = clause_start(context, index)
    return english_verb_frame(context, index, clause_first, clause_end(context, index), [index])


def match_dass_clause(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """German *Die Polizei vermutet, dass ...*: the word before *, dass* closes a verb of holding or saying."""
    if context.lexicon.language != "de" or context.lower(index + 1) != "," or context.lower(index + 2) != "dass":
        return None
    token = context.tokens[index]
    complement = token.lower in DASS_COMPLEMENTS
    if token.capitalized or context.quoted[index] or not (complement or _german_finite_verb_like(token.lower)):
        return None
    clause_first = clause_start(context, index)
    if any(context.lower(i) in GERMAN_AUXILIARIES | {"werden", "wurden"} for i in range(clause_first, index)):
        # "Der Sturm hat dazu geführt, dass ...": a participle after an auxiliary states a fact.
        return None
    if not complement and _after_modal_or_zu(context, clause_first, index):
        return None
    subject = _german_main_clause_subject(context, clause_first, index)
    if subject is None:
        return None
    content = content_after(context, index + 2)
    if content is None:
        return None
    cue_indexes = [index]
    if complement:
        verb = _finite_verb_beside(context, clause_first, subject)
        if verb is None:
            return None
        cue_indexes = [verb, index]
    cue = [context.span(i, i) for i in cue_indexes]
    used = {*cue_indexes, *range(subject[0], subject[1] + 1)}
    return make_frame(context, cue, [content], [subject], "indirect"), used


def _after_modal_or_zu(context: SentenceContext, clause_first: int, index: int) -> bool:
    """Whether the verb before *, dass* is an infinitive after a modal or *zu* (*möchte erreichen, dass …*).

    Why: a wish or a plan to bring something about (*Die Bank möchte erreichen, dass …*, *er werde dafür
    sorgen, dass …*, *versucht zu verhindern, dass …*) says nothing about how things are.
    """
    if context.lower(index - 1) == "zu" or ZU_INFINITIVE.fullmatch(context.lower(index)):
        return True
    return any(context.lower(i) in WISHING_MODALS for i in range(clause_first, index))


# Konjunktiv-I forms that are never indicative or conditional: the clause that holds one is reported.
STRICT_KONJUNKTIV = frozenset("sei seien habe werde könne müsse solle wolle dürfe gebe".split())
# How far into the clause after the comma its finite verb may stand (*, der Verkehr werde …*).
KONJUNKTIV_REACH = 6
# Words that open a subordinate clause after the comma: then the clause is not the reported one.
CLAUSE_OPENERS = frozenset(
    "der die das dem den denen deren dessen welche welcher welches dass ob weil wenn wie um als da damit obwohl "
    "während nachdem bevor sodass wo was wer zu indem".split()
)
# Conjunctions that open a subordinate clause at the start of a sentence (*Obwohl X …, sei Y*).
SENTENCE_SUBORDINATORS = frozenset("obwohl wenn falls weil dass ob als nachdem während da wie um indem sobald".split())
COPULAS = frozenset("ist war sind waren wird wurde werden wurden".split())


def reported_clause_follows(tokens, index: int) -> bool:
    """Whether a comma after token ``index`` opens a main clause in Konjunktiv I (*…, Ertel sei …*) or a dass-clause."""
    if index + 2 >= len(tokens) or tokens[index + 1].text != "," or not tokens[index].is_word:
        return False
    opener = tokens[index + 2].lower
    if opener == "dass":
        return True
    article = (
        opener in ("der", "die", "das", "den", "dem") and index + 3 < len(tokens) and tokens[index + 3].capitalized
    )
    if opener in CLAUSE_OPENERS and not article:
        return False
    return any(token.lower in STRICT_KONJUNKTIV for token in tokens[index + 3 : index + 2 + KONJUNKTIV_REACH])


def _holder_before_dass(context: SentenceContext, subject: tuple[int, int], verb: int, index: int) -> bool:
    """Whether a subject-first clause before *, dass* names someone who holds or says the dass-clause.

    Why: *Das Problem besteht darin, dass …*, *Besonders tückisch war, dass …*, *Der Sturm war so stark,
    dass …* state facts or results; a noun phrase or pronoun that acts (*Er hält es für möglich, dass …*) reports.
    """
    words = [context.lower(i) for i in range(subject[0], subject[1] + 1)]
    single = len(words) == 1 and (words[0] in FACT_PRONOUNS or words[0].endswith(OPENING_ADVERB_ENDINGS))
    if single or words[0] in DASS_NON_SUBJECTS:
        return False
    if context.lower(verb) in STATING_VERBS or context.lower(index) in ("darin", "tatsache", "möglichkeit"):
        return False
    return not any(context.lower(i) in CONSECUTIVE_WORDS for i in range(verb, index + 1))


# Openers of a clause before *, dass* that are not a speaker: pronouns for facts, adverbs, conjunctions.
DASS_NON_SUBJECTS = frozenset("aber nicht besonders sehr zuerst hierbei dann damit überraschenderweise".split())
FACT_PRONOUNS = frozenset("das dies dieses es man".split())
OPENING_ADVERB_ENDINGS = ("weise", "lang", "lich", "bei", "ig")
# Verbs that state how things are, not what someone holds: *Das Problem besteht darin, dass …*.
STATING_VERBS = frozenset(
    "besteht bestand liegt lag bedeutet bedeuteten bedeutete kommt kam geht ging steht stand".split()
)
# Words of a main clause that make its dass-clause a result or a purpose, not reported content.
CONSECUTIVE_WORDS = frozenset("so derart dazu dafür dadurch deshalb darum solche solchen solcher sorgte sorgen".split())
MODALS = frozenset(
    "soll sollen sollte sollten will wollen wollte wollten kann können konnte konnten muss müssen musste mussten".split()
)
# Modals and the future auxiliary before an infinitive: the clause is a wish, an ability or a plan.
WISHING_MODALS = MODALS | frozenset(
    "möchte möchten mag mögen werde werden würde würden dürfe könne müsse solle wolle".split()
)
# A separable verb's zu-infinitive (*sicherzustellen*, *herauszufinden*).
ZU_INFINITIVE = re.compile(r"\w*(?:an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zurück|sicher|dar|fort|los|um|ab)zu\w+en")


def _participle(word: str, verb: int, index: int) -> bool:
    """Whether the word before the comma is a participle that goes with the auxiliary (*hat … ausgesagt*)."""
    return index > verb and word not in ("haben", "sein", "werden", "worden") and word.endswith(("t", "en"))


def match_konjunktiv_clause(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Die Staatsanwaltschaft hegt den Verdacht, er habe …*: a main clause that opens the sentence, then Konjunktiv I.

    Why: whatever the verb (*hegt den Verdacht*, *beteuerte*, *verlautete*), a subject-first clause
    followed by a clause in Konjunktiv I reports that subject's words; without a frame the sentence
    was read as run-on speech of the previous source.
    """
    if context.lexicon.language != "de" or context.quoted[index]:
        return None
    if not reported_clause_follows(context.tokens, index):
        return None
    if clause_start(context, index) != 0 or context.tokens[0].text in OPENING_QUOTES:
        return None
    opener = context.tokens[0]
    if opener.lower in GERMAN_FRONTED_ADVERBS | SENTENCE_SUBORDINATORS:
        return None
    if not (opener.capitalized or opener.lower in context.lexicon.pronouns):
        return None
    if any(_konjunktiv_one(context, i) for i in range(index + 1)):
        # "Das Gehen bereite ihm Schwierigkeiten, …": the first clause is itself reported speech.
        return None
    subject = phrase_right(context, 0)
    if subject is None or subject[1] >= index:
        return None
    verb = subject[1] + 1
    token = context.tokens[verb]
    if not token.is_word or token.capitalized or token.lower in context.lexicon.determiners:
        return None
    if token.lower in context.lexicon.phrase_stops or token.lower in PRONOMINAL_ADVERBS:
        return None
    if token.lower in COPULAS:
        # "Der Bahnhof ist alt, er sei …": a copula states, it does not say.
        return None
    if token.lower in GERMAN_AUXILIARIES | MODALS and not _participle(context.lower(index), verb, index):
        # "Die Mutter soll davon gewusst haben, …": an auxiliary or modal is a verb of saying only with its participle.
        return None
    if any(context.lower(i) in GERMAN_NEGATIONS for i in range(verb, index + 1)):
        return None
    if context.lower(index + 2) == "dass" and not _holder_before_dass(context, subject, verb, index):
        return None
    content = content_after(context, index + 2)
    if content is None:
        return None
    cue_indexes = [verb] if verb == index else [verb, index]
    cue = [context.span(i, i) for i in cue_indexes]
    used = set(range(0, index + 2))
    return make_frame(context, cue, [content], [subject], "indirect"), used


def _konjunktiv_one(context: SentenceContext, index: int) -> bool:
    """A Konjunktiv-I form (*sei*, *habe*, *befinde*), not a first person's indicative (*ich sehe*)."""
    word = context.lower(index)
    if word in context.lexicon.reported_speech_verbs:
        return True
    return word in MORE_RUN_ON_MARKERS and context.lower(index - 1) != "ich" and context.lower(index + 1) != "ich"


# *dafür*, *womit*: adverbs, where a word starting like them (*dankte*, *wohnte*) may be a verb.
PRONOMINAL_ADVERBS = frozenset(
    "da dabei dadurch dafür dagegen damit danach daneben daran darauf daraus darin darüber darum darunter davon "
    "davor dazu dazwischen wo wobei wodurch wofür wogegen womit wonach woran worauf woraus worin worüber worum "
    "wovon wovor wozu dann damals dort doch".split()
)
# Words that close a verb of holding or saying before its dass-clause (*Experten rechnen damit, dass ...*);
# the finite verb next to the subject and this word are the cue.
DASS_COMPLEMENTS = frozenset("damit davon darauf darüber klar deutlich sicher überzeugt bewusst".split())


def _finite_verb_beside(context: SentenceContext, clause_first: int, subject: tuple[int, int]) -> int | None:
    """The finite verb right after a subject that opens the clause, or right before an inverted one."""
    verb = subject[1] + 1 if subject[0] == clause_first else subject[0] - 1
    token = context.tokens[verb] if 0 <= verb < len(context.tokens) else None
    if token is None or not token.is_word or token.capitalized or token.lower in context.lexicon.determiners:
        return None
    if token.lower in GERMAN_AUXILIARIES or token.lower in GERMAN_FRONTED_ADVERBS:
        return None
    return verb


def _german_finite_verb_like(word: str) -> bool:
    """A lower-case word that may be a full verb (vermutet, glaubte, betonen), not an auxiliary or *dafür*."""
    if (
        word in GERMAN_AUXILIARIES
        or word in ("sein", "werden", "worden", "wurden")
        or word in PRONOMINAL_ADVERBS
        or word.startswith("ge")
    ):
        return False
    return word.endswith(("t", "te", "ten", "en"))


def _german_main_clause_subject(context: SentenceContext, first: int, end: int) -> tuple[int, int] | None:
    """The subject of a German main clause between ``first`` and ``end``: before the finite verb or right after it."""
    if first >= end:
        return None
    subject = subject_before_verb(context, list(range(first, end)), end)
    opener = context.tokens[first]
    if opener.lower not in GERMAN_FRONTED_ADVERBS and (opener.capitalized or opener.lower in context.lexicon.pronouns):
        phrase = phrase_right(context, first)
        if phrase is not None and phrase[1] < end and not context.tokens[phrase[1] + 1].capitalized:
            subject = phrase
    if subject is not None:
        return subject
    for index in range(first + 1, end):
        token = context.tokens[index]
        if token.is_word and not token.capitalized and token.lower not in context.lexicon.determiners:
            phrase = phrase_right(context, index + 1)
            return phrase if phrase is not None and phrase[1] < end else None
    return None


def german_verb_frame(context: SentenceContext, verb: int, clause_first: int, clause_last: int, cue_indexes: list[int]):
    """A German verb of saying: passive quotation, *wie*-clause, subject before the verb, or inversion."""
    if context.lower(verb) in context.lexicon.quoting_verbs:
        # The auxiliary may stand before an apposition: "wird Mike Downey, Produktmanager, zitiert".
        window = range(max(0, verb - PASSIVE_REACH), verb)
        passive = next((i for i in reversed(window) if context.lower(i) in PASSIVE_AUXILIARIES), None)
        if passive is not None:
            return _passive_quotation(context, verb, clause_start(context, passive), passive)
    before = field_before_verb(context, clause_first, verb)
    if before and context.lower(before[0]) in GERMAN_SUBORDINATORS:
        # "..., da die Partei angekündigt hatte, ...": a verb-final clause, its subject after the conjunction.
        subject = phrase_right(context, before[0] + 1)
        if subject is None or not _before_verb(context, subject[1], verb):
            return None
        return german_subject_first(context, verb, cue_indexes, subject)
    if before and context.lower(before[0]) == "wie":
        return _wie_clause(context, verb, before[0], clause_last, cue_indexes)
    wie = _wie_before_apposition(context, clause_first)
    if wie is not None:
        return _wie_clause(context, verb, wie, clause_last, cue_indexes)
    if before and context.lower(verb - 1) == "und":
        # "X dankte den Menschen und ergänzte, ...": the second verb shares the clause's subject.
        subject = _subject_of_first_verb(context, clause_first, before)
        if subject is None:
            return None
        return german_subject_first(context, verb, cue_indexes, subject)
    phrases = phrases_right(context, _after_verb(context, verb, cue_indexes))
    impersonal = context.lower(verb) in ("hieß", "heißt") and context.lower(verb + 1) == "es" and not phrases
    if impersonal and not before and clause_first > 0 and context.lower(0) in DOCUMENT_PREPOSITIONS:
        # "In der Vorabversion des Berichts, der ... wurde, heißt es, ...": the fronted document is the source.
        document = phrase_right(context, 1)
        if document is not None and document[1] < clause_first:
            return german_subject_first(context, verb, cue_indexes, document)
    if impersonal and not before and clause_first > 0 and context.tokens[clause_first - 1].text == ",":
        # "Die Brücke sei gesperrt, heißt es.": the clause before is the content, and nobody is named.
        return _postposed_unnamed_frame(context, clause_first, cue_indexes)
    if not before and clause_first > 0 and context.tokens[clause_first - 1].text == ",":
        # "Tony Auden, ein Sprecher des Zentrums, wies darauf hin, dass ...": the subject opens the sentence.
        subject = appositive_subject(context, clause_first) if phrases else sentence_subject(context, clause_first)
        if subject is not None:
            return german_subject_first(context, verb, cue_indexes, subject)
    subject = subject_before_verb(context, before, verb)
    if subject is not None and phrases and context.lower(verb + 1) in ("er", "ich", "wir"):
        # "Die Bürger forderte er auf, …": a nominative pronoun after the verb is the subject, the fronted phrase the object.
        subject = None
    if subject is not None and phrases and context.lower(subject[0]) in ACCUSATIVE_DETERMINERS:
        # "Den Namen der Sendung gab das ZDF bekannt": the fronted phrase is the object, the subject follows.
        subject = None
    if subject is not None and phrases and _time_phrase(context, before):
        # "Um 11 Uhr berichtete die Zeitung", "2008 erklärte er": a fronted time, the subject follows the verb.
        subject = None
    if subject is None and not phrases:
        postposed = _postposed_after_auxiliary(context, clause_first, before, verb, cue_indexes)
        if postposed is not None:
            return postposed
        subject = subject_after_auxiliary(context, before, verb) or _fronted_document(context, before, verb)
    if subject is not None:
        return german_subject_first(context, verb, cue_indexes, subject)
    if impersonal:
        # "Bisher hieß es, ...": nobody is named.
        return _unnamed_speaker_frame(context, cue_indexes)
    if not phrases:
        return None
    return _inverted_frame(context, verb, clause_first, before, cue_indexes, phrases)


def _postposed_unnamed_frame(context: SentenceContext, clause_first: int, cue_indexes: list[int]):
    """*Die Brücke sei gesperrt, heißt es.*: the reported clause before the verb, with no source.

    Why: without it, the sentence's opening words were taken for a speaker, or nothing was found.
    """
    before = list(range(clause_first - 1))
    if not is_content_clause(context, before) and context.tokens[0].text not in OPENING_QUOTES:
        return None
    content = content_before(context, clause_first)
    if content is None:
        return None
    frame = make_frame(context, [context.span(i, i) for i in sorted(cue_indexes)], [content], [], "indirect")
    return frame, set(range(clause_first, max(cue_indexes) + 1))


def _time_phrase(context: SentenceContext, field: list[int]) -> bool:
    """Whether the field before a German verb says when: a year, a clock time, a weekday or a month."""
    words = [context.lower(i) for i in field if context.tokens[i].is_word]
    if not words:
        return False
    return words[0][:1].isdigit() or "uhr" in words or words[-1] in GERMAN_TIME_NOUNS


GERMAN_TIME_NOUNS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend januar februar märz april mai juni "
    "juli august september oktober november dezember morgen abend nachmittag vormittag wochenende".split()
)


def _unnamed_speaker_frame(context: SentenceContext, cue_indexes: list[int]):
    """The content after *hieß es* with no source: the chain becomes one hop that names nobody."""
    start = introduced_content_start(context, max(cue_indexes) + 1)
    content = content_after(context, start) if start is not None else None
    if content is None:
        return None
    frame = make_frame(context, [context.span(i, i) for i in sorted(cue_indexes)], [content], [], "indirect")
    return frame, set(range(min(cue_indexes), start))


def field_before_verb(context: SentenceContext, clause_first: int, verb: int) -> list[int]:
    """The words of the clause before the verb; none if only auxiliaries stand there."""
    before = list(range(clause_first, verb))
    lexicon = context.lexicon
    # A coordinating conjunction stands outside the clause: "doch der Sprecher erklärte".
    while before and context.lower(before[0]) in GERMAN_COORDINATORS:
        before.pop(0)
    if all(context.lower(i) in GERMAN_AUXILIARIES or context.lower(i) in lexicon.verb_companions for i in before):
        # "Die Parteien, die PPP und die PML-N, hatten erklärt, ...": only the auxiliary stands in this clause.
        return []
    if (
        before
        and clause_first > 0
        and context.lower(before[0]) in GERMAN_AUXILIARIES
        and not _names_after(context, before)
    ):
        # "X, zuständig für Y, hatte im Juni angekündigt": the finite auxiliary opens the clause, X is before it;
        # "..., hatte Koch-Mehrin gesagt" names its subject after the auxiliary.
        return []
    return before


def _after_verb(context: SentenceContext, verb: int, cue_indexes: list[int]) -> int:
    """Where an inverted subject may start: past *es*, *sich*, adverbs and a document's preposition."""
    after = max(cue_indexes) + 1 if context.lower(verb + 1) == "es" else verb + 1
    while context.lower(after) == "sich" or context.lower(after) in GERMAN_ADVERBS_AFTER_VERB:
        after += 1
    if context.lower(verb + 1) == "es" and context.lower(after) in DOCUMENT_PREPOSITIONS:
        # "hieß es in einer Mitteilung der Polizei": the document or place is the source.
        after += 1
    return after


def _wie_clause(context: SentenceContext, verb: int, wie: int, clause_last: int, cue_indexes: list[int]):
    """*..., wie die Polizei mitteilte*: the wie-clause is the cue, the rest of the sentence the content."""
    first = wie + 1
    while context.lower(first) in context.lexicon.verb_companions | GERMAN_FOCUS_PARTICLES:
        # "wie schon die WHO sagte", "wie auch der Minister betonte".
        first += 1
    noun_phrase = phrase_right(context, first)
    if noun_phrase is None or noun_phrase[1] >= verb:
        return None
    content = content_around(context, wie, clause_last)
    if not content:
        return None
    cue = [context.span(wie, wie)] + [context.span(i, i) for i in cue_indexes]
    return make_frame(context, cue, content, [noun_phrase], "indirect"), set(range(wie, clause_last + 1))


def _subject_of_first_verb(context: SentenceContext, clause_first: int, field: list[int]) -> tuple[int, int] | None:
    """The subject of the clause's first finite verb: before it, right after it, or an apposed name before the clause."""
    if clause_first > 1 and is_content_clause(context, field):
        # "Er sagte, Europa brauche X und fügte hinzu: ...": the first conjunct is reported, its speaker opens the sentence.
        return _german_main_clause_subject(context, 0, clause_first - 1)
    opener = context.tokens[field[0]]
    if opener.lower not in GERMAN_FRONTED_ADVERBS and (
        opener.capitalized or opener.lower in context.lexicon.determiners
    ):
        # "Der Rat rief ... auf und beschloss": a noun phrase and a lower-case word right after it, the verb
        # in second place, whatever its form (strong verbs end in neither -t nor -en).
        phrase = phrase_right(context, field[0])
        after = phrase[1] + 1 if phrase is not None else None
        if (
            after is not None
            and after in field
            and context.tokens[after].is_word
            and not context.tokens[after].capitalized
            and context.lower(after) not in context.lexicon.determiners
            and context.lower(after) not in SUBJECT_PREPOSITIONS
        ):
            return phrase
    finite = next(
        (
            i
            for i in field
            if context.tokens[i].is_word
            and not context.tokens[i].capitalized
            and (context.lower(i) in GERMAN_AUXILIARIES or _german_finite_verb_like(context.lower(i)))
        ),
        None,
    )
    if finite is None:
        return None
    if finite == field[0]:
        return appositive_subject(context, clause_first) if clause_first > 0 else None
    subject = subject_before_verb(context, [i for i in field if i < finite], finite)
    if subject is not None:
        return subject
    after = context.tokens[finite + 1] if finite + 1 < len(context.tokens) else None
    if after is not None and (after.lower in context.lexicon.pronouns or after.lower in context.lexicon.determiners):
        return phrase_right(context, finite + 1)
    return None


def _wie_before_apposition(context: SentenceContext, clause_first: int) -> int | None:
    """*wie Burt Rutan, Chef der Firma, mitteilte*: the *wie* two comma-separated pieces before the verb's clause."""
    if clause_first < 2 or context.tokens[clause_first - 1].text != ",":
        return None
    apposition_comma = next(
        (i for i in range(clause_first - 2, max(-1, clause_first - APPOSITION_REACH), -1) if context.lower(i) == ","),
        None,
    )
    if apposition_comma is None or apposition_comma < 1:
        return None
    wie = apposition_comma - 1
    while wie > 0 and context.lower(wie) != "wie" and context.tokens[wie].text not in CLAUSE_PUNCTUATION:
        wie -= 1
    opens_clause = wie == 0 or context.tokens[wie - 1].text in CLAUSE_PUNCTUATION
    if context.lower(wie) != "wie" or not opens_clause:
        return None
    name = phrase_right(context, wie + 1)
    apposition = phrase_right(context, apposition_comma + 1)
    # The name's phrase may already take in the apposition (*der Sprecher der Stadt, Hans Meier*).
    if name is None or name[1] not in (apposition_comma - 1, clause_first - 2):
        return None
    # The apposition may end in a place or an office (*Sprecher der UN-Büros in Birma*) its phrase leaves out.
    if apposition is None or not clause_first - 2 - APPOSITION_TAIL <= apposition[1] <= clause_first - 2:
        return None
    return wie


def _inverted_frame(context, verb: int, clause_first: int, before: list[int], cue_indexes: list[int], phrases):
    """*..., berichtete die Agentur Tass unter Berufung auf X* / *Am Montag sagte der Minister, ...*."""
    speaker = _with_closing_quote(context, phrases[0])
    quoting = len(phrases) > 1 and context.lower(verb) in context.lexicon.quoting_verbs
    origins = [phrases[1]] if quoting else []
    last = (origins or [speaker])[-1][1]
    medium = None
    cue = [context.span(i, i) for i in sorted(cue_indexes)]
    relay = relay_after(context, last + 1)
    platform = platform_after(context, last + 1) if relay is None else None
    if relay is not None:
        relay_cue, origin = relay
        cue.append(context.span(*relay_cue))
        origins = [origin]
        last = origin[1]
    elif platform is not None:
        preposition, platform_phrase = platform
        cue.append(context.span(preposition, platform_phrase[1]))
        medium = context.text[context.tokens[platform_phrase[0]].start : context.tokens[platform_phrase[1]].end]
        last = platform_phrase[1]
    used = set(cue_indexes) | set(range(speaker[0], last + 1))
    postposed = not before or (len(before) == 1 and context.lower(before[0]) == "so")
    refers_back = len(before) == 1 and context.lower(before[0]) in GERMAN_BACK_REFERENCES
    continuation = None
    reported_after = _reported_clause_after(context, last) if clause_first > 0 and postposed else None
    colon_after = _colon_content_after(context, last) if clause_first > 0 and postposed else None
    if colon_after is not None:
        # "Im Brief, den sie ... geschickt hat, erklärt sie: „…“": the clause before says where, the colon opens the words.
        content = colon_after
    elif reported_after is not None and not _reported_before(context, clause_first):
        # "In einer Videobotschaft, die ... wurde, sagte Thaksin, man werde kämpfen": the clause before only says where.
        content = reported_after
    elif clause_first > 0 and postposed:
        content = content_before(context, clause_first)
        continuation = _continuation_after_speaker(context, last)
    elif refers_back:
        # "Dies teilte die Polizei mit.": "Dies" here, the previous sentence added by the extractor.
        content = context.span(before[0], before[0])
    else:
        # A particle after an apposition (*gab X, Y, bekannt, dass ...*) comes before the content.
        start = introduced_content_start(context, max(last, *cue_indexes) + 1)
        content = content_after(context, start) if start is not None else None
    if content is None:
        return None
    contents = [content] if continuation is None else [content, continuation]
    frame = make_frame(context, cue, contents, origins + [speaker], "indirect")
    frame.medium = medium
    frame.content_in_previous_sentence = refers_back
    return frame, used


def _reported_clause_after(context: SentenceContext, last: int):
    """The span after *sagte X,* when it is reported speech in Konjunktiv I (*, man werde kämpfen*), else None."""
    if context.lower(last + 1) != ",":
        return None
    rest = range(last + 2, len(context.tokens))
    if not any(context.lower(i) in context.lexicon.reported_speech_verbs for i in rest):
        return None
    return content_after(context, last + 2)


def _colon_content_after(context: SentenceContext, last: int):
    """The quotation after *erklärt sie:* when a colon follows the speaker right away, else None.

    Why: a postposed verb took the fronted clause before it (*Im Brief, den …, erklärt sie*) for the content.
    """
    if context.lower(last + 1) != ":" or last + 2 >= len(context.tokens):
        return None
    if context.tokens[last + 2].text not in OPENING_QUOTES:
        return None
    return content_after(context, last + 2)


def _reported_before(context: SentenceContext, clause_first: int) -> bool:
    """Whether the words before a postposed verb are themselves reported: a quotation or Konjunktiv I."""
    return context.tokens[0].text in OPENING_QUOTES or is_content_clause(context, list(range(clause_first)))


def _with_closing_quote(context: SentenceContext, phrase: tuple[int, int]) -> tuple[int, int]:
    """*der „Verein Freie Presse“*: a quoted name ends at its closing mark, which is not the content's opening one."""
    first, last = phrase
    opened = any(context.tokens[i].text in ("„", "»") for i in range(first, last + 1))
    if opened and last + 1 < len(context.tokens) and context.tokens[last + 1].text in ("“", "«"):
        return (first, last + 1)
    return phrase


def _continuation_after_speaker(context: SentenceContext, last: int):
    """``„…“, sagte die Königin, ihre „Gedanken sind bei allen“``: the reported words that go on after the speaker."""
    if context.lower(last + 1) != "," or last + 2 >= len(context.tokens):
        return None
    rest = range(last + 2, len(context.tokens))
    if not any(context.tokens[i].text in OPENING_QUOTES for i in rest):
        return None
    return content_after(context, last + 2)


def _passive_quotation(context: SentenceContext, verb: int, clause_first: int, auxiliary: int):
    """*X wird von Reuters mit den Worten zitiert, ...* / *„...“, wird X zitiert*: X said it, the outlet relayed it."""
    subject_first = auxiliary > clause_first or (clause_first > 0 and appositive_subject(context, clause_first))
    if auxiliary > clause_first:
        person = phrase_right(context, clause_first)
    elif subject_first:
        person = appositive_subject(context, clause_first)
    else:
        person = phrase_right(context, auxiliary + 1)
    if person is None or person[1] >= verb:
        return None
    outlet = None
    for index in range(max(auxiliary, person[1]) + 1, verb):
        if context.lower(index) in ("von", "vom", "im", "in"):
            outlet = phrase_right(context, index + 1)
            if outlet is not None and outlet[1] < verb:
                break
            outlet = None
    if clause_first > 0 and not subject_first:
        content = content_before(context, clause_first)
    else:
        start = introduced_content_start(context, verb + 1)
        content = content_after(context, start) if start is not None else None
    if content is None:
        return None
    cue = [context.span(auxiliary, auxiliary), context.span(verb, verb)]
    # The quoted person is the origin; the outlet that quotes them is nearer the article.
    phrases = [person] + ([outlet] if outlet else [])
    used = {auxiliary, verb, *range(person[0], person[1] + 1)}
    return make_frame(context, cue, [content], phrases, "indirect"), used


def appositive_subject(context: SentenceContext, clause_first: int) -> tuple[int, int] | None:
    """``David Gamkrelidse, der Parteivorsitzende, begründete ...``: a name and appositions before the verb.

    Every comma-separated piece before the verb must be a noun phrase, the first a name, so that
    reported content before a postposed verb (``Er sei krank, sagte ...``) is never taken for one.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for index in range(clause_first):
        if context.tokens[index].text == ",":
            pieces.append((start, index - 1))
            start = index + 1
    if len(pieces) < 2:
        return None
    first, last = pieces[0]
    phrase = phrase_right(context, first)
    if first > last or phrase is None or phrase[1] < last or not context.tokens[first].capitalized:
        return None
    for first, last in pieces[1:]:
        # Later pieces are appositions ("der Parteivorsitzende") or relative clauses ("der ... war").
        if first > last:
            return None
        if context.lower(first) in context.lexicon.determiners | RELATIVE_PRONOUNS:
            continue
        phrase = phrase_right(context, first)
        if phrase is None or phrase[1] < last:
            return None
    return pieces[0]


def subject_before_verb(context: SentenceContext, before: list[int], verb: int) -> tuple[int, int] | None:
    """German verb-second: the subject before the verb, if it fills the whole field before it (else None).

    A focus particle may precede it (*Auch sie forderten ...*).
    """
    if before and context.lower(before[0]) in GERMAN_FOCUS_PARTICLES and len(before) > 1:
        before = before[1:]
    opener = context.lower(before[0]) if before else ""
    if len(before) == 1 and opener in GERMAN_BACK_REFERENCES:
        return None
    if (
        not before
        or opener in GERMAN_FRONTED_ADVERBS
        or opener.endswith(ADVERB_ENDINGS)
        or is_content_clause(context, before)
    ):
        return None
    subject = phrase_right(context, before[0])
    if subject is None or subject[1] >= verb:
        return None
    quoted_name = _quotation_between(context, subject[1] + 1, verb)
    if quoted_name is not None:
        # "Die Wochenzeitung „Die Zeit“ meldet": the quoted title belongs to the subject.
        return (subject[0], quoted_name)
    rest = [context.lower(i) for i in range(subject[1] + 1, verb) if context.tokens[i].text not in CLOSING_QUOTES]
    if rest and rest[0] in GERMAN_AUXILIARIES:
        return subject
    if len(rest) >= 2 and rest[0] == "und":
        # "Frankreich, Italien und Österreich erklärten": the last conjunct and the ones before.
        conjunct = phrase_right(context, subject[1] + 2)
        if conjunct is not None and _before_verb(context, conjunct[1], verb):
            return (subject[0], conjunct[1])
    if all(word in context.lexicon.verb_companions or word in CLAUSE_PUNCTUATION for word in rest):
        return subject
    if (
        rest
        and rest[0] in SUBJECT_PREPOSITIONS
        and _noun_phrase_words(context, subject[1] + 1, _verb_group_start(context, verb))
    ):
        # "der Präsident des Staates im Westen der Insel sagte": a prepositional phrase still belongs to it.
        return (subject[0], verb - 1)
    return None


def _postposed_after_auxiliary(context: SentenceContext, clause_first: int, before: list[int], verb: int, cue_indexes):
    """*„...“, hatte Koch-Mehrin damals gesagt.*: the auxiliary opens a postposed clause, the content is before it."""
    if clause_first == 0 or not before or context.lower(before[0]) not in GERMAN_AUXILIARIES:
        return None
    if introduced_content_start(context, max(cue_indexes) + 1) is not None:
        return None
    subject = subject_after_auxiliary(context, before, verb)
    content = content_before(context, clause_first)
    if subject is None or content is None:
        return None
    reported = context.tokens[0].text in OPENING_QUOTES or is_content_clause(context, list(range(clause_first)))
    if not reported:
        # "Nachdem X gesorgt hatte, hatte Y ...": an adverbial clause, not what Y said.
        return None
    cue = [context.span(i, i) for i in sorted({before[0], *cue_indexes})]
    used = set(range(clause_first, max(cue_indexes) + 1))
    return make_frame(context, cue, [content], [subject], "indirect"), used


def _names_after(context: SentenceContext, before: list[int]) -> bool:
    """Whether a noun phrase follows the clause's first word (*hatte Koch-Mehrin*, *hatte der Minister*)."""
    if len(before) < 2:
        return False
    following = context.tokens[before[1]]
    lexicon = context.lexicon
    return following.capitalized or following.lower in lexicon.determiners or following.lower in lexicon.pronouns


def _quotation_between(context: SentenceContext, first: int, verb: int) -> int | None:
    """The last token of a quotation that fills ``first..verb-1`` exactly, else None."""
    if first >= verb or context.tokens[first].text not in OPENING_QUOTES:
        return None
    if context.tokens[verb - 1].text not in CLOSING_QUOTES or not all(context.quoted[first:verb]):
        return None
    return verb - 1


def _before_verb(context: SentenceContext, last: int, verb: int) -> bool:
    """Whether only auxiliaries and companions stand between token ``last`` and the verb."""
    between = [context.lower(i) for i in range(last + 1, verb)]
    return all(word in GERMAN_AUXILIARIES or word in context.lexicon.verb_companions for word in between)


def _verb_group_start(context: SentenceContext, verb: int) -> int:
    """The verb, or the auxiliaries and companions right before it (*Philips hat bereits angekündigt*)."""
    start = verb
    while start > 0 and (
        context.lower(start - 1) in GERMAN_AUXILIARIES or context.lower(start - 1) in context.lexicon.verb_companions
    ):
        start -= 1
    return start


def _noun_phrase_words(context: SentenceContext, first: int, end: int) -> bool:
    """Whether tokens ``first..end-1`` are all prepositions, determiners, adjectives or nouns."""
    for index in range(first, end):
        token = context.tokens[index]
        word = token.lower
        if not (
            token.capitalized
            or word in SUBJECT_PREPOSITIONS
            or word in context.lexicon.determiners
            or word.endswith(("en", "er", "e"))
        ):
            return False
    return True


def _fronted_document(context: SentenceContext, before: list[int], verb: int) -> tuple[int, int] | None:
    """``In der Erklärung hieß es, ...`` / ``Aus Regierungskreisen hieß es`` / ``… verlautete``: the fronted place is the source."""
    if (
        not before
        or context.lower(verb) not in ("hieß", "heißt", "verlautete", "verlautet", "verlauteten")
        or context.lower(before[0]) not in DOCUMENT_PREPOSITIONS
    ):
        return None
    place = phrase_right(context, before[0] + 1)
    return place if place is not None and place[1] < verb else None


def subject_after_auxiliary(context: SentenceContext, before: list[int], verb: int) -> tuple[int, int] | None:
    """``Vor Gericht hatten Augenzeugen berichtet, ...``: a participle's subject right after the auxiliary."""
    for index in before:
        if context.lower(index) in GERMAN_AUXILIARIES:
            subject = phrase_right(context, index + 1)
            if subject is not None and subject[1] < verb:
                return subject
            return None
    return None


def _adverb_in_main_clause(context: SentenceContext, start: int) -> bool:
    """*..., damit solle ein Vakuum vermieden werden*: *damit* or *da* before a finite verb is an adverb, not a conjunction.

    Why: in reported speech the Konjunktiv-I verb follows right after such an adverb in second
    position, while a purpose or reason clause puts its verb at the end.
    """
    return context.lower(start) in ("damit", "da") and context.lower(start + 1) in context.lexicon.reported_speech_verbs


def german_subject_first(context: SentenceContext, verb: int, cue_indexes: list[int], subject: tuple[int, int]):
    used = set(cue_indexes) | set(range(subject[0], subject[1] + 1))
    start = introduced_content_start(context, max(cue_indexes) + 1)
    if (
        start is not None
        and context.lower(start) in ADVERBIAL_CLAUSE_OPENERS
        and not _adverb_in_main_clause(context, start)
    ):
        # "gab Details bekannt, um ...": a purpose or reason clause is not what was said.
        start = None
    if start is None:
        # "Lammert würdigte die Bundeswehr als ...": no content here, but the next sentence may report him.
        return make_frame(context, [], [], [subject], "indirect"), used
    content = content_after(context, start)
    if content is None:
        return None
    cue = [context.span(i, i) for i in sorted(cue_indexes)]
    # The words between the verb and its content ("zeigte sich überzeugt, dass") belong to this frame.
    used |= set(range(max(cue_indexes) + 1, start))
    sources = [subject]
    if context.lower(verb) in context.lexicon.quoting_verbs and verb > subject[1]:
        # "Der Sender zitierte den Minister mit den Worten: …": the one quoted is the origin.
        quoted = phrase_right(context, verb + 1)
        if quoted is not None and quoted[1] < start and context.tokens[quoted[0]].is_word:
            sources = [quoted, subject]
    return make_frame(context, cue, [content], sources, "indirect"), used


def english_verb_frame(
    context: SentenceContext, verb: int, clause_first: int, clause_last: int, cue_indexes: list[int]
):
    """*X said (that) ...*, *X told Y ...*, or postposed *“...,” X said* / *..., said X*."""
    before = _english_subject_words(context, clause_first, verb)
    cue = [context.span(i, i) for i in sorted(cue_indexes)]
    if _english_postposed(context, verb, clause_first, clause_last) or _inverted_after_quote(
        context, verb, clause_first
    ):
        found = _english_postposed_frame(context, verb, clause_first, before, cue)
        if found is not None:
            return found
    if context.lower(verb) in ("citing", "quoting"):
        return None
    if len(before) > 2 and context.lower(before[-1]) in ENGLISH_SUBJECT_PRONOUNS and context.lower(before[-2]) in (
        "and",
        "but",
        ",",
    ):
        # "… after spells at three clubs and he feels that …": the pronoun before the verb is its subject.
        before = before[-1:]
    before = _english_subject_of_coordination(context, before)
    relative = bool(before) and context.lower(before[0]) in ("who", "which")
    # "Sanders, who endorsed Canova, said ...": the relative clause's antecedent opens the sentence.
    # "Beck, ..., on Friday declared ...": words before the verb that only say when are no subject either.
    opening = (
        sentence_subject(context, clause_first) if relative or not before or _adjunct_only(context, before) else None
    )
    if opening is not None and relative:
        # The source is the antecedent together with its relative clause, as news annotators mark it.
        subject = (opening[0], before[-1])
    else:
        subject = opening or ((before[0], before[-1]) if before else None)
    if subject is None:
        return None
    subject = _english_subject_of_participle(context, verb, subject)
    start = verb + 1
    if context.lower(verb) in ENGLISH_VERBS_WITH_ADDRESSEE:
        start = skip_addressee(context, start)
    start = _skip_adjuncts(context, skip_connectors(context, start))
    if start is None:
        return None
    content = content_after(context, start)
    if content is None:
        return None
    return make_frame(context, cue, [content], [subject], "indirect"), set(range(subject[0], verb + 1))


def _adjunct_only(context: SentenceContext, before: list[int]) -> bool:
    """``on Friday``, ``last week``, ``and obtained by AP``: words before an English verb that name nobody.

    Why: they were taken for the verb's subject; the sentence's opening noun phrase is the speaker.
    """
    first = context.lower(before[0])
    if first in ("and", "but") or first.endswith("ly"):
        return True
    return first in ENGLISH_TIME_WORDS | ENGLISH_ADJUNCT_PREPOSITIONS and len(before) <= 4


def _english_subject_of_coordination(context: SentenceContext, before: list[int]) -> list[int]:
    """``Reid reiterated those feelings and stressed ...``: the subject of the first verb, not its predicate.

    Only when the words before the verb end in *and*/*but* and a noun phrase at their start is
    followed by a lower-case word (the first verb); *Trump and Clinton said* keeps both names.
    """
    if len(before) < 3 or context.lower(before[-1]) not in ("and", "but"):
        return before
    phrase = phrase_right(context, before[0])
    if phrase is None or phrase[1] + 1 >= before[-1]:
        return before
    following = context.tokens[phrase[1] + 1]
    if not following.is_word or following.capitalized or following.lower in context.lexicon.determiners:
        return before
    return list(range(phrase[0], phrase[1] + 1))


FINITE_AUXILIARIES = frozenset("has have had is was were are will would did does".split())
ENGLISH_PHRASE_OPENERS = frozenset("from more most not one some many".split())
GERUND_PREPOSITIONS = frozenset("for after before by without while when since of about upon in on".split())


def _english_subject_of_participle(context: SentenceContext, verb: int, subject: tuple[int, int]) -> tuple[int, int]:
    """``The unions rejected the offer, saying …``: a participle of saying has the subject of the clause before it.

    The words before the participle are a whole clause; its subject is the noun phrase that opens
    it, when a lower-case word (the finite verb) follows that phrase.
    """
    if not context.lower(verb).endswith("ing") or subject[1] - subject[0] < 2:
        return subject
    previous = verb - 1
    while previous > subject[0] and context.lower(previous).endswith("ly"):
        previous -= 1
    if context.lower(previous) in GERUND_PREPOSITIONS or "quoted" in (context.lower(i) for i in range(*subject)):
        # "suspended a candidate for suggesting …", "was quoted in the Herald saying": not the clause's subject.
        return subject
    first = context.tokens[subject[0]]
    if not first.capitalized or first.lower in ENGLISH_ADJUNCT_PREPOSITIONS | ENGLISH_PHRASE_OPENERS:
        return subject
    phrase = phrase_right(context, subject[0])
    if phrase is None or phrase[1] + 1 >= subject[1]:
        return subject
    following = context.lower(phrase[1] + 1)
    if following == "and" and phrase[1] + 2 < subject[1] and context.tokens[phrase[1] + 2].capitalized:
        # "TCI and Atticus have opposed …": two names joined are one subject.
        last = phrase[1] + 2
        while last + 1 < subject[1] and context.tokens[last + 1].capitalized:
            last += 1
        phrase = (phrase[0], last)
        following = context.lower(last + 1)
    if not (following in FINITE_AUXILIARIES or following.endswith("ed") and following not in ("need", "feed", "speed")):
        # "Clinton celebrated …", "The town has released …": the phrase is followed by its finite verb.
        return subject
    return phrase


def _english_subject_words(context: SentenceContext, clause_first: int, verb: int) -> list[int]:
    """The words before the verb that name its subject: no auxiliaries, no leading conjunction."""
    lexicon = context.lexicon
    before = list(range(clause_first, verb))
    while before and (context.lower(before[-1]) in lexicon.verb_companions or not context.tokens[before[-1]].is_word):
        before.pop()
    while before and not context.tokens[before[0]].is_word:
        before.pop(0)
    while before and context.lower(before[0]) in ENGLISH_SUBORDINATORS:
        before.pop(0)
    return before


def _english_postposed(context: SentenceContext, verb: int, clause_first: int, clause_last: int) -> bool:
    """Whether the verb closes the sentence after its content: ``..., X said (on Monday).``"""
    lexicon = context.lexicon
    separated = clause_first > 0 and context.tokens[clause_first - 1].text in CLAUSE_PUNCTUATION | CLOSING_QUOTES
    next_word = context.lower(verb + 1)
    if context.lower(verb - 1) in ("who", "which") or context.lower(verb - 2) in ("who", "which"):
        # "the OECD, which said reforms were needed": a relative clause's verb has its content after it.
        return False
    return (
        separated
        and (
            clause_last - verb <= LONG_POSTPOSED_REMAINDER
            or _adjunct_tail(context, verb, clause_last)
            or _quotation_before(context, clause_first)
        )
        and next_word not in lexicon.complementizers
        and next_word != ":"
        and next_word not in lexicon.pronouns
        and not opens_quote(context, verb + 1)
        and plausible_content_before(context, clause_first)
        and not _name_and_apposition(context, clause_first)
        and not _adjunct_before_verb(context, clause_first, verb)
        and not _adverbial_or_coordinated_opening(context, clause_first)
    )


def _quotation_before(context: SentenceContext, clause_first: int) -> bool:
    """``“...,” Carson told the AP on Wednesday after hinting that ...``: a quotation right before the speaker is the content."""
    previous = clause_first - 1
    if previous >= 1 and context.tokens[previous].text == ",":
        previous -= 1
    return previous >= 0 and context.tokens[previous].text in CLOSING_QUOTES and context.quoted[previous]


def _adverbial_or_coordinated_opening(context: SentenceContext, clause_first: int) -> bool:
    """``Though most people ..., Zucker said X``, ``..., and Ms. Acosta said X``: the verb's content follows it.

    Why: what stands before the comma is an adverbial clause or another main clause, not what was said.
    """
    commas = sum(1 for index in range(clause_first) if context.tokens[index].text == ",")
    # "When the storm hit, the bridge closed, the mayor said": a main clause after the adverbial one is content.
    opens_adverbially = context.lower(0) in ENGLISH_CLAUSE_OPENERS and commas == 1
    coordinated = context.lower(clause_first) in ("and", "but")
    return opens_adverbially or coordinated


ENGLISH_CLAUSE_OPENERS = frozenset(
    "though although while when whenever because if after before since once unless until whereas as according".split()
)


def _adjunct_before_verb(context: SentenceContext, clause_first: int, verb: int) -> bool:
    """``Beck, who backed Cruz, on Friday declared ...``: only a time stands between the comma and the verb."""
    before = _english_subject_words(context, clause_first, verb)
    return bool(before) and context.lower(before[0]) not in ("and", "but") and _adjunct_only(context, before)


def _name_and_apposition(context: SentenceContext, clause_first: int) -> bool:
    """``Jane Smith, a former aide, said ...``: the words before the verb are its subject and an apposition.

    Why: two comma-separated pieces before *said* look like content before a postposed verb, but a
    short capitalised name followed by a piece opening with an article is the speaker described.
    """
    pieces: list[list[int]] = [[]]
    for index in range(clause_first - 1):
        if context.tokens[index].text == ",":
            pieces.append([])
        else:
            pieces[-1].append(index)
    if len(pieces) != 2 or not pieces[0] or not pieces[1]:
        return False
    name, apposition = pieces
    words = [context.tokens[i] for i in name if context.tokens[i].is_word]
    opener = context.lower(apposition[0])
    relative = opener in ("who", "whose") or opener.endswith(("ed", "ing"))
    names_someone = 0 < len(words) <= MAX_APPOSED_NAME_WORDS and all(
        word.capitalized or word.lower in NAME_PARTICLES for word in words
    )
    # "The lawmaker, who represents ..., said": a described person is a subject too, when a relative clause follows.
    described_person = (
        relative and 0 < len(words) <= MAX_APPOSED_NAME_WORDS + 1 and words[0].lower in ("the", "a", "an")
    )
    # "Tad Devine, Sanders' senior media adviser, said": a capitalised apposition that goes on in lower case.
    titled = context.tokens[apposition[0]].capitalized and any(
        context.tokens[i].is_word and not context.tokens[i].capitalized for i in apposition
    )
    # After a bare name any apposition describes it: "Michael Green, associate professor of history, said".
    described = (opener in APPOSITION_OPENERS or relative or titled or names_someone) and len(apposition) <= 30
    return (names_someone or described_person) and described


MAX_APPOSED_NAME_WORDS = 4
APPOSITION_OPENERS = frozenset("a an the his her its their who whose one another".split())


def _adjunct_tail(context: SentenceContext, verb: int, clause_last: int) -> bool:
    """``..., Hannity said during a panel on his show after the debate``: what runs on after the speaker is adjuncts.

    Why: a long remainder usually holds the content (*X said in a statement that ...*), but one that
    opens with a preposition soon after the verb and has no *that* only says when and where.
    """
    reach = range(verb + 1, min(clause_last, verb + LONG_POSTPOSED_REMAINDER) + 1)
    opener = next((i for i in reach if context.lower(i) in ENGLISH_ADJUNCT_OPENERS), None)
    if opener is None:
        return False
    return not any(context.lower(i) in context.lexicon.complementizers for i in range(verb + 1, clause_last + 1))


ENGLISH_ADJUNCT_OPENERS = frozenset("during at in on after before while when as from with for at".split())


def _inverted_after_quote(context: SentenceContext, verb: int, clause_first: int) -> bool:
    """``“...,” said one of two witnesses who ...``: the verb right after a quotation, its speaker after it."""
    if verb != clause_first or clause_first < 2:
        return False
    previous = context.tokens[clause_first - 1]
    if previous.text == "," and context.tokens[clause_first - 2].text in CLOSING_QUOTES:
        return True
    return previous.text in CLOSING_QUOTES and context.quoted[clause_first - 1]


def _english_postposed_frame(context: SentenceContext, verb: int, clause_first: int, before: list[int], cue):
    content = content_before(context, clause_first)
    speaker = None
    named_after = verb + 1 < len(context.tokens) and context.tokens[verb + 1].capitalized
    # "“...,” Butz, 49, told The Huffington Post": after *told* stands the addressee, the speaker is before it.
    if not before and (not named_after or context.lower(verb) in ENGLISH_VERBS_WITH_ADDRESSEE):
        appositive = speaker_after_quote(context, verb)
        if appositive is not None:
            quote_end, speaker = appositive
            content = content_before(context, quote_end + 1)
    if content is None:
        return None
    if speaker is None:
        speaker = (before[0], before[-1]) if before else phrase_right(context, verb + 1)
    if speaker is None:
        return None
    spans = [content]
    continuation = quote_after(context, max(speaker[1], verb) + 1)
    if continuation is not None:
        spans.append(continuation)
    used = set(range(min(speaker[0], verb), max(speaker[1], verb) + 1))
    return make_frame(context, cue, spans, [speaker], "indirect"), used


def _skip_adjuncts(context: SentenceContext, index: int) -> int | None:
    """``said Monday in an interview that ...``: content starts after time and place; None if only they follow."""
    word = context.lower(index)
    if word not in ENGLISH_TIME_WORDS and word not in ENGLISH_ADJUNCT_PREPOSITIONS:
        return index
    for position in range(index, min(len(context.tokens), index + ADJUNCT_REACH)):
        token = context.tokens[position]
        if token.lower == "that":
            return position
        if token.text in ",:" or token.text in OPENING_QUOTES:
            return skip_connectors(context, position)
    return None


def separable_particle(context: SentenceContext, verb: int, clause_last: int) -> int | None:
    particles = context.lexicon.particles.get(context.lower(verb))
    if not particles:
        return None
    if context.lower(verb - 1) in particles:
        # Verb-last clauses put the particle first: "wie der Verband bekannt gab".
        return verb - 1
    for index in range(verb + 1, clause_last + 1):
        if context.lower(index) in particles:
            return index
    if context.lower(clause_last + 1) == ",":
        # "gab der Leiter der Polizei, Hans Meier, bekannt, dass ...": the particle after an apposition.
        reach = range(clause_last + 2, min(len(context.tokens), clause_last + 2 + APPOSITION_REACH))
        closing = next((index for index in reach if context.lower(index) == ","), None)
        if closing is not None and context.lower(closing + 1) in particles:
            return closing + 1
    return None


def platform_after(context: SentenceContext, index: int) -> tuple[int, tuple[int, int]] | None:
    """*auf X*, *auf Twitter* after a source: (the preposition, the platform's tokens)."""
    while context.lower(index) == ",":
        index += 1
    if context.lower(index) != "auf":
        return None
    platform = phrase_right(context, index + 1)
    if platform is None or platform[1] - platform[0] > 2:
        return None
    return index, platform


def is_content_clause(context: SentenceContext, before: list[int]) -> bool:
    """A clause before the verb that is itself reported content (``Er sei krank, sagte``)."""
    return any(context.lower(i) in context.lexicon.reported_speech_verbs for i in before)
