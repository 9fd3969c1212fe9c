"""Read articles from .txt, .html/.htm, .jsonl files and directories into :class:`InputDocument`.

Every way a file can be unusable (binary, empty, undecodable, malformed JSON, too large) becomes an
:class:`~provenance.errors.InvalidInput` with one line naming the file, never a traceback.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from provenance import limits
from provenance.errors import InvalidInput, NotFound

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: The default size limit of one article (``provenance.limits`` holds the one in force).
LARGEST_ARTICLE_BYTES = limits.Limits().article_bytes
# Elements whose text is never the article's: navigation, scripts, page furniture.
HTML_NOISE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template"
METADATA_FIELDS = ("url", "published", "title", "publisher")


@dataclass
class InputDocument:
    """One article to extract from: its id, its text and what is known about it."""

    id: str
    text: str
    lang: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    publisher: str | None = None
    modified: str | None = None
    author: str | None = None


def read_documents(paths: Iterable[Path], lang: str | None = None) -> Iterator[InputDocument]:
    """Yield the documents of every path in order; directories contribute their readable files, sorted.

    ``lang`` overrides the language of every document (None: as given in JSONL, else detected later).
    Raises InvalidInput or NotFound with one line for a path that cannot be read.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(
                child for child in path.rglob("*") if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES
            )
            for child in files:
                yield from _read_file(child, lang)
        elif path.exists():
            yield from _read_file(path, lang)
        else:
            raise NotFound(f"{path}: no such file or directory")


def _read_file(path: Path, lang: str | None) -> Iterator[InputDocument]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, lang)
        return
    if suffix not in READABLE_SUFFIXES:
        raise InvalidInput(f"{path}: cannot read {suffix or 'files without a suffix'}; give .txt, .html or .jsonl")
    text = decode_text(path, _read_bytes(path))
    if suffix in HTML_SUFFIXES:
        yield _read_html(path, text, lang)
        return
    if not text.strip():
        raise InvalidInput(f"{path}: the file has no text to extract from")
    yield InputDocument(id=path.stem, text=text, lang=lang)


def _read_html(path: Path, html: str, lang: str | None) -> InputDocument:
    """A saved page: its main text, and what its metadata says (JSON-LD, OpenGraph, canonical link, ``<html lang>``)."""
    from provenance.web.pages import page_document

    document = page_document(html, None, lang=lang, label=str(path))
    document.id = path.stem
    return document


def _read_bytes(path: Path) -> bytes:
    try:
        # A text file larger than this is not one news article; refusing it early keeps memory bounded.
        limits.check_size(path.stat().st_size, "article_bytes", str(path))
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read the file ({error.strerror or error})") from None


def decode_text(path: Path, data: bytes) -> str:
    """Text of a file: UTF-8 (BOM allowed), UTF-16 with BOM, else Latin-1 for 8-bit text; binary is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(f"{path}: the UTF-16 byte order mark is followed by invalid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{path}: looks like a binary file, not text; give .txt, .html or .jsonl")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    control = sum(1 for char in text[:8192] if ord(char) < 32 and char not in "\n\r\t\f")
    if control > len(text[:8192]) * 0.01:
        raise InvalidInput(f"{path}: looks like a binary file, not text; give .txt, .html or .jsonl")
    return text


def html_main_text(html: str) -> tuple[str, str | None]:
    """The article's text (paragraphs of <article> or <main> if there is one) and the page title."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else None
    for node in tree.css(HTML_NOISE):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title
    blocks = [node.text(separator=" ", strip=True) for node in root.css("h1, h2, h3, p, li, blockquote")]
    blocks = [" ".join(block.split()) for block in blocks if block.strip()]
    if not blocks:
        blocks = [" ".join(root.text(separator=" ").split())]
    return "\n\n".join(blocks), title or None


def _read_jsonl(path: Path, lang: str | None) -> Iterator[InputDocument]:
    """The documents of a JSONL file, read a line at a time; a line is one article, within ``article_bytes``.

    An id given twice is refused: the second document would replace the first in the store.
    """
    limit = limits.current().article_bytes
    seen: dict[str, int] = {}
    try:
        with open(path, "rb") as handle:
            number = 0
            while True:
                # One byte more than the limit (and the line break) tells a line over it without reading all of it.
                raw = handle.readline(limit + 3)
                if not raw:
                    break
                number += 1
                if len(raw) > limit + 2 or (len(raw) > limit and not raw.endswith(b"\n")):
                    raise InvalidInput(f"{path}, line {number}: the line is over the limit of {limit:,} bytes "
                                       "(article_bytes); split it or raise it with --limit article_bytes=N")
                if number == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                line = decode_text(path, raw)
                if not line.strip():
                    continue
                document = _document_from_json(path, number, line, lang)
                if document.id in seen:
                    raise InvalidInput(f"{path}, line {number}: id {document.id!r} is given again "
                                       f"(first on line {seen[document.id]}); give each document its own id")
                seen[document.id] = number
                yield document
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read the file ({error.strerror or error})") from None
    if not seen:
        raise InvalidInput(f"{path}: the file has no documents (one JSON object a line)")


def _document_from_json(path: Path, number: int, line: str, lang: str | None) -> InputDocument:
    where = f"{path}, line {number}"
    data = limits.parse_json(line, where, malformed="not valid JSON")
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: each line must be a JSON object with 'id' and 'text'")
    identifier, text = data.get("id"), data.get("text")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    if not isinstance(identifier, str) or not identifier:
        raise InvalidInput(f"{where}: needs a non-empty string 'id'")
    if not isinstance(text, str):
        raise InvalidInput(f"{where}: needs a string 'text'")
    metadata = {}
    for key in METADATA_FIELDS + ("lang",):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InvalidInput(f"{where}: {key!r} must be a string")
        metadata[key] = value
    document_lang = lang or metadata.pop("lang")
    metadata.pop("lang", None)
    return InputDocument(id=identifier, text=text, lang=document_lang, **metadata)
