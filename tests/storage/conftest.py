"""Fixtures for the store tests: a real Virtuoso server on loopback, started once per session.

Without Virtuoso installed the tests marked ``virtuoso`` skip, except under ``CI=true``, where
they fail: CI installs it (.ci/virtuoso-install.sh) and must never pass by skipping.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from virtuoso_server import VirtuosoServer, installed

from provenance.storage.endpoint import EndpointStore


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> VirtuosoServer:
    """A Virtuoso server with its own data directory, writable through /sparql; stopped at the end."""
    if not installed():
        message = "Virtuoso is not installed (virtuoso-t, isql-vt): run .ci/virtuoso-install.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def endpoint_url(virtuoso: VirtuosoServer, monkeypatch) -> str:
    """The server's SPARQL URL, emptied of the project's graphs, with no PROVENANCE_* settings."""
    for name in ("PROVENANCE_UPDATE_URL", "PROVENANCE_GRAPH_STORE_URL", "PROVENANCE_USER",
                 "PROVENANCE_PASSWORD", "PROVENANCE_TIMEOUT", "PROVENANCE_STORE"):
        monkeypatch.delenv(name, raising=False)
    store = EndpointStore(virtuoso.sparql_url)
    for graph in store.graph_names():
        store.drop_graph(graph)
    store.drop_staging()
    store.close()
    return virtuoso.sparql_url


@pytest.fixture(params=["update", "graph-store"])
def write_path(request, virtuoso: VirtuosoServer, endpoint_url: str, monkeypatch) -> str:
    """Runs a test twice: writes through SPARQL Update, and through the Graph Store Protocol."""
    if request.param == "graph-store":
        monkeypatch.setenv("PROVENANCE_GRAPH_STORE_URL", f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud")
    return request.param
