"""README.md documents every command and starts with the two set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import click

from provenance.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    names = main.list_commands(click.Context(main, info_name="provenance"))
    missing = [name for name in names if f"provenance {name}" not in README and f"/ `{name}`" not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_setup_commands_come_first():
    blocks = re.findall(r"```\n(.*?)\n```", README, flags=re.S)
    assert blocks[0].startswith("pip install -e '.[test]'") and "provenance ingest examples/articles" in blocks[0]
    assert blocks[1] == "python -m pytest -q"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == blocks[1]


def test_the_first_command_ingests_every_bundled_example(tmp_path, monkeypatch):
    """README's first command, after the install: every example article is stored, the report runs."""
    from click.testing import CliRunner

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    runner = CliRunner()
    store = str(tmp_path / "store")
    ingested = runner.invoke(main, ["--store", store, "ingest", "examples/articles", "--json"])
    assert ingested.exit_code == 0, ingested.output
    assert "skipped" not in ingested.output
    reported = runner.invoke(main, ["--store", store, "report"])
    assert reported.exit_code == 0, reported.output


def test_the_ingest_output_shown_is_what_ingest_prints(tmp_path, monkeypatch):
    """The rows README shows under ``$ provenance ingest examples/articles`` are the ones the command prints."""
    from click.testing import CliRunner

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    shown = README.split("$ provenance --store /tmp/articles ingest examples/articles\n", 1)[1].split("```", 1)[0]
    rows = [line.split() for line in shown.splitlines() if "examples/articles/" in line or "documents stored" in line]
    assert len(rows) == 3
    printed = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "ingest", "examples/articles"]).output
    assert [line.split() for line in printed.splitlines()
            if "examples/articles/" in line or "documents stored" in line] == rows


def test_the_seed_add_line_shown_is_what_add_prints(tmp_path, seed_text, seed_gold):
    """The line README shows under the tour's ``add`` of the seed article is the one the command prints."""
    from click.testing import CliRunner

    shown = re.search(r"^(Created a new store at /tmp/tour)\n(Added article tass-talks-de .*)$", README, flags=re.M)
    result = CliRunner().invoke(main, [
        "--store", str(tmp_path / "tour"), "add", "--text", str(seed_text), str(seed_gold),
        "--published", "2026-02-05"])
    assert result.stderr.replace(str(tmp_path / "tour"), "/tmp/tour") == shown.group(1) + "\n"
    assert " ".join(result.stdout.split()).replace(str(tmp_path / "tour"), "/tmp/tour") == shown.group(2)
