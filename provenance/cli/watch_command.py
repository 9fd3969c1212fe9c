"""``provenance watch``: follow feeds, storing each new article whole, one line per round."""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from provenance.cli.app import main
from provenance.errors import InvalidInput
from provenance.web import DEFAULT_TIMEOUT

if TYPE_CHECKING:  # the web client is imported by the command itself, not at every start
    from provenance.web.ingest import Round

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(every: str) -> float:
    """``15m`` -> 900.0; a number alone is seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", every)
    if not match or float(match.group(1)) <= 0:
        raise InvalidInput(f"--every {every!r}: give a duration like 90s, 15m, 1h or 1d")
    return float(match.group(1)) * UNITS[match.group(2) or "s"]


def round_line(finished: Round) -> str:
    """The line a round prints: when, what is new, and how many feeds answered."""
    stored = finished.stored
    failed = sum(1 for feed in finished.feeds if feed.error)
    unchanged = sum(1 for feed in finished.feeds if feed.not_modified)
    feeds = f"{len(finished.feeds)} feed{'s' if len(finished.feeds) != 1 else ''}"
    if unchanged:
        feeds += f", {unchanged} unchanged"
    if failed:
        feeds += f", {failed} failed"
    pages_failed = sum(1 for feed in finished.feeds for o in feed.outcomes if o.error)
    if pages_failed:
        feeds += f", {pages_failed} page{'s' if pages_failed != 1 else ''} failed"
    return (f"{finished.started} round {finished.number}: {len(stored)} new article{'s' if len(stored) != 1 else ''}, "
            f"{finished.claims} claims, {finished.new_clusters} new cluster{'s' if finished.new_clusters != 1 else ''}, "
            f"{finished.newly_corroborated} newly corroborated ({feeds})")


def round_data(finished: Round) -> dict:
    return {
        "round": finished.number,
        "started": finished.started,
        "new_articles": [o.result.doc for o in finished.stored if o.result is not None],
        "claims": finished.claims,
        "new_clusters": finished.new_clusters,
        "newly_corroborated": finished.newly_corroborated,
        "failures": finished.failures,
    }


@contextmanager
def round_store(settings):
    """The store for one round: an on-disk one opened and closed again (others may write between rounds),
    ``memory`` kept for the whole watch (it would be empty again)."""
    if settings.store_location == "memory":
        yield settings.open_store(write=True)
        return
    from provenance.storage import open_store

    store = open_store(settings.store_location, write=True)
    try:
        yield store
    finally:
        store.close()


@main.command("watch")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@click.option("--every", default="15m", show_default=True, help="Time from one round's start to the next's: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="Do one round and stop.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for a page or feed.")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language of the articles (default: as the page says, else detected).")
@click.option("--json", "as_json", is_flag=True, help="Print each round as one JSON line.")
@click.pass_obj
def watch(settings, feeds, every, once, timeout, lang, as_json):
    """Follow RSS or Atom FEEDs until Ctrl-C: each round stores the items' pages not stored yet, each article whole.

    Prints one line per round (new articles, claims, new clusters, newly corroborated clusters);
    a feed or page that fails is named on stderr and the round goes on. The store is opened for
    each round only, so other commands can write to it in between.
    """
    from provenance.web.fetch import Fetcher
    from provenance.web.ingest import Watch

    interval = seconds(every)

    completed: list[int] = []

    def show(finished: Round) -> None:
        for failure in finished.failures:
            click.echo(f"  failed: {failure}", err=True)
        completed.append(finished.number)
        if as_json:
            click.echo(json.dumps(round_data(finished), ensure_ascii=False))
        else:
            click.echo(round_line(finished))
        sys.stdout.flush()

    with Fetcher(timeout=timeout) as fetcher:
        watcher = Watch(feeds, lambda: round_store(settings), settings.scheme(), fetcher, lang=lang)
        try:
            watcher.run(interval, rounds=1 if once else None, on_round=show)
        except KeyboardInterrupt:
            # Every article stored so far is whole (each is one write); the next round fetches the rest.
            click.echo(f"watch stopped; {len(completed)} round{'s' if len(completed) != 1 else ''} complete", err=True)
