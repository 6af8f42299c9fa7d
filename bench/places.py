"""Gazetteer start-up, place-name resolution speed and peak memory.

    .venv/bin/python bench/places.py [--names 20000]

Builds the index first if this machine has none (timed apart). Then, in a fresh process:
start-up (import, open the index, resolve one name), resolution of distinct names drawn
from the index with their spelling varied (so no cache helps), and the peak RSS.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

SPREAD = 17
"""Every 17th name of the index: a spread-out sample read without holding the index's
400,000 names in this process, whose peak memory is the gazetteer's."""


def measure(count: int) -> dict[str, float]:
    start = time.perf_counter()
    from sitrep.resolve.gazetteer import gazetteer
    from sitrep.resolve.places import resolve_place

    resolve_place("Raqqa")
    startup = time.perf_counter() - start
    rows = gazetteer().connection.execute(
        "SELECT DISTINCT folded FROM names WHERE length(folded) > 3 AND rowid % ? = 3 LIMIT ?", (SPREAD, count)
    ).fetchall()
    names = [r[0] for r in rows]
    random.Random(7).shuffle(names)
    variants = [name.title() if i % 3 else f"al-{name}" for i, name in enumerate(names)]
    start = time.perf_counter()
    found = sum(resolve_place(name, ["SY"]) is not None for name in variants)
    elapsed = time.perf_counter() - start
    return {
        "startup_s": startup,
        "names": len(variants),
        "resolved": found,
        "names_per_s": len(variants) / elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=20000)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.names)))
        return
    from sitrep.resolve.gazetteer import build_in_child, index_path

    path = index_path()
    if not path.is_file():
        start = time.perf_counter()
        build_in_child(path)
        print(f"built the index in {time.perf_counter() - start:.1f} s")
    print(f"index {path} ({path.stat().st_size / 1e6:.0f} MB on disk)")
    out = subprocess.run([sys.executable, __file__, "--measure", "--names", str(args.names)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"start-up (import, open, first name): {result['startup_s']:.2f} s")
    print(f"resolution: {result['names_per_s']:.0f} names/s over {result['names']} distinct names ({result['resolved']} resolved)")
    print(f"peak RSS: {result['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
