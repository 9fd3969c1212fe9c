"""Deterministic IRIs under a configurable base, so that storing the same thing twice changes nothing.

Articles and named sources get readable IRIs (their id or name, percent-encoded); claims get a
content hash of their article and spans; anonymous sources are scoped to their article, because
"Verhandlungskreise" in one article need not be those of another.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from pyoxigraph import NamedNode

from provenance.errors import InvalidInput
from provenance.rdf.vocab import DEFAULT_BASE, INTERNAL_NAMESPACE

if TYPE_CHECKING:
    from provenance.model import Claim, Source


def digest(*parts: str, length: int = 16) -> str:
    """A short hex SHA-256 of the parts, separated so that ("ab", "c") != ("a", "bc")."""
    import hashlib  # here: it loads OpenSSL, which a command that mints no IRI does not need

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """Percent-encoded, case-folded, NFC text safe as one IRI path segment."""
    folded = unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    return quote(folded.replace(" ", "-"), safe="-._~")


def name_key(name: str) -> str:
    """The key under which two mentions of a named source are the same source."""
    return slug(name)


@dataclass(frozen=True)
class IriScheme:
    """Builds every IRI the project mints, all under ``base``."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.startswith(("http://", "https://", "urn:")) or any(c in self.base for c in ' <>"{}|^`\\'):
            raise InvalidInput(f"base IRI {self.base!r} must be an http(s) or urn IRI without spaces")
        if "#" in self.base:
            raise InvalidInput(f"base IRI {self.base!r} must not hold '#': the IRIs made under it have fragments of their own")
        if self.base.casefold().startswith(INTERNAL_NAMESPACE):
            raise InvalidInput(
                f"base IRI {self.base!r} lies in {INTERNAL_NAMESPACE}, which the store keeps for its own graphs; choose another"
            )
        if not self.base.endswith(("/", ":")):
            object.__setattr__(self, "base", self.base + "/")
        # Every IRI minted is the base, a fixed path and percent-encoded or hex parts, so checking
        # the base once is what lets the mapping write IRIs as text without building each as a term.
        try:
            NamedNode(self.base + "claim/0#annotation")
        except ValueError as error:
            raise InvalidInput(f"base IRI {self.base!r} is not a valid IRI ({error})") from None

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{quote(article_id, safe='-._~')}"

    def graph(self, article_id: str) -> str:
        return f"{self.base}graph/{quote(article_id, safe='-._~')}"

    def claim(self, article_id: str, claim: Claim) -> str:
        spans = ";".join(f"{start},{end}" for start, end in claim.spans)
        return f"{self.base}claim/{digest(article_id, spans, claim.text)}"

    def source(self, article_id: str, source: Source) -> str:
        if source.anonymous or source.kind == "unknown":
            return f"{self.base}source/anonymous/{digest(article_id, source.kind, name_key(source.name))}"
        return self.named_agent(source.name)

    def named_agent(self, name: str) -> str:
        """A named agent (an outlet that publishes, an affiliation) by its name alone."""
        return f"{self.base}source/{name_key(name)}"

    def activity(self, article_id: str, content_hash: str) -> str:
        return f"{self.base}activity/{digest(article_id, content_hash)}"

    def tool(self, version: str) -> str:
        return f"{self.base}agent/claim-provenance/{quote(version, safe='-._~')}"
