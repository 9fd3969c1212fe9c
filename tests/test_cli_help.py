"""Every command's help: an example that still parses, no reStructuredText, accurate --json wording; the typo case."""

from __future__ import annotations

import os
import shlex
import warnings

import click
import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.cli.examples import EXAMPLES


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    context = click.Context(group, info_name=" ".join(("provenance", *prefix)))
    for name in group.list_commands(context):  # list_commands and get_command: the root group imports on use
        command = group.get_command(context, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = dict(_commands(main))


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda path: " ".join(path) or "provenance")
def test_every_help_shows_an_example_and_no_markup(path):
    result = CliRunner().invoke(main, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"\n  Example:\n    {EXAMPLES[' '.join(path)]}\n" in text
    for markup in ("``", ":func:", ":meth:", ":class:", ":data:", "\b"):
        assert markup not in text, (markup, text)


@pytest.mark.parametrize("example", sorted(EXAMPLES.items()), ids=lambda item: item[0] or "provenance")
def test_every_example_parses_with_the_command_it_shows(example):
    """An example names options the command has and gives the arguments it needs (parsed, not run)."""
    path, line = example
    words = shlex.split(line)
    for shell_word in (">", "&&", "|"):  # the command ends where the shell's redirection or next command starts
        words = words[:words.index(shell_word)] if shell_word in words else words
    assert words[0] == "provenance"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # protected_args: click 8.2 to 9 move it into args
        context = main.make_context("provenance", words[1:])
        command, args = main, context.protected_args + context.args
        while isinstance(command, click.Group) and args:
            name, command, args = command.resolve_command(context, args)
            context = command.make_context(name, args, parent=context)
            args = context.protected_args + context.args if isinstance(command, click.Group) else []
    shown = " ".join(context.command_path.split()[1:])
    assert shown == path or shown.startswith(f"{path} ".lstrip())


def test_every_command_has_an_example():
    assert sorted(" ".join(path) for path in COMMANDS) == sorted(key for key in EXAMPLES if key)


def test_json_option_wording_fits_every_command():
    for path, command in COMMANDS.items():
        for option in command.params:
            if "--json" in getattr(option, "opts", ()):
                assert "table" not in option.help or path in {("claims",), ("sources",)}, (path, option.help)


def test_base_option_names_its_environment_variable():
    assert "PROVENANCE_BASE" in CliRunner().invoke(main, ["--help"]).stdout


def test_shell_completion_is_documented_and_works():
    assert "_PROVENANCE_COMPLETE=bash_source" in CliRunner().invoke(main, ["--help"]).stdout
    script = CliRunner().invoke(main, [], env={"_PROVENANCE_COMPLETE": "bash_source"}, prog_name="provenance")
    assert "complete -o nosort -F _provenance_completion provenance" in script.stdout


def test_a_mistyped_store_is_one_line_and_creates_nothing(tmp_path):
    typo = tmp_path / "typo"
    result = CliRunner().invoke(main, ["--store", str(typo), "claims"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no store at {typo}: ingest or add first, or pass --store\n"
    assert result.stdout == ""
    assert not typo.exists()


@pytest.mark.parametrize("command", [["claims"], ["trace", "x"], ["report"], ["sources"], ["export"], ["due"],
                                     ["query", "ASK {}"], ["ratings", "list"], ["push", "--to", "memory"]])
def test_no_reading_command_creates_a_store_in_the_current_folder(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVENANCE_STORE", raising=False)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert result.stderr == "Error: no store at ./.provenance: ingest or add first, or pass --store\n"
    assert os.listdir(tmp_path) == []


def test_a_writing_command_creates_the_store_and_says_so_once(tmp_path, seed_text, seed_gold):
    store = tmp_path / "new"
    first = CliRunner().invoke(main, ["--store", str(store), "add", "--text", str(seed_text), str(seed_gold), "--json"])
    assert first.exit_code == 0, first.output
    assert first.stderr == f"Created a new store at {store}\n"
    again = CliRunner().invoke(main, ["--store", str(store), "rate", "Tass", "--reliability", "C"])
    assert again.exit_code == 0 and again.stderr == ""
    assert "10 claims" in CliRunner().invoke(main, ["--store", str(store), "claims"]).stdout


def test_push_to_a_new_folder_creates_it_and_says_so(tmp_path, seed_text, seed_gold):
    store, copy = tmp_path / "store", tmp_path / "copy"
    assert CliRunner().invoke(main, ["--store", str(store), "add", "--text", str(seed_text), str(seed_gold)]).exit_code == 0
    pushed = CliRunner().invoke(main, ["--store", str(store), "push", "--to", str(copy)])
    assert pushed.exit_code == 0, pushed.output
    assert pushed.stderr.strip() == f"Created a new store at {copy}"  # (the finished progress bar leaves a blank line)
    assert "10 claims" in CliRunner().invoke(main, ["--store", str(copy), "claims"]).stdout
