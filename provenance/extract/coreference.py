"""One name per source within an article: *Mr Hague*, *Hague* and *William Hague* are one person.

The namer names each mention as it comes; a person is usually introduced in full and then called
by surname, title and surname, or a pronoun resolved to an earlier form. After the whole article
is read, every person named by a surname that exactly one fuller name in the article ends with is
given that fuller name; a short form of a company named in full goes to the full name likewise.
Two people of one surname (*Lech* and *Jarosław Kaczyński*) keep the names the text gave them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.model.core import Claim, Source

TITLE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Herr|Frau)\.?\s+)+")
POSSESSIVE = re.compile(r"(?:'s|’s|s')$")


def one_name_per_source(claims: list[Claim], names_in_text: list[str] = ()) -> None:
    """Rename, in place, the hops of ``claims`` whose source is a short form of one fuller name in the article.

    ``names_in_text`` are the personal names the article writes in full, also where they are no
    source (*Culture Secretary Tessa Jowell has welcomed … Ms Jowell told Sky News*).
    """
    named = [Source(name, "person") for name in names_in_text]
    canonical = _canonical_names([hop.source for claim in claims for hop in claim.chain], named)
    if not canonical:
        return
    for claim in claims:
        claim.chain = tuple(
            replace(hop, source=_renamed(hop.source, canonical[(hop.source.kind, hop.source.name)]))
            if (hop.source.kind, hop.source.name) in canonical
            else hop
            for hop in claim.chain
        )


def _renamed(source: Source, full: Source) -> Source:
    return Source(full.name, full.kind, source.affiliation or full.affiliation, source.medium)


def _canonical_names(sources: list[Source], named: list[Source]) -> dict[tuple[str, str], Source]:
    """(kind, short name) -> the one fuller source of that kind whose name ends (persons) or starts (organisations) like it."""
    mapping: dict[tuple[str, str], Source] = {}
    persons = {source.name: source for source in sources if source.kind == "person"}
    full_by_surname: dict[str, set[str]] = {}
    for name in [*persons, *(source.name for source in named)]:
        bare = TITLE.sub("", name)
        words = bare.split()
        if len(words) >= 2:
            full_by_surname.setdefault(_surname(words[-1]), set()).add(bare)
    for name, source in persons.items():
        bare = TITLE.sub("", name)
        words = bare.split()
        if not words:
            continue
        fuller = full_by_surname.get(_surname(words[-1]), set()) - {bare}
        longer = {candidate for candidate in fuller if len(candidate.split()) > len(words) and candidate.endswith(words[-1])}
        if len(longer) == 1 and (len(words) == 1 or bare != name):
            full = next(iter(longer))
            mapping[("person", name)] = persons.get(full) or Source(full, "person")
        elif bare != name and len(words) >= 2:
            mapping[("person", name)] = Source(bare, "person", source.affiliation, source.medium)
    organisations = {source.name: source for source in sources if source.kind == "organization"}
    for name, source in organisations.items():
        if len(name.split()) != 1:
            continue
        longer = [full for full in organisations if full != name and full.split()[0] == name]
        if len(longer) == 1:
            mapping[("organization", name)] = organisations[longer[0]]
    return mapping


def _surname(word: str) -> str:
    return POSSESSIVE.sub("", word).lower()
