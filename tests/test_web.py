"""The HTTP API: filters, paging, auth, reviews, bad parameters and numbers, big bodies,
security headers, how requests share the database and what they say while another
process writes it, and schemathesis over the OpenAPI schema. (The browser test is
tests/test_dashboard.py; reads beside a running `sitrep serve` are in tests/test_cli.py.)"""
from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
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
from sitrep.web.access import Access
from sitrep.web.app import MAX_BODY

CORPUS = Path(__file__).parent / "fixtures" / "merge" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, linger=0), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def token(db: Path) -> str:
    with Store(db) as store:
        return store.create_token("test analyst")


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
    boko = client.get("/api/events?actor=boko").json()["events"]
    assert boko and all("Boko Haram" in (e["actor1"] or "") for e in boko)
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
    assert first["report"]["evidence"] and all(text[e["start"] : e["end"]] == e["text"] for e in first["report"]["evidence"])
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


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "bEaReR"])
def test_the_token_scheme_is_case_insensitive(client: TestClient, token: str, scheme: str) -> None:
    """RFC 7235: the scheme name is case-insensitive."""
    event_id = _event(client, "q=mombasa")["event_id"]
    response = client.post(f"/api/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": f"{scheme} {token}"})
    assert response.status_code == 200, response.text


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


@pytest.mark.parametrize(
    "body",
    ['{"action": "correct", "field": "fatalities", "value": Infinity}', '{"action": "correct", "field": "fatalities", "value": -Infinity}',
     '{"action": "correct", "field": "latitude", "value": NaN}', '{"action": "correct", "field": "longitude", "value": 1e400}',
     '{"action": "correct", "field": "latitude", "value": "Infinity"}', '{"action": "correct", "field": "longitude", "value": "nan"}',
     '{"action": "correct", "field": "fatalities", "value": 2.5}', '{"action": "correct", "field": "fatalities", "value": "2.5"}',
     '{"action": "correct", "field": "geo_precision", "value": true}', '{"action": "correct", "field": "fatalities", "value": 1' + "0" * 400 + "}",
     '{"action": "correct", "field": "actor1", "value": 5}', '{"action": NaN}', '{"action": "accept", "note": [Infinity]}'],
)
def test_numbers_that_are_not_numbers_are_422(client: TestClient, token: str, body: str) -> None:
    """NaN, Infinity and 1e400 are not JSON; a fraction, true or text is not a whole
    number; nothing of the kind may reach the database or give a 500."""
    event_id = _event(client, "q=nairobi")["event_id"]
    before = client.get(f"/api/events/{event_id}").json()["reviews"]
    response = client.post(f"/api/events/{event_id}/review", content=body, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["detail"]
    assert client.get(f"/api/events/{event_id}").json()["reviews"] == before


@pytest.mark.parametrize(("field", "value", "stored"), [("fatalities", "7", 7), ("fatalities", 9.0, 9), ("latitude", "-1.25", -1.25), ("longitude", 39, 39.0)])
def test_numbers_as_text_or_whole_floats_are_taken(client: TestClient, token: str, field: str, value: object, stored: float) -> None:
    """The dashboard sends what was typed, as text."""
    event_id = _event(client, "q=mombasa")["event_id"]
    response = client.post(f"/api/events/{event_id}/review", json={"action": "correct", "field": field, "value": value}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert response.json()["event"][field] == stored


def test_a_corrected_country_brings_its_iso_code(client: TestClient, token: str) -> None:
    diyarbakir = _event(client, "q=diyarbakir")
    assert (diyarbakir["country"], diyarbakir["iso3"]) == ("Turkey", "TUR")
    response = client.post(f"/api/events/{diyarbakir['event_id']}/review", json={"action": "correct", "field": "country", "value": "Iraq"},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    event = client.get(f"/api/events/{diyarbakir['event_id']}").json()["event"]
    assert (event["country"], event["iso3"]) == ("Iraq", "IRQ")
    [row] = csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv&q=diyarbakir").text))
    assert (row["country"], row["iso"]) == ("Iraq", "368")


def test_a_corrected_location_brings_its_coordinates_unless_the_reviewer_gave_them(client: TestClient, token: str) -> None:
    gao = _event(client, "q=gao")
    headers = {"Authorization": f"Bearer {token}"}
    moved = client.post(f"/api/events/{gao['event_id']}/review", json={"action": "correct", "field": "location", "value": "Timbuktu"}, headers=headers)
    assert moved.status_code == 200, moved.text
    event = moved.json()["event"]
    assert event["location"] == "Timbuktu" and abs(event["latitude"] - 16.77) < 0.2 and abs(event["longitude"] + 3.0) < 0.2
    client.post(f"/api/events/{gao['event_id']}/review", json={"action": "correct", "field": "latitude", "value": 16.5}, headers=headers)
    client.post(f"/api/events/{gao['event_id']}/review", json={"action": "correct", "field": "location", "value": "Gao"}, headers=headers)
    kept = client.get(f"/api/events/{gao['event_id']}").json()["event"]
    assert (kept["location"], kept["latitude"]) == ("Gao", 16.5)


def test_csv_cells_that_a_spreadsheet_would_run_stay_text(client: TestClient, token: str) -> None:
    """A corrected actor '=HYPERLINK(...)' goes out with a leading quote; Gao's negative
    longitude stays a number."""
    gao = _event(client, "q=gao")
    formula = '=HYPERLINK("http://example.com/x","details")'
    response = client.post(f"/api/events/{gao['event_id']}/review", json={"action": "correct", "field": "actor1", "value": formula},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert client.get(f"/api/events/{gao['event_id']}").json()["event"]["actor1"] == formula
    [row] = csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv&q=gao").text))
    assert row["actor1"] == "'" + formula
    assert row["longitude"] == str(gao["longitude"]) and float(row["longitude"]) < 0


def test_corrections_reach_the_api_and_exports_and_survive_a_re_merge(client: TestClient, token: str, db: Path) -> None:
    kharkiv = _event(client, "q=kharkiv")
    auth = {"Authorization": f"Bearer {token}"}
    unchanged = client.post(f"/api/events/{kharkiv['event_id']}/review", json={"action": "correct", "field": "fatalities", "value": kharkiv["fatalities"]}, headers=auth)
    assert (unchanged.status_code, unchanged.json()["detail"]) == (422, f"no change: fatalities is {kharkiv['fatalities']} already")
    reason = "the regional governor's count the next day"
    response = client.post(f"/api/events/{kharkiv['event_id']}/review", json={"action": "correct", "field": "fatalities", "value": "8", "reason": reason}, headers=auth)
    assert response.status_code == 200, response.text
    again = client.get(f"/api/events/{kharkiv['event_id']}").json()
    assert again["event"]["fatalities"] == 8 and again["event"]["review_status"] == "corrected"
    assert again["reviews"][-1] | {"reviewed_at": None} == {"event_id": kharkiv["event_id"], "action": "correct", "field": "fatalities",
                                                           "old_value": kharkiv["fatalities"], "new_value": 8, "reviewer": "test analyst", "reviewed_at": None,
                                                           "reason": reason}
    exported = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv&q=kharkiv").text)))
    assert exported[0]["fatalities"] == "8" and exported[0]["review_status"] == "corrected"
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


def _post_stream(app: Any, path: str, headers: dict[str, str], chunks: int, chunk: bytes = b"x" * 16384) -> tuple[int, int]:
    """POST `chunks` chunks straight into the ASGI app: its status, and how many body
    bytes it pulled in (what a real server would have had to receive)."""
    pulled = 0
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= chunks * len(chunk):
            return {"type": "http.disconnect"}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": pulled < chunks * len(chunk)}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
             "headers": [(name.lower().encode(), value.encode()) for name, value in {"content-type": "application/json", **headers}.items()]}
    asyncio.run(app(scope, receive, send))
    return status[0], pulled


def test_big_bodies_are_refused_before_they_are_read(client: TestClient, token: str) -> None:
    """400 MB (declared, or chunked without a length): a 401 without a token before a byte
    is read, a 413 with one by the length alone or after at most the limit."""
    path = f"/api/events/{_event(client, 'q=mombasa')['event_id']}/review"
    declared = {"content-length": str(400_000_000)}
    auth = {"authorization": f"Bearer {token}"}
    assert _post_stream(client.app, path, declared, chunks=25_000) == (401, 0)
    assert _post_stream(client.app, path, {}, chunks=25_000) == (401, 0)
    assert _post_stream(client.app, path, {**declared, **auth}, chunks=25_000) == (413, 0)
    status, pulled = _post_stream(client.app, path, auth, chunks=25_000)
    assert status == 413 and pulled <= MAX_BODY + 16384
    big = client.post(path, content=b" " * (MAX_BODY + 1), headers={**auth, "Content-Type": "application/json"})
    assert big.status_code == 413 and big.headers["x-content-type-options"] == "nosniff"
    assert client.post(path, content=b" " * (MAX_BODY - 20) + b'{"action":"accept"}', headers={**auth, "Content-Type": "application/json"}).status_code == 200


def test_security_headers_and_a_policy_the_dashboard_keeps(client: TestClient) -> None:
    """Every response: nosniff, no framing. The dashboard and the API: scripts, styles
    and requests from this server only, which works because the page has no inline script
    or style. The API docs (Swagger UI from a CDN, an inline script) keep only the ban on
    framing, so /docs still works."""
    for path in ("/", "/static/app.js", "/api/events", "/api/events/nope", "/openapi.json", "/docs"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path
    policy = dict(part.strip().split(" ", 1) for part in client.get("/").headers["content-security-policy"].split(";"))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == policy["connect-src"] == "'self'"
    page = client.get("/").text
    scripts = re.findall(r"<script\b([^>]*)>", page)
    assert scripts and all(re.search(r'src="/static/[^"]+"', attributes) for attributes in scripts)
    assert "<style" not in page and " style=" not in page and "javascript:" not in page
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404
    assert "script-src" not in docs.headers["content-security-policy"]


def test_reads_share_one_opening_and_a_review_waits_for_them(db: Path) -> None:
    """Within the server: reads at once, each with a cursor of its own; a write waits for
    them, then has the file to itself; LINGER seconds after the last read it is closed."""
    access = Access(db, linger=0.3)
    written = threading.Event()

    def review() -> None:
        with access.writing() as store:
            store.reviewer("nobody's token")
            written.set()

    with access.reading() as first, access.reading() as second:
        assert first.con is not second.con and first.count_events() == second.count_events() > 0
        writer = threading.Thread(target=review)
        writer.start()
        assert not written.wait(0.5)
    writer.join(timeout=10)
    assert written.is_set()
    with access.reading() as store:
        assert store.count_events() > 0
    with pytest.raises(duckdb.ConnectionException):
        Store(db)
    time.sleep(1)
    with Store(db) as store:
        assert store.count_events() > 0


def test_while_another_process_writes_reads_say_so(db: Path, client: TestClient) -> None:
    """DuckDB lets nobody read while another process writes: the API answers 503 (retry)
    and the CLI one line, both saying which process holds the file."""
    script = f"import sys; from sitrep.store import Store; store = Store({str(db)!r}); print('open', flush=True); sys.stdin.read()"
    writer = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        response = client.get("/api/events")
        assert response.status_code == 503 and response.headers["retry-after"]
        assert f"process {writer.pid} is writing to it" in response.json()["detail"]
        listing = CliRunner().invoke(main, ["events", "--db", str(db)])
        assert listing.exit_code == 1 and f"process {writer.pid} is writing to it" in listing.output
    finally:
        writer.communicate("", timeout=30)
    assert client.get("/api/events").status_code == 200


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


def test_openapi_documents_the_records_and_responses_fit_them(client: TestClient, token: str) -> None:
    from sitrep.web.schemas import ArticleModel, EventDetail, EventPage, Reviewed

    components = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"Event", "EventReport", "EventPage", "EventDetail", "Source", "Claim"} <= set(components)
    assert components["Event"]["properties"]["certainty"]["enum"] == ["confirmed", "claimed", "reported"]
    page = EventPage.model_validate(client.get("/api/events?limit=500").json())
    assert page.total >= 5 and len(page.events) == page.total
    detail = EventDetail.model_validate(client.get(f"/api/events/{page.events[0].event_id}").json())
    assert detail.reports and detail.reports[0].report.evidence
    ArticleModel.model_validate(client.get(f"/api/articles/{detail.reports[0].report.article_id}").json())
    reviewed = client.post(f"/api/events/{page.events[0].event_id}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {token}"})
    assert Reviewed.model_validate(reviewed.json()).event.review_status == "accepted"


@pytest.mark.parametrize(("cli", "query"), [
    (["--text", "gao"], "q=gao"), (["--country", "syria", "--since", "2024-03-01"], "country=syria&since=2024-03-01"),
    (["--corroboration", "corroborated"], "corroboration=corroborated"), (["--bbox", "-20,0,20,30"], "bbox=-20,0,20,30"),
])
def test_the_cli_and_the_api_filter_alike(client: TestClient, db: Path, cli: list[str], query: str) -> None:
    """One declaration of the filters (store/filters.py) makes both surfaces."""
    listed = CliRunner().invoke(main, ["events", *cli, "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    shown = {line.split()[0] for line in listed.output.splitlines()[1:-1] if not line.startswith(" ")}
    served = {e["event_id"] for e in client.get(f"/api/events?limit=500&{query}").json()["events"]}
    assert shown == served and served


def test_the_cli_and_the_api_refuse_the_same_filters(client: TestClient, db: Path) -> None:
    refused = CliRunner().invoke(main, ["events", "--since", "2024-05-02", "--until", "2024-05-01", "--db", str(db)])
    assert refused.exit_code == 2 and "since is after until" in refused.output
    assert client.get("/api/events?since=2024-05-02&until=2024-05-01").json()["detail"] == "since is after until"
