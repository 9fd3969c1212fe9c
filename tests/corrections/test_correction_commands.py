"""The correction commands on the embedded store: correct, claim add, sources merge/alias, corrections list/undo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.corrections.conftest import quads

HOTELS = "Hotels zurückgekehrt"
NEW_CHAIN = "Verhandlungskreise [anonymous-group] > Tass [news-agency] > Agentur PAP [news-agency]"


def chain_of(cli, claim: str, *options: str) -> list[tuple[str, str]]:
    return [(hop["name"], hop["kind"]) for hop in cli.json("trace", claim, *options)["hops"]]


def test_a_corrected_chain_survives_ingesting_the_same_file_again(cli, seed_text):
    cli("ingest", str(seed_text))
    extracted = chain_of(cli, HOTELS)
    assert extracted == [("Verhandlungskreise", "anonymous-group"), ("Tass", "news-agency")]
    said = cli("correct", HOTELS, "--chain", NEW_CHAIN, "--note", "PAP relayed Tass", "--by", "Desk A").stdout
    assert "Corrected, correction" in said and "Agentur PAP [news-agency]" in said
    corrected = [("Verhandlungskreise", "anonymous-group"), ("Tass", "news-agency"), ("Agentur PAP", "news-agency")]
    assert chain_of(cli, HOTELS) == corrected
    shown = cli("trace", HOTELS).stdout
    assert "corrected by Desk A" in shown and "PAP relayed Tass" in shown and "relayed by: Agentur PAP" in shown

    again = cli.json("ingest", str(seed_text))
    assert again[0]["status"] == "unchanged"
    assert chain_of(cli, HOTELS) == corrected
    assert chain_of(cli, HOTELS, "--as-extracted") == extracted
    data = cli.json("trace", HOTELS)
    assert data["corrections"][0]["by"] == "Desk A" and data["corrections"][0]["note"] == "PAP relayed Tass"
    assert data["corrections"][0]["replaced"] == "Verhandlungskreise [anonymous-group] > Tass [news-agency]"
    assert cli.json("trace", HOTELS, "--as-extracted")["corrections"] == []
    [row] = cli.json("corrections")
    assert row["status"] == "applied" and row["by"] == "Desk A"
    # every reader sees it: claims, report, sources
    [claim] = [row for row in cli.json("claims") if HOTELS in row["text"]]
    assert claim["chain"] == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    report = cli.json("report")
    assert report["max_hops"] == 3
    assert any(source["name"] == "Agentur PAP" and source["relayed"] == 1 for source in cli.json("sources"))


def test_a_correction_follows_its_claim_into_a_new_extraction(seeded, seed_text, seed_gold, tmp_path):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN, "--by", "Desk A")
    gold = json.loads(seed_gold.read_text())
    assert gold["claims"][0]["spans"] == [[681, 732]]
    gold["claims"][0]["spans"] = [[681, 733]]  # a newer extractor takes the comma too
    gold["claims"][0]["text"] = seed_text.read_text()[681:733]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(gold))
    assert seeded.json("add", "--text", str(seed_text), str(newer))["status"] == "replaced"
    data = seeded.json("trace", HOTELS)
    assert data["claim"]["spans"] == [[681, 733]]
    assert [hop["name"] for hop in data["hops"]] == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert [hop["name"] for hop in seeded.json("trace", HOTELS, "--as-extracted")["hops"]] == ["Verhandlungskreise", "Tass"]
    assert seeded.json("corrections", "--orphaned") == []


def test_withdrawn_claims_leave_claims_and_report_and_come_back_after_undo(seeded):
    before = seeded.json("report")
    said = seeded.json("correct", "Fortsetzung heute", "--not-a-claim", "--note", "part of the first", "--by", "Desk A")
    assert said["changes"] == "withdrawn"
    assert not any("Fortsetzung heute" in row["text"] for row in seeded.json("claims"))
    after = seeded.json("report")
    assert after["claims"] == before["claims"] - 1
    tass = next(source for source in after["sources"] if source["name"] == "Tass")
    assert tass["relayed"] == next(s for s in before["sources"] if s["name"] == "Tass")["relayed"] - 1
    # the claim named still shows, withdrawn
    assert seeded.json("trace", "Fortsetzung heute")["withdrawn"] is True
    assert "withdrawn by Desk A" in seeded("trace", "Fortsetzung heute").stdout
    seeded("corrections", "undo", said["short_id"], "--by", "Desk A")
    assert any("Fortsetzung heute" in row["text"] for row in seeded.json("claims"))
    assert seeded.json("report")["claims"] == before["claims"]
    [row] = seeded.json("corrections")
    assert row["status"] == "undone" and row["undone"]
    error = seeded.error("corrections", "undo", said["short_id"])
    assert "undone already" in error


def test_a_missed_claim_is_added_by_its_quote(seeded, seed_text):
    quote = "Russland greift immer wieder gezielt Wärme- und Stromkraftwerke an"
    before = seeded.json("report")["claims"]
    added = seeded.json("claim", "add", "tass-talks-de", "--quote", quote,
                        "--chain", "Ukrainische Regierung [organization] > Tass", "--by", "Desk B")
    assert added["changes"].startswith("added; chain: Ukrainische Regierung [organization] > Tass [news-agency]")
    start = seed_text.read_text().index(quote)
    data = seeded.json("trace", added["claim"])
    assert data["claim"]["text"] == quote and data["claim"]["spans"] == [[start, start + len(quote)]]
    assert [(hop["name"], hop["kind"]) for hop in data["hops"]] == [("Ukrainische Regierung", "organization"),
                                                                     ("Tass", "news-agency")]
    assert data["hops"][1]["iri"].endswith("/source/tass")  # a hop without a kind names the stored source
    assert seeded.json("report")["claims"] == before + 1
    assert any(row["text"] == quote for row in seeded.json("claims", "--article", "tass-talks-de"))
    assert seeded.json("trace", "gezielt Wärme-")["claim"]["id"] == added["claim"]


def small_article(tmp_path: Path, doc: str, source: str, kind: str = "news-agency") -> tuple[Path, Path]:
    text = f"Der Minister sei zurückgetreten, meldete {source}."
    start = text.index(source)
    claims = {"doc": doc, "lang": "de", "claims": [{
        "spans": [[0, text.index(",")]], "mode": "indirect",
        "chain": [{"name": source, "kind": kind, "start": start, "end": start + len(source)}]}]}
    text_path, claims_path = tmp_path / f"{doc}.txt", tmp_path / f"{doc}.json"
    text_path.write_text(text)
    claims_path.write_text(json.dumps(claims))
    return text_path, claims_path


def test_merged_sources_are_one_for_counts_ratings_and_later_articles(seeded, tmp_path):
    seeded("add", "--text", *map(str, small_article(tmp_path, "pap-1", "Agentur PAP")))
    names = {source["name"] for source in seeded.json("sources")}
    assert {"Tass", "Agentur PAP"} <= names
    tass_before = next(s for s in seeded.json("sources") if s["name"] == "Tass")
    merged = seeded.json("sources", "merge", "Tass", "Agentur PAP", "--by", "Desk A")
    assert merged["changes"] == "merged Agentur PAP into Tass"
    rows = seeded.json("sources")
    assert "Agentur PAP" not in {row["name"] for row in rows}
    tass = next(row for row in rows if row["name"] == "Tass")
    assert tass["originated"] == tass_before["originated"] + 1
    report = seeded.json("report")
    assert [s["name"] for s in report["sources"]].count("Tass") == 1
    assert "Agentur PAP" not in {s["name"] for s in report["sources"]}
    # rate by either name rates the merged source
    rated = seeded.json("rate", "Agentur PAP", "--reliability", "D", "--by", "Desk A")
    assert rated["source"] == "Tass" and rated["source_iri"].endswith("/source/tass")
    assert next(row for row in seeded.json("sources") if row["name"] == "Tass")["reliability"] == "D"
    # a later article naming the merged name lands on the merged source
    seeded("add", "--text", *map(str, small_article(tmp_path, "pap-2", "Agentur PAP")))
    tass_now = next(row for row in seeded.json("sources") if row["name"] == "Tass")
    assert tass_now["originated"] == tass["originated"] + 1
    # an alias: future chains naming it land on the source
    seeded("sources", "alias", "Tass", "TASS-Agentur", "--by", "Desk A")
    seeded("add", "--text", *map(str, small_article(tmp_path, "pap-3", "TASS-Agentur")))
    assert next(row for row in seeded.json("sources") if row["name"] == "Tass")["originated"] == tass["originated"] + 2
    assert "TASS-Agentur" not in {row["name"] for row in seeded.json("sources")}
    # unmerge splits Agentur PAP off again
    seeded("sources", "unmerge", "Agentur PAP", "--by", "Desk A")
    assert "Agentur PAP" in {row["name"] for row in seeded.json("sources")}


def test_rename_and_kind_show_everywhere(seeded):
    seeded("sources", "rename", "Tass", "TASS", "--by", "Desk A")
    seeded("sources", "kind", "TASS", "state", "--by", "Desk A")
    [row] = [row for row in seeded.json("claims") if HOTELS in row["text"]]
    assert row["chain"] == ["Verhandlungskreise", "TASS"]
    assert [(hop["name"], hop["kind"]) for hop in seeded.json("trace", HOTELS)["hops"]][1] == ("TASS", "state")
    assert any(s["name"] == "TASS" and s["kind"] == "state" for s in seeded.json("sources"))
    assert seeded.json("rate", "Tass", "--reliability", "C")["source"] == "TASS"


def test_an_orphaned_correction_is_listed_and_the_rest_still_apply(seeded, seed_text, seed_gold, tmp_path):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN, "--by", "Desk A")
    seeded("correct", "Es gebe Resultate", "--mode", "direct", "--by", "Desk A")
    seeded("correct", "sollen die Gespräche", "--hop", "1", "--kind", "anonymous-media", "--by", "Desk A")
    text = seed_text.read_text()
    changed = text.replace("Die Delegationen seien in ihre Hotels zurückgekehrt", "Die Delegationen seien abgereist")
    shift = len(changed) - len(text)
    gold = json.loads(seed_gold.read_text())
    gold["claims"] = gold["claims"][1:]
    for claim in gold["claims"]:
        claim["spans"] = [[start + shift, end + shift] for start, end in claim["spans"]]
        claim["cue"]["spans"] = [[start + shift, end + shift] for start, end in claim["cue"]["spans"]]
        for hop in claim["chain"]:
            if hop.get("start") is not None and hop["start"] > 700:
                hop["start"] += shift
                hop["end"] += shift
            if hop.get("antecedent"):
                hop["antecedent"] = [value + shift for value in hop["antecedent"]]
    text_path, claims_path = tmp_path / "tass.txt", tmp_path / "tass.json"
    text_path.write_text(changed)
    claims_path.write_text(json.dumps(gold))
    assert seeded.json("add", "--text", str(text_path), str(claims_path))["status"] == "replaced"
    [orphan] = seeded.json("corrections", "--orphaned")
    assert orphan["changes"].startswith("chain:") and orphan["reason"] == "its words are no longer in the article"
    assert "orphaned" in seeded("corrections", "--orphaned").stdout
    statuses = [row["status"] for row in seeded.json("corrections")]
    assert statuses.count("applied") == 2
    assert seeded.json("trace", "Es gebe Resultate")["claim"]["mode"] == "direct"
    assert seeded.json("trace", "sollen die Gespräche")["hops"][0]["kind"] == "anonymous-media"


def test_bad_input_is_one_line_and_the_store_is_unchanged(seeded):
    before = quads(seeded.store)
    cases = [
        (("correct", "no such words at all", "--mode", "direct"), "no claim matches"),
        (("correct", HOTELS, "--chain", "Tass >> PAP"), "hop 2 has no name"),
        (("correct", HOTELS, "--chain", "Tass [agency]"), "unknown source kind 'agency'"),
        (("correct", HOTELS, "--hop", "1", "--kind", "agency"), "unknown source kind 'agency'"),
        (("correct", HOTELS, "--hop", "5", "--kind", "person"), "has 2 hops"),
        (("correct", HOTELS, "--chain", "Niemand Bekanntes > Tass"), "no source called 'Niemand Bekanntes'"),
        (("correct", HOTELS), "nothing to correct"),
        (("sources", "merge", "Tass", "Tass"), "one source already"),
        (("sources", "merge", "Tass", "Nobody Known"), "no source called 'Nobody Known'"),
        (("sources", "kind", "Tass", "agency"), "unknown source kind"),
        (("claim", "add", "tass-talks-de", "--quote", "words the article never had", "--chain", "Tass"), "not in article"),
        (("claim", "add", "no-such-article", "--quote", "Tass", "--chain", "Tass"), "no article 'no-such-article'"),
        (("corrections", "undo", "ffffffff"), "no correction"),
    ]
    for args, said in cases:
        line = seeded.error(*args)
        assert said in line, (args, line)
    assert quads(seeded.store) == before


def test_a_correction_while_another_process_holds_the_store(seeded):
    before = quads(seeded.store)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
         str(seeded.store)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert "in use by another process" in seeded.error("correct", HOTELS, "--not-a-claim")
        assert "in use by another process" in seeded.error("sources", "merge", "Tass", "Verhandlungskreise")
    finally:
        holder.kill()
        holder.wait()
    assert quads(seeded.store) == before


def test_the_export_of_a_corrected_seed_scores_one_against_itself(seeded, shared_dir, tmp_path):
    seeded("correct", HOTELS, "--chain", "Verhandlungskreise [anonymous-group] > Tass > Agentur PAP [news-agency]")
    seeded("claim", "add", "tass-talks-de", "--quote", "Russland greift immer wieder gezielt Wärme- und Stromkraftwerke an",
           "--chain", "Ukrainische Regierung [organization] > Tass")
    gold, predicted, chains = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", tmp_path / "chains"
    seeded("corrections", "export", "-o", str(gold))
    seeded("corrections", "export", "--format", "claims", "-o", str(predicted))
    seeded("corrections", "export", "--format", "chains", "-o", str(chains))
    [document] = [json.loads(line) for line in gold.read_text().splitlines()]
    assert document["id"] == "tass-talks-de" and len(document["attributions"]) == 11
    tools = shared_dir / "tools"
    attribution = json.loads(subprocess.run(
        [sys.executable, str(tools / "score_attribution.py"), str(gold), str(predicted), "--json"],
        capture_output=True, text=True, check=True).stdout)
    figures = [value for metric in ("content", "cue", "source") for match in attribution[metric].values()
               for key, value in match.items() if key in ("p", "r", "f1", "P", "R", "F1")]
    assert figures and all(value == 1.0 for value in figures), attribution
    scored = json.loads(subprocess.run(
        [sys.executable, str(tools / "score_chains.py"), str(chains), str(predicted), "--json"],
        capture_output=True, text=True, check=True).stdout)
    assert scored["gold"] == 11 and scored["chains_exact_recall"] == 1.0 and scored["chains_exact_precision"] == 1.0
    assert scored["multi_exact_recall"] == 1.0 and scored["kind_accuracy"] == 1.0
    # the stdout export is the file's
    assert seeded("corrections", "export").stdout == gold.read_text()


def test_graph_and_html_show_the_corrected_view(seeded, tmp_path):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN)
    seeded("correct", "Fortsetzung heute", "--not-a-claim")
    dot = tmp_path / "article.dot"
    seeded("graph", "--article", "tass-talks-de", "-o", str(dot))
    assert "Agentur PAP" in dot.read_text()
    page = tmp_path / "report.html"
    seeded("report", "--html", str(page))
    assert "Agentur PAP" in page.read_text()
    from provenance.reports.html import html_data
    from provenance.storage import open_store

    store = open_store(str(seeded.store), write=False)
    try:
        [article] = html_data(store)["articles"]
    finally:
        store.close()
    texts = [claim["claim"]["text"] for claim in article["claims"]]
    assert "eine Fortsetzung heute sei nicht mehr geplant" not in texts and len(texts) == 9
    [hotels] = [claim for claim in article["claims"] if HOTELS in claim["claim"]["text"]]
    assert [hop["name"] for hop in hotels["hops"]] == ["Verhandlungskreise", "Tass", "Agentur PAP"]


def test_push_of_one_article_takes_its_corrections_and_the_identities(seeded, new_cli, tmp_path):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN)
    seeded("sources", "alias", "Tass", "TASS-Agentur")
    target = new_cli("target")
    seeded("push", "--to", str(target.store), "--article", "tass-talks-de")
    assert [hop["name"] for hop in target.json("trace", HOTELS)["hops"]] == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert target.json("rate", "TASS-Agentur", "--reliability", "B")["source"] == "Tass"


def test_merged_sources_share_one_track_record(seeded, tmp_path):
    seeded("add", "--text", *map(str, small_article(tmp_path, "pap-1", "Agentur PAP")))
    seeded("verdict", "Minister sei zurückgetreten", "--rating", "falsch", "--by", "Desk A")
    seeded("verdict", HOTELS, "--rating", "falsch", "--by", "Desk A")

    def track(name):
        return next(row for row in seeded.json("sources") if row["name"] == name)["track_record"]

    assert track("Agentur PAP")["verdicts"] == 1 and track("Tass")["verdicts"] == 1
    seeded("sources", "merge", "Tass", "Agentur PAP")
    merged = track("Tass")
    assert merged["verdicts"] == 2 and merged["as_origin"] == 1 and merged["as_relay"] == 1
    # a withdrawn claim's verdict bears on no source any more
    seeded("correct", "Minister sei zurückgetreten", "--not-a-claim")
    assert track("Tass")["verdicts"] == 1


def test_an_added_claim_is_the_same_claim_as_one_elsewhere(seeded, tmp_path):
    text = "Die Delegationen seien in ihre Hotels zurückgekehrt, meldete die Agentur PAP."
    (tmp_path / "pap.txt").write_text(text)
    (tmp_path / "pap.json").write_text(json.dumps({"doc": "pap-hotels", "lang": "de", "claims": []}))
    seeded("add", "--text", str(tmp_path / "pap.txt"), str(tmp_path / "pap.json"))
    added = seeded.json("claim", "add", "pap-hotels", "--quote", "Die Delegationen seien in ihre Hotels zurückgekehrt",
                        "--chain", "Agentur PAP [news-agency]")
    [seed_claim] = [row for row in seeded.json("claims", "--article", "tass-talks-de") if HOTELS in row["text"]]
    same = seeded.json("trace", seed_claim["id"])["same_claim"]
    assert [other["id"] for other in same] == [added["claim"]]
    assert [other["id"] for other in seeded.json("trace", added["claim"])["same_claim"]] == [seed_claim["id"]]
    [cluster] = [c for c in seeded.json("report")["clusters"] if HOTELS in c["text"]]
    assert cluster["articles"] == 2 and cluster["independent_sources"] == 2
