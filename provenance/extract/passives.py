"""German impersonal passives of saying: *Darüber hinaus wurde beschlossen, ...*, *Kritisiert wird, dass ...*.

Nobody is named as the speaker, so the chain is one hop that points at no mention, unless a
fronted place or document (*Aus Hamburg wird gemeldet*, *In der Mitteilung wird gefordert*) or an
agent (*von der Polizei*) says who it was. The auxiliary and the participle are the cue.
Passives of accusing or asking (*Ihm wird vorgeworfen, ...*, *Die Anwohner wurden aufgefordert, ...*)
may have a subject or a dative: it names the one accused or asked, so it is not the source either.
"""

from __future__ import annotations

from provenance.extract.content import content_after, introduced_content_start
from provenance.extract.phrases import phrase_right
from provenance.extract.sentence_context import Frame, Mention, SentenceContext, clause_end, clause_start
from provenance.extract.verbs import DOCUMENT_PREPOSITIONS, GERMAN_FRONTED_ADVERBS, GERMAN_TIME_NOUNS

IMPERSONAL_PARTICIPLES = frozenset(
    "beschlossen berichtet gemeldet kritisiert betont erklärt angegeben gefordert vermutet befürchtet "
    "mitgeteilt angekündigt behauptet bestätigt hervorgehoben festgestellt argumentiert bemängelt "
    "gewarnt spekuliert vorgeworfen aufgefordert beschuldigt angenommen erwartet geschätzt "
    "bekanntgegeben verkündet dementiert bestritten unterstrichen beklagt empfohlen vorgeschlagen verlangt "
    "angeordnet vereinbart signalisiert zugesichert versprochen eingeräumt prognostiziert moniert".split()
)
# Passives whose subject or dative is the one accused or asked, never the speaker: *Ihm wird vorgeworfen, ...*.
ADDRESSEE_PARTICIPLES = frozenset("vorgeworfen aufgefordert beschuldigt".split())
PASSIVE_AUXILIARIES = frozenset("wird wurde werden wurden worden".split())
AGENT_PREPOSITIONS = frozenset({"von", "vom"})
# *Es wurde bekannt, dass ...*, *Wie heute bekannt wurde, ...*: news that became known, from nobody named.
KNOWN_AUXILIARIES = frozenset("wird wurde werden wurden worden war ist geworden".split())
KNOWN_PARTICIPLES = frozenset({"geworden", "gegeben", "gemacht"})


