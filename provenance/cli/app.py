"""The click group, its global options, and the one place where user errors become exit code 1."""

from __future__ import annotations

import os
import sys

import click

from provenance import __version__
from provenance.cli.lazy import LazyGroup
from provenance.errors import ProvenanceError

DEFAULT_STORE = "./.provenance"


class ProvenanceGroup(LazyGroup):
    """A group that turns every ProvenanceError into one line on stderr and exit code 1, and imports commands on use."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ProvenanceError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(0)


def is_new_store(location: str) -> bool:
    """Whether ``location`` is an on-disk store that opening for writing would create."""
    return location != "memory" and not location.startswith(("http://", "https://")) and not os.path.exists(location)


class Settings:
    """What the global options say; commands open the store through it, lazily."""

    def __init__(self, store: str, base: str | None) -> None:
        self.store_location = store
        self.base = base
        self._store = None

    def open_store(self, *, write: bool = False):
        """The store of ``--store``, opened once per command; readers get a read-only view.

        A reader on a path with no store gets NoStore; a writer creates the store and says so on
        stderr (stdout may be JSON).
        """
        from provenance.storage import open_store

        if self._store is None:
            new = write and is_new_store(self.store_location)
            self._store = open_store(self.store_location, write=write)
            if new:
                click.echo(f"Created a new store at {self.store_location}", err=True)
            for warning in getattr(self._store, "warnings", ()):
                click.echo(f"Warning: {warning}", err=True)
        return self._store

    def scheme(self):
        from provenance.rdf.iris import IriScheme

        return IriScheme(self.base) if self.base else IriScheme()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


@click.group(cls=ProvenanceGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store",
    default=lambda: os.environ.get("PROVENANCE_STORE", DEFAULT_STORE),
    show_default="env PROVENANCE_STORE, else ./.provenance",
    help="On-disk store directory, 'memory', or a SPARQL endpoint URL.",
)
@click.option(
    "--base",
    default=lambda: os.environ.get("PROVENANCE_BASE"),
    help="Base IRI for new resources (default: env PROVENANCE_BASE, else https://claim-provenance.org/id/).",
)
@click.option(
    "--limit",
    "limit_values",
    multiple=True,
    metavar="NAME=VALUE",
    help="Raise or lower an input limit (repeatable; names and defaults in provenance/limits.py).",
)
@click.version_option(__version__, prog_name="provenance")
@click.pass_context
def main(ctx: click.Context, store: str, base: str | None, limit_values: tuple[str, ...]) -> None:
    """Trace who said a claim first and through whose hands it passed.

    Commands that read (claims, trace, report, ...) need a store that 'ingest' or 'add' made;
    commands that write create it. Shell completion: eval "$(_PROVENANCE_COMPLETE=bash_source provenance)"
    (zsh_source, fish_source for those shells).
    """
    from provenance import limits

    limits.configure(**dict(limits.parse_assignment(value) for value in limit_values))
    settings = Settings(store, base)
    if base:
        settings.scheme()  # a base the store cannot use is refused before any command runs
    ctx.obj = settings
    ctx.call_on_close(settings.close)
