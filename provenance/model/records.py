"""Claims as read back from a store, the plain input of the analysis and the reports.

The store answers SPARQL; :mod:`provenance.rdf.queries` turns the answers into these records so
that analysis works on exactly the subgraph it asked for, whatever the backend.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

T = TypeVar("T")


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
    #: The desk's corrections that shape this reading (``provenance.model.corrections.Correction``), oldest first.
    corrections: tuple = ()
    #: Withdrawn by a correction: not a claim, though one that names it still finds it.
    withdrawn: bool = False

    @property
    def attributed(self) -> bool:
        return bool(self.chain)

    @property
    def short_id(self) -> str:
        return self.iri.rsplit("/", 1)[-1][:10]


def instance_maker(cls: type[T], names: Sequence[str]) -> Callable[..., T]:
    """``make(*values)``: an instance of the dataclass ``cls``, equal to ``cls(**dict(zip(names, values)))``.

    Why: a frozen dataclass's ``__init__`` sets every field through ``object.__setattr__``; for the
    million records of a large corpus, or its 280,000 source statistics, filling the instance's
    ``__dict__`` takes two thirds of the time (measured on ClaimRecord). Fields not named keep their
    defaults. Falls back to the constructor for a class the shortcut would not build faithfully
    (``__slots__``, ``__post_init__``, a mutable default, a required field not named).
    """
    defaults: dict[str, Any] = {}
    faithful = not hasattr(cls, "__slots__") and "__post_init__" not in vars(cls)
    for spec in fields(cls):  # type: ignore[arg-type]
        if spec.name in names:
            continue
        if spec.default is not MISSING:
            defaults[spec.name] = spec.default
        elif spec.default_factory is not MISSING:
            defaults[spec.name] = spec.default_factory()
        else:
            faithful = False
    faithful = faithful and all(type(value) in (tuple, type(None), str, int, float, bool) for value in defaults.values())
    names = tuple(names)
    if not faithful:
        def construct(*values):
            return cls(**dict(zip(names, values)))
        return construct
    new = object.__new__

    def make(*values):
        instance = new(cls)
        state = instance.__dict__
        state.update(defaults)
        state.update(zip(names, values))
        return instance
    return make
