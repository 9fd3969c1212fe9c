"""The JSON document shape of ``extract --format jsonl`` (shared/DESIGN.md) to and from the model.

The same shape is what ``add`` reads: hand-written claims look exactly like extracted ones.
Extra keys are ignored so that annotated gold files load as they are.
"""

from __future__ import annotations

from typing import Any

from provenance import limits
from provenance.errors import InvalidInput
from provenance.model.core import Article, Claim, Cue, Hop, Source

METADATA_KEYS = ("title", "publisher", "url", "published", "modified", "author")


def article_from_document(document: Any, text: str, *, article_id: str | None = None) -> Article:
    """Build a validated Article from a parsed JSON document and the article's text.

    Raises InvalidInput with the claim number and field for anything that does not fit.
    """
    if not isinstance(document, dict):
        raise InvalidInput("the claims document must be a JSON object with a 'claims' list")
    doc_id = article_id or document.get("doc") or document.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise InvalidInput("the claims document needs a 'doc' naming the article")
    claims_data = document.get("claims", [])
    if not isinstance(claims_data, list):
        raise InvalidInput(f"document {doc_id!r}: 'claims' must be a list")
    # Counted before the claims are built: a million of them would exhaust memory on the way.
    limits.check_count(len(claims_data), "claims", f"document {doc_id[:60]!r}", "claims")
    claims = [_claim(doc_id, number, data) for number, data in enumerate(claims_data, start=1)]
    metadata = {key: _optional_str(doc_id, key, document.get(key)) for key in METADATA_KEYS}
    article = Article(
        id=doc_id,
        text=text,
        lang=_optional_str(doc_id, "lang", document.get("lang")),
        claims=claims,
        **metadata,
    )
    article.validate()
    for claim in article.claims:
        if not claim.text:
            claim.text = " … ".join(text[start:end] for start, end in claim.spans)
    return article


def document_from_article(article: Article, *, include_ids: bool = True) -> dict[str, Any]:
    """The JSON document of an article and its claims (no text), origin first in every chain."""
    document: dict[str, Any] = {"doc": article.id, "lang": article.lang}
    for key in METADATA_KEYS:
        value = getattr(article, key)
        if value is not None:
            document[key] = value
    document["claims"] = [claim_to_dict(claim, include_id=include_ids) for claim in article.claims]
    return document


def claim_to_dict(claim: Claim, *, include_id: bool = True) -> dict[str, Any]:
    """One claim in the JSON shape of DESIGN.md."""
    data: dict[str, Any] = {}
    if include_id and claim.id is not None:
        data["id"] = claim.id
    data["text"] = claim.text
    data["spans"] = [list(span) for span in claim.spans]
    data["cue"] = None if claim.cue is None else {"spans": [list(s) for s in claim.cue.spans], "text": claim.cue.text}
    data["mode"] = claim.mode
    data["hedged"] = claim.hedged
    data["chain"] = [hop_to_dict(hop) for hop in claim.chain]
    if claim.due is not None:
        data["due"] = claim.due
    return data


def hop_to_dict(hop: Hop) -> dict[str, Any]:
    data: dict[str, Any] = {"name": hop.source.name, "kind": hop.source.kind, "start": hop.start, "end": hop.end}
    if hop.mention is not None:
        data["mention"] = hop.mention
    if hop.source.affiliation is not None:
        data["affiliation"] = hop.source.affiliation
    if hop.source.medium is not None:
        data["medium"] = hop.source.medium
    if hop.antecedent is not None:
        data["antecedent"] = list(hop.antecedent)
    return data


def _claim(doc_id: str, number: int, data: Any) -> Claim:
    where = f"document {doc_id!r}, claim {number}"
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: must be a JSON object")
    spans = _spans(where, "spans", data.get("spans"))
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise InvalidInput(f"{where}: 'text' must be a string")
    cue_data = data.get("cue")
    cue = None
    if cue_data is not None:
        if not isinstance(cue_data, dict):
            raise InvalidInput(f"{where}: 'cue' must be an object with 'spans' and 'text'")
        cue = Cue(spans=_spans(where, "cue spans", cue_data.get("spans", [])), text=str(cue_data.get("text") or ""))
    chain_data = data.get("chain", [])
    if not isinstance(chain_data, list):
        raise InvalidInput(f"{where}: 'chain' must be a list of sources, origin first")
    limits.check_count(len(chain_data), "hops", where, "sources in its chain")
    try:
        chain = tuple(_hop(where, hop) for hop in chain_data)
        mode = data.get("mode") or ("indirect" if chain else "unattributed")
        return Claim(
            text=text or "",
            spans=spans,
            chain=chain,
            cue=cue,
            mode=mode,
            hedged=bool(data.get("hedged", False)),
            due=data.get("due"),
        )
    except InvalidInput as error:
        raise InvalidInput(f"{where}: {error}") from None


def _hop(where: str, data: Any) -> Hop:
    if not isinstance(data, dict):
        raise InvalidInput("every chain element must be an object with 'name' and 'kind'")
    source = Source(
        name=data.get("name") if isinstance(data.get("name"), str) else "",
        kind=data.get("kind", "unknown"),
        affiliation=data.get("affiliation") if isinstance(data.get("affiliation"), str) else None,
        medium=data.get("medium") if isinstance(data.get("medium"), str) else None,
    )
    start, end = data.get("start"), data.get("end")
    for value in (start, end):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise InvalidInput(f"source {source.name!r}: start and end must be integers or null")
    antecedent = data.get("antecedent")
    if antecedent is not None:
        antecedent = _spans(where, "antecedent", [antecedent])[0]
    mention = data.get("mention") if isinstance(data.get("mention"), str) else None
    return Hop(source=source, start=start, end=end, mention=mention, antecedent=antecedent)


def _spans(where: str, what: str, value: Any) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, list):
        raise InvalidInput(f"{where}: {what} must be a list of [start, end] pairs")
    spans = []
    for pair in value:
        if (
            not isinstance(pair, (list, tuple))
            or len(pair) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        ):
            raise InvalidInput(f"{where}: {what} must be [start, end] pairs of integers, not {pair!r}")
        spans.append((pair[0], pair[1]))
    return tuple(spans)


def _optional_str(doc_id: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"document {doc_id!r}: {key!r} must be a string")
    return value
