"""Time expressions inside a claim, anchored to the article's publication date: when a claim falls due.

Why: "the talks will continue next week" can be checked once that week is over. The expression
is resolved against the date the article was published into an ISO 8601 date (``2026-03-05``)
or interval (``2026-03-02/2026-03-08``), stored as the claim's ``due``; ``provenance due`` lists
the claims whose time has come.

What is understood (German and English)::

    heute, morgen, übermorgen, gestern, vorgestern      today, tonight, tomorrow, yesterday
    am Dienstag, (am) kommenden/nächsten Dienstag       on Tuesday, next Tuesday, Tuesday
    diese/in dieser Woche, Ende der Woche               this week, later this week, by the end of the week
    (in der) nächsten/kommenden Woche, Anfang nächster Woche    next week, early next week
    diesen/nächsten/kommenden Monat, Ende des Monats    this/next month, later this month, by the end of the month
    dieses/nächstes/kommendes Jahr, Ende des Jahres, zum Jahresende    this/next year, by the end of the year, by year-end
    im März, bis März, Anfang/Mitte/Ende März, März 2027              in March, by March, early/mid/late March
    am 5. März, bis zum 5. März                         on March 5, by 5 March
    in zwei Wochen, in drei Tagen, binnen einer Woche   in two weeks, within three days

Conventions: a week runs Monday to Sunday. *bis X*/*by X* is the interval from the publication
date to the end of X (the claim is due when X is over). A weekday or month name without a
qualifier means the next one after the publication date, unless the claim is in the past tense
(*hat*, *wurde*, *was*, *were*, *-ed*), then the last one before it. A month before the
publication month means next year's.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from provenance.model import Article

Interval = tuple[date, date]

WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "dezember": 12, "january": 1, "february": 2, "march": 3,
    "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12,
}
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_NEXT = r"(?:nächste[nrs]?|kommende[nrs]?)"
_THIS = r"(?:diese[nrs]?|laufende[nrs]?)"
#: "Ende der Woche", "end of the month", "later this year", "diese Woche": a part of the current unit, or all of it.
_PART_OF = (r"(?:(?P<part>{parts}|end\s+of|the\s+end\s+of|the\s+beginning\s+of|beginning\s+of)\s+"
            r"(?:(?:der|des|the)\s+|(?:" + _THIS + r"|this)\s+)|(?:(?P<later>later|early)\s+)?(?:" + _THIS + r"|this)\s+)")
_PAST = re.compile(
    r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|sei\s+\w+\s+(?:worden|gewesen)|traf|trafen|kam|kamen|"
    r"ging|gingen|fand|fanden|sagte|sagten|was|were|had|did|met|said|told|went|came|took|made|held|began|left|"
    r"gave|spoke|sent|found|\w{3,}ed)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|plant|geplant|going to|expected|scheduled|plans?)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a claim: its words, where they are, and the date or interval they mean."""

    text: str
    start: int
    end: int
    value: str


