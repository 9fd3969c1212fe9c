"""Answers to user SPARQL queries as JSON (SPARQL 1.1 Query Results JSON) and as rich tables."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rich.table import Table

from provenance.storage.base import QueryResult


def term_json(term) -> dict[str, Any]:
    """One RDF term in the SPARQL JSON results shape."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    data: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        data["datatype"] = term.datatype.value
    return data


def query_json(result: QueryResult) -> dict[str, Any]:
    if result.form == "boolean":
        return {"head": {}, "boolean": bool(result.boolean)}
    return {
        "head": {"vars": result.variables},
        "results": {"bindings": [{name: term_json(term) for name, term in row.items()} for row in result.rows]},
    }


def render_query_table(result: QueryResult) -> Table:
    table = Table(title=f"{len(result.rows)} rows")
    for name in result.variables:
        table.add_column(name)
    for row in result.rows:
        table.add_row(*(row[name].value if name in row else "" for name in result.variables))
    return table
