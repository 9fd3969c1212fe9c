"""Fixtures for ratings, verdicts and due claims: a CLI runner on a fresh store holding the seed article."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import main

PUBLISHED = "2026-02-05"


class Cli:
    """Runs ``provenance --store STORE ...`` in-process; ``json`` parses the output of ``--json``."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0):
        result = self.runner.invoke(main, ["--store", str(self.store), *args], catch_exceptions=False)
        assert result.exit_code == expect, (result.exit_code, result.output)
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)

    def error(self, *args: str) -> str:
        """The one line a user error prints on stderr (exit code 1, no traceback)."""
        result = self(*args, expect=1)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Error: ") and "Traceback" not in result.output
        return lines[0]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "store")


@pytest.fixture
def seeded(cli: Cli, seed_text: Path, seed_gold: Path) -> Cli:
    """The seed article, published on a Thursday (2026-02-05) at a URL, by an outlet."""
    cli("add", "--text", str(seed_text), str(seed_gold), "--published", PUBLISHED,
        "--url", "https://example.org/tass-talks", "--publisher", "Tagesspiegel")
    return cli


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def new_cli(tmp_path: Path):
    """Makes a runner on another fresh store (to import an export into)."""
    return lambda name: Cli(tmp_path / name)
