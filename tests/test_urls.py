"""Fetching pages by URL, against a local server (no outside network)."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_html import PAGE

from sitrep.cli import main
from sitrep.read import urls as fetching

SEEN: list[tuple[str, str]] = []


class Site(BaseHTTPRequestHandler):
    flaky_calls = 0

    def do_GET(self) -> None:
        SEEN.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif self.path in ("/gao", "/private/gao"):
            self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/flaky":
            Site.flaky_calls += 1
            self._send(503, b"busy", "text/plain") if Site.flaky_calls == 1 else self._send(200, PAGE.encode("utf-8"), "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(fetching, "BACKOFF_SECONDS", 0.0)
    monkeypatch.setattr(fetching, "HOST_INTERVAL_SECONDS", 0.0)
    fetching._robots.cache_clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetched_pages_polite_and_robust(site: str, tmp_path: Path) -> None:
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# morning list\n{site}/flaky\n{site}/missing\nftp://example.org/x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["read", "--jsonl", "--url", f"{site}/gao", "--url", f"{site}/private/gao", "--urls", str(url_file)])
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["url"] for r in records] == [f"{site}/gao", f"{site}/flaky"]
    assert records[0]["published"].startswith("2024-05-07") and records[0]["outlet"] == "The Sahel Monitor"
    assert result.exit_code == 1
    assert f"{site}/private/gao: robots.txt does not allow" in result.output
    assert f"{site}/missing: HTTP 404" in result.output and "ftp://example.org/x: not an http(s) URL" in result.output
    assert Site.flaky_calls == 2
    assert SEEN and all(agent == fetching.USER_AGENT for _, agent in SEEN)
    assert "/private/gao" not in [path for path, _ in SEEN]
