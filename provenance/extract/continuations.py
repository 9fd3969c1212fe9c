"""Continuations: sentences with no cue of their own that go on with the report before them.

German free indirect speech marks itself with Konjunktiv I (*Eine Fortsetzung sei nicht geplant.*),
English with backshifted modals (*It would also cost billions.*) or a sentence that is one quotation.
Such a sentence takes over the whole chain of the claim before it, relays included (chains-dev
guidelines: "A Konjunktiv sentence with no cue … takes over the preceding claim's whole chain").
The reader in :mod:`~provenance.extract.extractor` decides when to ask; this module says whether a
sentence continues and builds its claims.
"""

from __future__ import annotations

from provenance.extract.lexicon import Lexicon
from provenance.extract.reportatives import hedged_by_words
from provenance.extract.reported_speech import (
    MORE_RUN_ON_MARKERS,
    REPORTATIVE_MODALS,
    RUN_ON_MARKERS,
    SUBORDINATORS,
    content_sentence_span,
    inner_quotations,
    is_quotation,
)
from provenance.extract.segmentation import CLOSING_QUOTES, OPENING_QUOTES, Sentence, Token
from provenance.model.core import Claim, Cue, Hop

OUTLET_KINDS = ("news-agency", "media-outlet", "anonymous-media")


def continues(chain: tuple[Hop, ...], sentence: Sentence, language: str) -> bool:
    """Whether a cue-less sentence may go on with ``chain``.

    German Konjunktiv and English backshifted sentences (*It would also cost billions.*) always
    may. An English sentence that is one quotation only through a relay: after ``"…," X told the
    newspaper.`` it is X's through the newspaper (chains-dev marks it as a claim of its own), but
    PolNeAR marks the quotation after ``"…," X said.`` as part of the first one, and there a claim
    of its own cost joint F1 0.630 -> 0.601 on the dev split.
    """
    if language == "de" or sentence.tokens[0].text not in OPENING_QUOTES:
        return True
    return len(chain) > 1 and chain[-1].source.kind in OUTLET_KINDS


def is_run_on_report(sentence: Sentence, lexicon: Lexicon) -> bool:
    """A sentence that goes on reporting without a cue: a quotation; in German also Konjunktiv I or *sollen*.

    English has no Konjunktiv: a sentence that is one quotation, or one that opens with a subject
    pronoun and a backshifting modal (*It would also cost billions.*), continues the report before it.
    """
    tokens = sentence.tokens
    if tokens[0].text in OPENING_QUOTES and any(token.text in CLOSING_QUOTES for token in tokens[-3:]):
        return True
    if lexicon.language != "de":
        return _backshifted(tokens)
    if any(token.lower in RUN_ON_MARKERS for token in tokens) or _more_konjunktiv(tokens):
        return True
    if _konjunktiv_two_in_first_clause(tokens):
        return True
    return any(token.lower in REPORTATIVE_MODALS for token in tokens) and not _planned_passive(tokens)


# Konjunktiv-II forms that differ from the indicative, which reported speech uses where Konjunktiv I would
# look like it (*Außerdem lägen Quittungen vor*, *Dazu käme ein Dutzend Bände*) right after a report.
KONJUNKTIV_TWO = frozenset(
    "käme kämen läge lägen gäbe gäben ginge gingen stünde stünden fände fänden wüsste wüssten hieße".split()
)
# English modals of backshifted speech: "He told the paper he would resign. It would cost billions."
BACKSHIFT_MODALS = frozenset("would could might".split())
ENGLISH_SUBJECT_PRONOUNS = frozenset("he she it they".split())


def _backshifted(tokens: list[Token]) -> bool:
    """An English sentence that opens with a subject pronoun and a backshifting modal (*It would also cost billions*).

    Only the pronoun and the modal at the head of the main clause: *would* later in a sentence of
    the writer's own (*Critics say it would …*) is no continuation.
    """
    words = [token.lower for token in tokens if token.is_word]
    return len(words) > 3 and words[0] in ENGLISH_SUBJECT_PRONOUNS and any(word in BACKSHIFT_MODALS for word in words[1:3])


