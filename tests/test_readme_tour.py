"""README's tour, run command by command at 80 columns: what it shows is what the commands print.

Every ``$ provenance --store /tmp/...`` line of README.md runs in order, with ``/tmp/`` moved under
pytest's temporary folder and ``../shared`` to the shared folder; the output shown under a command
must be what it prints, line by line, where a line ``…`` stands for lines left out. Pipelines are
left to their own tests.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from provenance.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tour() -> list[tuple[str, list[str]]]:
    """(command line, the lines README shows under it) for every tour command, in README order."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```[a-z]*\n(.*?)\n```", README, flags=re.S):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = (line[2:], [])
                steps.append(current)
            elif current is not None:
                current[1].append(line.rstrip())
    for _, shown in steps:
        while shown and not shown[-1]:
            shown.pop()
    # Pipelines, and pages fetched from the local site tests/web starts, are left to their own tests.
    return [(command, shown) for command, shown in steps
            if command.startswith(("provenance --store /tmp/", "sh examples/load_examples.sh")) and "|" not in command
            and "http://" not in command]


def _stable(line: str) -> str:
    """A line without what differs from run to run: correction and act ids (hashes with the time), clock times."""
    line = re.sub(r"\b[0-9a-f]{10}\b", "<id>", line)
    return re.sub(r"\b\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z?\b", "<time>", line)


def _matches(shown: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``shown`` with each ``…`` line standing for any number of lines."""
    shown, printed = [_stable(line) for line in shown], [_stable(line) for line in printed]
    segments, segment = [], []
    for line in shown:
        if line == "…":
            segments.append(segment)
            segment = []
        else:
            segment.append(line)
    segments.append(segment)
    position = 0
    for number, segment in enumerate(segments):
        anchored_start, anchored_end = number == 0, number == len(segments) - 1
        starts = [position] if anchored_start else range(position, len(printed) - len(segment) + 1)
        found = next((start for start in starts if printed[start:start + len(segment)] == segment
                      and (not anchored_end or start + len(segment) == len(printed))), None)
        if found is None:
            return False
        position = found + len(segment)
    return True


def test_the_tour_writes_only_under_tmp():
    for command, _ in tour():
        words = shlex.split(command, comments=True)
        outputs = [words[i + 1] for i, word in enumerate(words[:-1]) if word in ("-o", "--html", "--store")]
        assert all(path.startswith("/tmp/") for path in outputs), command


def test_the_tour_prints_what_readme_shows_at_80_columns(tmp_path, shared_dir, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()
    checked = 0
    for command, shown in tour():
        words = [word.replace("/tmp/", f"{tmp_path}/").replace("../shared", str(shared_dir))
                 for word in shlex.split(command, comments=True)]
        if words[0] == "sh":  # examples/load_examples.sh: one `add` per hand-read example, as the script does
            for claims in sorted(path for folder in ("wire", "two-agencies", "circle")
                                 for path in (ROOT / "examples" / folder).glob("*.json")):
                result = runner.invoke(main, ["--store", words[2], "add", "--text", str(claims.with_suffix(".txt")),
                                              str(claims)])
                assert result.exit_code == 0, result.output
            continue
        if "graph" in words and words[-1].endswith(".png") and shutil.which("dot") is None:
            continue  # PNG needs Graphviz; tests/reports cover pictures (and fail under CI without it)
        result = runner.invoke(main, words[1:], terminal_width=80)
        assert result.exit_code == 0, (command, result.output)
        if not shown:
            continue
        printed = [line.rstrip() for line in result.output.replace(f"{tmp_path}/", "/tmp/").rstrip().splitlines()]
        assert _matches(shown, printed), (command, "\n".join(printed))
        checked += 1
    assert checked >= 8
