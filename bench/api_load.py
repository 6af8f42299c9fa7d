"""The API under load: 20 clients at once asking for event lists, searches, map GeoJSON and
single events, against a real server (uvicorn in its own process) on a generated database.

    .venv/bin/python bench/api_load.py [--events 100000] [--clients 20] [--seconds 30]

The database is bench/api.py's generator (made once at --db if missing). Each client loops
over the four kinds of request with varied filters for --seconds; the script prints, per
kind and overall, requests served, p50, p95 and p99 latency, and the server's peak RSS.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import generated

COUNTRIES = ["Syria", "Mali", "Somalia", "Ukraine", "Nigeria", "Sudan", "Iraq", "Yemen", "Myanmar", "Mexico", "Colombia", "Pakistan"]
WORDS = ["town 12", "islamic", "shabaab", "region 7", "clash", "police"]


def requests_of(kind: str, rng: random.Random, events: int) -> str:
    country = rng.choice(COUNTRIES)
    month = f"2023-{rng.randint(1, 12):02d}"
    if kind == "list":
        return f"/api/events?limit=50&offset={rng.choice([0, 50, 500])}&country={country}&since={month}-01"
    if kind == "search":
        return f"/api/events?limit=50&q={rng.choice(WORDS).replace(' ', '+')}"
    if kind == "geojson":
        return rng.choice(["/api/events.geojson", f"/api/events.geojson?country={country}&since={month}-01&until={month}-28"])
    return f"/api/events/E{rng.randrange(events):012x}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", type=Path, default=Path("bench/out/api-100k.duckdb"))
    args = parser.parse_args()
    generated(args.db, args.events)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/stats", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        timings: dict[str, list[float]] = {kind: [] for kind in ("list", "search", "geojson", "event")}
        failures: list[str] = []
        stop = time.monotonic() + args.seconds
        peak = [0.0]

        def client(seed: int) -> None:
            rng = random.Random(seed)
            with httpx.Client(base_url=base, timeout=60) as http:
                while time.monotonic() < stop:
                    kind = rng.choice(list(timings))
                    url = requests_of(kind, rng, args.events)
                    start = time.perf_counter()
                    try:
                        response = http.get(url)
                    except httpx.HTTPError as exc:
                        failures.append(f"{url}: {type(exc).__name__}")
                        continue
                    timings[kind].append((time.perf_counter() - start) * 1000)
                    if response.status_code not in (200, 404):
                        failures.append(f"{url}: {response.status_code} {response.text[:120]}")

        def watch() -> None:
            process = psutil.Process(server.pid)
            while time.monotonic() < stop:
                peak[0] = max(peak[0], process.memory_info().rss / 2**20)
                time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(seed,)) for seed in range(args.clients)] + [threading.Thread(target=watch)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.clients} clients for {args.seconds:.0f} s on {args.events:,} events; server peak RSS {peak[0]:.0f} MB; failures {len(failures)}")
    for failure in failures[:5]:
        print(f"  failed: {failure}")
    print(f"{'request':<10} {'served':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in [*timings.items(), ("all", [v for each in timings.values() for v in each])]:
        if len(values) >= 2:
            cuts = statistics.quantiles(values, n=100)
            print(f"{kind:<10} {len(values):>7} {statistics.median(values):8.0f} {cuts[94]:8.0f} {cuts[98]:8.0f}")


if __name__ == "__main__":
    main()
