"""Storing the articles of web pages and feeds, and the rounds of ``provenance watch``.

Each page is fetched, read and stored on its own, in one write: the network is the slow part,
so batching writes would only widen what an interruption loses, and a write is all or nothing
(:func:`provenance.rdf.repository.add_articles`). A page or feed that fails is reported and the
others go on. A feed item whose link, page address or guid is stored already is not fetched again,
so a round after an interrupted one fetches exactly what the interrupted one did not store.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from provenance.errors import ProvenanceError, StoreLocked
from provenance.pipeline import IngestOutcome, extracted_article
from provenance.rdf.iris import IriScheme
from provenance.rdf.pages import address_known, feed_item_known
from provenance.rdf.repository import Rejected, add_articles
from provenance.web.feeds import FeedItem, parse_feed
from provenance.web.fetch import Fetcher
from provenance.web.pages import fetched_document, kept_page

#: A cluster is corroborated from this many independent sources on (``report``'s ``independent_sources``).
CORROBORATED_FROM = 2


def is_url(value: str) -> bool:
    """Whether a command-line argument is a web address rather than a file."""
    return value.lower().startswith(("http://", "https://"))


def ingest_page(store, url: str, scheme: IriScheme, fetcher: Fetcher, *, lang: str | None = None,
                include_unattributed: bool = True, feed_item: str | None = None) -> IngestOutcome:
    """Fetch, read and store the article at ``url``, the page kept beside it; failures become the outcome's error."""
    try:
        fetched = fetcher.page(url)
        article = extracted_article(fetched_document(fetched, lang=lang), include_unattributed=include_unattributed)
        article.page = kept_page(fetched, feed_item=feed_item)
        [result] = add_articles(store, [article], scheme, method="extract", skip_invalid=True)
    except ProvenanceError as error:
        return IngestOutcome(source=url, error=str(error))
    if isinstance(result, Rejected):
        return IngestOutcome(source=url, error=result.error)
    return IngestOutcome(source=url, result=result)


def ingest_urls(store, urls: Iterable[str], scheme: IriScheme, fetcher: Fetcher, *, lang: str | None = None,
                include_unattributed: bool = True,
                on_document: Callable[[IngestOutcome], None] | None = None) -> list[IngestOutcome]:
    """Fetch and store every page of ``urls`` in order; each outcome is reported as it is final."""
    outcomes = []
    for url in urls:
        outcome = ingest_page(store, url, scheme, fetcher, lang=lang, include_unattributed=include_unattributed)
        outcomes.append(outcome)
        if on_document is not None:
            on_document(outcome)
    return outcomes


@dataclass
class FeedState:
    """What a watch remembers of a feed between rounds: its validators, so an unchanged feed costs a 304."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FeedOutcome:
    """One feed in one round: its items, which were known already, what storing the new ones did, or its error."""

    url: str
    items: int = 0
    known: int = 0
    outcomes: list[IngestOutcome] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False


def item_known(store, item: FeedItem) -> bool:
    """Whether the item's page is stored: by its link (asked for, found at, or an article's URL) or its guid."""
    return address_known(store, item.link) or (item.guid is not None and feed_item_known(store, item.guid))


def ingest_feed(store, url: str, scheme: IriScheme, fetcher: Fetcher, *, lang: str | None = None,
                include_unattributed: bool = True, state: FeedState | None = None,
                on_document: Callable[[IngestOutcome], None] | None = None) -> FeedOutcome:
    """Fetch the feed at ``url`` and store the pages of its items that are not stored yet."""
    outcome = FeedOutcome(url=url)
    try:
        fetched = fetcher.feed(url, etag=state.etag if state else None,
                               last_modified=state.last_modified if state else None)
        if fetched.not_modified:
            outcome.not_modified = True
            return outcome
        feed = parse_feed(fetched.content, fetched.location, content_type=fetched.content_type)
    except ProvenanceError as error:
        outcome.error = str(error)
        return outcome
    outcome.items = len(feed.items)
    seen: set[str] = set()
    for item in feed.items:
        if item.link in seen or item_known(store, item):
            outcome.known += 1
            continue
        seen.add(item.link)
        stored = ingest_page(store, item.link, scheme, fetcher, lang=lang,
                             include_unattributed=include_unattributed, feed_item=item.guid)
        outcome.outcomes.append(stored)
        if on_document is not None:
            on_document(stored)
    if state is not None and all(o.error is None for o in outcome.outcomes):
        # Remember the validators only when every new item was stored: a feed answered 304 next
        # time would otherwise hide the items that failed this time.
        state.etag, state.last_modified = fetched.etag, fetched.last_modified
    return outcome


@dataclass(frozen=True)
class Clusters:
    """The corpus's clusters (the same claim in two or more articles), by claim IRI: cluster number and independent sources."""

    of_claim: dict[str, tuple[int, int]]

    @property
    def count(self) -> int:
        return len({number for number, _ in self.of_claim.values()})


