"""The Python API: the functions behind the CLI, for notebooks and scripts (re-exported by ``provenance``).

Results are the data ``--json`` prints (lists and dicts), the library's own records (ratings,
verdicts, ingest outcomes), or, for RDF, rdflib objects: :func:`chain` gives an ``rdflib.Graph``,
:func:`dataset` the whole store as an ``rdflib.Dataset`` over the same pyoxigraph store (no copy).
docs/python.md shows them at work. Modules are imported inside the functions, so that
``import provenance`` (and with it every CLI start) stays cheap.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from provenance.errors import InvalidInput

if TYPE_CHECKING:
    import networkx
    import rdflib

    from provenance.pipeline import IngestOutcome
    from provenance.rdf.iris import IriScheme
    from provenance.rdf.ratings import Assessment, StoredVerdict
    from provenance.storage.base import Store

DEFAULT_STORE = "./.provenance"


def open(location: str | os.PathLike | None = None, *, create: bool = True) -> Store:  # noqa: A001 (provenance.open reads well)
    """Open a store: a folder (created unless ``create=False``), ``"memory"``, or a SPARQL endpoint URL.

    With ``create=False`` a folder is opened read-only (NoStore if there is none), as the CLI's
    reading commands open it.

    The default is what the CLI uses: ``PROVENANCE_STORE``, else ``./.provenance``. Close it with
    ``store.close()`` so that another process can write to it.
    """
    from provenance.storage import open_store

    location = str(location) if location is not None else os.environ.get("PROVENANCE_STORE", DEFAULT_STORE)
    return open_store(location, write=create)


def extract_claims(*paths: str | os.PathLike, text: str | None = None, lang: str | None = None, doc_id: str = "text",
            include_unattributed: bool = False) -> list[dict[str, Any]]:
    """The attributed claims with their chains, one document dict per article (``extract --format jsonl``'s lines).

    Give files or folders (``.txt``, ``.html``, ``.jsonl``), or ``text=`` for a string.
    """
    from provenance.extract import extract_article, extract_documents, read_documents
    from provenance.extract.reading import InputDocument
    from provenance.model.documents import document_from_article

    if (text is None) == (not paths):
        raise InvalidInput("give files or folders, or text=, not both")
    if text is not None:
        articles = [extract_article(InputDocument(id=doc_id, text=text, lang=lang), include_unattributed=include_unattributed)]
    else:
        articles = extract_documents(read_documents([Path(p) for p in paths], lang=lang),
                                     include_unattributed=include_unattributed)
    return [document_from_article(article) for article in articles]


def ingest(store: Store, *paths: str | os.PathLike, lang: str | None = None, include_unattributed: bool = True,
           base: str | None = None) -> list[IngestOutcome]:
    """Extract and store files or folders, each article in one transaction; one outcome per document."""
    from provenance.pipeline import ingest as ingest_paths

    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InvalidInput(f"{missing[0]}: no such file or directory")
    return ingest_paths(store, [Path(p) for p in paths], _scheme(base), lang=lang, include_unattributed=include_unattributed)


def add(store: Store, document: dict[str, Any], text: str, *, base: str | None = None) -> dict[str, Any]:
    """Store an article with hand-written claims (a document dict as :func:`extract_claims` returns them)."""
    from provenance.extract.timex import annotate_due
    from provenance.model.documents import article_from_document
    from provenance.rdf.repository import add_article

    article = article_from_document(document, text)
    annotate_due(article)
    return add_article(store, article, _scheme(base), method="add").__dict__


def claims(store: Store, *, article: str | None = None, attributed: bool = False,
           base: str | None = None) -> list[dict[str, Any]]:
    """Every stored claim (or one article's) with origin, hops and mode, as ``claims --json`` lists them."""
    from provenance.reports.claims import claims_data

    rows = claims_data(store, article=_scheme(base).article(article) if article else None)
    return [row for row in rows if row["hops"]] if attributed else rows


def trace(store: Store, claim: str) -> dict[str, Any]:
    """One claim's chain with credibility and the same claim elsewhere, as ``trace --json`` gives it.

    ``claim`` is an IRI, a unique id prefix or a unique text fragment.
    """
    from provenance.reports.claims import trace_data

    return trace_data(store, claim)


def chain(store: Store, claim: str) -> rdflib.Graph:
    """One claim's chain as an rdflib Graph: the claim, each hop back to the origin, their sources."""
    from provenance.rdf.queries import resolve_claim
    from provenance.rdf.rdflib_view import chain_graph

    return chain_graph(store, resolve_claim(store, claim))


def report(store: Store) -> dict[str, Any]:
    """The whole store's findings (origins, relays, single points of failure, clusters, circles), as ``report --json``."""
    from provenance.reports.report import report_data

    return report_data(store)


def sources(store: Store, *, sort: str = "relayed", limit: int | None = None) -> list[dict[str, Any]]:
    """Sources with the claims they originated and relayed, ratings and track records, as ``sources --json``."""
    from provenance.reports.sources import sources_data

    return sources_data(store, sort=sort, limit=limit)


def rate(store: Store, source: str, reliability: str, *, by: str | None = None, note: str | None = None,
         base: str | None = None) -> Assessment:
    """Rate a source (name, alias, web domain or IRI) with an Admiralty letter A-F; the newest rating is in force."""
    from provenance.rdf.ratings import rate as rate_source

    return rate_source(store, _scheme(base), source, reliability, assessor=by, note=note)


def verdict(store: Store, claim: str, rating: str, *, by: str | None = None, url: str | None = None,
            date: str | None = None, base: str | None = None) -> StoredVerdict:
    """Record a fact-checker's verdict on a claim as a schema:ClaimReview."""
    from provenance.rdf.ratings import add_verdict

    return add_verdict(store, _scheme(base), claim, rating, author=by, url=url, date=date)


def export(store: Store, destination: str | os.PathLike | IO[bytes] | None = None, *,
           format: str = "turtle", base: str | None = None) -> bytes | None:  # noqa: A002 (the CLI's option name)
    """Write the store as RDF (turtle, trig, nquads, ntriples, jsonld, rdfxml), ``claimreview`` JSON-LD or ``nanopub``.

    ``nanopub`` is one unsigned nanopublication per attributed claim, as TriG (provenance.rdf.nanopub).

    To a path (written whole or not at all), a binary file, or, with no destination, returned as bytes.
    """
    from provenance.files import atomic_output
    from provenance.rdf.claimreview import write_claimreview
    from provenance.rdf.repository import export_store

    def write(handle: IO[bytes]) -> None:
        if format == "nanopub":
            from provenance.rdf.nanopub import write_nanopubs

            write_nanopubs(store, handle, _scheme(base))
        elif format == "claimreview":
            write_claimreview(store, handle)
        else:
            export_store(store, handle, format)

    if destination is None:
        buffer = io.BytesIO()
        write(buffer)
        return buffer.getvalue()
    if isinstance(destination, (str, os.PathLike)):
        with atomic_output(Path(destination)) as handle:
            write(handle)
    else:
        write(destination)
    return None


def import_rdf(store: Store, source: Any, *, format: str | None = None, base: str | None = None) -> dict[str, int]:  # noqa: A002
    """Load RDF into the store, each article into its own graph, in one transaction.

    ``source`` is an rdflib Graph or Dataset, a path, or bytes; ``format`` is one pyoxigraph reads
    (turtle, trig, nquads, ntriples, jsonld, rdfxml) or one only rdflib reads (n3, trix, hext),
    by default from the file's extension.
    """
    import rdflib

    from provenance.rdf.rdflib_view import rdflib_input
    from provenance.rdf.repository import import_rdf as import_data
    from provenance.storage.base import EXTENSIONS, RDFLIB_EXTENSIONS, RDFLIB_FORMATS

    if isinstance(source, rdflib.Graph):
        data, format = rdflib_input(source)
    else:
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            format = format or EXTENSIONS.get(path.suffix.lower()) or RDFLIB_EXTENSIONS.get(path.suffix.lower())
            if not path.is_file():
                raise InvalidInput(f"{path}: no such file")
            data = path.read_bytes()
        else:
            data = bytes(source)
        if format is None:
            raise InvalidInput("give format= (turtle, trig, nquads, ntriples, jsonld, rdfxml, n3, trix, hext)")
        if format in RDFLIB_FORMATS:
            data, format = rdflib_input(data, format)
    result = import_data(store, data, format, _scheme(base))
    return {"graphs": result.graphs, "triples": result.triples}


def dataset(store: Store) -> rdflib.Dataset:
    """The store as an rdflib Dataset over the same pyoxigraph store, not a copy (default graph: the union).

    Writes through either are seen by the other; ``query`` runs in pyoxigraph; pySHACL validates it.
    """
    from provenance.rdf.rdflib_view import dataset as store_dataset

    return store_dataset(store)


def to_networkx(store: Store, *, article: str | None = None, base: str | None = None) -> networkx.DiGraph:
    """The flow graph: sources -> relays -> the outlet or article that published, edges weighted by ``claims``.

    Nodes are IRIs with ``name`` and ``kind``; it is the graph ``report`` analyses.
    """
    from provenance.analysis.flow import flow_graph
    from provenance.rdf.queries import claim_records

    return flow_graph(claim_records(store, article=_scheme(base).article(article) if article else None))


def shapes() -> rdflib.Graph:
    """The SHACL shapes every store and export conforms to (graphs/shapes.ttl, shipped in the package)."""
    return _packaged_graph("shapes.ttl")


def ontology() -> rdflib.Graph:
    """The project's own vocabulary and the Admiralty SKOS scheme (graphs/ontology.ttl)."""
    return _packaged_graph("ontology.ttl")


def _packaged_graph(name: str) -> rdflib.Graph:
    from importlib import resources

    import rdflib

    data = resources.files("provenance.graphs").joinpath(name).read_bytes()
    return rdflib.Graph().parse(data=data, format="turtle")


def _scheme(base: str | None) -> IriScheme:
    from provenance.rdf.iris import IriScheme

    base = base or os.environ.get("PROVENANCE_BASE")
    return IriScheme(base) if base else IriScheme()


__all__ = ["add", "chain", "claims", "dataset", "export", "extract_claims", "import_rdf", "ingest", "ontology", "open",
           "rate", "report", "shapes", "sources", "to_networkx", "trace", "verdict"]
