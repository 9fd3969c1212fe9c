"""Same-claim keys: one claim's keys equal the bands the corpus clustering computes for many at once."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.analysis.clusters import _minhash_signatures
from provenance.model.wording import BANDS, ROWS_PER_BAND, normalise_text, same_claim_keys

WORDS = st.sampled_from(["Delegationen", "seien", "Hotels", "zurückgekehrt", "Tass", "Gespräche", "nicht",
                         "the", "talks", "continue", "next", "week", "Straße", "über", "Kyiv", "und"])


def numpy_keys(text: str) -> list[str]:
    signature = _minhash_signatures([normalise_text(text)])[0].astype(np.uint64)
    keys = []
    for band in range(BANDS):
        value = signature[band * ROWS_PER_BAND]
        for row in range(1, ROWS_PER_BAND):
            value = (value << np.uint64(32)) ^ signature[band * ROWS_PER_BAND + row]
        keys.append(f"{band}:{int(value):016x}")
    return keys


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12).map(" ".join))
def test_keys_of_one_text_equal_the_bands_of_the_corpus_clustering(text):
    keys = same_claim_keys(text)
    if not normalise_text(text):
        assert keys == []
    else:
        assert keys == numpy_keys(text)


def test_reported_and_direct_wording_share_every_key_and_other_claims_share_none():
    reported = same_claim_keys("Die Gespräche würden in der nächsten Woche fortgesetzt, sei vereinbart")
    direct = same_claim_keys("die Gespräche werden in der nächsten Woche fortgesetzt, ist vereinbart.")
    other = same_claim_keys("Russland greift Kraftwerke an")
    assert reported == direct
    assert not set(reported) & set(other)


def test_docstring_examples():
    import doctest

    from provenance.model import wording

    result = doctest.testmod(wording)
    assert result.attempted >= 5 and result.failed == 0
