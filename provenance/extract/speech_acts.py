"""German speech acts with a nominal object: *X sprach von 50.000 Menschen*, *Die Behörden warnen vor Y*,
*Die Polizei rechnet mit weiteren Protesten*.

Such a sentence reports what X said without quoting or paraphrasing it. Annotators mark the whole
clause, subject and verb included, as the claim of X and give it no cue ("Reported"), so the
matcher claims the clause from its start to the end of the sentence, with X as the source.
"""

from __future__ import annotations

from provenance.extract.phrases import phrase_right
from provenance.extract.segmentation import OPENING_QUOTES
from provenance.extract.sentence_context import Frame, Mention, SentenceContext, clause_end, clause_start
from provenance.extract.verbs import (
    ACCUSATIVE_DETERMINERS,
    appositive_subject,
    field_before_verb,
    reported_clause_follows,
    subject_before_verb,
)

# Verbs of judging whose object is judged *als* or *für* something (*Der Verband kritisierte den
# Beschluss als voreilig*, *Sie hält den Plan für richtig*): the judgement may stand anywhere in the clause.
PREDICATIVE_VERBS = {
    **dict.fromkeys("kritisiert kritisierte kritisieren kritisierten".split(), frozenset({"als"})),
    **dict.fromkeys(
        "wertet wertete werten werteten bewertet bewertete bewerten bewerteten".split(), frozenset({"als"})
    ),
    **dict.fromkeys("betrachtet betrachtete betrachten betrachteten".split(), frozenset({"als"})),
    **dict.fromkeys("empfindet empfand empfinden empfanden".split(), frozenset({"als"})),
    **dict.fromkeys("hält hielt halten hielten".split(), frozenset({"für"})),
}
# The verb and the preposition that opens its nominal object.
CONFIRMING_VERBS = frozenset(
    "bestätigt bestätigte bestätigen bestätigten bestreitet bestritt bestreiten bestritten dementiert dementierte "
    "dementieren dementierten".split()
)
PASSIVE_AUXILIARIES = frozenset("wird wurde werden wurden worden".split())
NOMINAL_OBJECT_VERBS = {
    **dict.fromkeys("spricht sprach sprechen sprachen".split(), frozenset({"von", "vom"})),
    **dict.fromkeys("berichtet berichtete berichten berichteten".split(), frozenset({"von", "vom"})),
    **dict.fromkeys("warnt warnte warnen warnten".split(), frozenset({"vor"})),
    **dict.fromkeys("verwies verweist verweisen verwiesen".split(), frozenset({"auf"})),
    **dict.fromkeys("nannte nannten nennt bezeichnete bezeichnet bezeichneten".split(), None),
    **dict.fromkeys("fordert forderte fordern forderten".split(), None),
    # Confirming and denying something named: *WAFA bestätigte das Gespräch*, *X bestritt die Existenz …*.
    **dict.fromkeys(CONFIRMING_VERBS, None),
    **dict.fromkeys(
        "begrüßt begrüßte begrüßen begrüßten lobt lobte loben lobten plädiert plädierte plädieren plädierten".split(),
        None,
    ),
    **dict.fromkeys("schätzt schätzte schätzen schätzten beziffert bezifferte beziffern bezifferten".split(), None),
    **dict.fromkeys("rechnet rechnete rechnen rechneten".split(), frozenset({"mit"})),
    **PREDICATIVE_VERBS,
}
# Separable verbs of saying with a nominal object, and the particle that closes their clause
# (*Die Behörden werfen dem Mann Betrug vor*, *Beobachter gehen von einer Eskalation aus*).
PARTICLE_OBJECT_VERBS = {
    **dict.fromkeys("wirft warf werfen warfen".split(), "vor"),
    **dict.fromkeys("kündigt kündigte kündigen kündigten".split(), "an"),
    **dict.fromkeys("geht ging gehen gingen".split(), "aus"),
    **dict.fromkeys("schlägt schlug schlagen schlugen".split(), "vor"),
}
# Particles that make the verb another one with a clausal object (*fordert ... auf, ...*).
SEPARABLE_PARTICLES = frozenset({"auf"})
# Particles that make *sprechen* another verb (*freisprechen*, *ansprechen*, *absprechen*, *zusprechen*).
SPEAKING_PARTICLES = frozenset("frei an ab zu".split())
# "fordert von X": the party the demand is put to follows the verb.
ADDRESSEE_PREPOSITIONS = frozenset({"von", "vom"})
# How far after the verb its object may begin (*sprach die Nachrichtenagentur Reuters von ...*).
OBJECT_REACH = 12
# Pronouns right after the verb that are its subject, whatever stands before it.
SUBJECT_PRONOUNS = frozenset("er sie wir ich".split())
# Objects of *fordern* that make it a death toll (*forderte 92 Todesopfer*).
CASUALTY_NOUNS = frozenset("menschenleben todesopfer opfer tote toten leben verletzte verletzten".split())
# Heads of a fronted object of *schätzen/beziffern*: the speaker then follows the verb.
QUANTITY_NOUNS = frozenset("zahl anzahl höhe schaden schäden kosten summe wert umfang menge".split())
# Words that show the object is a clause or a quotation after all: then the verb frame takes it.
CLAUSAL_MARKERS = frozenset({"dass", "ob", ":", "sich"})


