"""Extraction throughput on the dev splits, beside SoMaJo's tokenization alone of the same text.

Run from the repository: ``python benchmarks/bench_extract.py [--shared ../shared] [--repeat 3]``.
Prints KB/s (1 KB = 1024 characters of document text) for extraction in one process, with
``--jobs 2``, and for SoMaJo tokenizing and sentence-splitting the same documents, and the ratio.
The target in issue 4 is extraction at least 5x faster than SoMaJo alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from provenance.extract import InputDocument, extract_documents
from provenance.extract.registry import load_registry

DEV_SPLITS = {"de-wikinews-2024": ("de", "de_CMC"), "en-polnear": ("en", "en_PTB")}


def load_split(path: Path, language: str) -> list[InputDocument]:
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            documents.append(InputDocument(id=str(record["id"]), text=record["text"], lang=language))
    return documents


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by whatever else the machine does."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def extraction(documents: list[InputDocument], jobs: int) -> Callable[[], object]:
    return lambda: sum(len(article.claims) for article in extract_documents(documents, jobs=jobs))


def somajo_tokenization(documents: list[InputDocument], model: str) -> Callable[[], object]:
    from somajo import SoMaJo

    tokenizer = SoMaJo(model, split_sentences=True)
    paragraphs = [document.text for document in documents]
    return lambda: sum(len(sentence) for sentence in tokenizer.tokenize_text(paragraphs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    load_registry()
    print(
        f"{'split':<18} {'KB':>6} {'extract 1 job':>14} {'extract 2 jobs':>15} {'SoMaJo tokens':>14} {'ratio 1 job':>12}"
    )
    for split, (language, somajo_model) in DEV_SPLITS.items():
        documents = load_split(arguments.shared / "corpora" / split / "dev.jsonl", language)
        kilobytes = sum(len(document.text) for document in documents) / 1024
        single = kilobytes / best_seconds(extraction(documents, 1), arguments.repeat)
        double = kilobytes / best_seconds(extraction(documents, 2), arguments.repeat)
        somajo = kilobytes / best_seconds(somajo_tokenization(documents, somajo_model), 1)
        print(
            f"{split:<18} {kilobytes:>6.0f} {single:>10.0f} KB/s {double:>11.0f} KB/s {somajo:>9.0f} KB/s {single / somajo:>11.1f}x"
        )


if __name__ == "__main__":
    main()
