"""Cross-source merging: which reports are one event, the values chosen, the sources and
their disagreements, stable ids, incremental merges, and the corpus of our own."""
from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.evaluate.clusters import load_cluster_gold, score_clusters
from sitrep.merge import Merger, combine, event_id_for
from sitrep.merge.compare import agreement
from sitrep.records import Article, Event, Evidence, EventReport, Relation, Source, SourcedReport
from sitrep.store import Store, merge_new

CORPUS = Path(__file__).parent / "fixtures" / "merge"
IDLIB = (35.93, 36.63)
JISR = (35.81, 36.32)


def report(article: str, day: date | None = date(2024, 3, 10), **values: object) -> EventReport:
    base: dict[str, object] = dict(
        report_id=f"{article}#1", article_id=article, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        event_date=day, date_from=day, date_to=day, date_precision="day" if day else None,
        actor1="Military Forces of Russia", actor2="Civilians (Syria)", country="Syria", iso3="SYR", admin1="Idlib",
        location="Idlib", latitude=IDLIB[0], longitude=IDLIB[1], geo_precision=1,
    )
    base.update(values)
    return EventReport(**base)  # type: ignore[arg-type]


def sourced(item: EventReport, outlet: str, published: str = "2024-03-11T08:00:00", copies: tuple[Source, ...] = ()) -> SourcedReport:
    return SourcedReport(item, Source(item.article_id, outlet, f"https://{outlet.lower().replace(' ', '')}.example/{item.article_id}", datetime.fromisoformat(published)), list(copies))


def test_same_strike_in_several_precisions_is_one_event() -> None:
    precise = sourced(report("a", fatalities=9), "Levant Wire")
    regional = sourced(report("b", location=None, latitude=None, longitude=None, geo_precision=3, fatalities=8), "Gulf Daily")
    undated = sourced(report("c", day=None, actor1=None, fatalities=9), "Syria Monitor", published="2024-03-11T07:00:00")
    merger = Merger()
    assert len({merger.add(precise), merger.add(regional), merger.add(undated)}) == 1


@pytest.mark.parametrize(
    "other",
    [
        report("b", day=date(2024, 3, 11)),
        report("b", location="Jisr ash Shughur", latitude=JISR[0], longitude=JISR[1]),
        report("b", actor1="Military Forces of Syria"),
        report("b", event_type="Strategic developments", sub_event_type="Arrests"),
        report("b", country="Turkey", iso3="TUR", admin1="Hatay", location="Antakya", latitude=36.2, longitude=36.16),
    ],
    ids=["next day", "another town", "another actor", "another kind", "another country"],
)
def test_near_misses_stay_apart(other: EventReport) -> None:
    assert agreement(sourced(report("a"), "Levant Wire"), sourced(other, "Gulf Daily")) is None


def test_villages_of_one_name_in_other_townships_stay_apart() -> None:
    """One name in one region is one place unless the districts both reports know differ
    (Myanmar's hundreds of villages of one name): then the distance decides."""
    here = report("a", location="Zorblax", admin2="Zor", admin3="Zor North", latitude=IDLIB[0], longitude=IDLIB[1])
    elsewhere = report("b", location="Zorblax", admin2="Zor", admin3="Zor South", latitude=JISR[0], longitude=JISR[1])
    unknown = report("c", location="Zorblax", latitude=JISR[0], longitude=JISR[1])
    assert agreement(sourced(here, "Levant Wire"), sourced(elsewhere, "Gulf Daily")) is None
    assert agreement(sourced(here, "Levant Wire"), sourced(unknown, "Gulf Daily")) is not None


def test_the_districts_go_with_the_place_chosen() -> None:
    precise = sourced(report("a", admin2="Zor", admin3="Zor North"), "Levant Wire")
    regional = sourced(report("b", location=None, latitude=None, longitude=None, geo_precision=3), "Gulf Daily")
    merged = combine("E1", [regional, precise]).merged
    assert (merged.location, merged.admin2, merged.admin3) == ("Idlib", "Zor", "Zor North")


def test_reports_of_one_article_are_never_merged() -> None:
    first = sourced(report("a"), "Levant Wire")
    second = sourced(dataclasses.replace(report("a"), report_id="a#2"), "Levant Wire")
    assert agreement(first, second) is None


def test_a_place_alone_is_not_enough_without_a_day_in_common() -> None:
    vague = report("b", location=None, latitude=None, longitude=None, geo_precision=3, actor1=None, actor2=None)
    assert not agreement(sourced(report("a"), "Levant Wire"), sourced(vague, "Gulf Daily"))


