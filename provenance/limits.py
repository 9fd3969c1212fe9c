"""How much input the tool accepts: one size and depth policy for every way data comes in.

Every input path (article files, JSON claims documents, JSONL lines, RDF imports in each format,
ClaimReview JSON-LD, SPARQL queries) checks its input against the limits named here before the
work that could exhaust the machine starts, and refuses what is over a limit with one line that
names the limit and the option that raises it (``provenance --limit NAME=VALUE``). The defaults
keep every command within 2 GB of memory and a minute (benchmarks/bench_hardening.py checks that
under ``ulimit -v``), and are far above what a news article needs: the seed article is 2.6 KB with
10 claims of 1-2 hops; the largest article of the corpora has fewer than 200 claims.

Example::

    >>> from provenance import limits
    >>> limits.current().article_bytes
    20971520
    >>> with limits.overridden(article_bytes=10):
    ...     limits.check_size(11, "article_bytes", "a.txt")
    Traceback (most recent call last):
    ...
    provenance.errors.InvalidInput: a.txt: 11 bytes is too large, over the limit of 10 bytes (article_bytes); split it or raise it with --limit article_bytes=N
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from provenance.errors import InvalidInput

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits in force; each field is one limit, named as ``--limit`` takes it."""

    #: One article's text (a .txt or .html file, one .jsonl line, ``add --text``).
    article_bytes: int = 20 * MB
    #: A claims document (``add``), a ClaimReview file or a rating table.
    document_bytes: int = 32 * MB
    #: An RDF file given to ``import``.
    import_bytes: int = 512 * MB
    #: Claims in one article.
    claims: int = 20_000
    #: Sources in one chain (hearsay depth).
    hops: int = 100
    #: Characters of one name (a source, an assessor, an article id).
    name_chars: int = 1_000
    #: Nesting of JSON objects and arrays (a claims document is 5 deep, JSON-LD exports about 10).
    json_depth: int = 200
    #: Nesting of RDF structures: Turtle/TriG blank node brackets and collections, RDF/XML elements.
    rdf_depth: int = 200
    #: Seconds a ``query`` may run (``query --timeout`` changes it for one query).
    query_seconds: float = 30.0

    def describe(self) -> dict[str, Any]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


_current = Limits()


def current() -> Limits:
    """The limits in force in this process."""
    return _current


def names() -> list[str]:
    return [field.name for field in fields(Limits)]


def configure(**values: Any) -> None:
    """Set the limits of this process: the defaults, with ``values`` changed (the CLI's ``--limit``)."""
    global _current
    _current = replace(Limits(), **values)


@contextlib.contextmanager
def overridden(**values: Any) -> Iterator[Limits]:
    """Change limits for the duration of a ``with`` block (tests, benchmarks)."""
    global _current
    before = _current
    _current = replace(_current, **values)
    try:
        yield _current
    finally:
        _current = before


def parse_assignment(text: str) -> tuple[str, float | int]:
    """``NAME=VALUE`` as ``--limit`` takes it, checked: the name one of :func:`names`, the value positive."""
    name, separator, value = text.partition("=")
    name = name.strip().replace("-", "_")
    if not separator or name not in names():
        raise InvalidInput(f"--limit takes NAME=VALUE with NAME one of {', '.join(names())}, not {text!r}")
    kind = float if name == "query_seconds" else int
    try:
        number = kind(value.strip())
    except ValueError:
        raise InvalidInput(f"--limit {name} needs a positive number, not {value!r}") from None
    if not number > 0:
        raise InvalidInput(f"--limit {name} needs a positive number, not {value!r}")
    return name, number


def over(name: str, where: str, what: str) -> InvalidInput:
    """The error for input over the limit ``name``."""
    limit = getattr(_current, name)
    return InvalidInput(f"{where}: {what}, over the limit of {limit:,} ({name}); raise it with --limit {name}=N")


def check_size(size: int, name: str, where: str) -> None:
    """Refuse ``size`` bytes over the limit ``name``."""
    limit = getattr(_current, name)
    if size > limit:
        raise InvalidInput(
            f"{where}: {size:,} bytes is too large, over the limit of {limit:,} bytes ({name}); "
            f"split it or raise it with --limit {name}=N"
        )


def check_count(count: int, name: str, where: str, what: str) -> None:
    """Refuse ``count`` things over the limit ``name``."""
    if count > getattr(_current, name):
        raise over(name, where, f"{count:,} {what}")


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(code for code in range(256) if code not in b"[]{}")


def json_depth(text: str | bytes) -> int:
    """How deep arrays and objects nest in JSON text (brackets inside strings do not count).

    Strings are cut out and every byte but brackets dropped by C code, and the running depth is
    a cumulative sum in numpy: a walk over the parsed values in Python took seconds for a million
    claims, and the parser itself cannot be asked how deep it went.

    >>> json_depth('{"a": [1, {"b": "]]"}], "c": []}')
    3
    """
    import numpy as np

    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if not brackets:
        return 0
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1).astype(np.int32)
    return int(np.cumsum(steps).max())


def parse_json(text: str | bytes, where: str, *, malformed: str = "malformed JSON") -> Any:
    """Parse JSON within the limits, or raise InvalidInput with one line saying why not.

    Python's parser itself refuses integers of more than 4,300 digits (ValueError) and nesting
    deeper than its recursion limit (RecursionError); both become the same kind of one-line
    error as malformed JSON, and nesting over ``json_depth`` is refused as well.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InvalidInput(f"{where}: not UTF-8 text (byte {error.start}); JSON must be UTF-8") from None
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    # No deeper than its count of opening brackets: most documents are cleared without a scan.
    if data.count(b"[") + data.count(b"{") > _current.json_depth and json_depth(data) > _current.json_depth:
        raise over("json_depth", where, "JSON nested too deep")
    try:
        value = json.loads(text)
    except MemoryError:
        raise InvalidInput(f"{where}: too large to read in the memory there is; split it") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{where}: {malformed} at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise over("json_depth", where, "JSON nested too deep") from None
    except ValueError as error:
        if "digits" in str(error):
            raise InvalidInput(f"{where}: a number of more than 4,300 digits; no count or offset is that long") from None
        raise InvalidInput(f"{where}: unreadable JSON: {error}") from None
    return value
