"""Serializing triples for people: Turtle with the project's prefixes."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from provenance.rdf.vocab import PREFIXES


def triples_as_turtle(triples: Iterable[ox.Triple]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
