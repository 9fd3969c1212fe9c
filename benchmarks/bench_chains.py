"""Chains on real text: this tree's extraction beside a baseline commit's, scored by the shared scorers.

Run from the repository: ``python benchmarks/bench_chains.py [--shared ../shared] [--baseline HEAD~1]``.

For this working tree and for ``--baseline`` (a commit, exported with ``git archive`` into a
temporary folder and run from there), it extracts ``chains-dev/chains.jsonl``, the seed and both dev
splits with ``provenance extract --format jsonl`` in a subprocess, and prints, side by side:

- ``score_chains.py`` on chains-dev: chains exact, multi-hop exact, kind accuracy, origin right;
- ``score_attribution.py``: joint partial F1 on chains-dev and on both dev splits;
- the seed's chains exact (of 10);
- sources that no source may be (:func:`provenance.extract.plausibility.implausible_source`:
  pronouns, function words, bare statement nouns, clauses), counted per reason over chains-dev and
  both dev splits.

The scorers are the project's shared ones (``../shared/tools``); nothing here re-implements them.
Timing is not measured here: ``bench_extract.py`` compares extraction speed with SoMaJo.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from provenance.extract.plausibility import implausible_source

REPOSITORY = Path(__file__).resolve().parents[1]
TARGETS = {
    "chains exact (of gold)": 0.65,
    "multi-hop exact (of gold)": 0.60,
    "kind accuracy": 0.90,
    "origin right": 0.90,
    "joint F1 chains-dev": 0.65,
    "joint F1 de dev": 0.60,
    "joint F1 en dev": 0.62,
}
SPLITS = {"de dev": "corpora/de-wikinews-2024/dev.jsonl", "en dev": "corpora/en-polnear/dev.jsonl"}


def extract(tree: Path, source: Path, output: Path) -> None:
    """``provenance extract SOURCE --format jsonl`` with the package of ``tree`` first on the path."""
    environment = dict(os.environ, PYTHONPATH=str(tree))
    command = [sys.executable, "-c", "from provenance.cli import main; main()", "extract", str(source), "--format", "jsonl"]
    with output.open("w", encoding="utf-8") as handle:
        subprocess.run(command, check=True, stdout=handle, env=environment, cwd=tree)


def score_json(tool: Path, *arguments: str) -> dict:
    result = subprocess.run([sys.executable, str(tool), *arguments, "--json"], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def implausible_counts(*predictions: Path) -> Counter:
    counts: Counter = Counter()
    for path in predictions:
        for line in path.read_text(encoding="utf-8").splitlines():
            for claim in json.loads(line)["claims"]:
                for hop in claim["chain"]:
                    reason = implausible_source(str(hop["name"]))
                    if reason is not None:
                        counts[reason] += 1
    return counts


def measure(tree: Path, shared: Path, work: Path) -> tuple[dict[str, float], Counter]:
    tools = shared / "tools"
    figures: dict[str, float] = {}
    chains = work / "chains-dev.jsonl"
    extract(tree, shared / "chains-dev" / "chains.jsonl", chains)
    scored = score_json(tools / "score_chains.py", str(shared / "chains-dev"), str(chains))
    figures["chains exact (of gold)"] = scored["chains_exact_recall"]
    figures["multi-hop exact (of gold)"] = scored["multi_exact_recall"]
    figures["kind accuracy"] = scored["kind_accuracy"]
    figures["origin right"] = scored["origin_right"]
    joint = score_json(tools / "score_attribution.py", str(shared / "chains-dev" / "chains.jsonl"), str(chains))
    figures["joint F1 chains-dev"] = joint["joint"]["partial"]["f1"]
    seed = work / "seed.jsonl"
    extract(tree, shared / "seed" / "tass-talks-de.txt", seed)
    seed_gold = work / "seed-gold"
    seed_gold.mkdir(exist_ok=True)
    for name in ("tass-talks-de.gold.json", "tass-talks-de.txt"):
        (seed_gold / name).write_bytes((shared / "seed" / name).read_bytes())
    figures["seed chains exact (of 10)"] = score_json(tools / "score_chains.py", str(seed_gold), str(seed))["chains_exact"]
    predictions = [chains]
    for label, split in SPLITS.items():
        output = work / f"{label.replace(' ', '-')}.jsonl"
        extract(tree, shared / split, output)
        scored = score_json(tools / "score_attribution.py", str(shared / split), str(output))
        figures[f"joint F1 {label}"] = scored["joint"]["partial"]["f1"]
        predictions.append(output)
    return figures, implausible_counts(*predictions)


def export_commit(revision: str, folder: Path) -> Path:
    """The files of ``revision`` in ``folder`` (``git archive``), to run its extractor beside this tree's."""
    archive = folder / "baseline.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "archive", revision], check=True, stdout=handle, cwd=REPOSITORY)
    tree = folder / "baseline"
    with tarfile.open(archive) as bundle:
        bundle.extractall(tree, filter="data")
    return tree


def _figure(value: float) -> str:
    """A share with three decimals, a count as a whole number."""
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPOSITORY.parent / "shared")
    parser.add_argument("--baseline", default="HEAD~1", help="the commit to compare with (default: HEAD~1)")
    arguments = parser.parse_args()
    shared = arguments.shared.resolve()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "new").mkdir()
        (work / "old").mkdir()
        new, new_errors = measure(REPOSITORY, shared, work / "new")
        revision = subprocess.run(
            ["git", "rev-parse", "--short", arguments.baseline], check=True, capture_output=True, text=True, cwd=REPOSITORY
        ).stdout.strip()
        old, old_errors = measure(export_commit(revision, work), shared, work / "old")
    print(f"{'figure':28} {'baseline ' + revision:>18} {'this tree':>10} {'target':>8}")
    for name, value in new.items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("  met" if value >= target else "  NOT MET")
        target_text = "" if target is None else f">= {target:.2f}"
        print(f"{name:28} {_figure(old[name]):>18} {_figure(value):>10} {target_text:>8}{mark}")
    print("sources no source may be (chains-dev and both dev splits):")
    for reason in ("pronoun", "function word", "bare noun", "clause"):
        print(f"  {reason:26} {old_errors[reason]:>18} {new_errors[reason]:>10}")


if __name__ == "__main__":
    main()
