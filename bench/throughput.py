"""Throughput of `sitrep extract` next to a bare spaCy parse of the same texts.

    .venv/bin/python bench/throughput.py [--articles 2000]

Each phase runs in its own process so that its peak RSS is its own. The corpus is the
bundled demo articles repeated, each copy made unique so no cache can help.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from importlib import resources


def corpus(size: int) -> list[str]:
    folder = resources.files("sitrep") / "demo"
    texts = sorted(p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".txt"))
    return [f"{texts[i % len(texts)]}\nReport number {i}." for i in range(size)]


def run_phase(phase: str, size: int) -> dict[str, float]:
    from datetime import datetime

    texts = corpus(size)
    if phase == "parse":
        import spacy

        from sitrep.nlp import MODEL

        nlp = spacy.load(MODEL)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        from sitrep.pipeline import process
        from sitrep.records import Article

        articles = (Article(id=str(i), text=t, published=datetime(2024, 5, 1)) for i, t in enumerate(texts))
        start = time.perf_counter()
        reports = sum(len(result.reports) for result in process(articles))
        assert reports > 0
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles_per_s": size / elapsed, "seconds": elapsed, "peak_rss_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--phase", choices=["parse", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.articles)))
        return
    results = {}
    for phase in ("parse", "extract"):
        out = subprocess.run([sys.executable, __file__, "--phase", phase, "--articles", str(args.articles)], capture_output=True, text=True, check=True)
        results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'phase':<28} {'articles/s':>11} {'seconds':>9} {'peak RSS MB':>12}")
    labels = {"parse": "bare spaCy parse", "extract": "sitrep extract (1 process)"}
    for phase, row in results.items():
        print(f"{labels[phase]:<28} {row['articles_per_s']:>11.1f} {row['seconds']:>9.1f} {row['peak_rss_mb']:>12.0f}")
    ratio = results["extract"]["articles_per_s"] / results["parse"]["articles_per_s"]
    print(f"ratio extract / parse: {ratio:.2f} ({args.articles} articles)")


if __name__ == "__main__":
    main()
