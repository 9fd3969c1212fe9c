"""claim-provenance: who said it first, and through whose hands did it pass?

Statements in news articles become nodes linked to their chains of attribution, stored as RDF and
analysed as graphs. The Python API (docs/python.md)::

    import provenance
    store = provenance.open("desk")                # a folder, "memory", or a SPARQL endpoint URL
    provenance.ingest(store, "articles/")          # extract and store
    provenance.claims(store)                       # what `provenance claims --json` prints
    provenance.trace(store, "Hotels")              # one chain, with credibility
    provenance.chain(store, "Hotels")              # the same chain as an rdflib.Graph
    provenance.dataset(store)                      # the store as an rdflib.Dataset, no copy
    provenance.to_networkx(store)                  # the flow graph as a networkx.DiGraph

Also: extract_claims (``provenance.extract`` is the extraction package), add, report, sources,
rate, verdict, export, import_rdf, shapes, ontology.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "add", "chain", "claims", "dataset", "export", "extract_claims", "import_rdf", "ingest",
           "ontology", "open", "rate", "report", "shapes", "sources", "to_networkx", "trace", "verdict"]


def __getattr__(name: str):
    # The API's functions are looked up in provenance.api on first use, so that the CLI, which reads
    # only __version__, starts without compiling that module.
    if name in __all__:
        from provenance import api

        value = globals()[name] = getattr(api, name)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
