"""What a fact-checker's verdict text stands for: its outcome (``false`` … ``true``) and rating value.

Apart from :mod:`provenance.rdf.ratings`, which writes and reads verdicts, so that showing a
verdict's outcome (the claims table) does not load the ratings module.
"""

from __future__ import annotations

#: Verdict texts (case-folded) and the outcome each stands for, with its ratingValue on a 1-5 scale.
#: German and English wordings of the fact-checkers' usual scales; anything else is "unrated".
VERDICT_OUTCOMES: dict[str, tuple[str, ...]] = {
    "true": ("true", "correct", "accurate", "confirmed", "richtig", "wahr", "stimmt", "zutreffend", "bestätigt"),
    "mostly-true": ("mostly true", "mostly correct", "weitgehend richtig", "größtenteils richtig",
                    "überwiegend richtig", "größtenteils wahr"),
    "mixed": ("half true", "half-true", "mixture", "mixed", "partly true", "partly false", "teilweise richtig",
              "teilweise falsch", "halb wahr", "halbwahr"),
    "mostly-false": ("mostly false", "misleading", "missing context", "größtenteils falsch", "überwiegend falsch",
                     "irreführend", "fehlender kontext", "fehlender zusammenhang"),
    "false": ("false", "incorrect", "wrong", "fake", "pants on fire", "fabricated", "falsch", "frei erfunden",
              "unwahr", "erfunden"),
}
OUTCOME_RATING_VALUE: dict[str, int] = {"false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5}
BEST_RATING, WORST_RATING = 5, 1
_OUTCOME_BY_TEXT = {text.casefold(): outcome for outcome, texts in VERDICT_OUTCOMES.items() for text in texts}


def verdict_outcome(text: str) -> str | None:
    """The outcome a verdict's text stands for (``true`` … ``false``), or None when the table does not know it.

    >>> verdict_outcome("Falsch"), verdict_outcome("Größtenteils falsch"), verdict_outcome("satire")
    ('false', 'mostly-false', None)
    """
    return _OUTCOME_BY_TEXT.get(" ".join(text.split()).casefold())
