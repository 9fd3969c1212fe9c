"""Which module defines each top-level command, and the first paragraph of its help.

`provenance --help` lists every command from this table and imports no command module; running a
command imports only the modules it names (a module registers its commands on
:data:`provenance.cli.app.main` when imported). tests/test_startup.py checks that the table names
every command, the module that defines it (and its subcommands), and the help's first paragraph.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """Where a command lives and what `--help` says of it before the module is imported."""

    modules: tuple[str, ...]
    summary: str


def _entry(*modules: str, summary: str) -> Entry:
    return Entry(tuple(f"provenance.cli.{module}" for module in modules), summary)


COMMANDS: dict[str, Entry] = {
    "add": _entry("commands", summary="Store an article with hand-written claims (CLAIMS.json: one document as "
                                      "'extract --format jsonl' writes it)."),
    "changes": _entry("desk_commands", summary="What was stored since then: articles, claims, clusters that grew, "
                                               "corroboration won or lost, new single points of failure and circles, "
                                               "ratings and verdicts."),
    "claim": _entry("correction_commands", summary="A single claim: add one the extractor missed."),
    "claims": _entry("commands", summary="List the stored claims with their origin, hops, mode and verdicts; the "
                                         "options narrow the list and combine."),
    "correct": _entry("correction_commands", summary="Correct the machine's reading of CLAIM (an IRI, id prefix or "
                                                     "text fragment, as 'trace' takes it)."),
    "corrections": _entry("correction_commands", summary="List the desk's corrections and source identities, oldest "
                                                         "first, with whether each still applies."),
    "due": _entry("rating_commands", summary="The claims whose time has come by --on: what a fact-checker can verify "
                                             "now, with their chains."),
    "export": _entry("commands", summary="Write the whole store as RDF (triple formats get the union of the article "
                                         "graphs)."),
    "extract": _entry("extract_command", summary="Find attributed claims and their chains of sources in .txt, .html "
                                                 "and .jsonl FILES."),
    "graph": _entry("graph_command", summary="Draw attribution chains: origins on the left, the article on the right."),
    "import": _entry("commands", summary="Load an RDF file (or ClaimReview JSON-LD) into the store, each article into "
                                         "its own graph, in one transaction."),
    "ingest": _entry("ingest_command", summary="Extract the claims of FILE...|DIR|URL... (.txt, .html, .jsonl, "
                                               "http(s) pages) and store each article in one transaction."),
    "optimize": _entry("commands", summary="Compact the store and make its search index anew, for faster reads after "
                                           "large ingests (minutes for 1M claims)."),
    "pull": _entry("transfer_commands", summary="Copy a store (or some of its articles) into this one, replacing the "
                                                "graphs it already has."),
    "push": _entry("transfer_commands", summary="Copy the store (or some articles) to another store, replacing the "
                                                "graphs it already has."),
    "query": _entry("commands", summary="Run a SPARQL query: SELECT as a table (or --json), CONSTRUCT/DESCRIBE as "
                                        "Turtle, ASK as true/false."),
    "rate": _entry("rating_commands", summary="Rate SOURCE (a name, registered alias, web domain or IRI); the newest "
                                              "rating is the one in force."),
    "ratings": _entry("rating_commands", summary="Source ratings: import a published rating table, list the history, "
                                                 "show track records."),
    "report": _entry("analysis_commands", summary="Summarise the hearsay of the whole store: origins, depth, relays, "
                                                  "failure points, clusters, circles."),
    # The sources group lives with the analysis; its merge/alias/rename/kind/unmerge with the corrections.
    "sources": _entry("analysis_commands", "correction_commands",
                      summary="List the sources with how many claims they originated and relayed, and how much the "
                              "corpus relies on them."),
    "trace": _entry("commands", summary="Show the chain of CLAIM from the article back to its origin."),
    "verdict": _entry("rating_commands", summary="Record a fact-checker's verdict on CLAIM (IRI, id prefix or text "
                                                 "fragment) as a schema:ClaimReview."),
    "watch": _entry("watch_command", summary="Follow RSS or Atom FEEDs until Ctrl-C: each round stores the items' "
                                             "pages not stored yet, each article whole."),
}
