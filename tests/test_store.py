from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.records import Article, EventReport
from sitrep.store import EventFilter, Store


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
