"""``ingest --feed`` and ``watch``: RSS and Atom, items stored once, a malformed feed, a second poll's new items."""

from __future__ import annotations

import json
import re

import pytest

from provenance.web.feeds import parse_feed
from provenance.errors import InvalidInput

from .server import Reply, article_page, atom, rss

STORIES = [
    "The grid operators will meet again next week, Reuters reported.",
    "The ministry said the repairs would take until March.",
    "Officials said the talks had ended without a result.",
    "According to the agency AP, the delegations have left the city.",
    "The mayor said the heating would be back by Friday.",
]


def publish(site, count: int, *, feed: str = "/feed.xml", kind=rss) -> list[str]:
    """Serve the first ``count`` stories as pages and a feed listing them, newest first; their page paths."""
    paths = [f"/story-{number}.html" for number in range(count)]
    for number, path in enumerate(paths):
        site.replies[path] = Reply(body=article_page(STORIES[number], lang="en").encode())
    items = [(f"Story {n}", site.url(path), f"urn:story:{n}") for n, path in reversed(list(enumerate(paths)))]
    site.replies[feed] = Reply(body=kind(items), content_type="application/rss+xml" if kind is rss else "application/atom+xml")
    return paths


def stored_articles(cli) -> set[str]:
    return {row["article"] for row in cli.json("claims")}


def test_rss_and_atom_items_are_read_in_order():
    items = [("A", "http://127.0.0.1/a", "urn:a"), ("B", "/b", "urn:b")]
    for kind, version in ((rss, "rss20"), (atom, "atom10")):
        feed = parse_feed(kind(items), "http://127.0.0.1/feed")
        assert feed.format == version
        assert [(item.link, item.guid) for item in feed.items] == [("http://127.0.0.1/a", "urn:a"), ("http://127.0.0.1/b", "urn:b")]


@pytest.mark.parametrize("content", [
    b"<html><body><p>This is a page, not a feed.</p></body></html>",
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut off",
    b"\x00\x01\x02 binary",
])
def test_what_is_no_feed_is_one_line(content):
    with pytest.raises(InvalidInput, match=r"^http://127.0.0.1/f: not an RSS or Atom feed"):
        parse_feed(content, "http://127.0.0.1/f")


@pytest.mark.parametrize("kind", [rss, atom])
def test_ingest_feed_stores_each_item_once(cli, site, kind):
    paths = publish(site, 3, kind=kind)
    result = cli.json("ingest", "--feed", site.url("/feed.xml"))
    assert [row["status"] for row in result] == ["added"] * 3
    assert len(stored_articles(cli)) == 3
    again = cli("ingest", "--feed", site.url("/feed.xml"))
    assert "3 of 3 items stored already" in again.stdout and "0 of 0 documents stored" in again.stdout
    assert [site.count(path) for path in paths] == [1, 1, 1]


def test_an_item_known_by_its_guid_is_not_fetched_again(cli, site):
    publish(site, 1)
    cli("ingest", "--feed", site.url("/feed.xml"))
    site.replies["/story-0-moved.html"] = site.replies["/story-0.html"]
    site.replies["/feed.xml"] = Reply(body=rss([("Story 0", site.url("/story-0-moved.html"), "urn:story:0")]))
    cli("ingest", "--feed", site.url("/feed.xml"))
    assert site.count("/story-0-moved.html") == 0


def test_a_malformed_feed_is_one_line_and_the_other_feed_goes_on(cli, site):
    publish(site, 2)
    site.replies["/broken.xml"] = Reply(body=b"<?xml version='1.0'?><rss><channel><item><title>x",
                                        content_type="application/rss+xml")
    result = cli("ingest", "--json", "--feed", site.url("/broken.xml"), "--feed", site.url("/feed.xml"), expect=1)
    rows = json.loads(result.stdout)
    assert rows[0]["source"] == site.url("/broken.xml") and "not an RSS or Atom feed" in rows[0]["error"]
    assert [row["status"] for row in rows[1:]] == ["added", "added"]
    assert result.stderr.strip().splitlines()[-1] == "Error: 1 of 3 documents could not be ingested (see the summary)"
    assert result.stderr.strip().splitlines()[:-1] == [f"Created a new store at {cli.store}"]


def test_a_failing_page_in_a_feed_is_fetched_again_next_time(cli, site):
    publish(site, 2)
    site.replies["/story-1.html"] = Reply(status=503)
    cli("ingest", "--feed", site.url("/feed.xml"), expect=1)
    publish(site, 2)
    assert [row["status"] for row in cli.json("ingest", "--feed", site.url("/feed.xml"))] == ["added"]


ROUND = re.compile(r"^\S+ round 1: (\d+) new articles?, (\d+) claims, (\d+) new clusters?, (\d+) newly corroborated \((.*)\)$")