def match_impersonal_passive(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Es wurde beschlossen, ...*: a passive participle of saying with no subject; its content follows."""
    if context.lexicon.language != "de" or context.lower(index) not in IMPERSONAL_PARTICIPLES:
        return None
    found = _verb_group(context, index, PASSIVE_AUXILIARIES)
    if found is None:
        return None
    clause_first, _, verb_group = found
    field = [i for i in range(clause_first, verb_group[-1]) if i not in verb_group]
    source = _named_speaker(context, field)
    addressed = context.lower(index) in ADDRESSEE_PARTICIPLES
    if source is None and not addressed and not _without_subject(context, field):
        return None
    start = introduced_content_start(context, verb_group[-1] + 1)
    content = content_after(context, start) if start is not None else None
    if content is None:
        return None
    cue = [context.span(i, i) for i in verb_group]
    sources = [Mention(*context.span(*source))] if source is not None else []
    frame = Frame(cue=cue, content=[content], sources=sources, mode="indirect")
    return frame, set(range(clause_first, start))


def _verb_group(context: SentenceContext, index: int, auxiliaries: frozenset[str]) -> tuple[int, int, list[int]] | None:
    """The clause around the participle at ``index`` (first and last token) and its verb group, or None without an auxiliary."""
    clause_first = clause_start(context, index)
    clause_last = clause_end(context, index)
    found = [i for i in range(clause_first, clause_last + 1) if context.lower(i) in auxiliaries]
    if not found:
        return None
    return clause_first, clause_last, sorted({index, *found})


def _named_speaker(context: SentenceContext, field: list[int]) -> tuple[int, int] | None:
    """*Aus Hamburg*, *In einer Pressemitteilung der Organisation*, *von der Polizei*: who said it, if anyone."""
    for position in field:
        word = context.lower(position)
        fronted = position == field[0] and word in DOCUMENT_PREPOSITIONS
        if fronted or word in AGENT_PREPOSITIONS:
            phrase = phrase_right(context, position + 1)
            if phrase is not None and phrase[1] in field and not _time(context, phrase):
                return phrase
    return None


def _time(context: SentenceContext, phrase: tuple[int, int]) -> bool:
    """*Im April*, *Im Jahr 1997*, *Am Sonntag*: a fronted time says when, not who.

    Why: *Im Mai wurde bekannt, dass ...* named the month as the source.
    """
    words = [context.lower(i) for i in range(phrase[0], phrase[1] + 1) if context.tokens[i].is_word]
    return bool(words) and (
        words[0][:1].isdigit() or words[-1][:1].isdigit() or words[-1] in GERMAN_TIME_NOUNS | {"jahr", "jahres"}
    )


def _without_subject(context: SentenceContext, field: list[int]) -> bool:
    """Whether the words before the verb group are adverbials only (*Darüber hinaus*, *Insbesondere*, *es*)."""
    for position in field:
        token = context.tokens[position]
        if token.lower in context.lexicon.determiners or token.lower in ("er", "sie"):
            return False
        adverbial = token.lower in GERMAN_FRONTED_ADVERBS or token.lower == "es"
        # A capitalised word after a fronted adverb belongs to it ("Darüber hinaus"); one that opens the field is a subject.
        after_adverb = position != field[0] and context.tokens[position - 1].lower in GERMAN_FRONTED_ADVERBS
        if token.capitalized and not adverbial and not after_adverb:
            return False
    return True


# Words that open an indirect question: what is (not) known is then a question, not news.
OPEN_QUESTION_WORDS = frozenset("ob warum wieso weshalb weswegen wie wer wen wem was wann wo woher wohin".split())


def match_became_known(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Inzwischen wurde bekannt, dass ...*, *Wie gestern bekannt wurde, ...*: what became known, said by nobody named.

    Why: annotators mark these as attributions with the verb group as the cue and no source; the
    news comes from somewhere the article does not say.
    """
    if context.lexicon.language != "de" or context.lower(index) not in ("bekannt", "bekanntgegeben"):
        return None
    found = _verb_group(context, index, KNOWN_AUXILIARIES)
    if found is None:
        return None
    clause_first, clause_last, verb_group = found
    if context.lower(index + 1) in KNOWN_PARTICIPLES:
        verb_group.append(index + 1)
    field = [i for i in range(clause_first, verb_group[-1]) if i not in verb_group]
    source = _named_speaker(context, field)
    wie = bool(field) and context.lower(field[0]) == "wie"
    if wie:
        field = field[1:]
    if source is None and not _without_subject(context, field):
        return None
    if wie:
        # "Wie heute bekannt wurde, sind ...": the main clause after the comma is the content.
        if context.lower(clause_last + 1) != ",":
            return None
        content = content_after(context, clause_last + 2)
        used = set(range(clause_first, clause_last + 2))
    else:
        start = introduced_content_start(context, verb_group[-1] + 1)
        if start is not None and context.lower(start) in OPEN_QUESTION_WORDS:
            # "Nicht bekannt ist, ob ...": an open question, nothing that became known.
            return None
        content = content_after(context, start) if start is not None else None
        used = set(range(clause_first, start)) if start is not None else set()
    if content is None:
        return None
    cue = [context.span(i, i) for i in verb_group]
    if wie:
        cue.insert(0, context.span(clause_first, clause_first))
    sources = [Mention(*context.span(*source))] if source is not None else []
    return Frame(cue=cue, content=[content], sources=sources, mode="indirect"), used


# Participles of judging in a passive with its agent: *Die Pläne wurden vom Verband als voreilig kritisiert.*
JUDGING_PARTICIPLES = frozenset(
    "bezeichnet gewertet kritisiert eingestuft bewertet betrachtet eingeschätzt beschrieben verurteilt gelobt".split()
)


def match_judging_passive(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Die Aktion wurde von den Veranstaltern als Erfolg gewertet.*: the agent's judgement, the whole sentence as a
    Reported claim without cue.

    Why: annotators mark these like the active *Die Veranstalter werteten die Aktion als Erfolg* (a Reported
    attribution whose source is the agent), and the impersonal passive found no clause to report.
    """
    tokens = context.tokens
    if context.lexicon.language != "de" or context.lower(index) not in JUDGING_PARTICIPLES:
        return None
    last = len(tokens) - 1
    while last > index and not tokens[last].is_word:
        last -= 1
    if last != index or any(tokens[i].text in (",", ":", ";") for i in range(index)):
        return None
    if not any(context.lower(i) in PASSIVE_AUXILIARIES for i in range(index)):
        return None
    judged = next((i for i in range(index - 1, 0, -1) if context.lower(i) == "als"), None)
    if judged is None:
        return None
    agent = next((i for i in range(judged - 1, -1, -1) if context.lower(i) in AGENT_PREPOSITIONS), None)
    if agent is None or agent + 1 >= judged:
        return None
    source = phrase_right(context, agent + 1)
    if source is None:
        return None
    end = next((i - 1 for i in range(source[0] + 1, judged) if context.lower(i) in PASSIVE_AUXILIARIES), judged - 1)
    source = (source[0], min(source[1], end))
    content = (tokens[0].start, tokens[-1].end)
    frame = Frame(cue=[], content=[content], sources=[Mention(*context.span(*source))], mode="reported")
    return frame, set(range(len(tokens)))
