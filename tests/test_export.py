"""Exports that load where the field's own files load: ACLED's CSV read back beside ACLED's
file with one reader and one set of dtypes."""
from __future__ import annotations

import csv
import io
import json
import time
from importlib import resources
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pycountry
import pytest
from click.testing import CliRunner

import sitrep
from sitrep.cli import main
from sitrep.data.lexicon import acled_regions
from sitrep.export import ACLED_COLUMNS, EXTRA_COLUMNS, Exported, write_acled_csv
from sitrep.export.geojson import write_geojson
from sitrep.records import EventReport

DEMO = Path(str(resources.files("sitrep") / "demo"))
ACLED_DTYPES = {
    "year": "Int64", "time_precision": "Int64", "inter1": "Int64", "inter2": "Int64", "interaction": "Int64", "iso": "Int64",
    "latitude": "float64", "longitude": "float64", "geo_precision": "Int64", "fatalities": "Int64", "timestamp": "Int64",
}
"""ACLED's numeric columns, as an analyst's loader declares them; the rest are text."""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("export") / "demo.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(DEMO), "--manifest", str(DEMO / "manifest.jsonl"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def _read(text: str | Path) -> pd.DataFrame:
    source = io.StringIO(text) if isinstance(text, str) else text
    return pd.read_csv(source, usecols=ACLED_COLUMNS, dtype={**dict.fromkeys(ACLED_COLUMNS, "string"), **ACLED_DTYPES}, keep_default_na=False, na_values=[""])


def _export(db: str, *options: str) -> str:
    result = CliRunner().invoke(main, ["export", "--format", "acled-csv", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_acled_csv_loads_with_acleds_own_reader_and_dtypes(demo_db: str, shared: Path) -> None:
    ours = _read(_export(demo_db))
    theirs = _read(shared / "eval/acled/acled_2022q1.csv")
    assert list(ours.columns) == list(theirs.columns) == ACLED_COLUMNS
    assert dict(ours.dtypes) == dict(theirs.dtypes)
    assert set(ours["region"]) <= set(theirs["region"])


def test_acled_values_as_acled_writes_them(demo_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(demo_db))))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS and list(rows[0])[len(ACLED_COLUMNS):] == EXTRA_COLUMNS
    by_place = {r["location"]: r for r in rows}
    kabul, gao = by_place["Kabul"], by_place["Gao"]
    assert (kabul["iso"], kabul["region"]) == ("4", "Caucasus and Central Asia")
    assert (gao["iso"], gao["region"]) == ("466", "Western Africa")
    assert all(r["actor1"] and r["region"] and r["tags"] == "" for r in rows)
    assert all(r["inter2"] == "0" and r["interaction"].endswith("0") for r in rows if not r["actor2"])
    assert all(abs(int(r["timestamp"]) - time.time()) < 3600 for r in rows)
    assert kabul["notes"].startswith("On 12 March 2024, Islamic State Khorasan Province carried out a suicide bombing against Civilians (Afghanistan) in Kabul")
    assert kabul["certainty"] == "claimed" and kabul["claimed_by"] == "Islamic State Khorasan Province"
    kharkiv = by_place["Kharkiv"]
    assert kharkiv["source_count"] == "2" and kharkiv["disagreements"].startswith("fatalities: ")


def test_an_event_with_no_named_doer_gets_acleds_unnamed_actor() -> None:
    out = io.StringIO()
    raid = EventReport("r1", "a1", "Violence against civilians", "Attack", country="Mali", iso3="MLI", actor2="Civilians (Mali)", actor2_type=7)
    march = EventReport("r2", "a2", "Protests", "Peaceful protest", country="Kenya", iso3="KEN")
    write_acled_csv([Exported(raid.to_dict(), raid, ["Reuters"]), Exported(march.to_dict(), march, ["Daily Nation", "Local Radio"])], out)
    raid_row, march_row = csv.DictReader(io.StringIO(out.getvalue()))
    assert (raid_row["actor1"], raid_row["inter1"], raid_row["interaction"], raid_row["source_scale"]) == ("Unidentified Armed Group (Mali)", "3", "37", "International")
    assert (march_row["actor1"], march_row["inter1"], march_row["inter2"], march_row["interaction"]) == ("Protesters (Kenya)", "6", "0", "60")
    assert march_row["source_scale"] == "National" and march_row["region"] == "Eastern Africa"


def test_admin2_and_admin3_in_every_format() -> None:
    """ACLED's second and third levels, where the gazetteer gave them: the ACLED CSV's own
    columns, the typed tables' and GeoJSON's properties; empty where it did not."""
    from sitrep.export.tables import flat

    placed = EventReport("r1", "a1", "Battles", "Armed clash", country="Syria", iso3="SYR", admin1="Ar Raqqah", admin2="Zorblax District",
                         admin3="Zorblax Subdistrict", location="Tell Zorblax", latitude=36.1, longitude=38.9, geo_precision=1)
    unplaced = EventReport("r2", "a2", "Battles", "Armed clash", country="Syria", iso3="SYR", admin1="Ar Raqqah")
    rows = [Exported(placed.to_dict(), placed, ["Levant Wire"]), Exported(unplaced.to_dict(), unplaced, ["Levant Wire"])]
    out = io.StringIO()
    write_acled_csv(rows, out)
    written = [(r["admin1"], r["admin2"], r["admin3"]) for r in csv.DictReader(io.StringIO(out.getvalue()))]
    assert written == [("Ar Raqqah", "Zorblax District", "Zorblax Subdistrict"), ("Ar Raqqah", "", "")]
    assert (flat(rows[0])["admin2"], flat(rows[0])["admin3"], flat(rows[1])["admin2"]) == ("Zorblax District", "Zorblax Subdistrict", None)
    geojson = io.BytesIO()
    write_geojson(rows[:1], geojson)
    properties = json.loads(geojson.getvalue())["features"][0]["properties"]
    assert (properties["admin2"], properties["admin3"]) == ("Zorblax District", "Zorblax Subdistrict")


