"""A click group that imports a command's module only when that command runs.

Importing every command module to register it cost `provenance --help` and `provenance claims`
most of their start-up (the picture, correction and rating modules and what they import); the
group lists commands and their help from :data:`provenance.cli.command_index.COMMANDS` instead.
Click's documented way to do this is to override ``list_commands`` and ``get_command``.
"""

from __future__ import annotations

import importlib

import click

from provenance.cli.command_index import COMMANDS
from provenance.cli.examples import add_examples


class LazyGroup(click.Group):
    """A group whose commands in the index are imported on first use; commands registered eagerly work too."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self.load(cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and not ctx.resilient_parsing and self.get_command(ctx, args[0]) is None:
            # No such command: click suggests close names from the commands imported, so import them all.
            for name in COMMANDS:
                self.load(name)
        return super().resolve_command(ctx, args)

    def load(self, name: str) -> None:
        """Import the modules that define ``name`` and its subcommands, once, and give them their examples."""
        entry = COMMANDS.get(name)
        if entry is None or name in self._loaded:
            return
        for module in entry.modules:
            importlib.import_module(module)
        self._loaded.add(name)
        if name in self.commands:
            add_examples(self.commands[name], name)

    def summary(self, name: str) -> click.Command | None:
        """The command if it is imported, else a stand-in with the first paragraph of its help."""
        if name in self.commands:
            return self.commands[name]
        entry = COMMANDS.get(name)
        return None if entry is None else click.Command(name, help=entry.summary)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click.Group.format_commands, with summary() in place of get_command(), which would import every command.
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.summary(name)) is not None and not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])
