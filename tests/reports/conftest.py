"""Fixtures for the picture and HTML tests: stores with the seed article and the examples, Graphviz, Chromium.

Tools the tests need fail (not skip) when CI=true, so that CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.storage import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "artifacts"


def needed(tool: str, install: str) -> None:
    """Skip the test without ``tool``, or fail it under CI=true."""
    message = f"{tool} is not installed ({install})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class Cli:
    """Runs ``provenance --store STORE ...`` in-process."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0):
        result = self.runner.invoke(main, ["--store", str(self.store), *args])
        assert result.exit_code == expect, (result.exit_code, result.output, result.exception)
        return result

    def open(self):
        """The store for library calls; close it before the next CLI call."""
        return open_store(str(self.store))


@pytest.fixture
def graphviz() -> str:
    found = shutil.which("dot")
    if found is None:
        needed("Graphviz", "apt-get install graphviz")
    return found


@pytest.fixture
def seeded(tmp_path: Path, seed_text: Path, seed_gold: Path) -> Cli:
    cli = Cli(tmp_path / "seed-store")
    cli("add", "--text", str(seed_text), str(seed_gold))
    return cli


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Cli:
    """A store with the wire, two-agencies and circle examples: clusters, single points of failure, a circle."""
    cli = Cli(tmp_path_factory.mktemp("examples") / "store")
    for folder in ("wire", "two-agencies", "circle"):
        for claims in sorted((EXAMPLES / folder).glob("*.json")):
            cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))
    return cli
