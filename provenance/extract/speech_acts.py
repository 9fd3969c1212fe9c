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
from provenance.extract.verbs import field_before_verb, subject_before_verb

# The verb and the preposition that opens its nominal object.
NOMINAL_OBJECT_VERBS = {
    **dict.fromkeys("spricht sprach sprechen sprachen".split(), frozenset({"von", "vom"})),
    **dict.fromkeys("berichtet berichtete berichten berichteten".split(), frozenset({"von", "vom"})),
    **dict.fromkeys("warnt warnte warnen warnten".split(), frozenset({"vor"})),
    **dict.fromkeys("verwies verweist verweisen verwiesen".split(), frozenset({"auf"})),
    **dict.fromkeys("nannte nannten nennt bezeichnete bezeichnet bezeichneten".split(), None),
    **dict.fromkeys("fordert forderte fordern forderten".split(), None),
    **dict.fromkeys("rechnet rechnete rechnen rechneten".split(), frozenset({"mit"})),
}
# Particles that make the verb another one with a clausal object (*fordert ... auf, ...*).
SEPARABLE_PARTICLES = frozenset({"auf"})
# "fordert von X": the party the demand is put to follows the verb.
ADDRESSEE_PREPOSITIONS = frozenset({"von", "vom"})
# How far after the verb its object may begin (*sprach die Nachrichtenagentur Reuters von ...*).
OBJECT_REACH = 8
# Words that show the object is a clause or a quotation after all: then the verb frame takes it.
CLAUSAL_MARKERS = frozenset({"dass", "ob", ":", "sich"})


def match_nominal_speech_act(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*X sprach/berichtete von Y*, *X warnte vor Y*: the clause to the end of the sentence is X's claim, without cue."""
    word = context.lower(index)
    if context.lexicon.language != "de" or word not in NOMINAL_OBJECT_VERBS:
        return None
    prepositions = NOMINAL_OBJECT_VERBS[word]
    tokens = context.tokens
    clause_first = clause_start(context, index)
    clause_last = clause_end(context, index)
    following = [context.lower(i) for i in range(index + 1, min(clause_last + 1, index + 1 + OBJECT_REACH))]
    if prepositions is not None and not any(word in prepositions for word in following):
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
    if any(token.text in OPENING_QUOTES for token in tokens) or context.quoted[index]:
        return None
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
    subject = subject_before_verb(context, before, verb)
    if subject is not None:
        return subject
    opener = context.tokens[verb + 1] if verb + 1 < len(context.tokens) else None
    if opener is not None and opener.lower in (NOMINAL_OBJECT_VERBS[context.lower(verb)] or ()):
        return None
    if opener is None or not (opener.capitalized or opener.lower in context.lexicon.determiners):
        return None
    phrase = phrase_right(context, verb + 1)
    if phrase is None:
        return None
    # "der Sender Radio Nord von langen Staus": the object's preposition ends the subject.
    prepositions = NOMINAL_OBJECT_VERBS[context.lower(verb)] or frozenset()
    last = next((i - 1 for i in range(phrase[0] + 1, phrase[1] + 1) if context.lower(i) in prepositions), phrase[1])
    return (phrase[0], last)