def main_clause_konjunktiv(sentence: Sentence, lexicon: Lexicon) -> bool:
    """A German sentence whose first clause has its finite verb in Konjunktiv (*Bisher habe man …*, *Auch seien …*).

    Not a quotation, not a sentence that opens with a subordinate clause, and not in the first person
    (*Ich würde …*).
    """
    if lexicon.language != "de":
        return False
    tokens = sentence.tokens
    if tokens[0].text in OPENING_QUOTES or tokens[0].lower in SUBORDINATORS:
        return False
    for index, token in enumerate(tokens):
        if token.text in (",", ";", ":") or token.lower in ("ich", "wir"):
            return False
        if token.lower in RUN_ON_MARKERS or token.lower in MORE_RUN_ON_MARKERS and token.text[0].islower():
            return not any(tokens[i].lower in ("ich", "wir") for i in range(index + 1, min(index + 2, len(tokens))))
    return False


def _more_konjunktiv(tokens: list[Token]) -> bool:
    """A rarer Konjunktiv-I form written in lower case (*Folge*, *Laufe* are nouns) and not after *ich* (*ich fühle*)."""
    for index, token in enumerate(tokens):
        if token.lower in MORE_RUN_ON_MARKERS and token.text[0].islower():
            neighbours = {tokens[i].lower for i in (index - 1, index + 1) if 0 <= i < len(tokens)}
            if "ich" not in neighbours:
                return True
    return False


def _konjunktiv_two_in_first_clause(tokens: list[Token]) -> bool:
    """*Dazu käme ein Dutzend Bände*: a Konjunktiv-II form in the sentence's first clause, not after *ich*/*wir*."""
    for index, token in enumerate(tokens):
        if token.text in (",", ";", ":") or token.lower in ("ich", "wir"):
            return False
        if token.lower in KONJUNKTIV_TWO and token.text[0].islower():
            return index + 1 >= len(tokens) or tokens[index + 1].lower not in ("ich", "wir")
    return False


def _planned_passive(tokens: list[Token]) -> bool:
    """``Mit dem Flug soll der Satellit transportiert werden``: *sollen* with a passive states a plan, not a report."""
    words = [token for token in tokens if token.is_word]
    return bool(words) and words[-1].lower == "werden"


def quotations_of_run_on(text: str, claims: list[Claim], cue: Cue | None, lexicon: Lexicon) -> list[Claim]:
    """Quotations inside run-on reported speech (``Es drohe „eine Erwärmung“``): direct claims under the opening cue."""
    if lexicon.language != "de" or not claims:
        return []
    chain = claims[0].chain
    spans = [span for claim in claims for span in claim.spans]
    return [
        Claim(
            text=text[start:end],
            spans=((start, end),),
            chain=chain,
            cue=cue,
            mode="direct",
            hedged=False,
        )
        for start, end in inner_quotations(text, spans)
    ]


def run_on_claims(
    text: str, sentence: Sentence, chain: tuple[Hop, ...], lexicon: Lexicon, opening_cue: Cue | None
) -> list[Claim]:
    """The claim of a sentence that goes on reporting; a quotation that continues one keeps the opening cue.

    The sentence is one claim, not one per Konjunktiv-I clause: annotators mark free indirect
    speech sentence by sentence (train: fewer claims for the same matches, joint F1 0.612 -> 0.614).
    """
    span = content_sentence_span(sentence)
    if span is None:
        return []
    mode = "direct" if is_quotation(text, span) else "indirect"
    cue = opening_cue if mode == "direct" else None
    if mode == "indirect":
        # Annotators mark free indirect speech with its full stop; a quotation ends at its closing mark.
        span = (span[0], sentence.tokens[-1].end)
    start, end = span
    return [
        Claim(
            text=text[start:end],
            spans=(span,),
            chain=chain,
            cue=cue,
            mode=mode,
            hedged=hedged_by_words(text, [span], [], lexicon),
        )
    ]


def continued(text: str, claim: Claim, continuation: Claim) -> Claim:
    """The free indirect speech of the sentence before, stretched over the next sentence that goes on with it.

    Why: annotators mark a run of free indirect speech sentences as one claim more often than as
    one claim each (train: 100 fewer claims, the same matches; joint F1 0.614 -> 0.621).
    """
    start, end = claim.spans[0][0], continuation.spans[-1][1]
    claim.spans = ((start, end),)
    claim.text = text[start:end]
    claim.hedged = claim.hedged or continuation.hedged
    return claim
