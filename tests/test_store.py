from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from sitrep.records import Article, EventReport
from sitrep.store import DatabaseUnavailable, EventFilter, Store


def _report(article_id: str, number: int, country: str, day: date) -> EventReport:
    return EventReport(
        report_id=f"{article_id}#{number}", article_id=article_id, event_type="Battles", sub_event_type="Armed clash",
        event_date=day, date_from=day, date_to=day, actor1="Military Forces of Mali", country=country, fatalities=2,
    )


def test_same_content_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    article = Article(id="a1", text="Soldiers clashed with rebels.")
    with Store(db) as store:
        assert store.add(article, [_report("a1", 1, "Mali", date(2024, 1, 2))])
        assert not store.add(Article(id="copy", text=article.text), [_report("copy", 1, "Mali", date(2024, 1, 2))])
        assert store.counts() == (1, 1)
    with Store(db) as store:
        assert store.counts() == (1, 1)
        assert store.reports()[0].fatalities == 2


def test_changed_content_replaces_the_article_and_its_reports(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.add(Article(id="a1", text="First version."), [_report("a1", 1, "Mali", date(2024, 1, 2)), _report("a1", 2, "Niger", date(2024, 1, 3))])
        store.add(Article(id="a1", text="Corrected version."), [_report("a1", 1, "Chad", date(2024, 1, 2))])
        assert store.counts() == (1, 1)
        assert [r.country for r in store.reports()] == ["Chad"]


def test_filters(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.add(Article(id="a1", text="One."), [_report("a1", 1, "Mali", date(2024, 1, 2))])
        store.add(Article(id="a2", text="Two."), [_report("a2", 1, "Niger", date(2024, 2, 2))])
        assert [r.report_id for r in store.reports(EventFilter(country="niger"))] == ["a2#1"]
        assert [r.report_id for r in store.reports(EventFilter(since=date(2024, 1, 15)))] == ["a2#1"]
        assert [r.report_id for r in store.reports(EventFilter(actor="mali", until=date(2024, 1, 31)))] == ["a1#1"]


def test_a_failed_article_rolls_back_and_keeps_what_was_committed(tmp_path: Path) -> None:
    import duckdb
    import pytest

    with Store(tmp_path / "t.duckdb") as store:
        store.add(Article(id="a1", text="One."), [_report("a1", 1, "Mali", date(2024, 1, 2))])
        clash = _report("a2", 1, "Niger", date(2024, 2, 2))
        with pytest.raises(duckdb.Error):
            store.add(Article(id="a2", text="Two."), [clash, clash])
        assert store.counts() == (1, 1)
        assert store.add(Article(id="a2", text="Two."), [clash])
        assert store.counts() == (2, 2)


WIRE = ("Gunmen on motorbikes attacked a checkpoint at the entrance of Gao on Monday night, killing two guards, the regional "
        "governor said on Tuesday. The attackers fled towards the river before soldiers arrived at the scene. No group has "
        "claimed the attack, which came a week after a similar raid near Ansongo that killed three civilians. Residents said "
        "shops in the central market stayed closed on Tuesday morning as army patrols moved through the town, and the governor "
        "called for calm while the investigation continued.")


def test_syndicated_copies_are_stored_once_with_all_sources(tmp_path: Path) -> None:
    import json as json_module

    from click.testing import CliRunner

    from sitrep.cli import main

    rows = [
        {"id": "wire-a", "outlet": "Sahel Monitor", "published": "2024-05-07", "text": "Gunmen kill two guards in Gao\n\n" + WIRE},
        {"id": "wire-b", "outlet": "Niger Valley News", "published": "2024-05-07",
         "text": "Two guards killed in Gao attack\n\nGAO, Mali - " + WIRE + " (Reporting by staff; editing by desk.)"},
        {"id": "other", "outlet": "Sahel Monitor", "published": "2024-05-08",
         "text": "Traders in Mopti reopened the central market on Wednesday after repairs to its roof were finished, and the mayor "
                 "said the fish market would follow next month once new stalls are built by the council with money from the "
                 "regional budget for this year, which was approved after a long debate in the assembly."},
    ]
    corpus = tmp_path / "stories.jsonl"
    corpus.write_text("\n".join(json_module.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 2, skipped 0" in result.output and "1 near-duplicate copies" in result.output
    again = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    assert "stored 0, skipped 3" in again.output
    with Store(db) as store:
        assert store.counts()[0] == 2
        [copy] = store.copies("wire-a")
        assert (copy["copy_id"], copy["outlet"]) == ("wire-b", "Niger Valley News")
        report_id = next(r.report_id for r in store.reports() if r.article_id == "wire-a")
    shown = CliRunner().invoke(main, ["show", report_id, "--db", db])
    assert "also reported by: Niger Valley News" in shown.output


def test_a_read_only_store_needs_the_file_and_changes_nothing(tmp_path: Path) -> None:
    """What the read commands open: never a new empty database, any number at once,
    and no writes through them."""
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(DatabaseUnavailable, match=f"no database {missing}"):
        Store(missing, read_only=True)
    assert not missing.exists()
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.add(Article(id="a1", text="Soldiers clashed with rebels."), [_report("a1", 1, "Mali", date(2024, 3, 1))])
    with Store(db, read_only=True) as first, Store(db, read_only=True) as second:
        assert first.counts() == second.counts() == (1, 1)
        with pytest.raises(duckdb.InvalidInputException):
            first.create_token("someone")


def test_a_database_from_an_older_sitrep_is_brought_up_to_date_by_a_reader(tmp_path: Path) -> None:
    """`sitrep serve` opens read-only: a database made before the newest columns (the
    review's reason, the relevance stage's mark) must not fail its first event page."""
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.con.execute("DROP INDEX reviews_event")
        store.con.execute("ALTER TABLE reviews DROP COLUMN reason")
        store.con.execute("DROP INDEX articles_hash")
        store.con.execute("ALTER TABLE articles DROP COLUMN filtered")
    with Store(db, read_only=True) as store:
        assert store.reviews(["E1"]) == {}
        assert store.has_content("no such hash") is False


def test_events_stored_before_admin2_and_admin3_get_the_columns_from_a_reader(tmp_path: Path) -> None:
    """A database whose events table predates ACLED's second and third levels is brought up
    to date by the first reader (`sitrep serve`), its old events read as they were, and
    the next merge fills the columns."""
    from sitrep.store import merge_new

    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.add(Article(id="a1", text="Soldiers clashed with rebels."), [_placed("a1")])
        merge_new(store)
        store.con.execute("DROP INDEX events_block")
        store.con.execute("DROP INDEX events_date")
        store.con.execute("ALTER TABLE events DROP COLUMN admin2")
        store.con.execute("ALTER TABLE events DROP COLUMN admin3")
    with Store(db, read_only=True) as store:
        columns = {name for (name,) in store.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        assert {"admin2", "admin3"} <= columns
        assert [e.merged.admin2 for e in store.events()] == ["Zorblax District"]
    with Store(db) as store:
        merge_new(store, rebuild=True)
        assert store.con.execute("SELECT admin2, admin3 FROM events").fetchall() == [("Zorblax District", "Zorblax Subdistrict")]


def _placed(article_id: str) -> EventReport:
    return EventReport(
        report_id=f"{article_id}#1", article_id=article_id, event_type="Battles", sub_event_type="Armed clash", event_date=date(2024, 3, 1),
        country="Syria", iso3="SYR", admin1="Ar Raqqah", admin2="Zorblax District", admin3="Zorblax Subdistrict", location="Tell Zorblax",
        latitude=36.1, longitude=38.9, geo_precision=1,
    )


def test_admin2_and_admin3_are_stored_with_the_report_and_the_event(tmp_path: Path) -> None:
    """ACLED's second and third levels go through the store: the report as stored, the
    merged event read back, and the events' columns."""
    from sitrep.store import merge_new

    with Store(tmp_path / "t.duckdb") as store:
        store.add(Article(id="a1", text="Soldiers clashed with rebels."), [_placed("a1")])
        [report] = store.reports()
        assert (report.admin2, report.admin3) == ("Zorblax District", "Zorblax Subdistrict")
        merge_new(store)
        [event] = store.events()
        assert (event.merged.admin1, event.merged.admin2, event.merged.admin3) == ("Ar Raqqah", "Zorblax District", "Zorblax Subdistrict")
        assert store.con.execute("SELECT admin2, admin3 FROM events").fetchall() == [("Zorblax District", "Zorblax Subdistrict")]


def test_a_corrected_location_brings_its_districts(tmp_path: Path) -> None:
    """The place an analyst names brings its district and township (MIMU's, here), or
    none: the old ones would put the event where it did not happen."""
    from sitrep.store import merge_new

    village = EventReport(
        report_id="a1#1", article_id="a1", event_type="Battles", sub_event_type="Armed clash", event_date=date(2024, 3, 1),
        country="Myanmar", iso3="MMR", admin1="Sagaing", admin2="Zor", admin3="Zor North", location="Zorblax", latitude=22.0, longitude=95.0, geo_precision=1,
    )
    with Store(tmp_path / "t.duckdb") as store:
        store.add(Article(id="a1", text="Soldiers clashed with rebels."), [village])
        merge_new(store)
        [event_id] = store.event_ids()
        moved = store.review(event_id, "correct", "analyst", "location", "Ah Tar Kone Thar")
        assert moved is not None and (moved.merged.admin2, moved.merged.admin3) == ("Nyaung-U", "Kyaukpadaung")
        unknown = store.review(event_id, "correct", "analyst", "location", "Zorblaxogo")
        assert unknown is not None and (unknown.merged.admin2, unknown.merged.admin3, unknown.merged.latitude) == (None, None, None)
