"""The local news site the web tests fetch from, and a guard that they reach no other address."""

from __future__ import annotations

import socket

import pytest

from .server import NewsSite


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """A connection to any address but 127.0.0.1 fails the test (in this process)."""
    connect = socket.socket.connect

    def guarded(self, address):
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            raise AssertionError(f"a test tried to reach {address[0]}")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def site():
    """A news site on 127.0.0.1 with no pages yet: set ``site.replies[path] = Reply(...)``."""
    server = NewsSite().start()
    yield server
    server.stop()
