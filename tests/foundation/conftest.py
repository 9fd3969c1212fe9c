"""Fixtures for the store commands: the seed article in a fresh on-disk store."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def seeded(cli, seed_text: Path, seed_gold: Path):
    cli("add", "--text", str(seed_text), str(seed_gold))
    return cli
