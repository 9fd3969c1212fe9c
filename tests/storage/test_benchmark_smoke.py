"""benchmarks/run.py still runs end to end (on a tiny corpus, without the Virtuoso column)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_prints_its_table(tmp_path):
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "40", "--no-virtuoso",
         "--trace-samples", "3", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    table = completed.stdout
    assert "40 claims" in table
    for row in ("ingest triples/s", "store on disk GiB", "optimize (compaction) s", "trace median ms after it",
                "export Turtle triples/s", "trace median ms", "report s", "peak MiB"):
        assert row in table
    assert "failed" not in table
