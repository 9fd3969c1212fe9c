"""ratings import: a published table of domain scores becomes ratings, with the table as their provenance."""

from __future__ import annotations

TABLE = """domain,pc1,note
tass.com,0.31,state agency
https://www.reuters.com/,0.93,
axios.com,0.78,
spiegel.de,0.66,
nowhere.example,0.5,
,0.7,
"""


def test_table_rates_sources_matched_by_registry_url_and_name(seeded, tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text(TABLE, encoding="utf-8")
    result = seeded.json("ratings", "import", str(path), "--domain-column", "domain", "--score-column", "pc1",
                         "--name", "Domain quality 2023", "--date", "2023-05-01")
    letters = {row["source"]: row["reliability"] for row in result["rated"]}
    assert letters == {"Tass": "E", "Reuters": "A", "Axios": "B", "Der Spiegel": "C"}
    assert result["unmatched"] == ["nowhere.example"] and len(result["skipped"]) == 1
    tass = next(row for row in seeded.json("ratings", "list") if row["source"] == "Tass")
    assert (tass["table"], tass["table_date"], tass["by"], tass["time"]) == (
        "Domain quality 2023", "2023-05-01", "Domain quality 2023", "2023-05-01T00:00:00Z")
    assert "0.31" in tass["note"]


def test_a_newer_rating_of_the_user_outranks_an_older_table(seeded, tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text(TABLE, encoding="utf-8")
    seeded("rate", "Tass", "--reliability", "C")
    seeded("ratings", "import", str(path), "--domain-column", "domain", "--score-column", "pc1", "--date", "2023-05-01")
    in_force = [row["reliability"] for row in seeded.json("ratings", "list", "--source", "Tass") if row["in_force"]]
    assert in_force == ["C"]


def test_scores_out_of_100_with_scale(cli, tmp_path):
    path = tmp_path / "newsguard.csv"
    path.write_text("Domain,Score\nreuters.com,95\napnews.com,72\n", encoding="utf-8")
    result = cli.json("ratings", "import", str(path), "--domain-column", "Domain", "--score-column", "Score",
                      "--scale", "100")
    assert {row["source"]: row["reliability"] for row in result["rated"]} == {"Reuters": "A", "Associated Press": "C"}


def test_missing_columns_are_one_clear_line(seeded, tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text(TABLE, encoding="utf-8")
    line = seeded.error("ratings", "import", str(path), "--domain-column", "site", "--score-column", "pc1")
    assert "no column 'site'" in line and "domain, pc1, note" in line and "--domain-column" in line


def test_a_score_that_is_not_a_number_is_one_clear_line(seeded, tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text("domain,pc1\ntass.com,high\n", encoding="utf-8")
    assert "line 2: score 'high' is not a number" in seeded.error(
        "ratings", "import", str(path), "--domain-column", "domain", "--score-column", "pc1")


def test_a_score_out_of_range_asks_for_scale(seeded, tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text("domain,pc1\ntass.com,31\n", encoding="utf-8")
    assert "--scale" in seeded.error("ratings", "import", str(path), "--domain-column", "domain", "--score-column", "pc1")
