"""Fixtures for the desk's commands (claims filters, verdicts, changes): the same store on disk and in Virtuoso.

``desk`` is module-scoped and read only by the tests: the seed article and the wire, two-agencies
and circle examples, Tass rated B and Stadtanzeiger C, and one verdict ("falsch") on the seed's hotel claim.
Without Virtuoso its tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import Cli  # tests/conftest.py: the CLI on a store, and its one error line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "tests" / "storage"))

from virtuoso_server import VirtuosoServer, installed  # noqa: E402

HOTEL = "Die Delegationen seien in ihre Hotels zurückgekehrt"


def add_folder(cli: Cli, folder: str) -> None:
    for claims in sorted((EXAMPLES / folder).glob("*.json")):
        cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory):
    if not installed():
        message = "Virtuoso is not installed (virtuoso-t, isql-vt): run .ci/virtuoso-install.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-desk"))
    server.start()
    yield server
    server.stop()


def _empty_endpoint(server: VirtuosoServer) -> str:
    from provenance.storage.endpoint import EndpointStore

    store = EndpointStore(server.sparql_url)
    for graph in store.graph_names():
        store.drop_graph(graph)
    store.drop_staging()
    store.close()
    return server.sparql_url


@pytest.fixture(scope="module", params=["embedded", "virtuoso"])
def store_location(request, tmp_path_factory):
    """A fresh store's ``--store`` value: a directory, or an emptied Virtuoso endpoint."""
    if request.param == "embedded":
        return str(tmp_path_factory.mktemp("desk") / "store")
    return _empty_endpoint(request.getfixturevalue("virtuoso_server"))


@pytest.fixture(scope="module")
def desk(store_location, shared_dir) -> Cli:
    cli = Cli(store_location)
    seed = shared_dir / "seed"
    cli("add", "--text", str(seed / "tass-talks-de.txt"), str(seed / "tass-talks-de.gold.json"))
    for folder in ("wire", "two-agencies", "circle"):
        add_folder(cli, folder)
    cli("rate", "Tass", "--reliability", "B", "--by", "desk")
    cli("rate", "Stadtanzeiger", "--reliability", "C", "--by", "desk")
    hotel = next(row for row in cli.json("claims", "--article", "tass-talks-de") if row["text"] == HOTEL)
    cli("verdict", hotel["id"], "--rating", "falsch", "--by", "Correctiv", "--date", "2026-02-06",
        "--url", "https://example.org/review/hotels")
    return cli


@pytest.fixture
def fresh(request, tmp_path, monkeypatch):
    """Makes a CLI on an empty store of the kind given (``embedded`` or ``virtuoso``)."""
    for name in ("PROVENANCE_UPDATE_URL", "PROVENANCE_GRAPH_STORE_URL", "PROVENANCE_STORE"):
        monkeypatch.delenv(name, raising=False)

    def make(kind: str) -> Cli:
        if kind == "embedded":
            return Cli(str(tmp_path / "store"))
        return Cli(_empty_endpoint(request.getfixturevalue("virtuoso_server")))
    return make
