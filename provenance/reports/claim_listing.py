"""The claims a desk asks for: ``provenance claims`` with filters, as the rows of ``claims --json``.

The store selects what its indexes answer (:mod:`provenance.rdf.claim_filters`); the records of
the selected claims are then read a batch at a time, in listing order, and the criteria that need
a record (an unrated source, the credibility digit, a source at all) are applied to them until the
page is full, so a first page of a large selection costs a batch or two, not the whole selection.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from provenance.model.filters import ClaimFilter
from provenance.model.records import ClaimRecord
from provenance.rdf import queries
from provenance.rdf.iris import IriScheme
from provenance.reports.claims import SAME_CLAIM_LIMIT, claim_row, claims_data

# The filters (and the ratings and word forms they read) and the analysis are imported where a
# listing needs them: a plain `provenance claims` starts without them (tests/test_startup.py).

#: Claims whose records are read per query while a page fills.
BATCH = 200


def claim_listing(store, wanted: ClaimFilter, scheme: IriScheme | None = None) -> list[dict[str, Any]]:
    """The rows of ``claims --json`` for the claims ``wanted`` selects, in listing order (article id, position)."""
    scheme = scheme or IriScheme()
    if not wanted.selects:
        return _page(claims_data(store), wanted)
    if not replace(wanted, article=None, attributed=False, limit=None, offset=0).selects:
        # An article's claims, as corrected (claims a correction added are in no article graph): read whole.
        rows = claims_data(store, article=scheme.article(wanted.article) if wanted.article else None)
        return _page([row for row in rows if row["hops"] or not wanted.attributed], wanted)
    from provenance.rdf import claim_filters

    found = claim_filters.candidates(store, wanted, scheme)
    if not (wanted.unrated or wanted.credibility_max is not None or wanted.attributed or _any_withdrawn(store)):
        chosen = _page(found, wanted)
        return [claim_row(record) for record in queries.records_of_claims(store, [c.claim for c in chosen])]
    if wanted.credibility_max is not None:
        from provenance.reports.trust import source_track_records

        track = source_track_records(store)
    else:
        track = {}
    rows: list[dict[str, Any]] = []
    skipped = 0
    for record in _records(store, (candidate.claim for candidate in found)):
        if not _holds(store, record, wanted, track):
            continue
        if skipped < wanted.offset:
            skipped += 1
            continue
        rows.append(claim_row(record))
        if wanted.limit is not None and len(rows) >= wanted.limit:
            break
    return rows


def _page(items: Iterable, wanted: ClaimFilter) -> list:
    end = None if wanted.limit is None else wanted.offset + wanted.limit
    return list(itertools.islice(items, wanted.offset, end))


def _records(store, iris: Iterable[str]) -> Iterator[ClaimRecord]:
    iris = iter(iris)
    while batch := list(itertools.islice(iris, BATCH)):
        yield from queries.records_of_claims(store, batch)


def _any_withdrawn(store) -> bool:
    """Whether a correction may have withdrawn a claim (one look-up): listings leave such claims out,
    so pages are then counted on the corrected records."""
    from provenance.rdf.corrections import any_correction

    return any_correction(store)


def _holds(store, record: ClaimRecord, wanted: ClaimFilter, track) -> bool:
    if record.withdrawn:
        return False
    if wanted.attributed and not record.chain:
        return False
    if wanted.unrated and not any(source.reliability is None for source in record.chain):
        return False
    if wanted.credibility_max is not None and listed_credibility(store, record, track) > wanted.credibility_max:
        return False
    return True


def listed_credibility(store, record: ClaimRecord, track) -> int:
    """A claim's credibility digit as ``trace`` gives it: its chain, its sources' track records, and the
    independent sources of the claims that say the same in other articles.

    The analysis (networkx, numpy) is imported here: a listing without ``--credibility-max`` starts
    without it.
    """
    from provenance.analysis.clusters import independent_sources, matching_claims
    from provenance.analysis.credibility import claim_credibility
    from provenance.analysis.flow import claim_path
    from provenance.analysis.track_record import with_track_records
    from provenance.rdf import analysis_queries

    if not record.chain:
        return claim_credibility(record).digit
    candidates = analysis_queries.claims_sharing_keys_with(store, record.iri)
    if not candidates:
        candidates = analysis_queries.same_claim_candidates(store, record.text)
    others_iris = matching_claims(record.text, [(iri, text) for iri, text in candidates if iri != record.iri])
    others = [other for other in queries.chains_of_claims(store, others_iris[:SAME_CLAIM_LIMIT]) if other.chain]
    if track:
        record, *others = with_track_records([record, *others], track)
    independent = independent_sources([claim_path(record)] + [claim_path(other) for other in others])
    return claim_credibility(record, independent_sources=independent).digit
