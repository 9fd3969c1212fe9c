"""German quotations after a colon with no verb of saying: *BKA-Präsident Ziercke: „...“*.

A speaker named before a colon, or the subject of a clause that ends in a colon, owns the quotation
that follows. Annotators give such a quotation no cue, so the frame has none either.
"""

from __future__ import annotations

from provenance.extract.content import content_after
from provenance.extract.phrases import phrase_right
from provenance.extract.segmentation import OPENING_QUOTES
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, Frame, Mention, SentenceContext
from provenance.extract.verbs import GERMAN_FRONTED_ADVERBS, appositive_subject


def match_colon_quotation(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Name, Rolle: „...“* or *Name sieht X: „...“*: the sentence's opening noun phrase said the quotation."""
    if context.lexicon.language != "de" or context.lower(index) != ":" or index == 0:
        return None
    if index + 1 >= len(context.tokens) or context.tokens[index + 1].text not in OPENING_QUOTES:
        return None
    if context.lower(0) in GERMAN_FRONTED_ADVERBS:
        return _inverted_colon_quotation(context, index)
    if context.lower(0) in CONJUNCTIONS:
        # "Denn: „…“", "Und: „…“": a connective, not a speaker.
        return None
    cue = []
    if context.lower(index - 1) == "wörtlich" and index > 1:
        # "Koppelin wörtlich: „…“": the adverb marks the quotation as the speaker's words.
        cue = [context.span(index - 1, index - 1)]
        speaker = phrase_right(context, 0)
        speaker = (speaker[0], min(speaker[1], index - 2)) if speaker is not None else None
    else:
        speaker = phrase_right(context, 0)
    if speaker is None or not context.tokens[0].capitalized:
        return None
    if not cue and speaker[1] != index - 1 and not _subject_of_clause(context, speaker, index):
        speaker = _speaker_with_apposition(context, index)
        if speaker is None:
            return None
    content = content_after(context, index + 1)
    if content is None:
        return None
    frame = Frame(cue=cue, content=[content], sources=[Mention(*context.span(*speaker))], mode="direct")
    return frame, set(range(index + 1))


def _subject_of_clause(context: SentenceContext, speaker: tuple[int, int], colon: int) -> bool:
    """*Pinheiro sieht die Verantwortung beim Staat: „...“*: the phrase is followed by the finite verb of its clause."""
    lexicon = context.lexicon
    verb = speaker[1] + 1
    if verb >= colon:
        return False
    token = context.tokens[verb]
    clause = range(verb, colon)
    if any(context.lower(i) in lexicon.cue_verbs or context.lower(i) in lexicon.particles for i in clause):
        return False
    if any(context.tokens[i].text in CLAUSE_PUNCTUATION or context.quoted[i] for i in clause):
        return False
    return token.is_word and not token.capitalized and token.lower not in lexicon.phrase_stops


def _speaker_with_apposition(context: SentenceContext, colon: int) -> tuple[int, int] | None:
    """*Name, Rolle: „…“* or *Name, Rolle, sieht X: „…“*: a speaker whose apposition ends at a comma.

    Why: the opening noun phrase stops at the comma, so neither the speaker-then-colon nor the
    subject-then-verb reading found these; the apposition or relative clause belongs to the speaker.
    """
    commas = [i for i in range(colon) if context.tokens[i].text == "," and not context.quoted[i]]
    if not commas:
        return None
    last_comma = commas[-1]
    if len(commas) == 1:
        name = phrase_right(context, 0)
        role = phrase_right(context, last_comma + 1)
        if name is None or name[1] != last_comma - 1 or role is None or role[1] != colon - 1:
            return None
        if (
            not context.tokens[last_comma + 1].capitalized
            and context.lower(last_comma + 1) not in context.lexicon.determiners
        ):
            return None
        return (0, colon - 1)
    subject = appositive_subject(context, last_comma + 1)
    if subject is None or not _subject_of_clause(context, (subject[0], last_comma), colon):
        return None
    return subject


# Connectives that may stand alone before a colon: no speaker.
CONJUNCTIONS = frozenset("denn und aber doch also oder sondern".split())
# Prepositions that open a fronted adverbial (*In der ARD*, *Im Kongress*) before the finite verb.
FRONTED_PREPOSITIONS = frozenset("in im am an auf bei beim vor nach mit über seit während für aus zum zur vom".split())
# Separable particles that close the clause of a verb of attitude right before the colon (*griff X an:*).
CLOSING_PARTICLES = frozenset("an aus ab zu vor ein fest hin dar".split())


def _inverted_colon_quotation(context: SentenceContext, colon: int) -> tuple[Frame, set[int]] | None:
    """*Hier sparte der Präsident nicht mit Kritik: „…“*: a fronted adverbial, the verb, its subject, a quotation.

    Why: the subject stands after the finite verb, so the opening noun phrase is not the speaker; the
    finite verb (with a closing particle) is the cue annotators mark for these.
    """
    verb = 1
    if context.lower(0) in FRONTED_PREPOSITIONS:
        fronted = phrase_right(context, 1)
        if fronted is None:
            return None
        verb = fronted[1] + 1
    if verb >= colon - 1 or any(context.tokens[i].text in CLAUSE_PUNCTUATION for i in range(colon)):
        return None
    token = context.tokens[verb]
    lexicon = context.lexicon
    if (
        not token.is_word
        or token.capitalized
        or token.lower in lexicon.determiners
        or token.lower in lexicon.phrase_stops
    ):
        return None
    if any(context.lower(i) in lexicon.cue_verbs or context.lower(i) in lexicon.particles for i in range(verb, colon)):
        return None
    after = verb + 2 if context.lower(verb + 1) == "sich" else verb + 1
    opener = context.tokens[after] if after < colon else None
    if opener is None or not (
        opener.capitalized or opener.lower in lexicon.determiners or opener.lower in lexicon.pronouns
    ):
        return None
    speaker = phrase_right(context, after)
    if speaker is None or speaker[1] >= colon:
        return None
    content = content_after(context, colon + 1)
    if content is None:
        return None
    cue_indexes = [verb]
    if context.lower(colon - 1) in CLOSING_PARTICLES and colon - 1 > speaker[1]:
        cue_indexes.append(colon - 1)
    cue = [context.span(i, i) for i in cue_indexes]
    frame = Frame(cue=cue, content=[content], sources=[Mention(*context.span(*speaker))], mode="direct")
    return frame, set(range(colon + 1))
