"""``provenance optimize`` and ``ingest --optimize``: compacting on request, with what it did."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

from provenance.storage import compaction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
LINE = re.compile(r"Compacted store (\S+) in \d+\.\d s: [\d.]+ (KiB|MiB) on disk before, [\d.]+ (KiB|MiB) after"
                  r"; search index of (\d+) claims made anew")


def test_optimize_compacts_and_keeps_every_claim(seeded):
    before = seeded.json("claims")
    line = seeded("optimize").stdout.strip()
    match = LINE.fullmatch(line)
    assert match and match.group(1) == str(seeded.store), line
    assert match.group(4) == "10"
    assert seeded.json("claims") == before


def test_optimize_json_gives_seconds_and_sizes(seeded):
    result = seeded.json("optimize")
    assert result["store"] == str(seeded.store) and result["compacted"] is True
    assert result["seconds"] >= 0 and result["bytes_before"] > 0 and result["bytes_after"] > 0
    assert result["indexed_claims"] == 10


def test_a_store_in_memory_has_no_size_to_show(cli_at):
    memory = cli_at("memory")
    assert memory("optimize").stdout.strip() == "Compacted store memory in 0.0 s"
    assert memory.json("optimize")["bytes_before"] is None


def test_a_sparql_endpoint_is_left_to_its_server(cli_at):
    # Nothing is sent: the port need not answer.
    assert cli_at("http://127.0.0.1:9/sparql")("optimize").stdout.strip() == (
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
    result = doctest.testmod(compaction)
    assert result.attempted > 0 and result.failed == 0
