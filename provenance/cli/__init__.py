"""The ``provenance`` command line: thin click commands that parse options, call the library, render.

Command modules register their commands on :data:`main` when imported, and :mod:`provenance.cli.lazy`
imports a command's module only when that command runs (provenance/cli/command_index.py says which
module holds which command); errors a user can cause (:class:`provenance.errors.ProvenanceError`)
become one line on stderr and exit code 1.
"""

from provenance.cli.app import main
from provenance.cli.examples import add_examples

add_examples(main)

__all__ = ["main"]
