"""The report on our multi-article examples: a wire copy is one source, two agencies are two, a circle is named."""

import io

from rich.console import Console

from provenance.reports.report import render_report, report_data


def render(data) -> str:
    console = Console(file=io.StringIO(), width=100)
    console.print(render_report(data))
    return console.file.getvalue()


def test_wire_copy_printed_by_five_outlets_is_one_independent_source(example_store):
    data = report_data(example_store("wire"))
    assert data["claims"] == 5 and data["articles"] == 5
    [cluster] = data["clusters"]
    assert (cluster["claims"], cluster["articles"], cluster["independent_sources"]) == (5, 5, 1)
    assert cluster["single_points_of_failure"] == ["Tass"]
    assert data["single_points_of_failure"][0] == {
        "source": "Tass", "kind": "news-agency", "claims": 5, "share": 1.0, "clusters": 1,
        "iri": "https://claim-provenance.org/id/source/tass"}
    assert data["circular"] == []


def test_two_agencies_with_separate_origins_are_two_independent_sources(example_store):
    data = report_data(example_store("two-agencies"))
    [cluster] = data["clusters"]
    assert (cluster["articles"], cluster["independent_sources"]) == (4, 2)
    assert cluster["single_points_of_failure"] == []
    assert data["single_points_of_failure"] == []
    relays = {relay["name"]: relay["relayed"] for relay in data["top_relays"]}
    assert relays == {"Reuters": 2, "Associated Press": 2}


def test_circle_of_outlets_is_reported_with_its_members(example_store):
    data = report_data(example_store("circle"))
    assert data["circular"] == [["Blick am Abend", "Lokalradio Nord", "Stadtanzeiger"]]
    assert data["circular_details"][0]["claims"] == 4
    [cluster] = data["clusters"]
    assert cluster["independent_sources"] == 0 and cluster["origins"] == []
    output = render(data)
    assert "Circular reporting" in output
    assert "Blick am Abend → Lokalradio Nord → Stadtanzeiger → Blick am Abend" in output


def test_examples_together_keep_their_clusters_apart(example_store):
    data = report_data(example_store("wire", "two-agencies", "circle"))
    counts = sorted((c["articles"], c["independent_sources"]) for c in data["clusters"])
    assert counts == [(4, 0), (4, 2), (5, 1)]
    assert len(data["circular"]) == 1
    output = render(data)
    assert "The same claim in several articles (3)" in output
