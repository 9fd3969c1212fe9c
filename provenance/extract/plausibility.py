"""What no source may be called: a pronoun, a function word, a bare noun that names no agent, a clause.

The namer resolves pronouns and back-references to what they point at; when that fails, the source
is typed ``unknown`` rather than named after the word that pointed (issue: "an unresolvable mention
is typed anonymous or unknown, not invented"). The same test serves the namer's last check, the
extraction benchmark's error counts and the tests over chains-dev and the dev splits.
"""

from __future__ import annotations

import re

PRONOUNS = frozenset(
    "i me you he him she her it we us they them his its our their one "
    "ich du er sie es wir ihr ihm ihn ihnen uns man jemand".split()
)
FUNCTION_WORDS = frozenset(
    "which who whom whose that this these those what each every both either neither some any all such "
    "the a an and or but of to in on at for with by from as "
    "der die das den dem des ein eine einer einem einen eines welche welcher welches dessen deren denen "
    "dieser diese dieses diesen diesem jener jene jenes jeder jede jedes und oder aber von zu mit bei".split()
)
# Nouns that name a statement, not who made it: a source called only this is a reading error.
BARE_STATEMENT_NOUNS = frozenset(
    "angaben informationen meinung ansicht auffassung vorwurf vorwürfe worten worte erkenntnissen erkenntnisse "
    "berichten berichte meldungen meldung schätzungen aussagen aussage darstellung einschätzung sicht "
    "information reports claims words view views accusation accusations allegations remarks comments".split()
)
# Words that open a clause or an adverbial, never a name: "Als Alternative", "In Berlin", "When asked".
CLAUSE_OPENERS = frozenset(
    "als wenn weil während nachdem obwohl im in am an auf mit nach bei zu für über unter vor seit "
    "for with after before when while because if although since during".split()
)
# Verbs that only a clause holds: "Labour have refused to", "he was suspended after his".
CLAUSE_VERBS = frozenset("have has had was were is are will would did does do haben hat hatte sind ist war waren wird wurde".split())
# Names this long are clauses the phrase finder took for a noun phrase ("TCI and Atticus have opposed …").
LONGEST_NAME_WORDS = 8
WORD = re.compile(r"[\w’'-]+")


def implausible_source(name: str) -> str | None:
    """Why ``name`` cannot name a source ("pronoun", "function word", "bare noun", "clause"), or None.

    >>> implausible_source("She"), implausible_source("which"), implausible_source("Vorwurf")
    ('pronoun', 'function word', 'bare noun')
    >>> implausible_source("Verhandlungskreise") is None, implausible_source("the Sunday Times") is None
    (True, True)
    >>> implausible_source("Als Alternative"), implausible_source("Labour have refused to")
    ('clause', 'clause')

    """
    words = WORD.findall(name)
    if not words:
        return "function word"
    if len(words) == 1:
        word = words[0].lower()
        if word in PRONOUNS:
            return "pronoun"
        if word in FUNCTION_WORDS:
            return "function word"
        if word in BARE_STATEMENT_NOUNS:
            return "bare noun"
    if len(words) > LONGEST_NAME_WORDS or len(words) > 1 and words[0].lower() in CLAUSE_OPENERS:
        return "clause"
    lowered = [word.lower() for word in words]
    ends_open = lowered[-1] in FUNCTION_WORDS | PRONOUNS and lowered[-1] not in ("the", "der", "die", "das")
    if len(words) > 1 and (ends_open or any(word in CLAUSE_VERBS for word in lowered[1:])):
        # "Real Madrid and Paris St Germain and he", "Labour have refused to": the phrase ran into a clause.
        return "clause"
    return None
