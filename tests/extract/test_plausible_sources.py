"""No extracted source is a pronoun, a function word, a bare statement noun or a clause, on real text.

Runs the extractor over chains-dev and both dev splits of ``../shared`` (which must be there under
``CI=true``) and checks every hop's name with :func:`provenance.extract.plausibility.implausible_source`;
``benchmarks/bench_chains.py`` prints the same counts beside a baseline commit's.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from provenance.extract import InputDocument, extract_documents
from provenance.extract.plausibility import implausible_source

FILES = ["chains-dev/chains.jsonl", "corpora/de-wikinews-2024/dev.jsonl", "corpora/en-polnear/dev.jsonl"]


@pytest.mark.parametrize("relative", FILES)
def test_no_source_is_a_pronoun_function_word_bare_noun_or_clause(shared_dir, relative):
    documents = []
    for line in (shared_dir / relative).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        documents.append(InputDocument(id=str(record["id"]), text=record["text"], lang=record.get("lang")))
    errors: Counter = Counter()
    hops = 0
    for article in extract_documents(documents, jobs=1):
        for claim in article.claims:
            for hop in claim.chain:
                hops += 1
                reason = implausible_source(hop.source.name)
                if reason is not None:
                    errors[(reason, hop.source.name)] += 1
    assert hops > 100
    assert not errors, errors.most_common(10)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("he", "pronoun"),
        ("Sie", "pronoun"),
        ("which", "function word"),
        ("Diese", "function word"),
        ("Vorwurf", "bare noun"),
        ("reports", "bare noun"),
        ("TCI and Atticus have opposed the LSE bid for some time", "clause"),
        ("Verhandlungskreise", None),
        ("The Sunday Times", None),
        ("Labour strategists", None),
    ],
)
def test_implausible_source_names(name, reason):
    assert implausible_source(name) == reason


def test_plausibility_doctests():
    import doctest

    from provenance.extract import plausibility

    result = doctest.testmod(plausibility)
    assert result.attempted > 0 and result.failed == 0