def _week(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _next_month(day: date) -> Interval:
    return _month(day.year + (day.month == 12), day.month % 12 + 1)


def _year(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def _weekday(day: date, weekday: int, past: bool) -> date:
    if past:
        return day - timedelta(days=(day.weekday() - weekday) % 7 or 7)
    return day + timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _named_month(day: date, month: int, year: str | None, past: bool) -> Interval:
    if year:
        return _month(int(year), month)
    if past:
        return _month(day.year - (month > day.month), month)
    return _month(day.year + (month < day.month), month)


def _part(interval: Interval, part: str | None) -> Interval:
    """Anfang/Mitte/Ende (early/mid/late) of a month: days 1-10, 11-20, 21-end."""
    start, end = interval
    if not part:
        return interval
    part = part.lower()
    if part in ("anfang", "early", "beginning of", "start of"):
        return start, start.replace(day=10)
    if part in ("mitte", "mid", "mid-", "middle of"):
        return start.replace(day=11), start.replace(day=20)
    return start.replace(day=21), end


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS[word]


Handler = Callable[[re.Match, date, bool], Interval]


def _until(day: date, interval: Interval) -> Interval:
    """From the publication date to the end of ``interval``; a deadline already past is the interval itself."""
    return interval if interval[1] < day else (day, interval[1])


def _by(match: re.Match) -> bool:
    return bool(match.groupdict().get("by"))


_BY = r"(?P<by>bis(?:\s+zum|\s+zur|\s+spätestens)?|by|until|before)?\s*"

PATTERNS: list[tuple[str, Handler]] = [
    # explicit dates: am 5. März (2027), March 5(, 2027), 5 March
    (_BY + r"(?:am\s+|on\s+)?(?P<d>\d{1,2})\.?\s+(?P<m>" + _MONTH + r")(?:\s+(?P<y>\d{4}))?",
     lambda m, day, past: _date_interval(m, day, past, int(m["d"]))),
    (_BY + r"(?:on\s+)?(?P<m>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?",
     lambda m, day, past: _date_interval(m, day, past, int(m["d"]))),
    # parts of named months and named months: Ende März, im März, bis März, in March, by March 2027
    (_BY + r"(?:(?:im|in|ab)\s+)?(?P<part>anfang|mitte|ende|early|mid-?|late|beginning of|middle of|end of)\s+"
     r"(?P<m>" + _MONTH + r")(?:\s+(?P<y>\d{4}))?",
     lambda m, day, past: _maybe_until(m, day, _part(_named_month(day, MONTHS[m["m"].lower()], m["y"], past),
                                                          m["part"]))),
    (_BY + r"(?:(?:im|in|ab)\s+)?(?P<m>" + _MONTH + r")(?:\s+(?P<y>\d{4}))?",
     lambda m, day, past: _maybe_until(m, day, _named_month(day, MONTHS[m["m"].lower()], m["y"], past))),
    # relative days
    (r"(?P<w>übermorgen|vorgestern|heute|(?<!am\s)(?<!jeden\s)morgen|gestern|today|tonight|tomorrow|yesterday)",
     lambda m, day, past: _single(day + timedelta(days=_RELATIVE_DAYS[m["w"].lower().split()[0]]))),
    # weekdays
    (r"(?:(?:am|on|this|diesen)\s+)?(?P<next>" + _NEXT + r"|next|coming)?\s*(?P<wd>" + _WEEKDAY + r")",
     lambda m, day, past: _single(_weekday(day, WEEKDAYS[m["wd"].lower()], past and not m["next"]))),
    # weeks
    (_BY + r"(?:(?:in\s+der|im\s+laufe\s+der|im\s+verlauf\s+der|in)\s+)?(?P<part>anfang|mitte|ende|early|later)?\s*"
     r"(?:der\s+)?(?:" + _NEXT + r"|next|coming)\s+(?:woche|week)",
     lambda m, day, past: _maybe_until(m, day, _week_part(_week(day + timedelta(days=7)), m["part"], day))),
    (_BY + r"(?:(?:in|im\s+laufe)\s+)?" + _PART_OF.format(parts="anfang|mitte|ende") + r"(?:woche|week)",
     lambda m, day, past: _maybe_until(m, day, _week_part(_week(day), m["part"] or m["later"], day))),
    (r"(?:in|within|binnen|innerhalb\s+von|innerhalb)\s+(?P<n>" + _NUMBER + r")\s+(?P<unit>tage?n?|days?|wochen?|weeks?)",
     lambda m, day, past: _single(day + timedelta(days=_count(m["n"]) * (7 if m["unit"].lower()[0] == "w" else 1)))),
    # months
    (_BY + r"(?:(?:im|in)\s+)?(?:" + _NEXT + r"|next|coming)\s+(?:monat|month)",
     lambda m, day, past: _maybe_until(m, day, _next_month(day))),
    (_BY + r"(?:(?:im|in)\s+)?" + _PART_OF.format(parts="anfang|mitte|ende") + r"(?:monats?|month)",
     lambda m, day, past: _maybe_until(m, day, _month_part(_month(day.year, day.month), m["part"] or m["later"], day))),
    # years
    (_BY + r"(?:(?:im|in)\s+)?(?:" + _NEXT + r"|next|coming)\s+(?:jahr(?:es)?|year)",
     lambda m, day, past: _maybe_until(m, day, _year(day.year + 1))),
    (_BY + r"(?:zum\s+)?(?:jahresende|year-end|year\s+end)",
     lambda m, day, past: _maybe_until(m, day, _month(day.year, 12))),
    (_BY + r"(?:(?:im|in)\s+)?" + _PART_OF.format(parts="anfang|mitte|ende") + r"(?:jahr(?:es)?|year)",
     lambda m, day, past: _maybe_until(m, day, _year_part(day, m["part"] or m["later"]))),
]

_RELATIVE_DAYS = {"heute": 0, "today": 0, "tonight": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2,
                  "gestern": -1, "yesterday": -1, "vorgestern": -2}


def _single(day: date) -> Interval:
    return day, day


def _maybe_until(match: re.Match, day: date, interval: Interval) -> Interval:
    return _until(day, interval) if _by(match) else interval


def _date_interval(match: re.Match, day: date, past: bool, number: int) -> Interval:
    month = MONTHS[match["m"].lower()]
    year = int(match["y"]) if match["y"] else None
    if year is None:
        year = day.year
        candidate = date(year, month, min(number, calendar.monthrange(year, month)[1]))
        if past and candidate > day:
            year -= 1
        elif not past and candidate < day:
            year += 1
    target = date(year, month, min(number, calendar.monthrange(year, month)[1]))
    return _until(day, _single(target)) if _by(match) else _single(target)


def _week_part(week: Interval, part: str | None, day: date) -> Interval:
    monday, sunday = week
    part = (part or "").lower()
    if part in ("anfang", "early") or "beginning" in part:
        return monday, monday + timedelta(days=2)
    if part == "mitte":
        return monday + timedelta(days=2), monday + timedelta(days=4)
    if part in ("ende",) or part.endswith("end of"):
        return monday + timedelta(days=4), sunday
    if part == "later":
        return max(day, monday), sunday
    return week


def _month_part(month: Interval, part: str | None, day: date) -> Interval:
    if not part:
        return month
    if part.lower() == "later":
        return max(day, month[0]), month[1]
    return _part(month, "anfang" if "beginning" in part.lower() or part.lower() in ("anfang", "early") else
                 "mitte" if part.lower() == "mitte" else "ende")


def _year_part(day: date, part: str | None) -> Interval:
    part = (part or "").lower()
    if not part:
        return _year(day.year)
    if part == "later":
        return day, date(day.year, 12, 31)
    if part in ("anfang", "early") or "beginning" in part:
        return date(day.year, 1, 1), date(day.year, 3, 31)
    if part == "mitte":
        return date(day.year, 4, 1), date(day.year, 9, 30)
    return _month(day.year, 12)


_COMPILED = [(re.compile(r"(?<!\w)" + pattern + r"(?!\w)", re.IGNORECASE), handler) for pattern, handler in PATTERNS]


def format_interval(interval: Interval) -> str:
    """An ISO date when the interval is one day, else ``start/end``."""
    start, end = interval
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def find_time(text: str, published: date) -> TimeExpression | None:
    """The first time expression in ``text`` (the longest where several start together), resolved against ``published``.

    >>> find_time("Demnach sollen die Gespräche bereits in der nächsten Woche fortgesetzt werden", date(2026, 2, 5)).value
    '2026-02-09/2026-02-15'
    >>> find_time("The report is due by March", date(2026, 1, 20)).value
    '2026-01-20/2026-03-31'
    >>> find_time("keine Zeitangabe", date(2026, 1, 20)) is None
    True
    """
    past = bool(_PAST.search(text)) and not _FUTURE.search(text)
    best: tuple[int, int, re.Match, Handler] | None = None
    for pattern, handler in _COMPILED:
        for match in pattern.finditer(text):
            if not match.group(0).strip() or _lowercase_verb(match):
                continue
            start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            key = (start, -(match.end() - start))
            if best is None or key < best[:2]:
                best = (key[0], key[1], match, handler)
            break
    if best is None:
        return None
    start, _, match, handler = best
    try:
        interval = handler(match, published, past)
    except (ValueError, KeyError):
        return None
    return TimeExpression(text=text[start:match.end()], start=start, end=match.end(), value=format_interval(interval))


#: English month names that are also words ("may", "march"): months only when capitalised.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})


def _lowercase_verb(match: re.Match) -> bool:
    month = match.groupdict().get("m")
    return bool(month) and month.lower() in _AMBIGUOUS_MONTHS and not month[0].isupper()


def publication_date(published: str | None) -> date | None:
    """The date part of an ISO 8601 date or date-time, or None when there is none."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def annotate_due(article: Article) -> None:
    """Set ``due`` on every claim of ``article`` that has a time expression and no ``due`` yet.

    Nothing happens without a publication date: a time expression cannot be anchored without one.
    """
    anchor = publication_date(article.published)
    if anchor is None:
        return
    for claim in article.claims:
        if claim.due is not None:
            continue
        found = find_time(claim.text, anchor)
        if found is not None:
            claim.due = found.value


def due_end(value: str) -> date | None:
    """The last day of a stored ``due`` (a date or ``start/end``), or None when it is not one.

    >>> due_end("2026-02-09/2026-02-15"), due_end("2026-02-09"), due_end("soon")
    (datetime.date(2026, 2, 15), datetime.date(2026, 2, 9), None)
    """
    try:
        return date.fromisoformat(value.rsplit("/", 1)[-1][:10])
    except ValueError:
        return None
