"""Turtle export of many articles: the union of their graphs, shared agents written once."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_shared_agents_are_written_once_and_every_triple_is_there(cli, tmp_path):
    for claims in sorted((EXAMPLES / "wire").glob("*.json")):
        cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))
    turtle = cli("export", "--format", "turtle").stdout_bytes
    nquads = cli("export", "--format", "nquads").stdout_bytes
    written = Counter(quad.triple for quad in ox.parse(io.BytesIO(turtle), format=ox.RdfFormat.TURTLE))
    union = {quad.triple for quad in ox.parse(io.BytesIO(nquads), format=ox.RdfFormat.N_QUADS)}
    assert set(written) == union
    assert max(written.values()) == 1
    tass = [triple for triple in written if triple.object == ox.Literal("Tass") and triple.predicate.value.endswith("name")]
    assert len(tass) == 1
