"""One example command line per command, shown as the epilog of its ``--help``.

Kept in one table rather than beside each command so that tests/test_cli_help.py can check that
every command has one and that each still parses with the command's current options.
"""

from __future__ import annotations

import click

EXAMPLES: dict[str, str] = {
    "": "provenance --store ~/desk ingest examples/articles",
    "add": "provenance add --text article.txt claims.json --published 2026-02-05",
    "extract": "provenance extract article.txt --format jsonl > claims.jsonl",
    "ingest": "provenance ingest examples/articles",
    "claims": 'provenance claims --search "Hotels" --source Tass --verdict none --limit 20',
    "changes": "provenance changes --since 1d",
    "trace": 'provenance trace "Hotels zurückgekehrt"',
    "report": "provenance report --html report.html",
    "sources": "provenance sources --sort reliance --limit 10",
    "graph": "provenance graph --article tass-talks-de -o seed.svg",
    "rate": 'provenance rate Tass --reliability C --note "state-owned"',
    "ratings": "provenance ratings list --source Tass",
    "ratings import": "provenance ratings import scores.csv --domain-column domain --score-column score",
    "ratings list": "provenance ratings list --source Tass",
    "ratings track": "provenance ratings track --json",
    "verdict": 'provenance verdict "Hotels" --rating False --url https://example.org/check',
    "due": "provenance due --on 2026-02-16",
    "export": "provenance export -o store.ttl",
    "import": "provenance import store.ttl",
    "query": 'provenance query "SELECT ?name WHERE { ?agent schema:name ?name }"',
    "push": "provenance push --to http://127.0.0.1:8890/sparql",
    "pull": "provenance pull --from http://127.0.0.1:8890/sparql --article tass-talks-de",
    "optimize": "provenance optimize",
    "watch": "provenance watch https://example.org/news.rss --every 15m",
    "correct": 'provenance correct "Hotels" --chain "Verhandlungskreise [anonymous-group] > Tass [news-agency]"',
    "claim": 'provenance claim add tass-talks-de --quote "Es gebe Resultate" --chain "Tass [news-agency]"',
    "claim add": 'provenance claim add tass-talks-de --quote "Es gebe Resultate" --chain "Tass [news-agency]"',
    "corrections": "provenance corrections --orphaned",
    "corrections export": "provenance corrections export --format jsonl -o corrected.jsonl",
    "corrections undo": 'provenance corrections undo 3f2a9c41 --note "the first reading was right"',
    "sources alias": 'provenance sources alias Tass "TASS"',
    "sources kind": "provenance sources kind Verhandlungskreise anonymous-group",
    "sources merge": 'provenance sources merge Tass "ITAR-TASS"',
    "sources rename": 'provenance sources rename "Medien (ungenannt)" "unnamed media"',
    "sources unmerge": 'provenance sources unmerge "ITAR-TASS"',
}


def _epilog(example: str) -> str:
    # \b keeps click from re-wrapping the line.
    return f"\b\nExample:\n  {example}"


def add_examples(command: click.Command, path: str = "") -> None:
    """Give ``command`` (named ``path``, "" for ``provenance`` itself) and its subcommands their examples as the help's epilog."""
    if path in EXAMPLES:
        command.epilog = _epilog(EXAMPLES[path])
    if isinstance(command, click.Group):
        for name, subcommand in command.commands.items():
            add_examples(subcommand, f"{path} {name}".lstrip())
