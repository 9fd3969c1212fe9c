"""Plain data of claim-provenance: articles, claims, sources, hops, ratings, verdicts.

This package imports no framework (no rdflib, networkx, click or rich) so that every other
package can depend on it and the model can be used on its own.
"""

from provenance.model.kinds import ANONYMOUS_KINDS, MODES, SOURCE_KINDS

_CORE = frozenset({"Article", "Claim", "Cue", "Hop", "Rating", "Source", "Span", "Verdict", "WebPage"})


def __getattr__(name: str):
    # The dataclasses are created on first use: a command that reads records (claims, trace) or only
    # needs a kind starts without them.
    if name in _CORE:
        from provenance.model import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_CORE})


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
