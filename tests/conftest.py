"""Shared fixtures: where ../shared is, and stores to test against.

Tests that need ../shared fail (not skip) when CI=true, so that CI can never pass by skipping.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import main

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


class Cli:
    """Runs ``provenance --store STORE ...`` in-process; ``json`` parses the output of ``--json``."""

    def __init__(self, store: Path | str) -> None:
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
        # a writer's first run says it created the store; that line is not part of the error
        lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("Created a new store at ")]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Error: ") and "Traceback" not in result.output
        return lines[0]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI on a fresh on-disk store."""
    return Cli(tmp_path / "store")


@pytest.fixture
def new_cli(tmp_path: Path):
    """Makes a CLI on another fresh store (to import an export into)."""
    return lambda name: Cli(tmp_path / name)


@pytest.fixture
def cli_at():
    """Makes a CLI on a store given as ``--store`` takes it: ``memory`` or an endpoint URL."""
    return Cli


@pytest.fixture
def seeded_store(tmp_path: Path, seed_text: Path, seed_gold: Path):
    """An embedded on-disk store holding the seed article with its gold claims (through the library, not the CLI)."""
    from provenance.model.documents import article_from_document
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.repository import add_article
    from provenance.storage import open_store

    store = open_store(str(tmp_path / "seeded"))
    add_article(store, article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text()), IriScheme())
    yield store
    store.close()
