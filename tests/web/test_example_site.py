"""examples/news_site.py and README's section on it: the output shown is what the commands print."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ", flags=re.M)


@pytest.fixture
def example_site():
    process = subprocess.Popen([sys.executable, str(ROOT / "examples" / "news_site.py"), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        base = re.search(r"(http://127\.0\.0\.1:\d+)/", line).group(1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def shown(command: str) -> str:
    """The output README shows under ``$ COMMAND``."""
    return README.split(f"$ {command}\n", 1)[1].split("\n$ ", 1)[0].split("```", 1)[0]


def figures(table: str) -> list[list[str]]:
    """The rows of an ingest table that hold figures, without the document's address (it wraps by its length)."""
    rows = [re.sub(r"http://\S+", "", line) for line in table.splitlines()
            if re.search(r"(added|unchanged|replaced|documents stored)", line)]
    return [re.findall(r"\b(added|unchanged|replaced|\d+ of \d+ documents stored|\d+)\b", row) for row in rows]


def test_readme_shows_what_ingest_url_and_watch_once_print(cli, example_site):
    page = "provenance --store /tmp/news ingest http://127.0.0.1:8765/articles/grid-talks-en.html"
    watch = "provenance --store /tmp/news watch http://127.0.0.1:8765/feed.xml --once"
    printed = cli("ingest", f"{example_site}/articles/grid-talks-en.html").stdout
    assert figures(printed) == figures(shown(page)) and figures(printed)
    rounds = [TIME.sub("", shown(watch).strip())]
    rounds.append(TIME.sub("", README.split(f"$ {watch}\n", 2)[2].split("```", 1)[0].strip()))
    for expected in rounds:
        assert TIME.sub("", cli("watch", f"{example_site}/feed.xml", "--once").stdout.strip()) == expected
    assert "ARD" not in printed


def test_the_example_pages_carry_outlet_and_date(cli, example_site):
    cli("watch", f"{example_site}/feed.xml", "--once")
    [claim] = [row for row in cli.json("claims")
               if row["text"].startswith("The ceasefire will take effect") and "courier" in row["article"]]
    assert cli.json("trace", claim["short_id"])["article"]["publisher"] == "The Courier"
    rows = cli.json("query", "SELECT ?id ?date WHERE { ?article schema:identifier ?id ; schema:datePublished ?date }")
    dates = {row["id"]["value"].split("-")[2]: row["date"]["value"] for row in rows["results"]["bindings"]}
    assert dates == {"courier": "2026-02-01", "gazette": "2026-02-01", "herald": "2026-02-01", "observer": "2026-02-01"}
