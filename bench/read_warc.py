"""A web archive is read in constant memory: peak RSS for growing archives, and pages/s.

    .venv/bin/python bench/read_warc.py [--megabytes 100 500 2000] [--html fast|precise]

Writes gzipped WARC files of generated news pages (about 60 KB of HTML each, with site
chrome, scripts and images as crawls have), then reads each in a fresh process with
sitrep's reader and prints its size, pages read, pages/s and the reading process's peak
RSS. Constant memory shows as the same peak whatever the size.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from sitrep.read.warc import read_warc
start = time.perf_counter()
pages = sum(1 for item in read_warc(Path(sys.argv[1]), sys.argv[2]) if hasattr(item, "text"))
print(json.dumps({"pages": pages, "seconds": time.perf_counter() - start,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
WORDS = ("soldiers clashed with fighters near the town on monday killing four people officials said the attack came after "
         "weeks of tension in the region where armed groups have expanded their operations residents fled their homes").split()


def page(rng: random.Random, number: int) -> bytes:
    paragraphs = "".join(f"<p>{' '.join(rng.choices(WORDS, k=60))}.</p>" for _ in range(12))
    chrome = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(200))
    script = "var tracking = " + json.dumps({"id": number, "slots": list(range(2000))}) + ";"
    return (
        f"<html><head><title>Report {number} | Generated Wire</title><meta property='og:site_name' content='Generated Wire'>"
        f"<meta property='article:published_time' content='2024-05-{number % 28 + 1:02d}T08:00:00Z'><script>{script}</script></head>"
        f"<body><nav><ul>{chrome}</ul></nav><article><h1>Report {number}</h1>{paragraphs}</article>"
        f"<footer>{chrome}</footer></body></html>"
    ).encode("utf-8")


def write_archive(path: Path, megabytes: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(megabytes)
    records = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        while handle.tell() < megabytes * 1024 * 1024:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://generated.example/{records}", "response", payload=BytesIO(page(rng, records)),
                                               http_headers=headers, warc_headers_dict={"WARC-Date": "2024-05-09T12:00:00Z"})
            writer.write_record(record)
            records += 1
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, nargs="+", default=[100, 500, 2000], help="Compressed archive sizes to write and read.")
    parser.add_argument("--html", default="fast", choices=["fast", "precise"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.megabytes:
            path = Path(folder) / f"crawl-{megabytes}.warc.gz"
            start = time.perf_counter()
            records = write_archive(path, megabytes)
            written = time.perf_counter() - start
            result = json.loads(subprocess.run([sys.executable, "-c", CHILD, str(path), args.html], capture_output=True, text=True, check=True).stdout)
            inflated = records * len(page(random.Random(0), 0)) / 1024 / 1024
            print(f"{megabytes:>6} MB archive ({inflated:,.0f} MB of HTML, {records:,} pages, written in {written:.0f} s): "
                  f"read {result['pages']:,} pages at {result['pages'] / result['seconds']:.0f} pages/s, peak RSS {result['peak_rss_mb']:.0f} MB")
            path.unlink()


if __name__ == "__main__":
    main()
