"""German opinion phrases with a content clause: *X ist der Ansicht, dass ...*, *Y sind der gegenteiligen Auffassung, ...*,
*X vertritt die These, ...*, *Z kam zu dem Schluss, dass ...*.

The verb, the article and the noun are the cue; the verb's subject is the source and the clause
after the comma is the content.
"""

from __future__ import annotations

from provenance.extract.content import content_after, introduced_content_start
from provenance.extract.phrases import phrase_right
from provenance.extract.sentence_context import Frame, SentenceContext, clause_start, make_frame
from provenance.extract.verbs import field_before_verb, subject_before_verb

OPINION_NOUNS = frozenset(
    "ansicht meinung auffassung überzeugung einschätzung these schluss ergebnis standpunkt".split()
)
COPULAS = frozenset("ist sind war waren".split())
# Verbs that hold an opinion as their object, and the article the noun takes after them:
# *X vertritt die Ansicht, dass ...*, *Y teilen die Meinung, ...*, *Z kam zu dem Schluss, dass ...*.
OPINION_VERBS = {
    **dict.fromkeys("ist sind war waren".split(), frozenset({"der"})),
    **dict.fromkeys("vertritt vertrat vertreten vertraten teilt teilte teilen teilten".split(), frozenset({"die"})),
    **dict.fromkeys("kommt kam kommen kamen gelangt gelangte gelangten".split(), frozenset({"zu", "zum"})),
}
# Words between the copula and the noun: the article and an adjective (*der gegenteiligen Auffassung*).
OPINION_REACH = 5


def match_opinion(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*X ist der Meinung, dass ...*: the subject of the copula holds the opinion in the clause after the comma."""
    if context.lexicon.language != "de" or context.lower(index) not in OPINION_NOUNS:
        return None
    copula = next(
        (i for i in range(index - 1, max(-1, index - OPINION_REACH - 1), -1) if context.lower(i) in OPINION_VERBS),
        None,
    )
    if copula is None:
        return None
    articles = OPINION_VERBS[context.lower(copula)]
    article = next((i for i in range(copula + 1, index) if context.lower(i) in articles), None)
    if article is None:
        return None
    start = introduced_content_start(context, index + 1)
    if start is None or context.tokens[start - 1].text not in (",", ":") and context.lower(start) != "dass":
        return None
    content = content_after(context, start)
    if content is None:
        return None
    clause_first = clause_start(context, copula)
    if article > copula + 1:
        # "Seit 2013 vertritt er die These, ...": the subject stands between the verb and the article.
        subject = phrase_right(context, copula + 1)
        if subject is None or subject[1] != article - 1:
            return None
    else:
        subject = subject_before_verb(context, field_before_verb(context, clause_first, copula), copula)
        if subject is None:
            # "37 Prozent sind der gegenteiligen Auffassung": a phrase that fills the field before the verb.
            subject = (clause_first, copula - 1) if clause_first < copula <= clause_first + 3 else None
        if subject is None:
            return None
    cue = [context.span(copula, index)]
    frame = make_frame(context, cue, [content], [subject], "indirect")
    return frame, set(range(min(subject[0], copula), start))
