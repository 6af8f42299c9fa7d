"""The filters as an analyst types them (ISO codes, any case, plain words, aliases, typos),
the events list's sorting, limits and JSON, `sitrep stats`, and a table that fits."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.export.text import table, wrap
from sitrep.records import EventReport
from sitrep.store.naming import actor_name, country_name, event_type

DEMO = Path(str(resources.files("sitrep") / "demo"))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("filters") / "demo.duckdb")
    assert CliRunner().invoke(main, ["ingest", str(DEMO), "--manifest", str(DEMO / "manifest.jsonl"), "--db", db]).exit_code == 0
    return db


def _ids(db: str, *options: str) -> list[str]:
    result = CliRunner().invoke(main, ["events", "--json", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["event_id"] for line in result.output.splitlines()]


@pytest.mark.parametrize("typed", ["Ukraine", "ukraine", "UA", "ukr", "Ukrainian"])
def test_a_country_by_name_code_or_demonym_in_any_case(demo_db: str, typed: str) -> None:
    assert len(_ids(demo_db, "--country", typed)) == 1


def test_a_misspelt_country_is_refused_with_the_nearest_name(demo_db: str) -> None:
    result = CliRunner().invoke(main, ["events", "--country", "Ukriane", "--db", demo_db])
    assert result.exit_code == 2 and "no country 'Ukriane': did you mean Ukraine?" in result.output
    assert "did you mean" not in CliRunner().invoke(main, ["events", "--country", "Narnia", "--db", demo_db]).output


def test_types_by_acled_name_or_plain_word() -> None:
    assert [event_type(w) for w in ("drone", "shelling", "mortar", "protest", "air/drone strike", "BATTLES")] == [
        "Air/drone strike", "Shelling/artillery/missile attack", "Shelling/artillery/missile attack", "Protests", "Air/drone strike", "Battles"]
    with pytest.raises(ValueError, match="did you mean Peaceful protest"):
        event_type("Peacefull protest")


def test_actors_and_countries_by_the_tables_aliases() -> None:
    assert actor_name("ISWAP") == actor_name("iswap") != "iswap"
    assert actor_name("fighters from the hills") == "fighters from the hills"
    assert country_name("DRC") == country_name("drc") == country_name("COD")


def test_type_actor_outlet_fatalities_sort_and_limit(demo_db: str) -> None:
    everything = [json.loads(line) for line in CliRunner().invoke(main, ["events", "--json", "--db", demo_db]).output.splitlines()]
    by_dead = sorted(everything, key=lambda e: -e["fatalities"])
    assert _ids(demo_db, "--sort", "-fatalities", "--limit", "2") == [e["event_id"] for e in by_dead[:2]]
    assert _ids(demo_db, "--type", "drone") == [e["event_id"] for e in everything if e["sub_event_type"] == "Air/drone strike"]
    assert _ids(demo_db, "--min-fatalities", "7") == [e["event_id"] for e in everything if e["fatalities"] >= 7]
    outlet = everything[0]["sources"][0]["outlet"]
    assert _ids(demo_db, "--outlet", outlet.upper()) == [e["event_id"] for e in everything if outlet in {s["outlet"] for s in e["sources"]}]
    assert _ids(demo_db, "--admin1", everything[0]["admin1"].lower()) == [e["event_id"] for e in everything if e["admin1"] == everything[0]["admin1"]]


def test_stats_gives_the_facets(demo_db: str) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", demo_db])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in CliRunner().invoke(main, ["events", "--json", "--db", demo_db]).output.splitlines()]
    assert result.output.startswith(f"{len(events)} events, {sum(e['fatalities'] for e in events)} dead")
    for heading in ("by country:", "by event type:", "by month:", "by actor 1:", "by outlet:"):
        assert heading in result.output
    ukraine = next(line for line in result.output.splitlines() if line.strip().startswith("Ukraine"))
    assert ukraine.split()[1:] == ["1", "events", str(next(e["fatalities"] for e in events if e["country"] == "Ukraine")), "dead"]


def test_the_table_fits_and_never_cuts_a_name_inside_a_word() -> None:
    report = EventReport("E1", "a", "Explosions/Remote violence", "Shelling/artillery/missile attack", actor1="Military Forces of the United States",
                         actor2="Unidentified Armed Group (Democratic Republic of Congo)", country="Democratic Republic of Congo", location="Kisangani")
    words = {*report.actor1.split(), *report.actor2.split(), report.location}
    for width in (72, 100, 140):
        lines = list(table([("E1", report, 2)], width))
        assert all(len(line) <= width for line in lines), (width, lines)
        assert words <= set(" ".join(lines).replace("→", " ").replace(";", " ").replace(",", " ").split())
    assert wrap("Shelling/artillery/missile attack", 12) == ["Shelling/", "artillery/", "missile", "attack"]


def test_show_wraps_each_value_within_the_width(demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`show`'s side by side table cut every value at 24 characters: "Unidentified Armed
    Group (Mali)" lost its country."""
    event = next(json.loads(line) for line in CliRunner().invoke(main, ["events", "--json", "--db", demo_db]).output.splitlines() if len(json.loads(line)["actor2"] or "") > 24)
    monkeypatch.setattr("sitrep.cli.WIDTH_NOT_A_TERMINAL", 72)
    shown = CliRunner().invoke(main, ["show", event["event_id"], "--db", demo_db]).output.split("\n\n")[1]
    assert all(len(line) <= 72 for line in shown.splitlines()), shown
    actor2 = [line[19:].split() for line in shown.splitlines()[shown.splitlines().index(next(l for l in shown.splitlines() if l.startswith("  actor2"))):][:3]]
    assert set(event["actor2"].split()) <= {word for words in actor2 for word in words}
