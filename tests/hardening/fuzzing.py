"""A mutation fuzzer over every kind of input the CLI reads, shared by the fuzz test and benchmarks/bench_hardening.py.

Each case takes a valid input (the seed's claims document, a corpus line, the seed store exported
as Turtle, TriG, N-Quads, JSON-LD, RDF/XML, or as ClaimReview), mutates it a few times, and runs
the command that reads it through the CLI in this process. A case passes when the command ends
with exit code 0 or 1 and no traceback; after exit 1 the store holds exactly what it held before;
after exit 0 ``report --json`` still reads the store.

Mutations work on bytes (flip, insert, delete, repeat, cut) and, for JSON, on values (a value
replaced by a number of 5,000 digits, a date that does not exist, an offset far outside the
text, deep nesting, control characters, a very long string, a wrong type) so that most cases get
past the parser and reach validation and the store.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from provenance.cli import main

KINDS = ("claims", "corpus", "turtle", "trig", "nquads", "jsonld", "rdfxml", "claimreview")
EXTENSIONS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "jsonld": "jsonld", "rdfxml": "rdf",
              "claimreview": "json"}

#: Stands for a number of 5,000 digits, which Python can neither parse nor write as JSON by default.
BIG_NUMBER = "\u2063big-number\u2063"
ODD_VALUES: list[object] = [
    BIG_NUMBER, -1, 0, 10**12, 2.5, True, None, "", "2026-02-30", "2026-99-99", "garbage",
    "javascript:alert(1)", "x" * 30_000, "\x00\x1f\u202e<script>", [], {}, [[0, 1]], [[5, 2]], [[-3, 4]],
    "urn:claim-provenance:staging:x", "anonymous-group", "wire-service", "2999-01-01",
]


@dataclass
class Outcome:
    """What the fuzzer saw: cases by kind and exit code, and every case that broke a rule."""

    cases: Counter = field(default_factory=Counter)
    exits: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def merge(self, other: Outcome) -> None:
        self.cases.update(other.cases)
        self.exits.update(other.exits)
        self.failures.extend(other.failures)


def quads(store_path: Path) -> set[str]:
    store = ox.Store.read_only(str(store_path))
    try:
        return {str(quad) for quad in store}
    finally:
        del store


class Fuzzer:
    """Seeds of every kind (made once from ../shared's seed article) and the cases run against them."""

    def __init__(self, seed_text: Path, seed_gold: Path, work: Path, rng: random.Random) -> None:
        self.rng = rng
        self.work = work
        self.runner = CliRunner()
        self.text_path = seed_text
        self.gold = json.loads(seed_gold.read_text(encoding="utf-8"))
        self.text = seed_text.read_text(encoding="utf-8")
        self.store = work / "store"
        self.invoke("add", "--text", str(seed_text), str(seed_gold), "--published", "2026-02-05")
        self.invoke("rate", "Tass", "--reliability", "C", "--by", "Desk A")
        self.invoke("verdict", "Hotels", "--rating", "False", "--by", "Desk A")
        self.seeds: dict[str, bytes] = {
            "claims": json.dumps({**self.gold, "doc": "fuzz"}, ensure_ascii=False).encode("utf-8"),
            "corpus": json.dumps({"id": "fuzz-line", "text": self.text, "lang": "de", "published": "2026-02-05"},
                                 ensure_ascii=False).encode("utf-8") + b"\n",
        }
        for kind in ("turtle", "trig", "nquads", "jsonld", "rdfxml", "claimreview"):
            target = work / f"seed.{EXTENSIONS[kind]}"
            self.invoke("export", "--format", kind, "-o", str(target))
            self.seeds[kind] = target.read_bytes()

    def invoke(self, *args: str):
        result = self.runner.invoke(main, ["--store", str(self.store), *args], catch_exceptions=True)
        if result.exit_code != 0:
            raise RuntimeError(f"setting up the fuzzer failed: {args}: {result.output}")
        return result

    # mutations -------------------------------------------------------------------------------

    def mutate(self, kind: str, data: bytes) -> bytes:
        for _ in range(self.rng.choice((1, 1, 2, 3))):
            if kind in ("claims", "corpus", "jsonld", "claimreview") and self.rng.random() < 0.6:
                data = self.mutate_json(data)
            else:
                data = self.mutate_bytes(data)
        return data

    def mutate_bytes(self, data: bytes) -> bytes:
        rng = self.rng
        if not data:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20)))
        at = rng.randrange(len(data))
        width = rng.randrange(1, 40)
        choice = rng.randrange(9)
        if choice == 0:
            return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
        if choice == 1:
            return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + data[at:]
        if choice == 2:
            return data[:at] + data[at + width:]
        if choice == 3:
            return data[:at] + data[at:at + width] * rng.randrange(2, 50) + data[at:]
        if choice == 4:
            return data[:at]
        if choice == 5:
            token = rng.choice([b"[", b"(", b"{", b"<<", b"\"", b"<", b"@prefix", b"_:b", b"<!ENTITY x 'y'>",
                                b"\\u0000", b"9" * 5000, b"\xff\xfe", b"urn:claim-provenance:staging:x"])
            return data[:at] + token * rng.choice((1, 1, 300)) + data[at:]
        if choice == 6:
            lines = data.split(b"\n")
            rng.shuffle(lines)
            return b"\n".join(lines)
        if choice == 7:
            return data.replace(b"2026-", b"2999-", 1) if b"2026-" in data else data[::-1]
        return data + data[at:at + width * 10]

    def mutate_json(self, data: bytes) -> bytes:
        lines = data.split(b"\n")
        try:
            value = json.loads(lines[0])
        except (ValueError, RecursionError):
            return self.mutate_bytes(data)
        paths = list(_paths(value))
        if not paths:
            return self.mutate_bytes(data)
        path = self.rng.choice(paths)
        odd = self.rng.choice(ODD_VALUES)
        if self.rng.random() < 0.05:
            odd = json.loads("[" * 300 + "]" * 300)
        value = _replaced(value, path, odd)
        try:
            text = json.dumps(value, ensure_ascii=False).replace(json.dumps(BIG_NUMBER, ensure_ascii=False), "9" * 5000)
            lines[0] = text.encode("utf-8", "surrogatepass")
        except (ValueError, RecursionError):
            return self.mutate_bytes(data)
        return b"\n".join(lines)

    # cases -----------------------------------------------------------------------------------

    def command(self, kind: str, path: Path) -> list[str]:
        if kind == "claims":
            return ["add", "--text", str(self.text_path), str(path)]
        if kind == "corpus":
            return ["ingest", str(path)]
        # Half the imports may replace stored articles: most mutations of an export change one.
        return ["import", "--format", kind, *(["--replace"] if self.rng.random() < 0.5 else []), str(path)]

    def run_case(self, kind: str, number: int, outcome: Outcome) -> None:
        data = self.mutate(kind, self.seeds[kind])
        suffix = {"claims": "json", "corpus": "jsonl"}.get(kind, EXTENSIONS.get(kind, "bin"))
        path = self.work / f"case-{number}.{suffix}"
        path.write_bytes(data)
        before = quads(self.store)
        result = self.runner.invoke(main, ["--store", str(self.store), *self.command(kind, path)], catch_exceptions=True)
        outcome.cases[kind] += 1
        outcome.exits[(kind, result.exit_code)] += 1
        broke = None
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            broke = f"traceback: {type(result.exception).__name__}: {str(result.exception)[:200]}"
        elif result.exit_code not in (0, 1):
            broke = f"exit code {result.exit_code}"
        elif "Traceback" in result.output:
            broke = "traceback in the output"
        elif result.exit_code == 1 and quads(self.store) != before:
            broke = "the store changed although the command failed"
        elif result.exit_code == 0:
            report = self.runner.invoke(main, ["--store", str(self.store), "report", "--json"], catch_exceptions=True)
            if report.exit_code != 0:
                broke = f"report cannot read the store afterwards: {report.output[-300:]}"
        if broke:
            kept = self.work / f"failure-{number}.{suffix}"
            kept.write_bytes(data)
            outcome.failures.append(f"{kind} case {number} ({kept}): {broke}")
        path.unlink(missing_ok=True)


def run(seed_text: Path, seed_gold: Path, cases_per_kind: int, *, seed: int = 23, kinds=KINDS,
        work: Path | None = None, progress: Callable[[str, int], None] | None = None) -> Outcome:
    """Run ``cases_per_kind`` cases of every kind (reproducible from ``seed``); the outcome counts them."""
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="provenance-fuzz-") as temporary:
        fuzzer = Fuzzer(seed_text, seed_gold, Path(work or temporary), random.Random(seed))
        number = 0
        for kind in kinds:
            for _ in range(cases_per_kind):
                number += 1
                fuzzer.run_case(kind, number, outcome)
            if progress is not None:
                progress(kind, outcome.cases[kind])
    return outcome


def _paths(value, prefix=()):
    """Every path to a value inside parsed JSON (keys and indexes), the root excluded; at most 2,000."""
    pending = [(value, prefix)]
    found = 0
    while pending and found < 2000:
        item, path = pending.pop()
        children = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in children:
            found += 1
            yield (*path, key)
            pending.append((child, (*path, key)))


def _replaced(value, path, new):
    if not path:
        return new
    head, *rest = path
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replaced(copy[head], rest, new)
    return copy
