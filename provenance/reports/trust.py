"""How far each source is trusted: the assessed rating in force and the track record of verdicts.

One place computes it for ``sources``, ``trace`` and ``report``, so that the letters the
credibility of a claim is built from are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from provenance.analysis.track_record import TrackRecord, track_records, with_track_records
from provenance.model.records import ClaimRecord
from provenance.rdf import ratings


def source_track_records(store) -> dict[str, TrackRecord]:
    """Source IRI -> its track record, for every source that is rated or has verdicts.

    Both reads are small: the ratings graph, and the chains of reviewed claims only; a store with
    neither ratings nor verdicts costs one look-up.
    """
    if not ratings.any_assessment(store):
        return {}
    letters = {iri: assessment.reliability for iri, assessment in ratings.reliability_in_force(store, names=False).items()}
    return track_records(letters, ratings.source_evidence(store))


def trusted_records(store, records: Sequence[ClaimRecord]) -> list[ClaimRecord]:
    """The records with each hop's letter replaced by its source's track-record estimate."""
    track = source_track_records(store)
    return with_track_records(records, track) if track else list(records)
