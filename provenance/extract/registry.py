"""The registry of well-known news agencies and outlets (graphs/sources.ttl), read once and cached.

Extraction uses it to give an outlet named in the text its canonical name and kind, whatever
alias the article uses ("die staatliche russische Nachrichtenagentur Tass" -> Tass, news-agency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from urllib.parse import urlsplit

import pyoxigraph

from provenance.errors import InvalidInput

REGISTRY_PATH = resources.files("provenance.graphs").joinpath("sources.ttl")

_QUERY = """
PREFIX cp: <https://claim-provenance.org/ns#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?outlet ?name ?kind ?country ?state ?alias WHERE {
  ?outlet skos:prefLabel ?name ; cp:kind ?kind .
  OPTIONAL { ?outlet schema:addressCountry ?country }
  OPTIONAL { ?outlet cp:stateOwned ?state }
  OPTIONAL { ?outlet skos:altLabel ?alias }
}
"""
_HOSTS = """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?url WHERE { ?outlet skos:prefLabel ?name ; schema:url ?url }
"""


# Nouns that name a kind of outlet: "der Agentur PAP", "dem Blatt", "the Guardian newspaper".
GERMAN_OUTLET_CLASS_NOUNS = (
    "zeitung",
    "blatt",
    "agentur",
    "sender",
    "magazin",
    "zeitschrift",
    "fernsehen",
    "rundfunk",
    "portal",
    "illustrierte",
)
ENGLISH_OUTLET_CLASS_NOUNS = frozenset(
    "newspaper paper agency magazine broadcaster channel network programme program radio station tabloid weekly "
    "daily website tv television show newsletter journal".split()
)
# Capitalised nouns that may stand before an outlet's name without making it a longer name.
CLASS_NOUNS = GERMAN_OUTLET_CLASS_NOUNS + ("radio", "tv", "medium", "dienst", "kanal", "programm")
ARTICLES = frozenset("der die das dem den des the a an ein eine einer einem einen eines laut".split())
_WORD_BEFORE = re.compile(r"([\w.’'-]+)[\s„“\"]*$")
_WORD_AFTER = re.compile(r"[\s„“\"]*([\w’'-]+)")


def _ascii_english(mention: str) -> bool:
    """Rough test for English text: German capitalises nouns, so only English reads a capital after a name as more name."""
    return not any(word in mention.split() for word in ("der", "die", "das", "dem", "den", "des"))


@dataclass(frozen=True)
class Outlet:
    """A registered agency or outlet: canonical name, kind and the facts the registry records."""

    iri: str
    name: str
    kind: str
    country: str | None
    state_owned: bool


class Registry:
    """Look up outlets by any of their names inside a source mention."""

    def __init__(self, outlets_by_alias: dict[str, Outlet], names_by_host: dict[str, str] | None = None) -> None:
        self._by_alias = outlets_by_alias
        self._names_by_host = names_by_host or {}
        aliases = sorted(outlets_by_alias, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(alias) for alias in aliases) + r")(?!\w)")

    def __len__(self) -> int:
        return len({outlet.iri for outlet in self._by_alias.values()})

    def find(self, mention: str) -> Outlet | None:
        """The outlet named in ``mention``: the longest alias at word boundaries that is not part of a longer name.

        "the Sunday Times" does not name The Times, nor "the Morning Post" The Washington Post: an alias
        right after another capitalised word counts only when that word is a class noun (*Agentur PAP*,
        *Nachrichtenmagazin Spiegel*); in English, also not right before one.
        """
        for match in self._pattern.finditer(mention):
            if not self._inside_longer_name(mention, match.start(), match.end()):
                return self._by_alias[match.group(1)]
        return None

    def find_at_end(self, mention: str) -> Outlet | None:
        """The outlet whose alias ends ``mention`` ("told news agency Reuters"), or None."""
        for match in self._pattern.finditer(mention):
            if match.end() == len(mention.rstrip()) and not self._inside_longer_name(mention, match.start(), match.end()):
                return self._by_alias[match.group(1)]
        return None

    @staticmethod
    def _inside_longer_name(mention: str, start: int, end: int) -> bool:
        before = _WORD_BEFORE.search(mention[:start])
        if before is not None:
            word = before.group(1)
            if word[:1].isupper() and not word.lower().endswith(CLASS_NOUNS) and word.lower() not in ARTICLES:
                return True
        after = _WORD_AFTER.match(mention[end:])
        return after is not None and after.group(1)[:1].isupper() and _ascii_english(mention)

    def find_all(self, text: str) -> list[tuple[int, Outlet]]:
        """(offset, outlet) of every registered name in ``text`` that is not part of a longer name, in order."""
        return [
            (match.start(), self._by_alias[match.group(1)])
            for match in self._pattern.finditer(text)
            if not self._inside_longer_name(text, match.start(), match.end())
        ]

    def by_name(self, name: str) -> Outlet | None:
        return self._by_alias.get(name)

    def by_host(self, host: str) -> Outlet | None:
        """The outlet whose registered web address has this host (``www.bbc.co.uk`` -> BBC), or None."""
        host = host.lower().removeprefix("www.")
        while host:
            name = self._names_by_host.get(host)
            if name is not None:
                return self._by_alias.get(name)
            # "news.bbc.co.uk": a subdomain of the registered host.
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def aliases(self) -> list[str]:
        return list(self._by_alias)


@lru_cache(maxsize=1)
def load_registry(path: Traversable = REGISTRY_PATH) -> Registry:
    """Parse the registry once per process."""
    store = pyoxigraph.Store()
    try:
        store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    except (OSError, SyntaxError, ValueError) as error:
        raise InvalidInput(f"cannot read the outlet registry {path}: {error}") from None
    outlets_by_alias: dict[str, Outlet] = {}
    for row in store.query(_QUERY):
        state = row["state"]
        outlet = Outlet(
            iri=row["outlet"].value,
            name=row["name"].value,
            kind=row["kind"].value,
            country=row["country"].value if row["country"] is not None else None,
            state_owned=state is not None and state.value == "true",
        )
        outlets_by_alias.setdefault(outlet.name, outlet)
        if row["alias"] is not None:
            outlets_by_alias.setdefault(row["alias"].value, outlet)
    names_by_host = {}
    for row in store.query(_HOSTS):
        host = urlsplit(row["url"].value).hostname
        if host:
            names_by_host.setdefault(host.lower().removeprefix("www."), row["name"].value)
    return Registry(outlets_by_alias, names_by_host)


@lru_cache(maxsize=1)
def lowercase_outlet_names() -> frozenset[str]:
    """Registered names written in lower case ("dpa", "taz"): they may stand inside a German noun phrase."""
    return frozenset(alias for alias in load_registry().aliases() if alias[:1].islower())
