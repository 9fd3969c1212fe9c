"""The seed article: the scorer's joint F1 and every gold chain, as a regression test."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from provenance.cli import main


def extract_seed(seed_text, tmp_path):
    output = tmp_path / "seed.jsonl"
    result = CliRunner().invoke(main, ["extract", str(seed_text), "--format", "jsonl", "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def test_seed_scores_full_joint_f1(shared_dir, seed_text, tmp_path):
    """The issue asks for 0.9; the seed is fully solved, so any claim more or less is a regression."""
    predicted = extract_seed(seed_text, tmp_path)
    gold = shared_dir / "seed" / "tass-talks-de.gold.jsonl"
    scorer = shared_dir / "tools" / "score_attribution.py"
    completed = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(predicted), "--json"], capture_output=True, text=True, check=True
    )
    figures = json.loads(completed.stdout)
    assert figures["joint"]["partial"]["f1"] == 1.0


def test_seed_chains_equal_the_gold_chains(seed_text, seed_gold, tmp_path):
    predicted = json.loads(extract_seed(seed_text, tmp_path).read_text(encoding="utf-8"))
    gold = json.loads(seed_gold.read_text(encoding="utf-8"))
    for gold_claim in gold["claims"]:
        claim = max(predicted["claims"], key=lambda candidate: overlap(candidate["spans"], gold_claim["spans"]))
        assert overlap(claim["spans"], gold_claim["spans"]) > 0, f"gold claim {gold_claim['n']} not found"
        expected = [(hop["name"], hop["kind"]) for hop in gold_claim["chain"]]
        assert [(hop["name"], hop["kind"]) for hop in claim["chain"]] == expected, gold_claim["n"]
        assert claim["hedged"] == gold_claim["hedged"]


def overlap(spans, other_spans) -> int:
    """Characters two span lists share."""
    return sum(
        max(0, min(end, other_end) - max(start, other_start))
        for start, end in spans
        for other_start, other_end in other_spans
    )
