"""Fixtures for the correction tests: the seed article stored from its gold reading, and a store's quads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest


@pytest.fixture
def seeded(cli, seed_text: Path, seed_gold: Path):
    """The CLI on a store holding the seed article with its ten gold claims."""
    cli("add", "--text", str(seed_text), str(seed_gold))
    return cli


def quads(store_path) -> set[str]:
    """Every quad of an on-disk store, as text (to compare before and after a refused command)."""
    store = ox.Store.read_only(str(store_path))
    return {str(quad) for quad in store}
