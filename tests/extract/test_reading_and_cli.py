"""Reading every kind of input, bad ones included, through the library and the ``extract`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.errors import InvalidInput, NotFound
from provenance.extract import read_documents
from provenance.extract.reading import LARGEST_ARTICLE_BYTES

GERMAN = "Die Brücke sei gesperrt, sagte der Bürgermeister."


def run(*arguments: str):
    return CliRunner().invoke(main, ["extract", *arguments])


def test_txt_html_jsonl_and_directory(tmp_path):
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title><script>var x;</script></head><body><nav>Menü</nav>"
        f"<article><p>{GERMAN}</p></article><footer>Impressum</footer></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": GERMAN, "lang": "de", "url": "https://example.org/c1"}) + "\n", encoding="utf-8"
    )
    documents = list(read_documents([tmp_path]))
    assert [document.id for document in documents] == ["a", "b", "c1"]
    assert documents[1].text == GERMAN and documents[1].title == "T"
    assert documents[2].url == "https://example.org/c1"


def test_latin1_and_utf16_with_bom_are_decoded(tmp_path):
    (tmp_path / "latin.txt").write_bytes(GERMAN.encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes(GERMAN.encode("utf-16"))
    texts = [document.text for document in read_documents([tmp_path / "latin.txt", tmp_path / "wide.txt"])]
    assert texts == [GERMAN, GERMAN]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "no text"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("broken.jsonl", b'{"id": "x", "text": \n', "not valid JSON"),
        ("notext.jsonl", b'{"id": "x"}\n', "'text'"),
        ("image.png", b"\x89PNG", "cannot read .png"),
    ],
)
def test_bad_files_raise_one_clear_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        list(read_documents([path]))


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(NotFound):
        list(read_documents([tmp_path / "nothing.txt"]))


def test_a_too_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(LARGEST_ARTICLE_BYTES + 1)
    with pytest.raises(InvalidInput, match="too large"):
        list(read_documents([path]))


def test_cli_jsonl_has_one_line_per_document_in_the_design_shape(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = run(str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    document = json.loads(line)
    assert document["doc"] == "a" and document["lang"] == "de"
    (claim,) = document["claims"]
    assert set(claim) >= {"id", "text", "spans", "cue", "mode", "hedged", "chain"}
    assert claim["chain"][-1]["mention"] == "der Bürgermeister"


def test_cli_json_jobs_and_output_file(tmp_path):
    lines = [json.dumps({"id": f"d{number}", "text": GERMAN}) for number in range(20)]
    source = tmp_path / "many.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out.json"
    result = run(str(source), "--format", "json", "--jobs", "2", "--lang", "de", "-o", str(output))
    assert result.exit_code == 0, result.output
    documents = json.loads(output.read_text(encoding="utf-8"))
    assert [document["doc"] for document in documents] == [f"d{number}" for number in range(20)]


def test_cli_bad_input_exits_1_with_one_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    result = run(str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
