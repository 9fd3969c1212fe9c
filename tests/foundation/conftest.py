"""Fixtures for the store commands: a CLI runner bound to a fresh on-disk store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import main


class Cli:
    """Runs ``provenance --store STORE ...`` in-process and parses JSON output on request."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0):
        result = self.runner.invoke(main, ["--store", str(self.store), *args], catch_exceptions=False)
        assert result.exit_code == expect, (result.exit_code, result.output)
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "store")


@pytest.fixture
def seeded(cli: Cli, seed_text: Path, seed_gold: Path) -> Cli:
    cli("add", "--text", str(seed_text), str(seed_gold))
    return cli
