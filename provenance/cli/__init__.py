"""The ``provenance`` command line: thin click commands that parse options, call the library, render.

Every command module registers itself on :data:`main`; errors a user can cause
(:class:`provenance.errors.ProvenanceError`) become one line on stderr and exit code 1.
"""

from provenance.cli.app import main
from provenance.cli import commands as _commands  # noqa: F401  (registers the store commands)
from provenance.cli import extract_command as _extract_command  # noqa: F401  (registers extract)
from provenance.cli import ingest_command as _ingest_command  # noqa: F401  (registers ingest)
from provenance.cli import analysis_commands as _analysis_commands  # noqa: F401  (registers report, sources)
from provenance.cli import transfer_commands as _transfer_commands  # noqa: F401  (registers push, pull)
from provenance.cli import rating_commands as _rating_commands  # noqa: F401  (registers rate, ratings, verdict, due)
from provenance.cli import desk_commands as _desk_commands  # noqa: F401  (registers changes)

from provenance.cli import graph_command as _graph_command  # noqa: F401  (registers graph)
from provenance.cli import correction_commands as _correction_commands  # noqa: F401,E402  (registers correct, claim, corrections, sources merge…)
from provenance.cli import watch_command as _watch_command  # noqa: F401,E402  (registers watch)
from provenance.cli.examples import add_examples

add_examples(main)

__all__ = ["main"]
