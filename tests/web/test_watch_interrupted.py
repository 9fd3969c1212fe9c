"""Killing ``watch`` mid-round (Ctrl-C, kill -9) leaves every stored article whole; the next round fetches the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import defaultdict

import pytest

from .server import Reply, article_page, rss

STORIES = [
    "The grid operators will meet again next week, Reuters reported. Repairs would take a month, officials said.",
    "The ministry said the repairs would take until March. The mayor said the city was prepared.",
    "According to the agency AP, the delegations have left the city. Talks would resume on Monday, diplomats said.",
    "Officials said the talks had ended without a result. The opposition called the talks a failure.",
    "The mayor said the heating would be back by Friday, the local radio reported.",
    "Witnesses said the power had returned in the north, AFP reported. The operator said nothing.",
]


def serve(site, hold_at: int | None = None) -> list[str]:
    paths = [f"/story-{number}.html" for number in range(len(STORIES))]
    for number, path in enumerate(paths):
        site.replies[path] = Reply(body=article_page(STORIES[number], lang="en").encode(),
                                   hold=threading.Event() if number == hold_at else None)
    site.replies["/feed.xml"] = Reply(body=rss([(f"Story {n}", site.url(p), f"urn:{n}") for n, p in enumerate(paths)]))
    return paths


def claims_by_article(cli) -> dict[str, list]:
    grouped = defaultdict(list)
    for row in cli.json("claims"):
        grouped[row["article"]].append((row["text"], row["mode"], tuple(row["chain"])))
    return {article: sorted(rows) for article, rows in grouped.items()}


def article_of(cli, site, path: str) -> str:
    from provenance.web.pages import article_id

    return article_id(site.url(path))


def watch_process(store, feed):
    code = "import sys; from provenance.cli import main; sys.exit(main())"
    return subprocess.Popen([sys.executable, "-c", code, "--store", str(store), "watch", feed, "--every", "1s"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.mark.parametrize("kill", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("moment", ["waiting for page 3", "just after page 3 arrived"])
def test_killing_watch_mid_round_leaves_whole_articles_and_the_next_round_takes_the_rest(cli, new_cli, site, kill, moment):
    held = moment == "waiting for page 3"
    paths = serve(site, hold_at=2 if held else None)
    process = watch_process(cli.store, site.url("/feed.xml"))
    try:
        site.wait_for(paths[2], answered=not held)
        process.send_signal(kill)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if kill == signal.SIGINT:
        assert process.returncode == 0 and "watch stopped; 0 rounds complete" in stderr and "Traceback" not in stderr
    else:
        assert process.returncode == -signal.SIGKILL

    if held:
        site.replies[paths[2]].hold.set()
    reference = new_cli("reference")
    reference("ingest", *[site.url(path) for path in paths])
    expected = claims_by_article(reference)
    interrupted = claims_by_article(cli)
    # Held at page 3, pages 1 and 2 are stored; just after page 3 arrived, it may be stored or not yet.
    assert set(interrupted) in ({article_of(cli, site, paths[0]), article_of(cli, site, paths[1])},
                                {article_of(cli, site, path) for path in paths[:3]})
    for article, claims in interrupted.items():
        assert claims == expected[article], article

    result = cli("watch", site.url("/feed.xml"), "--once")
    stored_now = 6 - len(interrupted)
    assert f": {stored_now} new article{'s' if stored_now != 1 else ''}," in result.stdout
    assert claims_by_article(cli) == expected
    # The pages stored before the kill were not fetched again; the feed was read twice by watch.
    assert [site.count(path) for path in paths[:2]] == [2, 2]  # watch once each, the reference once each
