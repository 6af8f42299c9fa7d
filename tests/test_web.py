"""The HTTP API: filters, paging, auth, reviews, bad parameters, and schemathesis over the
OpenAPI schema. (The browser test is tests/test_dashboard.py.)"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
import schemathesis
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from sitrep.cli import main
from sitrep.store import Store, merge_new
from sitrep.web import create_app

CORPUS = Path(__file__).parent / "fixtures" / "merge" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def token(client: TestClient) -> str:
    return client.app.state.store.create_token("test analyst")  # type: ignore[attr-defined]


def _ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def _event(client: TestClient, query: str, location: str | None = None) -> dict:
    """The one event the query finds (at `location`, when given)."""
    [event] = [e for e in client.get(f"/api/events?{query}").json()["events"] if location is None or e["location"] == location]
    return event


def test_filters(client: TestClient) -> None:
    everything = client.get("/api/events?limit=500").json()
    assert everything["total"] == len(everything["events"]) >= 13
    syria = client.get("/api/events?country=syria").json()
    assert syria["total"] == 3 and all(e["country"] == "Syria" for e in syria["events"])
    assert {e["location"] for e in client.get("/api/events?type=Protests").json()["events"]} == {"Nairobi", "Mombasa", None}
    assert all("Boko Haram" in (e["actor1"] or "") for e in client.get("/api/events?actor=boko").json()["events"])
    march = client.get("/api/events?since=2024-03-10&until=2024-03-10").json()["events"]
    assert {e["location"] for e in march} == {"Idlib", "Jisr ash Shughur"}
    assert [e["location"] for e in client.get("/api/events?q=kismayo").json()["events"]] == ["Kismayo"]
    idlib_box = client.get("/api/events?bbox=36.5,35.8,36.8,36.0").json()["events"]
    assert {e["location"] for e in idlib_box} == {"Idlib"}
    corroborated = client.get("/api/events?corroboration=corroborated&limit=500").json()
    assert corroborated["total"] >= 10 and all(e["independent_sources"] >= 2 for e in corroborated["events"])
    single = client.get("/api/events?corroboration=single-source&limit=500").json()["total"]
    assert corroborated["total"] + single == everything["total"]


def test_paging_and_order(client: TestClient) -> None:
    first, second = client.get("/api/events?limit=5").json(), client.get("/api/events?limit=5&offset=5").json()
    assert first["total"] == second["total"] >= 13 and len(first["events"]) == 5
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}
    dates = [e["event_date"] for e in client.get("/api/events?limit=500").json()["events"]]
    assert dates == sorted(dates, reverse=True)
    oldest = [e["event_date"] for e in client.get("/api/events?limit=500&order=oldest").json()["events"]]
    assert oldest == sorted(oldest)
    assert client.get("/api/events?offset=100").json()["events"] == []


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=501", "offset=-1", "since=2024-02-30", "until=yesterday", "since=2024-05-01&until=2024-04-01",
     "bbox=1,2,3", "bbox=10,0,5,1", "bbox=0,0,200,10", "bbox=a,b,c,d", "order=random", "status=maybe", "certainty=sure",
     "country=" + "x" * 101],
)
def test_bad_parameters_are_4xx(client: TestClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422, (query, response.status_code, response.text)
    assert "detail" in response.json()


def test_one_event_with_reports_evidence_and_links(client: TestClient) -> None:
    idlib = _event(client, "q=idlib&since=2024-03-10&until=2024-03-10", location="Idlib")
    body = client.get(f"/api/events/{idlib['event_id']}").json()
    assert body["event"]["source_count"] == 4
    assert [r["article"]["outlet"] for r in body["reports"]] == ["Levant Wire", "Syria Monitor", "Gulf Daily"]
    first = body["reports"][0]
    text = first["article"]["text"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in first["report"]["evidence"])
    assert first["article"]["copies"][0]["outlet"] == "Mideast Digest"
    paktika = _event(client, "q=paktika")
    links = client.get(f"/api/events/{paktika['event_id']}").json()["links"]
    assert links[0]["relation"] == "retaliation_for" and "Mir Ali" in links[0]["notes"]
    jilib = _event(client, "q=jilib")
    related = client.get(f"/api/events/{jilib['event_id']}").json()["links"]
    assert {(link["relation"], link["operation"]) for link in related} == {("part_of", "Operation Iron Lantern"), ("same_operation", "Operation Iron Lantern")}
    assert client.get("/api/events/E000000000000").status_code == 404
    assert client.get("/api/events/bad%20id").status_code == 422
    article = client.get("/api/articles/idlib-levant").json()
    assert article["outlet"] == "Levant Wire" and article["copies"][0]["copy_id"] == "idlib-levant-syndicated"
    assert client.get("/api/articles/nope").status_code == 404


def test_geojson_and_stats(client: TestClient) -> None:
    geo = client.get("/api/events.geojson?country=Syria").json()
    assert geo["type"] == "FeatureCollection" and not geo["aggregated"] and geo["total"] == 3
    lon, lat = next(f for f in geo["features"] if f["properties"]["location"] == "Idlib")["geometry"]["coordinates"]
    assert 36.5 < lon < 36.8 and 35.8 < lat < 36.0
    stats = client.get("/api/stats").json()
    total = client.get("/api/events").json()["total"]
    assert stats["events"] == total and sum(w["count"] for w in stats["by_week"]) == total
    assert stats["by_actor"][0]["count"] >= stats["by_actor"][-1]["count"]
    assert {c["country"] for c in stats["by_country"]} >= {"Syria", "Somalia", "Kenya"}


def test_writes_need_a_token(client: TestClient, token: str) -> None:
    event_id = _event(client, "q=mombasa")["event_id"]
    assert client.post(f"/api/events/{event_id}/review", json={"action": "accept"}).status_code == 401
    assert client.post(f"/api/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post(f"/api/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": token}).status_code == 401
    ok = client.post(f"/api/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["event"]["review_status"] == "accepted"
    assert ok.json()["reviews"][0]["reviewer"] == "test analyst"


@pytest.mark.parametrize(
    "body",
    [{"action": "correct", "field": "fatalities", "value": -1}, {"action": "correct", "field": "latitude", "value": 200},
     {"action": "correct", "field": "event_date", "value": "last week"}, {"action": "correct", "field": "report_id", "value": "x"},
     {"action": "correct", "field": "country", "value": "Atlantis"}, {"action": "accept", "field": "fatalities"},
     {"action": "delete"}, {}],
)
def test_bad_reviews_are_4xx(client: TestClient, token: str, body: dict) -> None:
    event_id = _event(client, "q=mombasa")["event_id"]
    response = client.post(f"/api/events/{event_id}/review", json=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422, response.text


def test_corrections_reach_the_api_and_exports_and_survive_a_re_merge(client: TestClient, token: str, db: Path) -> None:
    kharkiv = _event(client, "q=kharkiv")
    auth = {"Authorization": f"Bearer {token}"}
    response = client.post(f"/api/events/{kharkiv['event_id']}/review", json={"action": "correct", "field": "fatalities", "value": "8"}, headers=auth)
    assert response.status_code == 200, response.text
    again = client.get(f"/api/events/{kharkiv['event_id']}").json()
    assert again["event"]["fatalities"] == 8 and again["event"]["review_status"] == "corrected"
    assert again["reviews"][-1] | {"reviewed_at": None} == {"event_id": kharkiv["event_id"], "action": "correct", "field": "fatalities",
                                                           "old_value": kharkiv["fatalities"], "new_value": 8, "reviewer": "test analyst", "reviewed_at": None}
    exported = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv&q=kharkiv").text)))
    assert exported[0]["fatalities"] == "8" and "reviewed: corrected" in exported[0]["tags"]
    belgorod = _event(client, "q=belgorod")
    client.post(f"/api/events/{belgorod['event_id']}/review", json={"action": "reject"}, headers=auth)
    assert belgorod["event_id"] not in _ids(client, "limit=500")
    assert _ids(client, "status=rejected") == [belgorod["event_id"]]
    with Store(db) as store:
        merge_new(store, rebuild=True)
        rebuilt = store.event(kharkiv["event_id"])
    assert rebuilt is not None and rebuilt.merged.fatalities == 8 and rebuilt.review_status == "corrected"


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/events.geojson", "/api/stats", "/api/export", "/api/articles/{article_id}",
            "/api/events/{event_id}/review"} <= set(paths)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_server_errors(client: TestClient, token: str, mode: GenerationMode) -> None:
    """schemathesis sends what the schema allows (and, negative, what it forbids) to every
    operation, with a valid token; nothing may give a 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    examples = int(os.environ.get("SITREP_API_EXAMPLES", "30"))
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])

        no_server_error()
