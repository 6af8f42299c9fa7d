"""A real ingest process killed in the middle loses nothing committed; the same command
run again finishes the job without duplicates. The kill comes once DuckDB's write-ahead
log shows some articles committed."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

TOWNS = ["Gao", "Mopti", "Kidal", "Menaka", "Timbuktu", "Segou", "Bamako", "Sikasso"]
ARTICLES = 240
COMMITTED_BYTES = 40_000
"""Write-ahead log size by which some articles are surely committed (the schema alone is a few KB)."""


def _corpus(folder: Path) -> Path:
    rows = []
    for n in range(ARTICLES):
        town = TOWNS[n % len(TOWNS)]
        rows.append({"id": f"story-{n}", "published": "2024-05-07", "text": f"Gunmen attack checkpoint in {town}\n\n"
                     f"Gunmen attacked a checkpoint near {town} on Monday, killing {n % 5 + 2} soldiers, the army said in statement number {n}."})
    path = folder / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _counts(db: Path) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles, distinct = con.execute("SELECT count(*), count(DISTINCT raw_hash) FROM articles").fetchone()
        reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    return articles, distinct, reports


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path), tmp_path / "events.duckdb"
    command = [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > COMMITTED_BYTES) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed; make the corpus larger"

    committed, distinct, _ = _counts(db)
    assert 0 < committed < ARTICLES and committed == distinct

    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"stored {ARTICLES - committed}, skipped {committed}" in again.stdout
    articles, distinct, reports = _counts(db)
    assert articles == distinct == ARTICLES
    assert reports >= ARTICLES