def test_combined_values_sources_and_disagreements() -> None:
    copy = Source("a-copy", "Mideast Digest", "https://mideastdigest.example/x", datetime(2024, 3, 10, 19), copy_of="a")
    first = sourced(report("a", fatalities=9, evidence=[Evidence("fatalities", 0, 4, "nine")]), "Levant Wire", "2024-03-10T18:00:00", (copy,))
    second = sourced(report("b", fatalities=11, location=None, latitude=None, longitude=None, geo_precision=3,
                            evidence=[Evidence("fatalities", 0, 2, "11")]), "Syria Monitor")
    silent = sourced(report("c", fatalities=0), "Gulf Daily", "2024-03-12T09:00:00")
    event = combine("E1", [silent, second, first])
    assert event.merged.fatalities == 9
    assert (event.merged.location, event.merged.geo_precision) == ("Idlib", 1)
    assert [(c.value, c.outlets) for c in event.disagreements["fatalities"]] == [(11, ["Syria Monitor"]), (9, ["Levant Wire"])]
    assert event.report_ids == ["a#1", "b#1", "c#1"]
    assert [s.article_id for s in event.sources] == ["a", "a-copy", "b", "c"]
    assert (event.source_count, event.independent_sources, event.corroboration) == (4, 3, "corroborated")
    assert event.first_reported == datetime(2024, 3, 10, 18) and event.latest_reported == datetime(2024, 3, 12, 9)


def test_a_copy_does_not_corroborate() -> None:
    copy = Source("a-copy", "Mideast Digest", copy_of="a")
    event = combine("E1", [sourced(report("a"), "Levant Wire", copies=(copy,))])
    assert (event.source_count, event.independent_sources, event.corroboration) == (2, 1, "single-source")


def test_a_party_that_says_so_itself() -> None:
    claimed = report("a", actor1="Al Shabaab", actor2="Military Forces of Somalia", claimed_by="al-Shabaab spokesman", certainty="claimed")
    confirmed = report("b", claimed_by="the Russian defence ministry", certainty="confirmed")
    reported = report("c", claimed_by="rescue workers", certainty="confirmed")
    assert combine("E1", [sourced(claimed, "Horn Observer")]).merged.certainty == "claimed"
    assert (combine("E2", [sourced(confirmed, "Levant Wire")]).merged.certainty, combine("E2", [sourced(confirmed, "Levant Wire")]).merged.claimed_by) == ("confirmed", "the Russian defence ministry")
    assert combine("E3", [sourced(reported, "Levant Wire")]).merged.certainty == "reported"


def _stored(store: Store, article_id: str, outlet: str, published: str, *items: EventReport) -> None:
    article = Article(id=article_id, text=f"Text of {article_id}.", outlet=outlet, published=datetime.fromisoformat(published))
    assert store.add(article, list(items))


def test_incremental_merge_keeps_ids_and_touches_only_what_changed(tmp_path: Path) -> None:
    with Store(tmp_path / "m.duckdb") as store:
        _stored(store, "a", "Levant Wire", "2024-03-10T18:00:00", report("a"))
        _stored(store, "z", "Kyiv Ledger", "2024-05-18T16:00:00", report("z", day=date(2024, 5, 18), country="Ukraine", iso3="UKR",
                                                                         admin1="Kharkivska", location="Kharkiv", latitude=50.0, longitude=36.23))
        first = merge_new(store)
        assert (first.reports, first.created) == (2, 2)
        ids = {e.event_id for e in store.events()}
        assert ids == {event_id_for("a#1"), event_id_for("z#1")}
        _stored(store, "b", "Gulf Daily", "2024-03-11T09:00:00", report("b", fatalities=8))
        second = merge_new(store)
        assert (second.reports, second.created, second.updated) == (1, 0, 1)
        assert {e.event_id for e in store.events()} == ids
        idlib = store.event(event_id_for("a#1"))
        assert idlib is not None and idlib.report_ids == ["a#1", "b#1"] and idlib.merged.fatalities == 8
        assert merge_new(store).reports == 0
        rebuilt = merge_new(store, rebuild=True)
        assert rebuilt.created == 2 and {e.event_id for e in store.events()} == ids


def test_a_rebuild_that_dies_half_way_leaves_the_old_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.store.merging as merging

    with Store(tmp_path / "m.duckdb") as store:
        _stored(store, "a", "Levant Wire", "2024-03-10T18:00:00", report("a"))
        _stored(store, "z", "Kyiv Ledger", "2024-05-18T16:00:00", report("z", day=date(2024, 5, 18), country="Ukraine", iso3="UKR",
                                                                         admin1="Kharkivska", location="Kharkiv", latitude=50.0, longitude=36.23))
        merge_new(store)
        before = {e.event_id: e.report_ids for e in store.events()}
        calls: list[str] = []

        def dies_on_the_second(event_id: str, members: list[SourcedReport]) -> Event:
            calls.append(event_id)
            if len(calls) == 2:
                raise MemoryError("killed")
            return combine(event_id, members)

        monkeypatch.setattr(merging, "combine", dies_on_the_second)
        with pytest.raises(MemoryError):
            merge_new(store, rebuild=True)
        assert {e.event_id: e.report_ids for e in store.events()} == before
        monkeypatch.undo()
        assert merge_new(store, rebuild=True).created == 2
        assert {e.event_id: e.report_ids for e in store.events()} == before


