"""The exceptions a user can cause, each carrying one line that says what went wrong and what to do.

The CLI prints ``str(error)`` on stderr and exits 1 for every subclass of :class:`ProvenanceError`;
anything else is a bug and is allowed to show its traceback.
"""


class ProvenanceError(Exception):
    """Base of every error a user can cause; its message is shown as it is."""


class InvalidInput(ProvenanceError):
    """Input data (JSON, RDF, text, spans, kinds) that cannot be used as given."""


class NotFound(ProvenanceError):
    """A file, claim, source or article that does not exist."""


class Ambiguous(ProvenanceError):
    """A reference (claim id prefix, text fragment, source name) that matches more than one thing."""


class StoreError(ProvenanceError):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the on-disk store."""


class NoStore(StoreError):
    """A reader was pointed at an on-disk store that does not exist (a typo, or nothing stored yet)."""
