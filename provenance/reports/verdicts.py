"""The verdicts of a corpus in ``report``: how many, of which outcome, and the sources whose claims were rated false most often."""

from __future__ import annotations

from collections import Counter
from typing import Any

from provenance.rdf import ratings

#: A verdict counts against a source as false at this truth or below (false, mostly false).
FALSE_AT_MOST = 0.25
TOP_SOURCES = 10


def verdict_summary(store, labels: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """``report --json``'s ``verdicts``: counts by outcome, and per source the verdicts on claims that passed through it.

    ``sources_rated_false`` lists the sources with a false (or mostly false) verdict on a claim of
    theirs, most such verdicts first; ``labels`` (IRI -> name, kind) names them as the report does.
    """
    stored = ratings.verdicts(store)
    outcomes = Counter(verdict.outcome or "unknown" for verdict in stored)
    if not stored:
        return {"total": 0, "claims": 0, "outcomes": {}, "sources_rated_false": []}
    false: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    names: dict[str, str] = {}
    for evidence in ratings.source_evidence(store):
        judged[evidence.source] += 1
        names[evidence.source] = evidence.source_name or evidence.source
        if evidence.truth <= FALSE_AT_MOST:
            false[evidence.source] += 1
    labels = labels or {}
    ranked = sorted(false, key=lambda source: (-false[source], -judged[source], names[source]))
    return {
        "total": len(stored),
        "claims": len({verdict.claim for verdict in stored}),
        "outcomes": dict(sorted(outcomes.items(), key=lambda item: (-item[1], item[0]))),
        "sources_rated_false": [
            {"name": labels.get(source, (names[source], ""))[0], "kind": labels.get(source, ("", "unknown"))[1],
             "false": false[source], "verdicts": judged[source], "iri": source}
            for source in ranked[:TOP_SOURCES]
        ],
    }
