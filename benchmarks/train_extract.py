"""Train the claim filter of one language on a corpus's train split and write it into the package.

Why: the extractor's rules find claims that are wrong more often than right in some contexts
(a source phrase that names nobody, a weak cue); a small logistic model over surface features
(:mod:`provenance.extract.confidence`) learns which, and the extractor drops the unlikely ones.

    python benchmarks/train_extract.py ../shared/corpora/en-polnear/train.jsonl --lang en

The corpus is the normalised format of ``shared/corpora`` (``{"id", "text", "attributions"}``). A claim
counts as right when some gold attribution shares a content token with it, its cue shares a token
with the gold cue (or both have none) and one of its located hops shares a token with the gold
source (or both have none): the joint criterion of ``shared/tools/score_attribution.py``, without
its one-to-one alignment. Only numpy and scipy are needed; the model is a JSON file of weights.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from provenance.extract import InputDocument, extract_article
from provenance.extract.confidence import ClaimFilter, claim_features

TOKEN = re.compile(r"\w+|[^\w\s]")
DATA = Path(__file__).resolve().parent.parent / "provenance" / "extract" / "data"
FOLDS = 5


def token_sets(text: str, spans) -> set[int]:
    """Start offsets of the tokens that share a character with any span (the scorer's tokens)."""
    found = set()
    for start, end in spans:
        for match in TOKEN.finditer(text, max(0, start - 60), end):
            if match.start() < end and match.end() > start:
                found.add(match.start())
    return found


def label(text: str, claim, gold: list[dict]) -> bool:
    """Whether some gold attribution matches the claim by content, cue and source (joint criterion)."""
    content = token_sets(text, claim.spans)
    cue = token_sets(text, claim.cue.spans) if claim.cue is not None else set()
    hops = [token_sets(text, [(hop.start, hop.end)]) for hop in claim.chain if hop.start is not None]
    for attribution in gold:
        if not content & token_sets(text, attribution["content"]):
            continue
        gold_cue = token_sets(text, attribution["cue"])
        cue_ok = (not gold_cue and claim.cue is None) or bool(gold_cue & cue)
        gold_source = token_sets(text, attribution["source"])
        source_ok = (not gold_source and not hops) or any(gold_source & hop for hop in hops)
        if cue_ok and source_ok:
            return True
    return False


def examples(corpus: Path, language: str):
    """(document id, features, label) of every attributed claim the unfiltered extractor finds; and the gold count."""
    rows, gold_count = [], 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold_count += len(record["attributions"])
            document = InputDocument(id=record["id"], text=record["text"], lang=language)
            for claim in extract_article(document, filtered=False).claims:
                if claim.chain:
                    rows.append(
                        (
                            record["id"],
                            claim_features(record["text"], claim),
                            label(record["text"], claim, record["attributions"]),
                        )
                    )
    return rows, gold_count


def vectorise(features: list[dict], vocabulary: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(features), len(vocabulary)))
    for row, named in enumerate(features):
        for name, value in named.items():
            column = vocabulary.get(name)
            if column is not None:
                matrix[row, column] = value
    return matrix


def fit(features: list[dict], labels: np.ndarray, l2: float, min_count: int) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression (the bias unregularised), fitted with L-BFGS."""
    counts = Counter(name for named in features for name in named)
    vocabulary = {name: index for index, name in enumerate(sorted(n for n, c in counts.items() if c >= min_count))}
    matrix = np.hstack([vectorise(features, vocabulary), np.ones((len(features), 1))])

    def loss(weights):
        probability = 1.0 / (1.0 + np.exp(-np.clip(matrix @ weights, -30, 30)))
        penalty = np.r_[weights[:-1], 0.0]
        value = -np.sum(labels * np.log(probability + 1e-12) + (1 - labels) * np.log(1 - probability + 1e-12))
        return value + l2 * np.sum(penalty**2) / 2, matrix.T @ (probability - labels) + l2 * penalty

    weights = minimize(loss, np.zeros(matrix.shape[1]), jac=True, method="L-BFGS-B").x
    names = sorted(vocabulary, key=vocabulary.get)
    return float(weights[-1]), {
        name: round(float(weights[vocabulary[name]]), 4) for name in names if abs(weights[vocabulary[name]]) >= 1e-4
    }


def cross_validated_threshold(rows, gold_count: int, l2: float, min_count: int) -> tuple[float, dict[float, float]]:
    """The probability threshold with the best joint F1 over held-out folds of documents."""
    documents = sorted({document for document, _, _ in rows})
    fold_of = {document: index % FOLDS for index, document in enumerate(documents)}
    probabilities = np.zeros(len(rows))
    labels = np.array([right for _, _, right in rows], dtype=float)
    for fold in range(FOLDS):
        train = [i for i, row in enumerate(rows) if fold_of[row[0]] != fold]
        held = [i for i, row in enumerate(rows) if fold_of[row[0]] == fold]
        bias, weights = fit([rows[i][1] for i in train], labels[train], l2, min_count)
        model = ClaimFilter(bias=bias, weights=weights, threshold=0.0)
        for i in held:
            score = bias + sum(model.weights.get(name, 0.0) * value for name, value in rows[i][1].items())
            probabilities[i] = 1.0 / (1.0 + np.exp(-np.clip(score, -30, 30)))
    scores = {}
    for threshold in np.arange(0.0, 0.61, 0.025):
        kept = probabilities >= threshold
        scores[round(float(threshold), 3)] = 2 * labels[kept].sum() / (gold_count + kept.sum())
    best = max(scores, key=scores.get)
    return best, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="train split in the normalised corpus format")
    parser.add_argument("--lang", required=True, choices=("de", "en"))
    parser.add_argument("--out", type=Path, help="model file (default: the package's data/<lang>_claim_filter.json)")
    parser.add_argument("--l2", type=float, default=2.0)
    parser.add_argument("--min-count", type=int, default=3, help="features seen fewer times are left out")
    args = parser.parse_args(argv)
    rows, gold_count = examples(args.corpus, args.lang)
    threshold, scores = cross_validated_threshold(rows, gold_count, args.l2, args.min_count)
    unfiltered = scores[0.0]
    print(
        f"{len(rows)} claims, {gold_count} gold attributions; held-out joint F1 {unfiltered:.4f} unfiltered, "
        f"{scores[threshold]:.4f} at threshold {threshold}",
        file=sys.stderr,
    )
    bias, weights = fit(
        [features for _, features, _ in rows], np.array([r for _, _, r in rows], dtype=float), args.l2, args.min_count
    )
    out = args.out or DATA / f"{args.lang}_claim_filter.json"
    model = ClaimFilter(bias=round(bias, 4), weights=weights, threshold=threshold)
    out.write_text(
        json.dumps(
            {"language": args.lang, "trained_on": args.corpus.name, **model.to_json()},
            ensure_ascii=False,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out} ({len(weights)} weights)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
