"""German quotations after a colon with no verb of saying: *BKA-Präsident Ziercke: „...“*.

A speaker named before a colon, or the subject of a clause that ends in a colon, owns the quotation
that follows. Annotators give such a quotation no cue, so the frame has none either.
"""

from __future__ import annotations

from provenance.extract.content import content_after
from provenance.extract.phrases import phrase_right
from provenance.extract.segmentation import OPENING_QUOTES
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, Frame, Mention, SentenceContext
from provenance.extract.verbs import GERMAN_FRONTED_ADVERBS


def match_colon_quotation(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Name, Rolle: „...“* or *Name sieht X: „...“*: the sentence's opening noun phrase said the quotation."""
    if context.lexicon.language != "de" or context.lower(index) != ":" or index == 0:
        return None
    if index + 1 >= len(context.tokens) or context.tokens[index + 1].text not in OPENING_QUOTES:
        return None
    speaker = phrase_right(context, 0)
    if speaker is None or not context.tokens[0].capitalized or context.lower(0) in GERMAN_FRONTED_ADVERBS:
        return None
    if speaker[1] != index - 1 and not _subject_of_clause(context, speaker, index):
        return None
    content = content_after(context, index + 1)
    if content is None:
        return None
    frame = Frame(cue=[], content=[content], sources=[Mention(*context.span(*speaker))], mode="direct")
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
