"""One command, one table: articles/s and peak RSS for a bare spaCy parse, `sitrep extract`
in one process, `sitrep run` with 1 and 2 Dask workers, the merge of 100,000 reports and
queries on a database of 1,000,000 events, with the ratios between them.

    .venv/bin/python bench/scale.py [--articles 3000]

The corpus comes from bench/corpus.py (our own text, varied lengths, fixed seed). Each
phase runs in a process of its own so its peak RSS is its own; `sitrep run` is timed
from the command's start to its end (cluster start-up and model loading included), its
RSS is the largest of its workers'."""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def phase(name: str, folder: Path) -> dict[str, float]:
    """Runs inside the phase's own process."""
    sys.path.insert(0, str(BENCH))
    texts = [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    if name == "parse":
        import spacy

        from sitrep.nlp import MODEL

        pipeline = spacy.load(MODEL)
        start = time.perf_counter()
        for _ in pipeline.pipe((t["text"] for t in texts), batch_size=32):
            pass
        count = len(texts)
    elif name == "extract":
        from sitrep.pipeline import process
        from sitrep.read import iter_articles

        start = time.perf_counter()
        count = sum(1 for result in process(a for a in iter_articles([str(folder)]) if hasattr(a, "text")) if result.error is None)
    elif name == "merge":
        from merge import generate, merge_stage

        items, _ = generate(100_000)
        seconds, _ = merge_stage(items)
        return {"items": len(items), "seconds": seconds, "peak_rss_mb": _peak()}
    else:
        from api import QUERIES, build
        from fastapi.testclient import TestClient

        from sitrep.web import create_app

        db = BENCH / "out" / "api-1m.duckdb"
        db.parent.mkdir(parents=True, exist_ok=True)
        if not db.exists():
            build(db, 1_000_000)
        client = TestClient(create_app(db))
        timings = []
        for url in QUERIES.values():
            for _ in range(5):
                started = time.perf_counter()
                assert client.get(url).status_code == 200
                timings.append(time.perf_counter() - started)
        return {"items": len(timings), "seconds": sum(timings), "p50_ms": statistics.median(timings) * 1000,
                "p95_ms": statistics.quantiles(timings, n=20)[-1] * 1000, "peak_rss_mb": _peak()}
    return {"items": count, "seconds": time.perf_counter() - start, "peak_rss_mb": _peak()}


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_workers(folder: Path, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sitrep.cli", "run", str(folder), "--out", out, "--workers", str(workers)],
                       check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        done = [json.loads(p.read_text()) for p in (Path(out) / "done").glob("*.json")]
    return {"items": sum(d["articles"] for d in done), "seconds": seconds, "peak_rss_mb": max(d["worker_peak_rss_mb"] for d in done)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.corpus)))
        return
    sys.path.insert(0, str(BENCH))
    from corpus import write

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        write(corpus, args.articles)
        results = {}
        for name in ("parse", "extract"):
            out = subprocess.run([sys.executable, __file__, "--phase", name, "--corpus", str(corpus)], check=True, capture_output=True, text=True)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        for workers in (1, 2):
            results[f"run{workers}"] = run_workers(corpus, workers)
        for name in ("merge", "queries"):
            out = subprocess.run([sys.executable, __file__, "--phase", name, "--corpus", str(corpus)], check=True, capture_output=True, text=True)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    labels = {"parse": "bare spaCy parse", "extract": "sitrep extract, 1 process", "run1": "sitrep run, 1 worker", "run2": "sitrep run, 2 workers",
              "merge": "merge 100,000 reports", "queries": "API on 1,000,000 events"}
    units = {"merge": "reports/s", "queries": "requests/s"}
    print(f"{'phase':<28} {'items':>8} {'seconds':>8} {'per second':>12} {'peak RSS MB':>12}")
    for key, row in results.items():
        rate = row["items"] / row["seconds"]
        print(f"{labels[key]:<28} {row['items']:>8,} {row['seconds']:>8.1f} {rate:>12,.1f} {row['peak_rss_mb']:>12,.0f}  {units.get(key, 'articles/s')}")
    rate = {k: r["items"] / r["seconds"] for k, r in results.items()}
    print(f"ratio extract / parse:        {rate['extract'] / rate['parse']:.2f}  (target >= 0.7)")
    print(f"ratio run 2 workers / 1:      {rate['run2'] / rate['run1']:.2f}  (target >= 1.6)")
    print(f"ratio run 1 worker / extract: {rate['run1'] / rate['extract']:.2f}  (the cost of Dask and Parquet)")
    print(f"queries p50 {results['queries']['p50_ms']:.0f} ms, p95 {results['queries']['p95_ms']:.0f} ms")


if __name__ == "__main__":
    main()
