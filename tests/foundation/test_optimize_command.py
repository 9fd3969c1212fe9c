"""``provenance optimize`` and ``ingest --optimize``: compacting on request, with what it did."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

from click.testing import CliRunner

from provenance.cli import main
from provenance.storage import compaction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
LINE = re.compile(r"Compacted store (\S+) in \d+\.\d s: [\d.]+ (KiB|MiB) on disk before, [\d.]+ (KiB|MiB) after")


def test_optimize_compacts_and_keeps_every_claim(seeded):
    before = seeded.json("claims")
    line = seeded("optimize").stdout.strip()
    match = LINE.fullmatch(line)
    assert match and match.group(1) == str(seeded.store), line
    assert seeded.json("claims") == before


def test_optimize_json_gives_seconds_and_sizes(seeded):
    result = seeded.json("optimize")
    assert result["store"] == str(seeded.store) and result["compacted"] is True
    assert result["seconds"] >= 0 and result["bytes_before"] > 0 and result["bytes_after"] > 0


def run(store: str, *args: str) -> str:
    """What ``provenance --store STORE ARGS`` prints, which must end with exit code 0."""
    result = CliRunner().invoke(main, ["--store", store, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_store_in_memory_has_no_size_to_show():
    assert run("memory", "optimize").strip() == "Compacted store memory in 0.0 s"
    assert json.loads(run("memory", "optimize", "--json"))["bytes_before"] is None


def test_a_sparql_endpoint_is_left_to_its_server():
    # Nothing is sent: the port need not answer.
    assert run("http://127.0.0.1:9/sparql", "optimize").strip() == (
        "Nothing to compact: http://127.0.0.1:9/sparql is a SPARQL endpoint, whose server keeps its own indexes")


def test_ingest_compacts_after_its_summary_when_asked(cli):
    plain = cli("ingest", str(EXAMPLES)).stdout
    assert "Compacted" not in plain
    again = cli("ingest", str(EXAMPLES), "--optimize").stdout
    summary, last = again.rstrip().rsplit("\n", 1)
    assert "2 of 2 documents stored" in summary and LINE.fullmatch(last.strip()), again


def test_ingest_json_keeps_its_shape_and_says_the_compaction_on_stderr(cli):
    result = cli("ingest", str(EXAMPLES), "--optimize", "--json")
    assert [row["status"] for row in json.loads(result.stdout)] == ["added", "added"]
    assert LINE.fullmatch(result.stderr.strip().splitlines()[-1])


def test_size_text_examples():
    assert doctest.testmod(compaction).attempted > 0 and doctest.testmod(compaction).failed == 0