def round_line(cli, *args, expect: int = 0) -> re.Match:
    result = cli("watch", *args, "--once", expect=expect)
    [line] = result.stdout.splitlines()
    match = ROUND.match(line)
    assert match, line
    return match


def test_watch_once_twice_stores_nothing_new_the_second_time(cli, site):
    publish(site, 3)
    first = round_line(cli, site.url("/feed.xml"))
    assert first.group(1) == "3" and int(first.group(2)) >= 3 and first.group(5) == "1 feed"
    second = round_line(cli, site.url("/feed.xml"))
    assert second.groups()[:4] == ("0", "0", "0", "0")
    assert len(stored_articles(cli)) == 3


def test_a_second_poll_with_two_new_items_stores_exactly_two_articles(cli, site):
    publish(site, 3)
    round_line(cli, site.url("/feed.xml"))
    before = stored_articles(cli)
    paths = publish(site, 5)
    second = round_line(cli, site.url("/feed.xml"))
    after = stored_articles(cli)
    assert second.group(1) == "2" and len(after - before) == 2 and before < after
    assert [site.count(path) for path in paths] == [1, 1, 1, 1, 1]


def test_a_round_survives_a_failing_feed_and_page_and_names_them_on_stderr(cli, site):
    publish(site, 2)
    site.replies["/story-0.html"] = Reply(status=404)
    result = cli("watch", site.url("/down.xml"), site.url("/feed.xml"), "--once")
    assert re.search(r"round 1: 1 new article, \d+ claims, .*\(2 feeds, 1 failed, 1 page failed\)$", result.stdout.strip())
    assert result.stderr.splitlines() == [
        f"  failed: {site.url('/down.xml')}: the server answered 404 Not Found",
        f"  failed: {site.url('/story-0.html')}: the server answered 404 Not Found",
    ]


def test_watch_counts_new_clusters_and_newly_corroborated_ones(cli, site):
    """Two outlets carry the same claim from two independent agencies: one new cluster, corroborated."""
    same = "The ceasefire will hold until Sunday"
    site.replies["/a.html"] = Reply(body=article_page(f"{same}, Reuters reported.", lang="en").encode())
    site.replies["/b.html"] = Reply(body=article_page(f"{same}, the agency AP reported.", lang="en").encode())
    site.replies["/feed.xml"] = Reply(body=rss([("A", site.url("/a.html"), "a")]))
    first = round_line(cli, site.url("/feed.xml"))
    assert first.groups()[2:4] == ("0", "0")
    site.replies["/feed.xml"] = Reply(body=rss([("B", site.url("/b.html"), "b"), ("A", site.url("/a.html"), "a")]))
    second = round_line(cli, site.url("/feed.xml"))
    assert second.group(1) == "1" and second.groups()[2:4] == ("1", "1")
    report = cli.json("report")
    assert [cluster["independent_sources"] for cluster in report["clusters"]] == [2]


def test_watch_json_is_one_line_per_round(cli, site):
    publish(site, 1)
    result = cli("watch", site.url("/feed.xml"), "--once", "--json")
    [line] = result.stdout.splitlines()
    data = json.loads(line)
    assert data["round"] == 1 and len(data["new_articles"]) == 1 and data["failures"] == []


def test_a_bad_interval_is_one_line(cli):
    assert "15m" in cli.error("watch", "http://127.0.0.1:9/feed", "--every", "soon")


def test_watch_rounds_keep_their_interval():
    from provenance.web.ingest import Round, Watch

    slept, rounds = [], []
    watcher = Watch([], None, None, None)
    watcher.round = lambda: Round(number=len(rounds) + 1, started="t", feeds=[])
    watcher.run(900, rounds=3, on_round=rounds.append, sleep=slept.append)
    assert len(rounds) == 3 and len(slept) == 2 and all(890 < pause <= 900 for pause in slept)


def test_a_round_that_finds_the_store_busy_says_so_and_the_watch_goes_on():
    from contextlib import contextmanager

    from provenance.errors import StoreLocked
    from provenance.web.ingest import Watch

    @contextmanager
    def busy():
        raise StoreLocked("store './.provenance' is in use by another process")
        yield

    watcher = Watch(["http://127.0.0.1:9/feed.xml"], busy, None, None)
    finished = watcher.round()
    assert finished.failures == ["store './.provenance' is in use by another process"] and finished.stored == []


def test_a_page_cannot_take_another_sites_article_by_its_canonical_link(cli, site):
    site.replies["/a.html"] = Reply(body=article_page(STORIES[0], lang="en",
                                                      canonical="https://www.reuters.com/world/talks-1.html").encode())
    [row] = cli.json("ingest", site.url("/a.html"))
    assert row["doc"].startswith("127.0.0.1-a-")
    [claim] = [c for c in cli.json("claims") if "next week" in c["text"]]
    assert cli.json("trace", claim["short_id"])["article"]["publisher"] is None
