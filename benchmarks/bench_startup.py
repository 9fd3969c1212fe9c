"""Start-up: wall time of `provenance --help` and `provenance claims` on the seed store, beside `python -c pass`.

Each command runs as a new process, as a user types it, several times in turn; the script prints the
best and the median wall time of each, their ratio to Python's own start in the same run (the
machine's load moves all of them together), and the best CPU time (user + system), which waiting
for a busy machine's cores does not inflate. Target: 0.35 s wall for both commands.

Each command is timed twice over:

- as this shell runs it: with ``PYTHONDONTWRITEBYTECODE=1`` set (as on the project's shared machine),
  an editable install compiles the package's modules from source at every start;
- with a bytecode cache, as an installed wheel (pip compiles it) or a checkout run once without that
  variable starts: the cache is kept under the temporary folder (``PYTHONPYCACHEPREFIX``), warmed by
  one untimed run, so that nothing is written beside the sources.

    python benchmarks/bench_startup.py [--runs 15] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    provenance = str(Path(sys.executable).with_name("provenance"))
    as_is = dict(os.environ)
    compiles = as_is.get("PYTHONDONTWRITEBYTECODE", "") not in ("", "0")
    with tempfile.TemporaryDirectory() as folder:
        cached = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        modes = {"this shell" + (" (compiles)" if compiles else ""): as_is, "bytecode cached": cached}
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
        runs = [(mode, name) for mode in modes for name in commands]
        for name, command in commands.items():  # fills the bytecode cache; not timed
            timed(command, cached)
        times: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        cpu: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        for _ in range(args.runs):
            for mode, name in runs:
                wall, used = timed(commands[name], modes[mode])
                times[mode, name].append(wall)
                cpu[mode, name].append(used)
    print(f"{'command':32} {'start':21} {'best s':>7} {'median s':>9} {'best / python':>14} {'best CPU s':>11}")
    for mode, name in runs:
        values = times[mode, name]
        baseline = min(times[mode, "python -c pass"])
        print(f"{name:32} {mode:21} {min(values):7.3f} {statistics.median(values):9.3f} "
              f"{min(values) / baseline:13.1f}x {min(cpu[mode, name]):11.3f}")
    print(json.dumps({mode: {name: {"wall": round(min(times[mode, name]), 4), "median": round(
        statistics.median(times[mode, name]), 4), "cpu": round(min(cpu[mode, name]), 4)} for name in commands}
        for mode in modes}))


if __name__ == "__main__":
    main()
