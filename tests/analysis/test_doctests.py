"""The examples in the analysis docstrings run."""

import doctest
import importlib

import pytest

MODULES = ["flow", "depth", "sources", "clusters", "dominators", "cycles", "credibility", "arrays"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"provenance.analysis.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
