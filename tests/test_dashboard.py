"""End to end in a real browser: `sitrep serve` on the demo database, Debian's chromium
driven by Playwright. Filter, open an event, see the highlighted evidence, correct a field
with a token, and find the change in the API and in an export. A screenshot of each view
goes to test-artifacts/."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.web import create_app

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "Debian's chromium is not installed (./dev.sh test installs it with apt as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    db = tmp_path_factory.mktemp("serve") / "demo.duckdb"
    assert CliRunner().invoke(main, ["demo", "--db", str(db)]).exit_code == 0
    token = CliRunner().invoke(main, ["token", "create", "e2e analyst", "--db", str(db)]).output.strip()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", token, db
    server.should_exit = True
    thread.join(timeout=10)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def _dead(base: str) -> int:
    return int(json.loads(_get(base + "/api/stats"))["fatalities"])


def test_dashboard_filter_open_event_see_evidence_correct_and_export(served: tuple[str, str, Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token, _ = served
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_browser(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "/")

        expect(page.locator("#events tbody tr")).to_have_count(5)
        expect(page.locator("#map circle.event")).to_have_count(5)
        expect(page.locator("#map .map-legend")).to_contain_text("Explosions/Remote violence")
        expect(page.locator("#map .map-legend")).to_contain_text("100+ dead")
        assert page.get_attribute("#map circle.event[data-type=Battles]", "fill") == "#c62828"
        radii = [float(page.locator("#map circle.event").nth(i).get_attribute("r") or 0) for i in range(5)]
        assert len(set(radii)) > 1 and max(radii) <= 18
        expect(page.locator("#map path.country").first).to_be_attached()
        assert page.locator("#timeline rect.bar").count() >= 4
        expect(page.locator("#deaths-note")).to_have_text(f"{_dead(base)} dead")
        deaths = page.locator("#deaths rect.bar")
        assert deaths.count() >= 2 and max(float(deaths.nth(i).get_attribute("height") or 0) for i in range(deaths.count())) > 0
        expect(page.locator("#map path.admin1")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)

        expect(page.locator("#facets ul[data-facet=country] li")).to_have_count(5)
        assert page.locator("#countries option[value=Iraq]").text_content() == "Iraq (1)"
        assert page.locator("#types option[value='Explosions/Remote violence']").text_content() == "Explosions/Remote violence (3)"
        expect(page.locator("#facets ul[data-facet=outlet] li").first).to_contain_text("Demo Wire 3")
        page.click("#events th[data-sort=fatalities]")
        expect(page.locator("#events th[data-sort=fatalities]")).to_have_attribute("data-order", "descending")
        expect(page.locator("#events tbody tr").first.locator("td").nth(5)).to_have_text("14")
        page.click("#events th[data-sort=fatalities]")
        expect(page.locator("#events tbody tr").first.locator("td").nth(5)).to_have_text("0")
        page.click("#facets ul[data-facet=country] button[data-value=Iraq]")
        expect(page.locator("#events tbody tr")).to_have_count(1)
        expect(page.locator("input[name=country]")).to_have_value("Iraq")
        assert "format=geojson&country=Iraq" in (page.get_attribute("#download-geojson", "href") or "")
        page.screenshot(path=str(ARTIFACTS / "facets.png"), full_page=True)
        page.click("#clear")
        expect(page.locator("#events tbody tr")).to_have_count(5)

        page.fill("input[name=country]", "Ukraine")
        page.click("#apply")
        expect(page.locator("#events tbody tr")).to_have_count(1)
        expect(page.locator("#map circle.event")).to_have_count(1)
        expect(page.locator("#map .place-label")).to_have_text("Kharkiv")
        expect(page.locator("#map path.admin1")).to_have_count(1)
        assert len(page.get_attribute("#map path.admin1", "d") or "") > 1000, "Ukraine's oblast borders are drawn"
        dot, frame = page.locator("#map circle.event").bounding_box(), page.locator("#map").bounding_box()
        assert dot and frame and abs(dot["x"] - (frame["x"] + frame["width"] / 2)) < frame["width"] / 4, "the map zooms to the filtered events"
        page.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)

        page.locator("#events tbody tr").first.click()
        expect(page.locator("#event")).to_be_visible()
        expect(page.locator("#event-meta")).to_contain_text("2 sources, 2 independent (corroborated)")
        expect(page.locator("#event-map circle.event")).to_have_count(1)
        expect(page.locator("#event-map .place-label")).to_have_text("Kharkiv")
        expect(page.locator("#event-map path.admin1")).to_have_count(1)
        marks = page.locator("#reports mark")
        assert marks.count() >= 4
        expect(page.locator("#reports mark", has_text="Kharkiv").first).to_be_visible()
        expect(page.locator("#fields tr[data-field=fatalities] mark").first).to_contain_text("six civilians")
        expect(page.locator("#disagreements")).to_contain_text("fatalities: 6 (Demo Post); 7 (Demo Wire)")
        page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

        event_id = page.url.rsplit("/", 1)[-1]
        page.select_option("#correct-field", "actor1")
        expect(page.locator("#correct-values option[value='Military Forces of Russia']")).to_be_attached()
        expect(page.locator("#correct-values option[value='Islamic State']")).to_be_attached()
        page.select_option("#correct-field", "fatalities")
        page.fill("#correct-value", "8")
        page.click("#correct button[type=submit]")
        expect(page.locator("#review-message")).to_contain_text("need a token")
        page.fill("#token", token)
        page.fill("#correct-value", "6")
        page.click("#correct button[type=submit]")
        expect(page.locator("#review-message")).to_have_text("no change: fatalities is 6 already")
        page.fill("#correct-value", "8")
        page.fill("#reason", "the health ministry's later count")
        page.click("#correct button[type=submit]")
        expect(page.locator("#review-message")).to_contain_text("saved: correct fatalities")
        expect(page.locator("#event-meta")).to_contain_text("corrected (fatalities)")
        expect(page.locator("#fields tr[data-field=fatalities] td").first).to_have_text("8")
        expect(page.locator("#history li")).to_contain_text("e2e analyst: correct fatalities 6 → 8 (the health ministry's later count)")
        page.screenshot(path=str(ARTIFACTS / "reviewed.png"), full_page=True)
        assert not errors, errors
        browser.close()

    api = json.loads(_get(f"{base}/api/events/{event_id}"))
    assert api["event"]["fatalities"] == 8 and api["event"]["review_status"] == "corrected"
    [row] = list(csv.DictReader(io.StringIO(_get(f"{base}/api/export?format=acled-csv&country=Ukraine").decode("utf-8"))))
    assert row["event_id_cnty"] == event_id and row["fatalities"] == "8" and row["review_status"] == "corrected"


def test_the_api_docs_work_with_the_network_off(served: tuple[str, str, Path]) -> None:
    """Swagger UI's script and style come from the package (npm at set-up), not a CDN:
    every request that leaves the server is refused, and the page still lists the API."""
    from playwright.sync_api import expect, sync_playwright

    base, _, _ = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_browser(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        outside: list[str] = []

        def only_the_server(route):  # type: ignore[no-untyped-def]
            if route.request.url.startswith(base):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_server)
        page.goto(base + "/docs")
        expect(page.locator(".opblock-summary-path", has_text="/api/events/{event_id}/review")).to_be_visible()
        assert page.locator(".opblock").count() >= 7
        page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)
        browser.close()
    assert outside == []
