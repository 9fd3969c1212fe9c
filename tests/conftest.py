"""Shared fixtures: where ../shared is, and stores to test against.

Tests that need ../shared fail (not skip) when CI=true, so that CI can never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PROVENANCE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared/ folder beside the repository: seed article, corpora, scorer."""
    if not (SHARED / "seed").is_dir():
        message = f"../shared is not beside the repository (looked in {SHARED})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "tass-talks-de.txt"


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "tass-talks-de.gold.json"
