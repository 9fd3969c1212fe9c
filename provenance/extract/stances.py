"""German sentences in which someone takes a stance without reporting words of their own
(*Der Minister wies den Vorwurf zurück.*, *Larson gab sich optimistisch.*): they make no claim,
but the Konjunktiv-I sentences after them are that speaker's free indirect speech.
"""

from __future__ import annotations

from provenance.extract.lexicon import Lexicon
from provenance.extract.segmentation import Sentence
from provenance.extract.sentence_context import SentenceContext, quotation_mask
from provenance.extract.verbs import field_before_verb, subject_before_verb

Span = tuple[int, int]

# Finite verbs of taking a stance: what follows in Konjunktiv I is the stance taker's reasoning.
STANCE_VERBS = frozenset(
    "äußerte äußerten äußert äußern wies wiesen weist weisen streitet stritt streiten stritten bestreitet bestritt "
    "bestreiten bestritten zeigte zeigten zeigt zeigen gab gaben gibt geben sieht sah sehen sahen kritisierte "
    "kritisierten kritisiert kritisieren lehnte lehnten lehnt lehnen verteidigte verteidigten verteidigt verteidigen "
    "reagierte reagierten reagiert reagieren widersprach widersprachen widerspricht widersprechen verwies verwiesen "
    "verweist verweisen begründete begründeten begründet begründen hält hielt halten hielten bekräftigte "
    "bekräftigten bekräftigt dementierte dementierten dementiert warnte warnten warnt warnen".split()
)
# Words that must stand in the sentence for the verb to take a stance (*gab sich*, *zeigte sich*, *wies zurück*).
STANCE_COMPANIONS = {
    **dict.fromkeys("wies wiesen weist weisen".split(), frozenset({"zurück", "hin"})),
    **dict.fromkeys("zeigte zeigten zeigt zeigen gab gaben gibt geben".split(), frozenset({"sich"})),
    **dict.fromkeys("lehnte lehnten lehnt lehnen".split(), frozenset({"ab"})),
    **dict.fromkeys("streitet stritt streiten stritten".split(), frozenset({"ab"})),
}
# Verbs whose subject speaks for itself in a sentence that otherwise goes on reporting.
OWN_SPEAKER_VERBS = frozenset(
    "erwartet erwarten erwartete erwarteten fordert fordern forderte forderten befürchtet befürchten befürchtete "
    "befürchteten beabsichtigt beabsichtigte beabsichtigen beabsichtigten wandte wandten".split()
)
SEEING_VERBS = frozenset("sieht sah sehen sahen".split())
SUBJECT_PRONOUNS = frozenset("er sie".split())


def stance_speaker(text: str, sentence: Sentence, lexicon: Lexicon) -> Span | None:
    """The subject of a German stance verb in ``sentence``, as a character span."""
    if lexicon.language != "de":
        return None
    tokens = sentence.tokens
    words = {token.lower for token in tokens}
    context = None
    for index, token in enumerate(tokens):
        word = token.lower
        if word not in STANCE_VERBS or index == 0 or token.capitalized:
            continue
        companions = STANCE_COMPANIONS.get(word)
        if companions is not None and not companions & words:
            continue
        if word in SEEING_VERBS and tokens[-2].lower == "vor":
            # "Die Verträge sehen den Verkauf vor": providing for something is no stance.
            continue
        if context is None:
            context = SentenceContext(text, tokens, lexicon, quotation_mask(tokens))
        if context.quoted[index]:
            continue
        if context.lower(index + 1) in SUBJECT_PRONOUNS:
            return context.span(index + 1, index + 1)
        subject = subject_before_verb(context, field_before_verb(context, 0, index), index)
        if subject is not None:
            return context.span(*subject)
        return None
    return None


def own_speaker(text: str, sentence: Sentence, lexicon: Lexicon) -> Span | None:
    """``Die Verbände erwarten keine Einigung, weil der Antrag fehle``: a sentence that goes on reporting but opens
    with a speaker of its own, whose verb of saying or stance stands before any Konjunktiv I."""
    if lexicon.language != "de":
        return None
    tokens = sentence.tokens
    context = None
    for index, token in enumerate(tokens):
        word = token.lower
        if token.text in (",", ":", ";") or word in lexicon.reported_speech_verbs or word in ("soll", "sollen"):
            return None
        if index == 0 or token.capitalized:
            continue
        if word not in STANCE_VERBS and word not in lexicon.cue_verbs and word not in OWN_SPEAKER_VERBS:
            continue
        if context is None:
            context = SentenceContext(text, tokens, lexicon, quotation_mask(tokens))
        if context.quoted[index]:
            return None
        subject = subject_before_verb(context, field_before_verb(context, 0, index), index)
        if subject is None or subject[0] == subject[1] and tokens[subject[0]].lower in ("ich", "wir", "man", "es"):
            # "Wir wollen …": the quoted speaker goes on in the first person; nobody new speaks.
            return None
        return context.span(*subject)
    return None