def test_acled_regions_agree_with_acleds_file(shared: Path) -> None:
    with (shared / "eval/acled/acled_2022q1.csv").open(encoding="utf-8", newline="") as handle:
        pairs = {(int(r["iso"]), r["region"]) for r in csv.DictReader(handle)}
    regions = acled_regions()
    wrong = [(iso, region) for iso, region in pairs if regions.get("XK" if iso == 0 else pycountry.countries.get(numeric=f"{iso:03d}").alpha_2) != region]
    assert wrong == []


def _events(db: str) -> list[dict]:
    return [json.loads(line) for line in _export_as(db, "jsonl").decode().splitlines()]


def _export_as(db: str, fmt: str, *options: str) -> bytes:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--db", db, *options])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_geojson_keeps_rfc_7946s_rules_and_counts_what_it_leaves_out(demo_db: str, tmp_path: Path) -> None:
    events = _events(demo_db)
    collection = json.loads(_export_as(demo_db, "geojson"))
    assert set(collection) == {"type", "features"} and collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"} and feature["type"] == "Feature"
        assert isinstance(feature["id"], str) and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        longitude, latitude = geometry["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        event = next(e for e in events if e["event_id"] == feature["id"])
        assert (longitude, latitude) == pytest.approx((event["longitude"], event["latitude"]))
        assert feature["properties"]["fatalities"] == event["fatalities"]
    assert len(collection["features"]) == sum(e["latitude"] is not None for e in events) == len(events)
    unplaced = EventReport("r1", "a1", "Battles", "Armed clash", country="Mali")
    out = io.BytesIO()
    assert write_geojson([Exported(unplaced.to_dict(), unplaced, [])], out) == 1 and json.loads(out.getvalue())["features"] == []


def test_parquet_and_xlsx_read_back_with_the_same_rows(demo_db: str, tmp_path: Path) -> None:
    events = _events(demo_db)
    parquet, xlsx = tmp_path / "e.parquet", tmp_path / "e.xlsx"
    for path in (parquet, xlsx):
        assert CliRunner().invoke(main, ["export", "--format", path.suffix[1:], "-o", str(path), "--db", demo_db]).exit_code == 0
    table = pq.read_table(parquet)
    assert table.schema.field("assoc_actor_1").type == pa.list_(pa.string()) and table.schema.field("event_date").type == pa.date32()
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in events]
    assert [(r["event_date"].isoformat(), r["fatalities"], r["outlets"]) for r in rows] == [(e["event_date"], e["fatalities"], e["source"].split("; ")) for e in events]
    book = openpyxl.load_workbook(xlsx, read_only=True)
    sheet_rows = list(book["events"].values)
    header = list(sheet_rows[0])
    assert [r[header.index("event_id")] for r in sheet_rows[1:]] == [e["event_id"] for e in events]
    assert [r[header.index("fatalities")] for r in sheet_rows[1:]] == [e["fatalities"] for e in events]
    sources = list(book["sources"].values)[1:]
    assert len(sources) == sum(len(e["sources"]) for e in events)
    country = CliRunner().invoke(main, ["export", "--format", "parquet", "-o", str(parquet), "--country", "Ukraine", "--db", demo_db])
    assert country.exit_code == 0 and {r["country"] for r in pq.read_table(parquet).to_pylist()} == {"Ukraine"}


def test_the_database_as_dataframes(demo_db: str) -> None:
    db = sitrep.open(demo_db)
    frame = db.events(since="2024-03-01")
    events = [e for e in _events(demo_db) if e["event_date"] >= "2024-03-01"]
    assert list(frame["event_id"]) == [e["event_id"] for e in events]
    assert str(frame["event_date"].dtype).startswith("datetime64") and frame["fatalities"].dtype == "int32"
    assert list(frame["fatalities"]) == [e["fatalities"] for e in events]
    assert frame.loc[frame["country"] == "Ukraine", "source_count"].tolist() == [2]
    assert list(db.events(country="ukraine")["country"]) == ["Ukraine"]
    assert set(db.reports(country="Ukraine")["event_id"]) == {r for e in events if e["country"] == "Ukraine" for r in e["report_ids"]}
    assert db.events_table().num_rows == len(_events(demo_db))
    with pytest.raises(FileNotFoundError, match="no database"):
        sitrep.open(str(Path(demo_db).with_name("missing.duckdb")))


def test_bad_requests_say_what_is_wrong(demo_db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "-o", str(tmp_path / "missing" / "e.parquet"), "--db", demo_db])
    assert result.exit_code == 1 and f"cannot write {tmp_path / 'missing' / 'e.parquet'}: No such file or directory" in result.output
    with pytest.raises(TypeError, match="unknown filter colour"):
        sitrep.open(demo_db).events(colour="red")
    with pytest.raises(ValueError, match="did you mean Ukraine"):
        sitrep.open(demo_db).events(country="Ukriane")
