from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import Store

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
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\x03PNG")
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


@pytest.mark.parametrize(
    "command", [["events"], ["events", "--reports"], ["show", "E0123"], ["export"], ["export", "--format", "acled-csv", "-o", "{out}"], ["serve", "--port", "1"]],
    ids=["events", "reports", "show", "export", "export-to-file", "serve"],
)
def test_reading_a_missing_database_is_an_error_that_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(main, [*(part.format(out=tmp_path / "out.csv") for part in command), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"no database {db}" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_csv_export_keeps_formulas_as_text_and_numbers_as_numbers(corpus: Path, tmp_path: Path) -> None:
    """OWASP's CSV injection: a text cell starting = + - @ tab or carriage return gets a
    leading quote; a negative latitude is a number and stays one."""
    db = str(tmp_path / "t.duckdb")
    CliRunner().invoke(main, ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db])
    corrections: dict[str, Any] = {"actor1": '=HYPERLINK("http://example.com/x","details")', "actor2": "+SUM(1,2)", "admin1": "@cmd",
                                   "location": "-2+3", "notes": "\tnote", "sub_event_type": "\r=1", "latitude": -1.5, "longitude": -0.25}
    with Store(db) as store:
        [event] = store.events()
        for field, value in corrections.items():
            store.review(event.event_id, "correct", "tester", field, value)
    exported = CliRunner().invoke(main, ["export", "--format", "acled-csv", "--db", db])
    assert exported.exit_code == 0, exported.output
    [row] = csv.DictReader(io.StringIO(exported.output))
    assert {field: row[field] for field in ("actor1", "actor2", "admin1", "location", "notes", "sub_event_type")} == {
        field: "'" + value.replace("\r", "\n") for field, value in corrections.items() if isinstance(value, str)}
    assert (row["latitude"], row["longitude"], row["country"], row["fatalities"]) == ("-1.5", "-0.25", "Nigeria", "5")


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@contextmanager
def _serving(db: str, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`sitrep serve` in a process of its own on a free loopback port, until it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)], stdout=output, stderr=output)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"{base}/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_reads_work_while_sitrep_serve_runs(corpus: Path, tmp_path: Path) -> None:
    """The server holds the file read-only (or not at all), so events, show and export
    work beside it; a write while it holds the file says who holds it; a review through
    the server is what the CLI reads next."""
    runner = CliRunner()
    db = str(tmp_path / "t.duckdb")
    assert runner.invoke(main, ["ingest", str(corpus), "--manifest", str(corpus / "manifest.jsonl"), "--db", db]).exit_code == 0
    token = runner.invoke(main, ["token", "create", "cli analyst", "--db", db]).output.strip()
    with _serving(db, tmp_path / "serve.log") as (base, server):
        [event] = _get(f"{base}/api/events")["events"]
        listing = runner.invoke(main, ["events", "--db", db])
        assert listing.exit_code == 0 and "1 events" in listing.output, listing.output
        shown = runner.invoke(main, ["show", event["event_id"], "--db", db])
        assert shown.exit_code == 0 and "Test Wire" in shown.output, shown.output
        exported = runner.invoke(main, ["export", "--format", "acled-csv", "--db", db])
        assert exported.exit_code == 0 and [r["fatalities"] for r in csv.DictReader(io.StringIO(exported.output))] == ["5"]

        assert _get(f"{base}/api/events")["total"] == 1
        merged = runner.invoke(main, ["merge", "--db", db])
        assert merged.exit_code == 1 and f"process {server.pid} has it open" in merged.output and "Traceback" not in merged.output

        review = urllib.request.Request(f"{base}/api/events/{event['event_id']}/review", method="POST",
                                        data=json.dumps({"action": "correct", "field": "fatalities", "value": 6}).encode(),
                                        headers={"Authorization": f"bearer {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(review, timeout=30) as response:
            assert response.status == 200
        exported = runner.invoke(main, ["export", "--format", "acled-csv", "--db", db])
        assert [r["fatalities"] for r in csv.DictReader(io.StringIO(exported.output))] == ["6"]
        assert _get(f"{base}/api/events")["events"][0]["fatalities"] == 6


def test_a_bug_in_cleaning_or_storing_one_article_loses_only_that_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.pipeline
    from sitrep.clean import clean_article
    from sitrep.store.database import Store as Database

    stories = {"gao": "Gunmen attacked a police post near Gao on Tuesday, killing two officers, the governor said.",
               "kidal": "Soldiers clashed with rebels near Kidal on Monday; four fighters died, the army said.",
               "mopti": "A roadside bomb killed three soldiers near Mopti on Sunday, security sources said."}
    for name, story in stories.items():
        (tmp_path / f"{name}.txt").write_text(story, encoding="utf-8")

    def clean_unless_gao(article: Any) -> Any:
        if article.id == "gao":
            raise RuntimeError("a bug in cleaning")
        return clean_article(article)

    add = Database.add

    def add_unless_kidal(self: Any, article: Any, reports: Any) -> bool:
        if article.id == "kidal":
            raise RuntimeError("a bug in storing")
        return add(self, article, reports)

    monkeypatch.setattr(sitrep.pipeline, "clean_article", clean_unless_gao)
    monkeypatch.setattr(Database, "add", add_unless_kidal)
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(main, ["ingest", *(str(tmp_path / f"{n}.txt") for n in stories), "--db", str(db)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "gao.txt: cleaning failed (RuntimeError: a bug in cleaning)" in result.output
    assert "kidal.txt: storing failed (RuntimeError: a bug in storing)" in result.output
    with Store(db, read_only=True) as store:
        assert [row[0] for row in store.con.execute("SELECT id FROM articles").fetchall()] == ["mopti"]
