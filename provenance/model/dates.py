"""Checking the dates a user gives (publication dates, due dates) before anything is stored.

Only real calendar dates pass: ``2026-02-30`` matches the ISO 8601 pattern but is no day, and a
date stored as text that no reader can parse breaks ``due`` and ``changes`` later.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from provenance.errors import InvalidInput

#: Clocks of two machines differ a little: a time this much ahead of ours is not "in the future".
CLOCK_SKEW = timedelta(minutes=5)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?")


def check_date(value: str, what: str) -> str:
    """``value`` if it is an ISO 8601 calendar date or date-time that exists, else InvalidInput.

    >>> check_date("2026-02-28", "published")
    '2026-02-28'
    >>> check_date("2026-02-30", "published")
    Traceback (most recent call last):
    ...
    provenance.errors.InvalidInput: published '2026-02-30' is not a date that exists; write it as YYYY-MM-DD
    """
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be a date written as YYYY-MM-DD, not {value!r}")
    shown = value if len(value) <= 40 else value[:40] + "…"
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(f"{what} {shown!r} is not a date that exists; write it as YYYY-MM-DD") from None
        return value
    if _DATE_TIME.fullmatch(value):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(f"{what} {shown!r} is not a time that exists; write it as YYYY-MM-DDTHH:MM:SS") from None
        return value
    raise InvalidInput(f"{what} {shown!r} is not an ISO 8601 date; write it as YYYY-MM-DD")


def check_due(value: str, what: str) -> str:
    """A due date: one date, or an interval ``start/end`` of dates with the start not after the end."""
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be a date or an interval START/END of dates, not {value!r}")
    parts = value.split("/")
    if len(parts) > 2:
        raise InvalidInput(f"{what} {value[:40]!r} is neither a date nor an interval START/END")
    for part in parts:
        check_date(part, what)
    if len(parts) == 2 and parts[0][:10] > parts[1][:10]:
        raise InvalidInput(f"{what} {value!r} ends before it starts")
    return value


def check_not_future(value: str, what: str) -> str:
    """``value`` (a date or date-time that exists) unless it lies in the future.

    A date stands for its whole day wherever on Earth it was written, so tomorrow's date in UTC
    passes. Why: the newest assessment is in force, and one dated in the future would stay in
    force over every later one.
    """
    check_date(value, what)
    moment = datetime.fromisoformat((value if "T" in value else value + "T00:00:00").replace("Z", "+00:00"))
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if "T" not in value:
        moment -= timedelta(days=1)
    if moment > datetime.now(UTC) + CLOCK_SKEW:
        raise InvalidInput(f"{what} {value!r} lies in the future; an assessment is dated when it was made")
    return value
