"""The wheel holds everything the package reads at run time, and the declared dependencies are the imported ones."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# Opens every file the package reads by resource while the main job runs, and prints their paths.
# An audit hook sees each open(), whichever module makes it and however the path was found.
RECORD_OPENS = r"""
import json, sys
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.add(args[0])
sys.addaudithook(hook)
from click.testing import CliRunner
from provenance.cli import main
store, articles, seed, out = sys.argv[1:5]
def run(*args):
    result = CliRunner().invoke(main, ["--store", store, *args], catch_exceptions=False)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout
run("ingest", articles)
run("report")
run("report", "--html", out + "/report.html")
run("extract", seed, "--format", "jsonl")
run("rate", "tass.com", "--reliability", "C")
run("verdict", json.loads(run("claims", "--json"))[0]["id"], "--rating", "False")
run("export", "--format", "claimreview", "-o", out + "/reviews.jsonld")
run("import", out + "/reviews.jsonld")
import provenance, pyshacl
conforms, _, text = pyshacl.validate(provenance.dataset(provenance.open(store, create=False)), shacl_graph=provenance.shapes())
assert conforms, text
print(json.dumps(sorted(opened)))
"""


def _imported_distributions() -> set[str]:
    """The distributions of the third-party modules that provenance/ imports anywhere."""
    tops: set[str] = set()
    for path in (ROOT / "provenance").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops.add(node.module.split(".")[0])
    tops -= set(sys.stdlib_module_names) | {"provenance"}
    found = packages_distributions()
    missing = tops - set(found)
    assert not missing, f"imported but not installed: {missing}"
    return {_normal(found[top][0]) for top in tops}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_runtime_dependencies_are_what_the_package_imports():
    declared = {_normal(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in PYPROJECT["project"]["dependencies"]}
    imported = _imported_distributions()
    assert imported - declared == set(), "imported by provenance/ but not declared in pyproject.toml"
    assert declared - imported == set(), "declared in pyproject.toml but never imported by provenance/"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built from the checkout as `.ci/run` builds it (without fetching a build backend)."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (path,) = out.glob("*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def _wheel_name(path: Path) -> str | None:
    """Where a file of the checkout lands in the wheel (graphs/ becomes provenance/graphs/), or None if outside."""
    for folder, inside in ((ROOT / "provenance", "provenance"), (ROOT / "graphs", "provenance/graphs")):
        if path.is_relative_to(folder):
            return f"{inside}/{path.relative_to(folder).as_posix()}"
    return None


def test_every_file_of_the_package_is_in_the_wheel(wheel):
    """Modules of every subpackage and every data file: a package missing from pyproject's list fails here."""
    names = set(wheel.namelist())
    files = [path for folder in (ROOT / "provenance", ROOT / "graphs") for path in folder.rglob("*")
             if path.is_file() and "__pycache__" not in path.parts]
    assert len(files) > 50
    assert [_wheel_name(path) for path in files if _wheel_name(path) not in names] == []


def test_every_file_opened_at_run_time_is_in_the_wheel(wheel, tmp_path, seed_text):
    recorded = subprocess.run(
        [sys.executable, "-c", RECORD_OPENS, str(tmp_path / "store"), str(ROOT / "examples" / "articles"),
         str(seed_text), str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr[-3000:]
    opened = [Path(path).resolve() for path in json.loads(recorded.stdout.splitlines()[-1])]
    package_files = {name for path in opened if (name := _wheel_name(path)) and not name.endswith((".py", ".pyc"))}
    # the registry, the lexicons, the claim filter, the report's assets, the JSON-LD context and the shapes
    assert {"provenance/graphs/sources.ttl", "provenance/graphs/shapes.ttl", "provenance/reports/assets/report.css",
            "provenance/data/schema-org-context.jsonld", "provenance/extract/data/de_cue_verbs.txt"} <= package_files
    assert sorted(package_files - set(wheel.namelist())) == []


def test_nothing_outside_the_package_is_read_from_the_checkout():
    """No module finds files by walking up from its own location: that breaks in an installed wheel."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "provenance").rglob("*.py")
                 if re.search(r"__file__\)?\.resolve\(\)\.parents?\[|\.\./graphs|\"graphs\" /", path.read_text(encoding="utf-8"))]
    assert offenders == []
