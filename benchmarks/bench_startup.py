"""Start-up: wall time of `provenance --help` and `provenance claims` on the seed store, beside `python -c pass`.

Each command runs as a new process, as a user types it, several times in turn; the script prints the
best and the median wall time of each, their ratio to Python's own start in the same run (the
machine's load moves all of them together), and the best CPU time (user + system), which waiting
for a busy machine's cores does not inflate. Target: 0.35 s wall for both commands.

    python benchmarks/bench_startup.py [--runs 15] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    provenance = str(Path(sys.executable).with_name("provenance"))
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "seed")
        seed = args.shared / "seed"
        subprocess.run([provenance, "--store", store, "add", "--text", str(seed / "tass-talks-de.txt"),
                        str(seed / "tass-talks-de.gold.json")], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "provenance --help": [provenance, "--help"],
            "provenance claims (seed store)": [provenance, "--store", store, "claims"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, used = timed(command)
                times[name].append(wall)
                cpu[name].append(used)
    baseline = min(times["python -c pass"])
    print(f"{'command':32} {'best s':>8} {'median s':>9} {'best / python':>14} {'best CPU s':>11}")
    for name, values in times.items():
        print(f"{name:32} {min(values):8.3f} {statistics.median(values):9.3f} {min(values) / baseline:14.1f}x"
              f" {min(cpu[name]):11.3f}")
    print(json.dumps({name: {"wall": round(min(values), 4), "cpu": round(min(cpu[name]), 4)}
                      for name, values in times.items()}))


if __name__ == "__main__":
    main()
