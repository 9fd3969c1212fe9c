"""The mutation fuzzer in CI: 240 cases over 8 input kinds, no traceback, stores kept or still readable.

benchmarks/bench_hardening.py runs the same fuzzer over 2,000 cases and prints its figures.
"""

from __future__ import annotations

import pytest

from tests.hardening import fuzzing


@pytest.mark.parametrize("kind", fuzzing.KINDS)
def test_mutated_inputs_end_in_one_line_or_a_readable_store(seed_text, seed_gold, tmp_path, kind):
    outcome = fuzzing.run(seed_text, seed_gold, 30, seed=fuzzing.KINDS.index(kind), kinds=(kind,), work=tmp_path)
    assert outcome.cases[kind] == 30
    assert outcome.failures == []
