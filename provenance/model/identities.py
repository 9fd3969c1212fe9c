"""Which stored sources are one source, from the desk's identity acts (merge, alias, rename, kind).

Apart from the acts themselves (:class:`provenance.model.corrections.IdentityAct`), so that the empty
corrected view every reader builds does not load the corrections' dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.model.corrections import IdentityAct


class Identities:
    """Which source IRIs are one source, and what that source is called and of what kind, from the acts in force.

    Acts apply in time order; a merge joins two groups (the first named source's IRI stands for
    both), an alias adds the IRI a name would get, a rename and a kind set the group's name and kind.

    >>> from provenance.model.corrections import IdentityAct
    >>> acts = [IdentityAct("i1", "merge", "urn:pap", "PAP", "news-agency", "desk", "2026-01-01", member="urn:agentur-pap")]
    >>> identities = Identities(acts)
    >>> identities.canonical("urn:agentur-pap"), identities.members("urn:pap")
    ('urn:pap', ['urn:agentur-pap', 'urn:pap'])
    """

    def __init__(self, acts: Iterable[IdentityAct]) -> None:
        self.parent: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.acts = sorted((act for act in acts if act.undone is None), key=lambda act: (act.time, act.id))
        for act in self.acts:
            root = self.canonical(act.source)
            self.names.setdefault(root, act.source_name)
            self.kinds.setdefault(root, act.source_kind)
            if act.action in ("merge", "alias", "rename") and act.member is not None:
                other = self.canonical(act.member)
                if other != root:
                    self.parent[other] = root
                    self.names.pop(other, None)
                    self.kinds.pop(other, None)
            if act.action in ("merge", "rename") and act.name:
                self.names[root] = act.name
            if act.action == "kind" and act.kind:
                self.kinds[root] = act.kind

    def __bool__(self) -> bool:
        return bool(self.acts)

    def canonical(self, iri: str) -> str:
        """The IRI that stands for the group of ``iri`` (``iri`` itself when it is in none)."""
        while iri in self.parent:
            iri = self.parent[iri]
        return iri

    def members(self, iri: str) -> list[str]:
        """Every IRI of the group of ``iri``, sorted."""
        root = self.canonical(iri)
        return sorted({root, *(member for member in self.parent if self.canonical(member) == root)})

    def name(self, iri: str) -> str | None:
        """The group's name as the acts set it, None when they said nothing of it."""
        return self.names.get(self.canonical(iri))

    def kind(self, iri: str) -> str | None:
        return self.kinds.get(self.canonical(iri))

    def touched(self, iri: str) -> bool:
        """Whether any act in force concerns the group of ``iri``."""
        root = self.canonical(iri)
        return root != iri or root in self.names or root in self.kinds
