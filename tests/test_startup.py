"""What a start loads: `provenance --help` no command module, a plain `claims` listing no heavy library.

Structural checks of what benchmarks/bench_startup.py times: each command runs in a new interpreter,
as a user starts it, and the modules it loaded beyond Python's own start are compared with what it
must not need. The command index that lets `--help` list commands without importing them is checked
against the commands themselves.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.cli.command_index import COMMANDS

# Runs the CLI and writes the names of the loaded modules to the file $MODULES_OUT at exit.
RUN = """
import atexit, os, sys
atexit.register(lambda: open(os.environ["MODULES_OUT"], "w").write("\\n".join(sorted(sys.modules))))
from provenance.cli import main
width = os.environ.get("HELP_WIDTH")  # as CliRunner's terminal_width, which COLUMNS is not (click caps it at 80)
main(sys.argv[1:], prog_name="provenance", **({"terminal_width": int(width)} if width else {}))
"""
HEAVY = ("networkx", "numpy", "scipy", "rdflib", "certifi", "requests", "selectolax")


def _start(tmp_path, *args: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, set[str]]:
    """The finished run of ``provenance ARGS`` in a new interpreter and the modules it loaded beyond Python's own start."""
    out = tmp_path / "modules.txt"
    env = {**os.environ, **(env or {}), "MODULES_OUT": str(out)}
    bare = subprocess.run([sys.executable, "-c", "import sys; print('\\n'.join(sys.modules))"],
                          capture_output=True, text=True, check=True, env=env).stdout.split()
    ran = subprocess.run([sys.executable, "-c", RUN, *args], check=False, capture_output=True, text=True, env=env, cwd=tmp_path)
    return ran, set(out.read_text().split()) - set(bare)


def _within(loaded: set[str], packages) -> list[str]:
    return sorted(name for name in loaded if any(name == p or name.startswith(p + ".") for p in packages))


def test_help_imports_no_command_and_no_library(tmp_path):
    ran, loaded = _start(tmp_path, "--help")
    assert ran.returncode == 0 and "Commands:" in ran.stdout, ran.stderr
    assert _within(loaded, (*HEAVY, "pyoxigraph", "rich", "provenance.model", "provenance.rdf", "provenance.storage",
                            "provenance.reports", "provenance.analysis", "provenance.extract", "provenance.web",
                            "provenance.api")) == []
    commands = {module for entry in COMMANDS.values() for module in entry.modules}
    assert sorted(loaded & commands) == []


def test_a_plain_claims_listing_imports_no_analysis_picture_or_corrections_module(cli, seed_text, seed_gold, tmp_path):
    cli("add", "--text", str(seed_text), str(seed_gold))
    ran, loaded = _start(tmp_path, "--store", str(cli.store), "claims")
    assert ran.returncode == 0 and "10 claims" in ran.stdout, ran.stderr
    assert _within(loaded, (*HEAVY, "provenance.reports.picture", "provenance.analysis", "provenance.extract",
                            "provenance.web", "provenance.reports.corrections", "provenance.rdf.corrections",
                            "provenance.rdf.ratings", "provenance.rdf.claim_filters", "provenance.rdf.analysis_queries",
                            "provenance.cli.graph_command", "provenance.cli.correction_commands",
                            "provenance.cli.rating_commands", "provenance.api",
                            "sqlite3", "provenance.storage.search_index")) == []
    # the command ran through the lazy group: only the module that defines `claims` was imported
    assert _within(loaded, ("provenance.cli",)) == ["provenance.cli", "provenance.cli.app", "provenance.cli.command_index",
                                                    "provenance.cli.commands", "provenance.cli.examples",
                                                    "provenance.cli.io", "provenance.cli.lazy"]


def _loaded_commands() -> dict[str, click.Command]:
    context = click.Context(main, info_name="provenance")
    return {name: main.get_command(context, name) for name in main.list_commands(context)}


def _first_paragraph(help_text: str | None) -> str:
    return " ".join(inspect.cleandoc(help_text or "").split("\n\n")[0].split())


def test_the_index_names_each_command_with_its_modules_and_help():
    commands = _loaded_commands()
    assert sorted(commands) == sorted(COMMANDS), "provenance/cli/command_index.py must list every command"
    for name, command in commands.items():
        entry = COMMANDS[name]
        defined_in = {command.callback.__module__}
        if isinstance(command, click.Group):
            defined_in |= {sub.callback.__module__ for sub in command.commands.values()}
        assert defined_in <= set(entry.modules), (name, defined_in, entry.modules)
        assert entry.summary == _first_paragraph(command.help), name
        assert not command.short_help, f"{name}: the index gives the help's first paragraph, not short_help"


@pytest.mark.parametrize("width", [50, 80, 200])
def test_help_lists_the_commands_as_they_describe_themselves(tmp_path, width):
    """`--help` from the index, in a new interpreter, is the help the imported commands give."""
    ran, _ = _start(tmp_path, "--help", env={"HELP_WIDTH": str(width)})
    _loaded_commands()
    loaded = CliRunner().invoke(main, ["--help"], prog_name="provenance", terminal_width=width)
    assert ran.stdout == loaded.stdout


def test_a_mistyped_command_is_answered_as_the_imported_commands_answer_it(tmp_path):
    ran, _ = _start(tmp_path, "claimz")
    _loaded_commands()
    loaded = CliRunner().invoke(main, ["claimz"], prog_name="provenance")
    assert ran.returncode == loaded.exit_code == 2
    assert ran.stderr == loaded.stderr and "No such command 'claimz'." in ran.stderr


@pytest.mark.parametrize("words, expected", [
    ("provenance cla", {"claim", "claims"}),
    ("provenance sources m", {"merge"}),
    ("provenance claims --sea", {"--search"}),
    ("provenance ratings ", {"import", "list", "track"}),
])
def test_shell_completion_finds_commands_not_imported_yet(tmp_path, words, expected):
    env = {"_PROVENANCE_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    ran, _ = _start(tmp_path, env=env)
    assert {line.split(",", 1)[1] for line in ran.stdout.splitlines()} == expected, ran.stderr