def corpus_clusters(store) -> Clusters:
    """The clusters ``report`` finds, keyed by the claims in them."""
    from provenance.analysis.corpus import analyse_corpus
    from provenance.rdf.analysis_queries import corpus_records

    findings = analyse_corpus(corpus_records(store))
    of_claim = {}
    for number, cluster in enumerate(findings.clusters):
        for member in cluster.members:
            of_claim[findings.records[member].iri] = (number, cluster.independent_sources)
    return Clusters(of_claim)


def cluster_changes(before: Clusters, after: Clusters) -> tuple[int, int]:
    """``(new clusters, newly corroborated)`` between two readings of the corpus.

    A cluster is new when none of its claims was in a cluster before; it is newly corroborated when
    it has two or more independent sources now and no cluster its claims were in had before.
    """
    groups: dict[int, list[str]] = {}
    independent: dict[int, int] = {}
    for claim, (number, sources) in after.of_claim.items():
        groups.setdefault(number, []).append(claim)
        independent[number] = sources
    new = corroborated = 0
    for number, claims in groups.items():
        earlier = [before.of_claim[claim][1] for claim in claims if claim in before.of_claim]
        if not earlier:
            new += 1
        if independent[number] >= CORROBORATED_FROM and max(earlier, default=0) < CORROBORATED_FROM:
            corroborated += 1
    return new, corroborated


@dataclass
class Round:
    """One round of ``watch``: what each feed gave, and what the new articles changed in the corpus."""

    number: int
    started: str
    feeds: list[FeedOutcome]
    new_clusters: int = 0
    newly_corroborated: int = 0
    store_error: str | None = None

    @property
    def stored(self) -> list[IngestOutcome]:
        return [o for feed in self.feeds for o in feed.outcomes if o.result is not None and o.result.status != "unchanged"]

    @property
    def claims(self) -> int:
        return sum(o.result.claims for o in self.stored if o.result is not None)

    @property
    def failures(self) -> list[str]:
        """One line per feed or page that failed."""
        lines = [self.store_error] if self.store_error else []
        lines += [feed.error for feed in self.feeds if feed.error]
        lines += [o.error for feed in self.feeds for o in feed.outcomes if o.error]
        return lines


class Watch:
    """Rounds over a set of feeds: each stores what is new, and compares the corpus's clusters before and after.

    ``open_store`` gives a context manager holding the store for one round (an on-disk store is best
    closed after it, so that other commands can write to it between rounds).
    """

    def __init__(self, feeds: Sequence[str], open_store: Callable[[], AbstractContextManager], scheme: IriScheme,
                 fetcher: Fetcher, *, lang: str | None = None, include_unattributed: bool = True) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.open_store = open_store
        self.scheme = scheme
        self.fetcher = fetcher
        self.lang = lang
        self.include_unattributed = include_unattributed
        self.states = {url: FeedState() for url in self.feeds}
        self.rounds = 0
        self._clusters: Clusters | None = None

    def round(self, on_document: Callable[[IngestOutcome], None] | None = None) -> Round:
        """Fetch every feed once and store the new articles; never raises for a feed or page that fails."""
        from provenance.rdf.timestamps import now

        self.rounds += 1
        result = Round(number=self.rounds, started=now(), feeds=[])
        try:
            with self.open_store() as store:
                self._round_in(store, result, on_document)
        except StoreLocked as error:
            # Another process writes to the store (an ingest): this round waits for the next.
            result.store_error = str(error)
        return result

    def _round_in(self, store, result: Round, on_document) -> None:
        if self._clusters is None:
            self._clusters = corpus_clusters(store)
        for url in self.feeds:
            result.feeds.append(ingest_feed(store, url, self.scheme, self.fetcher, lang=self.lang,
                                            include_unattributed=self.include_unattributed,
                                            state=self.states[url], on_document=on_document))
        if result.stored:
            after = corpus_clusters(store)
            result.new_clusters, result.newly_corroborated = cluster_changes(self._clusters, after)
            self._clusters = after

    def run(self, every: float, *, rounds: int | None = None, on_round: Callable[[Round], None] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> None:
        """Round after round, ``every`` seconds from the start of one to the start of the next, until
        ``rounds`` are done (None: until interrupted).
        """
        done = 0
        while rounds is None or done < rounds:
            started = time.monotonic()
            finished = self.round()
            done += 1
            if on_round is not None:
                on_round(finished)
            if rounds is not None and done >= rounds:
                return
            sleep(max(0.0, every - (time.monotonic() - started)))
