"""Pages per second read by sitrep's HTML readers (body and metadata), one core: the
`precise` extractor (trafilatura) and the `fast` one (resiliparse and the page's meta tags).

    .venv/bin/python bench/read_html.py [--pages 500] [--folder ../shared/eval/html/pages]

Each extractor reads one page and parses a date first, so one-time start-up (the
extractor's tables, dateparser's English patterns) is not counted: it is a fraction of a
second a process, spread over a crawl.

Two corpora: small pages built from the bundled demo articles (a news site's chrome around
each story), and, when the folder exists, real saved news pages (.html.gz, 190 KB each on
average in ../shared/eval/html)."""
from __future__ import annotations

import argparse
import html
import resource
import tempfile
import time
from importlib import resources
from pathlib import Path

from sitrep.read.errors import ReadError
from sitrep.read.fields import parse_published
from sitrep.read.html import EXTRACTORS, read_page

CHROME = """<html><head><title>{title} | Daily Courier</title><meta property="og:site_name" content="Daily Courier">
<meta property="article:published_time" content="2024-05-0{day}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside>Most read: <a href="/a">Markets rally</a> <a href="/b">Storm warning</a></aside>
<footer>© Daily Courier. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def demo_pages(folder: Path, count: int) -> list[Path]:
    stories = [p.read_text(encoding="utf-8") for p in (resources.files("sitrep") / "demo").iterdir() if p.name.endswith(".txt")]
    paths = []
    for i in range(count):
        title, _, body = stories[i % len(stories)].partition("\n")
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip())
        path = folder / f"page-{i}.html"
        path.write_text(CHROME.format(title=html.escape(title), day=i % 9 + 1, paragraphs=paragraphs + f"<p>Report number {i}.</p>"), encoding="utf-8")
        paths.append(path)
    return paths


def measure(paths: list[Path], extractor: str) -> tuple[float, int]:
    read_page(paths[0], {}, extractor)
    parse_published("19 Nov 2019 07:09 GMT")
    start = time.perf_counter()
    read = sum(not isinstance(read_page(path, {}, extractor), ReadError) for path in paths)
    return len(paths) / (time.perf_counter() - start), read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--folder", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "html" / "pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = demo_pages(Path(folder), args.pages)
        real = sorted(args.folder.glob("*.html*")) if args.folder.is_dir() else []
        for extractor in EXTRACTORS:
            rate, read = measure(small, extractor)
            print(f"{extractor:<8} small demo pages: {rate:5.0f} pages/s ({read}/{len(small)} with text)")
            if real:
                rate, read = measure(real, extractor)
                print(f"{extractor:<8} real news pages ({args.folder}): {rate:5.0f} pages/s ({read}/{len(real)} with text)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
