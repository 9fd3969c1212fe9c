"""SPARQL query text: finding a query's form and WHERE group, and binding variables with a VALUES block.

Both backends bind variables the same way: a ``VALUES`` block of pyoxigraph-serialised terms that
opens the query's outermost WHERE group. A server has no other way to receive bindings, and the
embedded store gains from it too: pyoxigraph 0.5 applies ``substitutions`` only after evaluating
the query's patterns unbound (measured on 100k claims: the spans of one claim 0.5 s with a
substitution, 0.5 ms with the VALUES block, which its optimiser joins first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from provenance.errors import InvalidInput
from provenance.storage.base import Binding

# A variable's characters, [A-Za-z0-9_\u00B7\u00C0-\uFFFF], and its first one, [A-Za-z_\u00C0-\uFFFF],
# written as the complement: the same sets, but compiled in a tenth of the time (a range up to
# \uFFFF made this module's import cost 10-20 ms, paid by every command that reads the store).
_NAME_CHAR = r"[^\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\xB6\xB8-\xBF\U00010000-\U0010FFFF]"
_NAME_START = r"[^\x00-\x40\x5B-\x5E\x60\x7B-\xBF\U00010000-\U0010FFFF]"

# One lexeme of SPARQL: a string (long or short), an IRI, a comment, a variable, a word or
# prefixed name, or any other single character. Braces or keywords inside strings, IRIs and
# comments are thereby never taken for structure.
_LEXEME = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"(?:[^"\\\n]|\\.)*"'''
    r"""|'(?:[^'\\\n]|\\.)*'"""
    r'''|<[^<>"{}|^`\\\x00-\x20]*>'''
    r"|#[^\n]*"
    rf"|[?$]{_NAME_CHAR}+"
    r"|[A-Za-z_][\w\-.:]*"
    r"|\S",
    re.DOTALL,
)
_VARIABLE = re.compile(rf"^{_NAME_START}{_NAME_CHAR}*$")


def _lexemes(query: str) -> Iterator[tuple[str, int, int]]:
    """Lexemes of a query with their position and brace depth; comments are left out."""
    depth = 0
    for match in _LEXEME.finditer(query):
        text = match.group()
        if text.startswith("#"):
            continue
        if text == "}":
            depth -= 1
        yield text, match.start(), depth
        if text == "{":
            depth += 1


FORMS = {"SELECT": "select", "CONSTRUCT": "construct", "DESCRIBE": "describe", "ASK": "ask"}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def query_form(query: str) -> str | None:
    """``select``, ``construct``, ``describe``, ``ask``, ``update``, or None when it cannot be told."""
    for lexeme, _, depth in _lexemes(query):
        token = lexeme.upper()
        if depth == 0 and token in FORMS:
            return FORMS[token]
        if depth == 0 and token in UPDATE_WORDS:
            return "update"
    return None


def where_group_start(query: str) -> int:
    """The offset just inside the opening brace of the query's outermost WHERE group."""
    form = None
    after_where = False
    top_level_groups = 0
    for lexeme, position, depth in _lexemes(query):
        token = lexeme.upper()
        if depth != 0:
            continue
        if form is None and token in FORMS:
            form = token
        elif token == "WHERE":
            after_where = True
        elif token == "{":
            top_level_groups += 1
            # CONSTRUCT's template is its first group unless WHERE came first (CONSTRUCT WHERE { … }).
            if after_where or form != "CONSTRUCT" or top_level_groups == 2:
                return position + 1
    raise InvalidInput("cannot find the WHERE clause of the query to bind its variables")


def bind_values(query: str, bindings: Mapping[str, Binding]) -> str:
    """The query with a ``VALUES`` block opening its outermost WHERE group.

    A variable bound to one term gets one row; a variable bound to a sequence of terms gets one row
    per term (several sequences must be equally long and are zipped; single terms repeat in every
    row), so one query reads many claims at once. An empty sequence matches nothing.

    A VALUES block that opens a group is joined with everything else in that group, so every
    triple pattern, OPTIONAL (whose left side it is part of) and FILTER of the group sees the
    variable bound to the value, as if the variable had been replaced. (A nested subquery that does
    not project the variable has a variable of its own.)

    Values never reach the text raw: each term is written by pyoxigraph in N-Triples syntax
    (``str(term)``), which escapes quotes, backslashes and line breaks in literals, and an IRI
    cannot contain ``>`` or spaces (pyoxigraph refuses such an IRI), so no value can end its term
    and continue as query text. N-Triples terms are valid SPARQL terms.

    >>> bind_values("SELECT ?n WHERE { ?s <http://schema.org/name> ?n }", {"s": ox.NamedNode("urn:x")})
    'SELECT ?n WHERE { VALUES (?s) { (<urn:x>) } ?s <http://schema.org/name> ?n }'
    >>> bind_values("SELECT ?n { ?s ?p ?n }", {"s": [ox.NamedNode("urn:x"), ox.NamedNode("urn:y")]})
    'SELECT ?n { VALUES (?s) { (<urn:x>) (<urn:y>) } ?s ?p ?n }'
    """
    if not bindings:
        return query
    names, columns, rows = [], [], None
    for name, value in bindings.items():
        if not _VARIABLE.match(name):
            raise InvalidInput(f"{name!r} is not a SPARQL variable name")
        single = isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal))
        terms = [value] if single else list(value)
        if any(not isinstance(term, (ox.NamedNode, ox.Literal)) for term in terms):
            raise InvalidInput(f"?{name}: only IRIs and literals can be bound in a query")
        if not single:
            if rows is not None and len(terms) != rows:
                raise InvalidInput("variables bound to several terms must be bound to equally many")
            rows = len(terms)
        names.append(f"?{name}")
        columns.append((single, [str(term) for term in terms]))
    lines = " ".join(
        "(" + " ".join(terms[0] if single else terms[index] for single, terms in columns) + ")"
        for index in range(1 if rows is None else rows)
    )
    start = where_group_start(query)
    return query[:start] + f" VALUES ({' '.join(names)}) {{ {lines} }}" + query[start:]
