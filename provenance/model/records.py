"""Claims as read back from a store, the plain input of the analysis and the reports.

The store answers SPARQL; :mod:`provenance.rdf.queries` turns the answers into these records so
that analysis works on exactly the subgraph it asked for, whatever the backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    """A source as stored: its IRI (one per named source across articles), name, kind, and rating."""

    iri: str
    name: str
    kind: str
    reliability: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class ArticleRef:
    """An article as stored: IRI, the user's id, and the outlet that published it (if known)."""

    iri: str
    id: str
    publisher: str | None = None
    publisher_iri: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class ClaimRecord:
    """One stored claim with its chain, origin first; ``chain`` is empty for unattributed claims."""

    iri: str
    article: ArticleRef
    text: str
    mode: str
    hedged: bool
    chain: tuple[SourceRef, ...] = field(default_factory=tuple)
    cue: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    verdicts: tuple[str, ...] = ()
    start: int | None = None

    @property
    def attributed(self) -> bool:
        return bool(self.chain)

    @property
    def short_id(self) -> str:
        return self.iri.rsplit("/", 1)[-1][:10]
