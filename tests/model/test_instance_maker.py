"""instance_maker builds dataclass instances equal to the constructor's, or falls back to the constructor."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from provenance.analysis.sources import SourceStatistics
from provenance.model.records import ArticleRef, ClaimRecord, instance_maker

ARTICLE = ArticleRef(iri="urn:a:1", id="a1")


def test_a_claim_record_equals_the_constructed_one_and_keeps_its_defaults():
    make = instance_maker(ClaimRecord, ("iri", "article", "text", "mode", "hedged", "chain"))
    made = make("urn:c:1", ARTICLE, "Es schneit", "indirect", True, ())
    assert made == ClaimRecord(iri="urn:c:1", article=ARTICLE, text="Es schneit", mode="indirect", hedged=True)
    assert (made.cue, made.spans, made.verdicts, made.start) == (None, (), (), None)
    assert hash(made) == hash(ClaimRecord("urn:c:1", ARTICLE, "Es schneit", "indirect", True))
    with pytest.raises(AttributeError):
        made.text = "changed"  # still frozen


def test_every_field_named():
    names = ("iri", "name", "kind", "reliability", "originated", "relayed", "share", "reliance", "reliance_rank")
    values = ("urn:s:tass", "Tass", "news-agency", "B", 2, 3, 0.5, 0.25, 1)
    assert instance_maker(SourceStatistics, names)(*values) == SourceStatistics(*values)


@dataclass(frozen=True)
class Checked:
    name: str
    words: list = field(default_factory=list)

    def __post_init__(self):
        if not self.name:
            raise ValueError("a name is needed")


@dataclass(frozen=True, slots=True)
class Slotted:
    name: str
    count: int = 0


@dataclass(frozen=True)
class Mutable:
    name: str
    words: list = field(default_factory=list)


@dataclass(frozen=True)
class Required:
    name: str
    count: int


@pytest.mark.parametrize("cls", [Checked, Slotted, Mutable])
def test_classes_the_shortcut_cannot_build_go_through_the_constructor(cls):
    made = instance_maker(cls, ("name",))
    assert made("x") == cls("x")
    if cls is not Slotted:
        assert made("x").words is not made("x").words  # a fresh default each time


def test_post_init_still_checks():
    with pytest.raises(ValueError, match="a name is needed"):
        instance_maker(Checked, ("name",))("")


def test_a_required_field_left_out_fails_as_the_constructor_does():
    with pytest.raises(TypeError):
        instance_maker(Required, ("name",))("x")
