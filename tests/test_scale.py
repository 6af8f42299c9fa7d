"""`sitrep run` on Dask: the same reports as one process, re-runs that skip finished
partitions, a killed run finished by a re-run with nothing lost or doubled, and `load`."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import psutil
import pyarrow.parquet as pq
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "merge" / "articles.jsonl"
DEMO = Path(str(resources.files("sitrep") / "demo"))


def _parquet(out: Path, kind: str) -> list[dict]:
    rows = []
    for path in sorted((out / kind).glob("part-*.parquet")):
        rows += [json.loads(r) for r in pq.read_table(path, columns=["record"]).column("record").to_pylist()]
    return rows


def _without_clock(article: dict) -> dict:
    return {k: v for k, v in article.items() if k != "ingested_at"}


def test_run_equals_one_process_and_skips_finished_work(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", str(CORPUS), str(DEMO), "--manifest", str(DEMO / "manifest.jsonl"), "--out", str(out), "--workers", "2", "--files-per-partition", "3"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "4 done now, 0 done before, 0 failed" in first.output
    single = CliRunner().invoke(main, ["extract", str(CORPUS), str(DEMO), "--manifest", str(DEMO / "manifest.jsonl")])
    expected = sorted((json.loads(line) for line in single.output.splitlines()), key=lambda r: r["report_id"])
    assert sorted(_parquet(out, "reports"), key=lambda r: r["report_id"]) == expected
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["state"] for p in manifest["partitions"]] == ["done"] * 4
    assert sum(p["articles"] for p in manifest["partitions"]) == 41
    assert [a["id"] for a in _parquet(out, "articles") if a["filtered"]] == ["demo-football"]
    assert sum(p["filtered"] for p in manifest["partitions"]) == 1 and "(filtered as unrelated 1)" in first.output
    again = CliRunner().invoke(main, args)
    assert "0 done now, 4 done before" in again.output

    db = tmp_path / "loaded.duckdb"
    loaded = CliRunner().invoke(main, ["load", str(out), "--db", str(db)])
    assert "articles stored 40" in loaded.output and "filtered as unrelated 1 " in loaded.output and "copies 1" in loaded.output, loaded.output
    ingested = tmp_path / "ingested.duckdb"
    CliRunner().invoke(main, ["ingest", str(CORPUS), str(DEMO), "--manifest", str(DEMO / "manifest.jsonl"), "--db", str(ingested)])
    with Store(db) as a, Store(ingested) as b:
        assert sorted(e.report_ids for e in a.events()) == sorted(e.report_ids for e in b.events())
    assert "articles stored 0, skipped 41" in CliRunner().invoke(main, ["load", str(out), "--db", str(db)]).output


def test_missing_inputs_are_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nowhere.jsonl"), str(CORPUS), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 1
    assert "nowhere.jsonl: no such file or directory" in result.output
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["missing_inputs"]


def test_a_killed_run_is_finished_by_a_re_run(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    stories = [line for line in CORPUS.read_text().splitlines()][:16]
    for number, line in enumerate(stories):
        (texts / f"story-{number:02d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sitrep.cli", "run", str(texts), "--out", str(out), "--workers", "1", "--files-per-partition", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 240
    while time.time() < deadline and len(list((out / "done").glob("*.json"))) < 3:
        time.sleep(0.2)
    helpers = psutil.Process(process.pid).children(recursive=True)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(helpers, timeout=30)
    assert helpers and not alive, f"workers outlived the killed run: {[p.cmdline() for p in alive]}"
    finished_before = len(list((out / "done").glob("*.json")))
    assert 3 <= finished_before < 16, "the run should be killed part-way"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "done before" in rerun.stdout and f"{16 - finished_before} done now" in rerun.stdout
    articles = _parquet(out, "articles")
    assert sorted(a["id"] for a in articles) == [f"story-{n:02d}" for n in range(16)]
    assert len(list((out / "articles").glob("part-*.parquet"))) == 16
