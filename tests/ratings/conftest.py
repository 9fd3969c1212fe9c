"""Fixtures for ratings, verdicts and due claims: a CLI runner on a fresh store holding the seed article."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

PUBLISHED = "2026-02-05"


@pytest.fixture
def seeded(cli, seed_text: Path, seed_gold: Path):
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
