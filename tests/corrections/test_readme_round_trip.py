"""README's "Corrections that stick" shows what the commands print (ids and times aside)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from provenance.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
VARYING = [(re.compile(r"\b[0-9a-f]{10}\b"), "ID"), (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d"), "TIME")]


def normalised(text: str) -> list[str]:
    for pattern, replacement in VARYING:
        text = pattern.sub(replacement, text)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n").splitlines()


def test_the_round_trip_shown_is_what_the_commands_print(tmp_path, shared_dir):
    section = README.split("### Corrections that stick", 1)[1].split("\n### ", 1)[0]
    block = section.split("```\n", 2)[1]
    runs = re.split(r"^\$ ", block, flags=re.M)[1:]
    assert len(runs) == 7
    runner = CliRunner(env={"COLUMNS": "80"})  # README shows what an 80-column terminal shows
    for run in runs:
        command, _, shown = run.partition("\n")
        command, _, pipe = command.partition(" | ")
        args = [arg.replace("../shared", str(shared_dir)) for arg in shlex.split(command)[1:]]
        args[1] = str(tmp_path / "desk")
        result = runner.invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        printed = result.output
        if pipe.startswith("head -"):
            printed = "\n".join(printed.splitlines()[: int(pipe.split("-")[1])])
        elif pipe.startswith("grep "):
            printed = "\n".join(line for line in printed.splitlines() if pipe.split()[1] in line)
        elif not shown.strip():
            continue
        assert normalised(printed) == normalised(shown), command
