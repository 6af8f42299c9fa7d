"""Pages per second read by sitrep's HTML readers (body and metadata), one core: the
`precise` extractor (trafilatura) and the `fast` one (resiliparse and the page's meta tags),
beside plain trafilatura (`trafilatura.extract(html, include_comments=False)`, body only).

    .venv/bin/python bench/read_html.py [--pages 500] [--folder ../shared/eval/html/pages]

Each extractor reads one page and parses a date first, so one-time start-up (the
extractor's tables, dateparser's English patterns) is not counted: it is a fraction of a
second a process, spread over a crawl. Time is the process's CPU time, so other work on
a shared machine does not slow the figures down.

Two corpora: small pages built from the bundled demo articles (a news site's chrome around
each story), and, when the folder exists, real saved news pages (.html.gz, 190 KB each on
average in ../shared/eval/html); with its ground-truth.json beside the folder, each
reader's bodies are also scored there (token F1, as `sitrep eval --dataset html`)."""
from __future__ import annotations

import argparse
import html
import json
import resource
import tempfile
import time
from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path

from sitrep.evaluate.html import BodyScore, plain_trafilatura
from sitrep.read.errors import ReadError
from sitrep.read.fields import parse_published
from sitrep.read.html import EXTRACTORS, page_id, read_page

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


def sitrep_text(path: Path, extractor: str) -> str:
    article = read_page(path, {}, extractor)
    return "" if isinstance(article, ReadError) else article.text


READERS: dict[str, Callable[[Path], str]] = {
    **{extractor: partial(sitrep_text, extractor=extractor) for extractor in EXTRACTORS},
    "trafilatura": plain_trafilatura,
}


def measure(paths: list[Path], read: Callable[[Path], str]) -> tuple[float, dict[str, str]]:
    """Pages per second, and each page's body by its id."""
    read(paths[0])
    parse_published("19 Nov 2019 07:09 GMT")
    start = time.process_time()
    bodies = {page_id(path): read(path) for path in paths}
    return len(paths) / (time.process_time() - start), bodies


def scored(bodies: dict[str, str], gold: dict[str, dict[str, str]]) -> str:
    score = BodyScore()
    for key, truth in gold.items():
        score.add(bodies.get(key, ""), truth["articleBody"])
    result = score.to_dict()
    return f", token F1 {result['f1']:.3f} micro, {result['macro_f1']:.3f} page average"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--folder", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "html" / "pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = demo_pages(Path(folder), args.pages)
        real = sorted(args.folder.glob("*.html*")) if args.folder.is_dir() else []
        truth = args.folder.parent / "ground-truth.json"
        gold = json.loads(truth.read_text(encoding="utf-8")) if real and truth.is_file() else {}
        for name, read in READERS.items():
            rate, bodies = measure(small, read)
            print(f"{name:<11} small demo pages: {rate:5.0f} pages/s ({sum(map(bool, bodies.values()))}/{len(small)} with text)")
            if real:
                rate, bodies = measure(real, read)
                score = scored(bodies, gold) if gold else ""
                print(f"{name:<11} real news pages ({args.folder}): {rate:5.0f} pages/s ({sum(map(bool, bodies.values()))}/{len(real)} with text){score}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
