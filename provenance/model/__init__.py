"""Plain data of claim-provenance: articles, claims, sources, hops, ratings, verdicts.

This package imports no framework (no rdflib, networkx, click or rich) so that every other
package can depend on it and the model can be used on its own.
"""

from provenance.model.core import (
    ANONYMOUS_KINDS,
    MODES,
    SOURCE_KINDS,
    Article,
    Claim,
    Cue,
    Hop,
    Rating,
    Source,
    Span,
    Verdict,
    WebPage,
)

__all__ = [
    "ANONYMOUS_KINDS",
    "MODES",
    "SOURCE_KINDS",
    "Article",
    "Claim",
    "Cue",
    "Hop",
    "Rating",
    "Source",
    "Span",
    "Verdict",
    "WebPage",
]