def match_nominal_speech_act(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*X sprach/berichtete von Y*, *X warnte vor Y*: the clause to the end of the sentence is X's claim, without cue."""
    word = context.lower(index)
    if context.lexicon.language != "de" or (word not in NOMINAL_OBJECT_VERBS and word not in PARTICLE_OBJECT_VERBS):
        return None
    tokens = context.tokens
    clause_first = clause_start(context, index)
    clause_last = clause_end(context, index)
    if word in PARTICLE_OBJECT_VERBS:
        return _particle_speech_act(context, index, clause_first, clause_last)
    if word in CONFIRMING_VERBS and not word.startswith(DENYING_STEMS) and context.lower(0) in BACK_REFERENCES:
        confirmed = _confirming_the_sentence_before(context, index)
        if confirmed is not None:
            return confirmed
    prepositions = NOMINAL_OBJECT_VERBS[word]
    reach = clause_last + 1 if word in PREDICATIVE_VERBS else min(clause_last + 1, index + 1 + OBJECT_REACH)
    following = [context.lower(i) for i in range(index + 1, reach)]
    if prepositions is not None and not any(word in prepositions for word in following):
        return None
    if word.startswith("spr") and context.lower(clause_last) in SPEAKING_PARTICLES:
        # "Ein Gericht sprach ihn von den Vorwürfen frei": acquitting, not speaking of something.
        return None
    if context.lower(index + 1) == "," or context.lower(clause_last) in SEPARABLE_PARTICLES:
        # "fordert, die Firma haftbar zu machen", "forderte die SPD auf, ...": a clause is the object.
        return None
    if prepositions is None and context.lower(index + 1) in ADDRESSEE_PREPOSITIONS:
        # "Russland fordert von der Ukraine ...": a demand put to a party in talks, not a report.
        return None
    rest = [token.lower for token in tokens[index + 1 :]]
    if any(word in CLAUSAL_MARKERS or word in context.lexicon.reported_speech_verbs for word in rest):
        return None
    if any(word in ("laut", "zufolge") for word in rest):
        # "Die Partei hält den Weg laut X für begehbar": the named source's frame takes the clause.
        return None
    if word.startswith("forder") and any(word in CASUALTY_NOUNS for word in [context.lower(index - 1), *rest]):
        # "Der Sturm forderte 92 Menschenleben": a toll, not a demand.
        return None
    if context.lower(index + 1) == "man":
        # "Rosinenbomber nannte man Flugzeuge, …": a name given by nobody in particular.
        return None
    if word in CONFIRMING_VERBS and any(context.lower(i) in PASSIVE_AUXILIARIES for i in range(clause_first, clause_last + 1)):
        # "Die Bodenoffensive wurde von einer Sprecherin bestätigt": in the passive the subject is what was confirmed.
        return None
    if any(token.text in OPENING_QUOTES for token in tokens) or context.quoted[index]:
        return None
    subject = _apposed_subject(context, clause_first, index)
    if subject is not None:
        clause_first = 0
        if _fronted_quantity(context, subject, index):
            # "Die Zahl der Menschen, die …, bezifferte die Regierung auf …": the speaker follows the verb.
            subject = _subject_after_verb(context, index)
    else:
        subject = _subject(context, clause_first, index)
    if subject is None:
        return None
    last = len(tokens) - 1
    content = (tokens[clause_first].start, tokens[last].end)
    frame = Frame(cue=[], content=[content], sources=[Mention(*context.span(*subject))], mode="reported")
    return frame, set(range(clause_first, last + 1))


def _subject(context: SentenceContext, clause_first: int, verb: int) -> tuple[int, int] | None:
    """The subject before the verb, or right after it in inversion (*sprach die Agentur Reuters von ...*)."""
    before = field_before_verb(context, clause_first, verb)
    opener = context.tokens[verb + 1] if verb + 1 < len(context.tokens) else None
    if before and opener is not None and opener.lower in SUBJECT_PRONOUNS:
        # "Die Tat bezeichnete er als sinnlos": the fronted phrase is the object, the pronoun the subject.
        return (verb + 1, verb + 1)
    subject = subject_before_verb(context, before, verb)
    if subject is not None and _fronted_quantity(context, subject, verb):
        # "Die Zahl der Toten bezifferte die Regierung auf 22": the fronted quantity is the object.
        subject = None
    if subject is not None and context.lower(subject[0]) not in ACCUSATIVE_DETERMINERS:
        return subject
    return _subject_after_verb(context, verb)


def _subject_after_verb(context: SentenceContext, verb: int) -> tuple[int, int] | None:
    """The subject right after the verb (*sprach die Agentur Reuters von ...*), up to the object's preposition."""
    opener = context.tokens[verb + 1] if verb + 1 < len(context.tokens) else None
    if opener is not None and opener.lower in (NOMINAL_OBJECT_VERBS.get(context.lower(verb)) or ()):
        return None
    if opener is None or not (opener.capitalized or opener.lower in context.lexicon.determiners):
        return None
    phrase = phrase_right(context, verb + 1)
    if phrase is None:
        return None
    # "der Sender Radio Nord von langen Staus": the object's preposition ends the subject.
    prepositions = NOMINAL_OBJECT_VERBS.get(context.lower(verb)) or frozenset()
    last = next((i - 1 for i in range(phrase[0] + 1, phrase[1] + 1) if context.lower(i) in prepositions), phrase[1])
    return (phrase[0], last)


def _fronted_quantity(context: SentenceContext, subject: tuple[int, int], verb: int) -> bool:
    """Whether the phrase before *schätzt/beziffert* is the quantity estimated (*Die Zahl der Opfer*), not the speaker."""
    if not context.lower(verb).startswith(("schätz", "beziffer")):
        return False
    head = next(
        (i for i in range(subject[0], subject[1] + 1) if context.tokens[i].capitalized and i > subject[0]), None
    )
    if head is None or context.lower(subject[0]) not in ("die", "der", "den", "das", "eine", "einen", "ein"):
        return False
    return context.lower(head) in QUANTITY_NOUNS


def _apposed_subject(context: SentenceContext, clause_first: int, verb: int) -> tuple[int, int] | None:
    """*Anna Weber, Sprecherin des Vereins, bezeichnete X als Y*: a name and its apposition before the verb's clause.

    Why: the verb's clause starts after the apposition's comma, so the phrase after the verb (the
    object) was taken for the speaker and the claim left the speaker out.
    """
    if clause_first < 2 or context.tokens[clause_first - 1].text != "," or verb != clause_first:
        return None
    return appositive_subject(context, clause_first)


def _particle_speech_act(context: SentenceContext, verb: int, clause_first: int, clause_last: int):
    """*Die Behörden werfen dem Mann Betrug vor.*, *Der Konzern kündigte den Bau an.*: a separable verb of saying
    whose clause ends in its particle and holds no clause of its own, so the whole sentence is the claim.

    Why: annotators mark these as the subject's "Reported" claims without cue; the verb frame needs a
    clause or quotation after the particle and found nothing here.
    """
    tokens = context.tokens
    particle = PARTICLE_OBJECT_VERBS[context.lower(verb)]
    if context.lower(clause_last) != particle or clause_last <= verb + 1:
        return None
    if particle == "aus" and "von" not in (context.lower(i) for i in range(verb + 1, clause_last)):
        return None
    if any(tokens[i].text in (",", ";", ":") for i in range(clause_last + 1, len(tokens))):
        return None
    after = [context.lower(i) for i in range(clause_last + 1, len(tokens)) if tokens[i].is_word]
    if after:
        return None
    if any(token.text in OPENING_QUOTES for token in tokens) or context.quoted[verb]:
        return None
    if any(context.lower(i) in CLAUSAL_MARKERS | {"nicht", "kein", "keine"} for i in range(verb + 1, clause_last)):
        return None
    subject = _apposed_subject(context, clause_first, verb)
    if subject is not None:
        clause_first = 0
    elif clause_first == 0:
        # "…, kündigte die Regierung an.": a clause after a comma is not the sentence's claim.
        subject = _subject(context, clause_first, verb)
    if subject is None:
        return None
    content = (tokens[clause_first].start, tokens[len(tokens) - 1].end)
    frame = Frame(cue=[], content=[content], sources=[Mention(*context.span(*subject))], mode="reported")
    return frame, set(range(clause_first, len(tokens)))


# A denial of the sentence before leaves that sentence its own source's claim.
DENYING_STEMS = ("bestr", "dement")
# "Dies bestätigte die Polizei": the pronoun stands for what the sentence before said.
BACK_REFERENCES = frozenset("dies das".split())


def _confirming_the_sentence_before(context: SentenceContext, verb: int):
    """*Dies bestätigte die Polizei.*, *Dies wurde von der Polizei bestätigt.*: X confirmed the sentence before.

    The frame's content is *Dies*; the extractor puts the sentence before in its place.
    """
    tokens = context.tokens
    if any(token.text in (";", ":") for token in tokens) or context.quoted[verb] or reported_clause_follows(tokens, verb):
        return None
    if verb == 1:
        subject = _subject_after_verb(context, verb)
        cue = [context.span(verb, verb)]
    elif context.lower(1) in PASSIVE_AUXILIARIES and context.lower(2) in ("von", "vom"):
        # "Dies wurde von der Erzdiözese bestätigt": the agent after *von* confirmed it.
        subject = phrase_right(context, 3)
        cue = [context.span(1, 1), context.span(verb, verb)]
        if subject is None or subject[1] >= verb:
            return None
    else:
        return None
    if subject is None:
        return None
    frame = Frame(cue=cue, content=[context.span(0, 0)], sources=[Mention(*context.span(*subject))], mode="indirect")
    frame.content_in_previous_sentence = True
    # The rest of the sentence stays free: "…, wie der Sender X laut Y berichtete" nests this frame.
    return frame, set(range(0, max(verb, subject[1]) + 1))
