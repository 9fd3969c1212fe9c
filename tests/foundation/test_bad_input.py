"""Bad input gets one clear line on stderr and exit code 1; the store keeps what it had."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest


def quads(store_path) -> set[str]:
    return {str(quad) for quad in ox.Store.read_only(str(store_path))}


def one_error_line(result) -> str:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.fixture
def gold(seed_gold):
    return json.loads(seed_gold.read_text(encoding="utf-8"))


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_malformed_json(seeded, seed_text, tmp_path):
    before = quads(seeded.store)
    bad = write(tmp_path, "bad.json", '{"doc": "x", "claims": [')
    line = one_error_line(seeded("add", "--text", str(seed_text), str(bad), expect=1))
    assert "malformed JSON" in line and "line 1" in line
    assert quads(seeded.store) == before


def test_span_outside_the_text(seeded, seed_text, gold, tmp_path):
    before = quads(seeded.store)
    gold["claims"][2]["spans"] = [[5000, 5010]]
    bad = write(tmp_path, "spans.json", json.dumps(gold))
    line = one_error_line(seeded("add", "--text", str(seed_text), str(bad), expect=1))
    assert "claim 3" in line and "outside the article text" in line
    assert quads(seeded.store) == before


def test_unknown_kind(seeded, seed_text, gold, tmp_path):
    before = quads(seeded.store)
    gold["claims"][0]["chain"][1]["kind"] = "wire-service"
    bad = write(tmp_path, "kind.json", json.dumps(gold))
    line = one_error_line(seeded("add", "--text", str(seed_text), str(bad), expect=1))
    assert "unknown source kind 'wire-service'" in line and "claim 1" in line
    assert quads(seeded.store) == before


def test_cue_without_chain(cli, seed_text, gold, tmp_path):
    gold["claims"][0]["chain"] = []
    bad = write(tmp_path, "cue.json", json.dumps(gold))
    line = one_error_line(cli("add", "--text", str(seed_text), str(bad), expect=1))
    assert "has a cue but an empty chain" in line


def test_missing_files(cli, seed_text, tmp_path):
    line = one_error_line(cli("add", "--text", str(tmp_path / "nope.txt"), str(seed_text), expect=1))
    assert "nope.txt: no such file" in line
    line = one_error_line(cli("import", str(tmp_path / "nope.ttl"), expect=1))
    assert "no such file" in line


def test_malformed_turtle_on_import(seeded, tmp_path):
    before = quads(seeded.store)
    bad = write(tmp_path, "bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n ex:d \"unterminated .\n")
    line = one_error_line(seeded("import", str(bad), expect=1))
    assert "malformed turtle" in line
    assert quads(seeded.store) == before


def test_unknown_extension_needs_format(cli, tmp_path):
    data = write(tmp_path, "data.txt", "")
    line = one_error_line(cli("import", str(data), expect=1))
    assert "give --format" in line


def test_non_utf8_claims_file(cli, seed_text, tmp_path):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"doc": "Übung"}'.encode("latin-1"))
    line = one_error_line(cli("add", "--text", str(seed_text), str(bad), expect=1))
    assert "not UTF-8" in line


def test_store_in_use_by_another_process(seeded, seed_text, seed_gold):
    before = quads(seeded.store)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
         str(seeded.store)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        line = one_error_line(seeded("add", "--text", str(seed_text), str(seed_gold), expect=1))
        assert "in use by another process" in line
        # readers still get a read-only view while the writer holds the store
        assert len(seeded.json("claims")) == 10
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert quads(seeded.store) == before


def test_store_path_is_a_file(tmp_path, seed_text, seed_gold):
    from click.testing import CliRunner

    from provenance.cli import main

    path = tmp_path / "file"
    path.write_text("x")
    result = CliRunner().invoke(main, ["--store", str(path), "add", "--text", str(seed_text), str(seed_gold)])
    one_error_line(result)


def test_a_lone_surrogate_in_a_claim(seeded, seed_text, gold, tmp_path):
    """JSON may spell half a character ("\\ud800"); it is refused, not raised as an encoding error."""
    before = quads(seeded.store)
    gold["claims"][0]["chain"][0]["name"] = "Verhandlungs\ud800kreise"
    bad = write(tmp_path, "surrogate.json", json.dumps(gold))
    line = one_error_line(seeded("add", "--text", str(seed_text), str(bad), expect=1))
    assert "lone surrogate" in line
    assert quads(seeded.store) == before


@pytest.mark.parametrize("base", ["https://example.org/id#", "https://example.org/%zz/"])
def test_a_base_iri_the_minted_iris_cannot_live_under(seeded, seed_text, seed_gold, base):
    before = quads(seeded.store)
    line = one_error_line(seeded("--base", base, "add", "--text", str(seed_text), str(seed_gold), expect=1))
    assert "base IRI" in line
    assert quads(seeded.store) == before
