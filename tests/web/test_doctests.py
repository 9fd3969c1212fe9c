"""The examples in the web modules' docstrings run."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["metadata", "outlets", "pages"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(f"provenance.web.{name}"))
    assert result.attempted > 0
    assert result.failed == 0
