"""How likely an extracted claim is right: a small logistic model over surface features of the claim.

Why: the rules find many claims whose source phrase is not a speaker (*went out of his way in*,
*with a note that the businessman*) or whose cue is weak in context; a claim that is more often
wrong than about a third of the time lowers F1, so such claims are dropped. The model is trained
on a corpus's train split by ``benchmarks/train_extract.py`` and shipped as
``data/<language>_claim_filter.json``; a language without a model file keeps every claim.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from provenance.extract.reported_speech import REPORTATIVE_MODALS, RUN_ON_MARKERS
from provenance.extract.segmentation import OPENING_QUOTES, tokenize
from provenance.model.core import Claim

DETERMINERS = frozenset(
    "the a an his her its their our this that these those some several many two three "
    "der die das des dem den ein eine einer eines einem einen".split()
)
PRONOUNS = frozenset("he she they it we i you who which er sie es man".split())
QUOTE_MARKS = OPENING_QUOTES | {"'", "‘"}


@dataclass(frozen=True)
class ClaimFilter:
    """A logistic model: a bias, one weight per feature, and the probability below which a claim is dropped."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, text: str, claim: Claim) -> float:
        """The model's probability that ``claim`` matches an attribution a reader would mark."""
        score = self.bias + sum(
            self.weights.get(name, 0.0) * value for name, value in claim_features(text, claim).items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def keep(self, text: str, claim: Claim) -> bool:
        return self.probability(text, claim) >= self.threshold

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}


def filter_for(language: str) -> ClaimFilter | None:
    """The shipped model of ``language``, or None when there is none."""
    return _load(language)


@cache
def _load(language: str) -> ClaimFilter | None:
    resource = resources.files("provenance.extract").joinpath("data", f"{language}_claim_filter.json")
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    return ClaimFilter(bias=float(data["bias"]), weights=dict(data["weights"]), threshold=float(data["threshold"]))


def word_class(word: str) -> str:
    """Capitalised, number, determiner, pronoun, punctuation or other lower-case word."""
    if word[:1].isupper():
        return "Cap"
    if word[:1].isdigit():
        return "num"
    lowered = word.lower()
    if lowered in DETERMINERS:
        return "det"
    if lowered in PRONOUNS:
        return "pron"
    if not word[:1].isalnum():
        return "punct"
    return "low"


def claim_features(text: str, claim: Claim) -> dict[str, float]:
    """Surface features of a claim: its cue, its nearest located source phrase, its content's shape.

    Only the claim and the text are used, so the features are the same at training and at run time.
    """
    features: dict[str, float] = {}
    cue = claim.cue.text.lower() if claim.cue is not None else "<none>"
    features["cue=" + cue] = 1
    features["cuefirst=" + (cue.split() or ["<empty>"])[0]] = 1
    features["mode=" + claim.mode] = 1
    features["hedged"] = float(claim.hedged)
    features[f"nhops={min(len(claim.chain), 3)}"] = 1
    if claim.chain:
        features["kind=" + claim.chain[-1].source.kind] = 1
    content_start, content_end = claim.spans[0][0], claim.spans[-1][1]
    located = [hop for hop in claim.chain if hop.start is not None and hop.end is not None]
    if located:
        hop = located[-1]
        words = [token.text for token in tokenize(text, hop.start, hop.end)]
        features[f"srclen={min(len(words), 8)}"] = 1
        if words:
            features["srcfirst=" + words[0].lower()] = 1
            features["srcfirstcls=" + word_class(words[0]) + str(min(len(words), 4))] = 1
            features["srclast=" + words[-1].lower()] = 1
            features["srclastcls=" + word_class(words[-1])] = 1
        features[f"nlow={min(sum(1 for word in words if word_class(word) == 'low'), 4)}"] = 1
        features["src_before"] = float(hop.end <= content_start)
        features["src_inside"] = float(content_start < hop.start < content_end)
        distance = content_start - hop.end if hop.end <= content_start else hop.start - content_end
        features[f"src_dist={min(max(distance, 0).bit_length(), 10)}"] = 1
    else:
        features["nohop"] = 1
    tokens = [token for start, end in claim.spans for token in tokenize(text, start, end)]
    lowered = [token.lower for token in tokens]
    features[f"clen={min(len(tokens).bit_length(), 8)}"] = 1
    features[f"nspans={min(len(claim.spans), 3)}"] = 1
    features["konj"] = float(any(word in RUN_ON_MARKERS for word in lowered))
    features["soll"] = float(any(word in REPORTATIVE_MODALS for word in lowered))
    if tokens:
        features["first=" + lowered[0]] = 1
        features["last=" + lowered[-1]] = 1
        features["firstcls=" + word_class(tokens[0].text)] = 1
        features["quote_start"] = float(tokens[0].text in QUOTE_MARKS)
    before = text[max(0, content_start - 2) : content_start].strip()
    features["prevchar=" + (before[-1:] if content_start else "^")] = 1
    if claim.cue is not None and claim.cue.spans:
        cue_start = claim.cue.spans[0][0]
        features["cue_before"] = float(cue_start < content_start)
        features["cue_inside"] = float(content_start < cue_start < content_end)
    return features
