"""Round trips with generated articles: unicode, odd characters, any chain shape."""

from __future__ import annotations

import io

import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from provenance.model import SOURCE_KINDS, Article, Claim, Cue, Hop, Source
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_article, export_store, import_rdf
from provenance.storage import EmbeddedStore

ODD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
)
NAMES = ODD_TEXT.filter(lambda name: name.strip())


@st.composite
def articles(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=20, max_size=200))
    size = len(text)
    spans = st.tuples(st.integers(0, size - 1), st.integers(1, size)).filter(lambda s: s[0] < s[1])
    claims = []
    for _ in range(draw(st.integers(0, 4))):
        chain = tuple(
            Hop(
                source=Source(name=draw(NAMES), kind=draw(st.sampled_from(SOURCE_KINDS)),
                              affiliation=draw(st.none() | NAMES)),
                **dict(zip(("start", "end"), draw(st.none() | spans) or (None, None))),
                mention=draw(st.none() | ODD_TEXT),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        content = tuple(sorted(draw(st.lists(spans, min_size=1, max_size=2, unique=True))))
        claims.append(
            Claim(
                text=draw(ODD_TEXT),
                spans=content,
                chain=chain,
                cue=Cue(spans=(draw(spans),), text=draw(ODD_TEXT)) if chain and draw(st.booleans()) else None,
                mode=draw(st.sampled_from(["direct", "indirect", "reported"])) if chain else "unattributed",
                hedged=draw(st.booleans()),
            )
        )
    unique = {}
    for claim in claims:
        unique.setdefault((claim.spans, claim.text), claim)
    return Article(
        id=draw(NAMES),
        text=text,
        lang=draw(st.sampled_from([None, "de", "en"])),
        title=draw(st.none() | ODD_TEXT),
        publisher=draw(st.none() | NAMES),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        claims=list(unique.values()),
    )


def dump(store, fmt: str) -> bytes:
    buffer = io.BytesIO()
    export_store(store, buffer, fmt)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_export_import_export_is_isomorphic(article):
    scheme = IriScheme()
    first_store = EmbeddedStore(None)
    add_article(first_store, article, scheme, time="2026-01-01T00:00:00Z")
    for fmt, parser in (("turtle", "turtle"), ("nquads", "nquads")):
        first = dump(first_store, fmt)
        second_store = EmbeddedStore(None)
        import_rdf(second_store, first, fmt)
        second = dump(second_store, fmt)
        if fmt == "turtle":
            assert isomorphic(rdflib.Graph().parse(data=first, format=parser),
                              rdflib.Graph().parse(data=second, format=parser))
        else:
            assert sorted(first.splitlines()) == sorted(second.splitlines())


@settings(max_examples=40, deadline=None)
@given(article=articles())
def test_adding_twice_changes_nothing(article):
    store = EmbeddedStore(None)
    first = add_article(store, article, IriScheme(), time="2026-01-01T00:00:00Z")
    before = dump(store, "nquads")
    second = add_article(store, article, IriScheme(), time="2027-01-01T00:00:00Z")
    assert second.status == "unchanged" and first.status == "added"
    assert dump(store, "nquads") == before
