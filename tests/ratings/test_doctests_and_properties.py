"""The docstring examples of the ratings modules run; time expressions always resolve to valid dates."""

from __future__ import annotations

import doctest
import importlib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract.timex import PATTERNS, due_end, find_time

MODULES = ["provenance.rdf.ratings", "provenance.analysis.track_record", "provenance.extract.timex"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


PHRASES = ["heute", "morgen", "gestern", "am Dienstag", "in der nächsten Woche", "kommende Woche", "Ende der Woche",
           "nächsten Monat", "Ende des Monats", "bis März", "Ende März", "am 31. Februar", "Ende des Jahres",
           "nächstes Jahr", "in zwei Wochen", "today", "tomorrow", "next week", "on Sunday", "later this month",
           "by the end of the year", "in December", "by February 29", "within ten days", "early next week"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.sampled_from(PHRASES),
       st.sampled_from(["Die Gespräche sollen {} fortgesetzt werden", "It was agreed {}", "{}"]))
def test_every_expression_resolves_to_an_ordered_iso_date_or_interval(published, phrase, frame):
    found = find_time(frame.format(phrase), published)
    assert found is not None, phrase
    start = date.fromisoformat(found.value.split("/")[0])
    end = due_end(found.value)
    assert start <= end
    assert abs(end - published) < timedelta(days=800)


def test_every_pattern_is_exercised():
    assert len(PATTERNS) >= 14
