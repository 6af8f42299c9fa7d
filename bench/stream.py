"""sitrep on a realistic news stream, next to a bare spaCy parse of the same texts.

    .venv/bin/python bench/stream.py [--articles 1000] [--conflict-share 0.15] [--shared ../shared]

The stream mixes real conflict news (news-dev's articles with events) with real other news
(the English pages of ../shared/eval/html that the relevance stage was not trained on,
read as sitrep reads them, and news-dev's articles without events) at the share asked,
shuffled with a fixed seed; each copy is made unique so no cache can help. In one run it
prints: the bare parse's articles/s, sitrep's (clean, relevance stage, parse, extract,
resolve) with the filter on and with it off, their ratios, the peak RSS of each phase (each
runs in its own process; models load and one article runs before the clock starts), the
same on conflict news alone, and the events the relevance stage would lose: news-dev's
required events and the seeds' events in articles it drops.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNSEEN_PAGES = tuple("89abcdef")
"""The HTML pages whose id starts so were not used to train the relevance stage."""
SEED = 7


def _articles(shared: Path) -> tuple[list[dict], list[dict]]:
    """(conflict, other) articles as dicts of id, text and publication date."""
    from sitrep.clean import clean_article
    from sitrep.read import ReadError, iter_articles
    from sitrep.read.manifest import load_manifest

    dev = shared / "eval/news-dev"
    with_events = {json.loads(line)["doc_id"] for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    conflict, other = [], []
    for article in iter_articles([str(dev / "articles")], load_manifest(dev / "manifest.jsonl")):
        if not isinstance(article, ReadError):
            row = {"id": article.id, "text": article.text, "published": article.published.isoformat() if article.published else None}
            (conflict if article.id in with_events else other).append(row)
    pages = [str(p) for p in sorted((shared / "eval/html/pages").glob("*.html.gz")) if p.name.startswith(UNSEEN_PAGES)]
    for article in iter_articles(pages):
        if not isinstance(article, ReadError) and clean_article(article).language == "en":
            other.append({"id": article.id, "text": article.text, "published": article.published.isoformat() if article.published else None})
    return conflict, other


def stream(shared: Path, size: int, share: float) -> list[dict]:
    conflict, other = _articles(shared)
    wanted = round(size * share)
    chosen = [conflict[i % len(conflict)] for i in range(wanted)] + [other[i % len(other)] for i in range(size - wanted)]
    random.Random(SEED).shuffle(chosen)
    return [{**row, "id": f"{row['id']}-{i}", "text": f"{row['text']}\n\nReport number {i}."} for i, row in enumerate(chosen)]


def run_phase(phase: str, rows: list[dict]) -> dict[str, float]:
    from datetime import datetime

    texts = [row["text"] for row in rows]
    if phase == "parse":
        import spacy

        from sitrep.nlp import MODEL

        nlp = spacy.load(MODEL)
        nlp(texts[0])
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        filtered = reports = 0
    else:
        from sitrep.pipeline import process
        from sitrep.records import Article

        articles = (Article(id=row["id"], text=row["text"], published=datetime.fromisoformat(row["published"]) if row["published"] else None) for row in rows)
        list(process([Article(id="warm-up", text=texts[0])], relevance_filter=False))
        start = time.perf_counter()
        filtered = reports = 0
        for result in process(articles, relevance_filter=phase == "sitrep"):
            filtered += result.article.filtered
            reports += len(result.reports)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles_per_s": len(rows) / elapsed, "seconds": elapsed, "peak_rss_mb": peak_mb, "filtered": filtered, "reports": reports}


def lost(shared: Path) -> tuple[int, int, int, int]:
    """(news-dev required events in dropped articles, required events, seed events in dropped articles, seed events)."""
    from sitrep.clean import clean_article
    from sitrep.read import ReadError, iter_articles
    from sitrep.read.manifest import load_manifest
    from sitrep.triage.relevance import triage

    counts = []
    for folder, articles in ((shared / "eval/news-dev", shared / "eval/news-dev/articles"), (shared / "seeds", shared / "seeds")):
        gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        required = [g["doc_id"] for g in gold if not g["optional"]]
        read = iter_articles([str(p) for p in sorted(articles.glob("*.txt"))], load_manifest(folder / "manifest.jsonl"))
        dropped = {a.id for a in read if not isinstance(a, ReadError) and triage(clean_article(a)).filtered}
        counts += [sum(doc in dropped for doc in required), len(required)]
    return counts[0], counts[1], counts[2], counts[3]


def _in_process(phase: str, rows: list[dict]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--phase", phase], input=json.dumps(rows), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--conflict-share", type=float, default=0.15)
    parser.add_argument("--conflict-only", type=int, default=300, help="articles of the conflict-only run")
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--phase", choices=["parse", "sitrep", "unfiltered"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, json.loads(sys.stdin.read()))))
        return
    if not (args.shared / "eval/news-dev").is_dir():
        sys.exit(f"{args.shared}/eval/news-dev not found: give --shared, the folder that holds eval/ and seeds/")
    mixed = stream(args.shared, args.articles, args.conflict_share)
    conflict = stream(args.shared, args.conflict_only, 1.0)
    results = {(name, phase): _in_process(phase, rows) for name, rows in (("stream", mixed), ("conflict", conflict)) for phase in ("parse", "sitrep", "unfiltered")}
    print(f"{'run':<48} {'articles/s':>10} {'seconds':>8} {'peak RSS MB':>12} {'filtered':>9} {'reports':>8}")
    labels = {"parse": "bare spaCy parse", "sitrep": "sitrep, relevance stage on", "unfiltered": "sitrep --no-filter"}
    for (name, phase), row in results.items():
        title = f"{labels[phase]} ({'stream, ' + format(args.conflict_share, '.0%') + ' conflict' if name == 'stream' else 'conflict news only'})"
        print(f"{title:<48} {row['articles_per_s']:>10.1f} {row['seconds']:>8.1f} {row['peak_rss_mb']:>12.0f} {row['filtered']:>9} {row['reports']:>8}")
    for name, size in (("stream", args.articles), ("conflict", args.conflict_only)):
        parse = results[name, "parse"]["articles_per_s"]
        print(f"ratio to the bare parse, {name} ({size} articles): filter on {results[name, 'sitrep']['articles_per_s'] / parse:.2f}, "
              f"filter off {results[name, 'unfiltered']['articles_per_s'] / parse:.2f}")
    dev_lost, dev_required, seeds_lost, seeds_events = lost(args.shared)
    print(f"events lost to the relevance stage: news-dev {dev_lost} of {dev_required} required ({dev_lost / dev_required:.1%}), seeds {seeds_lost} of {seeds_events}")


if __name__ == "__main__":
    main()
