"""A user's SPARQL query run with a time limit, and without reaching other servers unless asked.

pyoxigraph evaluates a query without the GIL and cannot be stopped from Python, so the query runs
in a daemon thread and the caller stops waiting at the deadline: the command then ends with one
line, and the thread ends with the process. A federated query (``SERVICE``) makes the store send
requests to any server the query names, from the user's machine and network; it is refused
unless the caller allows it.

Example::

    >>> uses_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" }  # SERVICE in a comment')
    False
"""

from __future__ import annotations

import threading

from provenance.errors import InvalidInput, StoreError
from provenance.storage.base import QueryResult
from provenance.storage.sparql_text import _lexemes


def uses_service(query: str) -> bool:
    """Whether the query holds the SERVICE keyword (strings, IRIs and comments are not looked into)."""
    return any(lexeme.upper() == "SERVICE" for lexeme, _, _ in _lexemes(query))


def run_query(store, query: str, *, seconds: float, allow_service: bool = False) -> QueryResult:
    """``store.run(query)``, or StoreError once it has run ``seconds``; InvalidInput for SERVICE unless allowed."""
    if not allow_service and uses_service(query):
        raise InvalidInput("the query uses SERVICE, which sends requests to other servers; "
                           "give --allow-service to let it")
    outcome: dict[str, object] = {}

    def evaluate() -> None:
        try:
            outcome["result"] = store.run(query)
        except BaseException as error:  # handed to the caller's thread, which raises it
            outcome["error"] = error

    worker = threading.Thread(target=evaluate, name="provenance-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise StoreError(f"the query ran longer than {seconds:g} s and was stopped; "
                         "raise the limit with --timeout SECONDS, or ask for less")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
