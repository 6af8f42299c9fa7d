from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

ARTICLE = """Gunmen kill five villagers in central Nigeria

Gunmen killed five villagers in an attack on Kwall in Plateau State on Sunday, police said.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "kwall.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.jsonl").write_text(json.dumps({"id": "kwall", "published": "2024-04-08", "outlet": "Test Wire"}) + "\n")
    return folder


def test_ingest_events_show_export(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "t.duckdb")
    args = ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "stored 1, skipped 0 (already stored), failed 0; event reports 1" in first.output
    assert "merged: 1 new events" in first.output
    again = runner.invoke(main, args)
    assert "stored 0, skipped 1" in again.output

    listing = runner.invoke(main, ["events", "--db", db, "--country", "Nigeria"])
    assert "1 events" in listing.output
    event_id = listing.output.splitlines()[1].split()[0]
    assert "0 events" in runner.invoke(main, ["events", "--db", db, "--country", "Chad"]).output
    assert "kwall#1" in runner.invoke(main, ["events", "--reports", "--db", db]).output

    shown = runner.invoke(main, ["show", event_id, "--db", db])
    assert "1 sources, 1 independent (single-source)" in shown.output
    assert "Gunmen killed five villagers in an attack on Kwall in Plateau State on Sunday, police said." in shown.output
    assert "fatalities" in shown.output and "Test Wire" in shown.output

    exported = runner.invoke(main, ["export", "--format", "acled-csv", "--db", db])
    [row] = list(csv.DictReader(io.StringIO(exported.output)))
    assert row["event_date"] == "2024-04-07"
    assert row["fatalities"] == "5"
    assert row["actor2"] == "Civilians (Nigeria)"
    assert row["source"] == "Test Wire"


def test_extract_prints_reports_as_json_lines(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(corpus / "kwall.txt"), "--manifest", str(corpus / "manifest.jsonl")])
    assert result.exit_code == 0
    [line] = result.output.strip().splitlines()
    report = json.loads(line)
    assert report["article_id"] == "kwall"
    assert report["sub_event_type"] == "Attack"
    assert report["fatalities"] == 5


def test_bad_input_fails_loudly_and_the_rest_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00\x00")
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), str(tmp_path / "nope.txt"), "--manifest", str(corpus / "manifest.jsonl"), "--db", db])
    assert result.exit_code == 1
    assert f"error: {corpus / 'broken.txt'}: binary file" in result.output
    assert f"error: {tmp_path / 'nope.txt'}: no such file or directory" in result.output
    assert "stored 1" in result.output and "failed 2" in result.output


def test_runs_with_the_network_off(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = CliRunner().invoke(main, ["extract", str(corpus / "kwall.txt"), "--manifest", str(corpus / "manifest.jsonl")])
    assert result.exit_code == 0 and json.loads(result.output)["fatalities"] == 5


def test_demo_finds_events_and_none_in_sport(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")
    result = CliRunner().invoke(main, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 7" in result.output
    rows = [line.split() for line in result.output.splitlines() if line.startswith("E")]
    assert [(row[1], row[-1]) for row in rows] == [("2024-02-22", "1"), ("2024-03-12", "1"), ("2024-03-16", "1"), ("2024-04-03", "2"), ("2024-05-05", "1")]
    kharkiv = next(row for row in rows if row[1] == "2024-04-03")
    assert kharkiv[-2] == "6", "the lowest toll of the two outlets (6 and 7)"


def test_seed_score_floor(shared: Path) -> None:
    seeds = shared / "seeds"
    result = CliRunner().invoke(
        main, ["eval", str(seeds / "gold.jsonl"), "--manifest", str(seeds / "manifest.jsonl"), *map(str, sorted(seeds.glob("*.txt"))), "--json"]
    )
    scores = json.loads(result.output)
    assert scores["event"]["f1"] >= 0.9
    assert scores["strict"]["f1"] >= 0.95  # one event of the eight with a wrong field fails
    assert scores["field_accuracy"] >= 0.9


def test_one_failing_article_does_not_stop_the_batch(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep import pipeline

    (corpus / "other.txt").write_text("Soldiers clashed with rebels near Goma on Monday, the army said.\n", encoding="utf-8")
    real = pipeline.reports_for

    def flaky(article, doc):  # type: ignore[no-untyped-def]
        if article.id == "kwall":
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "reports_for", flaky)
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db])
    assert result.exit_code == 1
    assert f"error: {corpus / 'kwall.txt'}: extraction failed (RuntimeError: boom)" in result.output
    assert "stored 1" in result.output and "failed 1" in result.output
    monkeypatch.setattr(pipeline, "reports_for", real)
    rerun = CliRunner().invoke(main, ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db])
    assert "stored 1, skipped 1" in rerun.output and rerun.exit_code == 0


def test_export_jsonl_and_type_filter(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "t.duckdb")
    runner.invoke(main, ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db])
    lines = runner.invoke(main, ["export", "--format", "jsonl", "--db", db, "--type", "Violence against civilians"]).output.splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["Test Wire"]
    assert runner.invoke(main, ["export", "--db", db, "--type", "Arrests"]).output == ""


def test_a_database_that_cannot_be_opened_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "notes.duckdb"
    broken.write_text("these are my notes, not a database", encoding="utf-8")
    result = CliRunner().invoke(main, ["events", "--db", str(broken)])
    assert result.exit_code == 1
    assert f"cannot open the database {broken}" in result.output and "Traceback" not in result.output
    assert broken.read_text(encoding="utf-8") == "these are my notes, not a database"