def test_a_replaced_article_leaves_its_event(tmp_path: Path) -> None:
    with Store(tmp_path / "m.duckdb") as store:
        _stored(store, "a", "Levant Wire", "2024-03-10T18:00:00", report("a"))
        _stored(store, "b", "Gulf Daily", "2024-03-11T09:00:00", report("b"))
        merge_new(store)
        assert [len(e.report_ids) for e in store.events()] == [2]
        moved = report("b", day=date(2024, 3, 20))
        store.add(Article(id="b", text="Corrected: it was on 20 March.", outlet="Gulf Daily", published=datetime(2024, 3, 21)), [moved])
        merge_new(store)
        assert sorted(e.report_ids for e in store.events()) == [["a#1"], ["b#1"]]


def test_links_follow_reports_across_articles(tmp_path: Path) -> None:
    attack = dict(day=date(2024, 3, 16), event_type="Battles", sub_event_type="Armed clash", actor1=None, actor2="Military Forces of Pakistan",
                  country="Pakistan", iso3="PAK", admin1="Khyber Pakhtunkhwa", location="Mir Ali", latitude=33.0, longitude=70.28, fatalities=7)
    strike = report("s", day=date(2024, 3, 18), actor1="Military Forces of Pakistan", actor2="Civilians (Afghanistan)", country="Afghanistan",
                    iso3="AFG", admin1="Paktika", location="Paktika", latitude=32.5, longitude=68.8, geo_precision=3,
                    related=[Relation("retaliation_for", "s#2")], operation="Operation Azm")
    with Store(tmp_path / "m.duckdb") as store:
        _stored(store, "w", "Indus Wire", "2024-03-16T13:00:00", report("w", **attack))  # type: ignore[arg-type]
        _stored(store, "s", "Indus Wire", "2024-03-18T12:00:00", strike, dataclasses.replace(report("w", **attack), report_id="s#2", article_id="s"))  # type: ignore[arg-type]
        merge_new(store)
        event = store.event(event_id_for("s#1"))
        assert event is not None
        assert [(link.relation, link.event_id, link.operation) for link in event.links] == [
            ("retaliation_for", event_id_for("w#1"), None), ("part_of", None, "Operation Azm")]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("merge") / "corpus.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS / "articles.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("folder", [CORPUS, CORPUS / "heldout"], ids=["corpus", "held-out"])
def test_pairwise_clustering_on_our_corpus(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    CliRunner().invoke(main, ["ingest", str(folder / "articles.jsonl"), "--db", str(db)])
    with Store(db) as store:
        result = score_clusters(load_cluster_gold(folder / "gold.jsonl"), store.reports(), store.events())
    assert result.mentions >= 14 and result.true_pairs >= 9
    assert result.precision >= 0.9, result.render()
    assert result.recall >= (0.9 if folder == CORPUS else 0.85), result.render()
    assert result.copies_found == result.copies and result.links_found == result.links, result.render()


def test_cli_events_show_and_export_merged_events(corpus_db: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["events", "--country", "Syria", "--db", str(corpus_db)]).output.splitlines()
    idlib = next(line for line in listed if "Idlib" in line and "2024-03-10" in line)
    assert idlib.split()[-1] == "4"
    event_id = idlib.split()[0]
    shown = runner.invoke(main, ["show", event_id, "--db", str(corpus_db)]).output
    assert "disagreement on fatalities: 11 by Syria Monitor; 8 by Gulf Daily; 9 by Levant Wire" in shown
    assert "(copy of idlib-levant)" in shown and "idlib-gulf#1" in shown
    exported = runner.invoke(main, ["export", "--format", "acled-csv", "--country", "Syria", "--db", str(corpus_db)]).output
    row = next(line for line in exported.splitlines() if line.startswith(event_id))
    assert "Levant Wire; Mideast Digest; Syria Monitor; Gulf Daily" in row and ",8," in row
    records = [json.loads(line) for line in runner.invoke(main, ["export", "--db", str(corpus_db)]).output.splitlines()]
    assert records and all(r["source_count"] >= 1 and r["report_ids"] for r in records)
    reports = runner.invoke(main, ["events", "--reports", "--country", "Syria", "--db", str(corpus_db)]).output
    assert "idlib-monitor#1" in reports
