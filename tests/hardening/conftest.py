"""Fixtures for the hardening tests: the seed stored through the CLI, and a check that a store did not change."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest


def quads(store_path: Path) -> set[str]:
    """Every quad of an on-disk store (closed), as text."""
    store = ox.Store.read_only(str(store_path))
    try:
        return {str(quad) for quad in store}
    finally:
        del store


def one_error(result) -> str:
    """The one ``Error:`` line of a user error (exit 1, no traceback)."""
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    # a writer's first run says it created the store; that line is not part of the error
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("Created a new store at ")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.fixture
def gold(seed_gold) -> dict:
    return json.loads(seed_gold.read_text(encoding="utf-8"))


@pytest.fixture
def seeded_cli(cli, seed_text, seed_gold):
    """The CLI on a store holding the seed article with its 10 gold claims."""
    cli("add", "--text", str(seed_text), str(seed_gold), "--published", "2026-02-05")
    return cli


@pytest.fixture
def write(tmp_path):
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
