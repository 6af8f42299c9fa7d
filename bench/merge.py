"""Cross-source merging at scale: how long 100,000 reports take, and that the cost grows
about linearly with their number.

    .venv/bin/python bench/merge.py [--reports 100000] [--store]

Generates events (random countries, days, towns, actors, tolls) each told by 1–6 outlets
whose reports vary the way outlets do (a vaguer place, another toll, no actor, no date),
shuffled, then times the merge stage (Merger + combine) at a quarter, a half and all of
them, and prints reports per second, the pairwise precision and recall against the
generated truth (a sanity check, not an evaluation) and the peak RSS. With --store it
also times `merge_new` on a DuckDB database holding the reports.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

from sitrep.merge import Merger, combine
from sitrep.records import Article, EventReport, Source, SourcedReport

COUNTRIES = [("Syria", "SYR"), ("Mali", "MLI"), ("Somalia", "SOM"), ("Ukraine", "UKR"), ("Nigeria", "NGA"), ("Sudan", "SDN"),
             ("Iraq", "IRQ"), ("Yemen", "YEM"), ("Myanmar", "MMR"), ("Colombia", "COL"), ("Mexico", "MEX"), ("Pakistan", "PAK")]
ACTORS = ["Military Forces of {c}", "Police Forces of {c}", "Islamic State", "Al Shabaab", "JNIM", "Boko Haram", "Unidentified Armed Group ({c})"]
TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Protests", "Peaceful protest"), ("Strategic developments", "Arrests")]
OUTLETS = [f"Outlet {n}" for n in range(60)]
FIRST_DAY = date(2023, 1, 1)


def generate(count: int, seed: int = 7) -> tuple[list[SourcedReport], dict[str, int]]:
    rng = random.Random(seed)
    items: list[SourcedReport] = []
    truth: dict[str, int] = {}
    event = 0
    while len(items) < count:
        event += 1
        country, iso3 = rng.choice(COUNTRIES)
        day = FIRST_DAY + timedelta(days=rng.randrange(365))
        town = rng.randrange(400)
        latitude, longitude = 10 + (town % 20) * 0.9 + rng.random() * 0.01, 20 + (town // 20) * 0.9 + rng.random() * 0.01
        kind = rng.choice(TYPES)
        actor1 = rng.choice(ACTORS).format(c=country)
        toll = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20])
        for outlet in rng.sample(OUTLETS, rng.randint(1, 6)):
            if len(items) >= count:
                break
            article_id = f"a{len(items)}"
            report = EventReport(
                report_id=f"{article_id}#1", article_id=article_id, event_type=kind[0], sub_event_type=kind[1],
                event_date=day, date_from=day, date_to=day, date_precision="day", actor1=actor1, actor2=f"Civilians ({country})",
                country=country, iso3=iso3, admin1=f"Region {town % 20}", location=f"Town {town}", latitude=latitude,
                longitude=longitude, geo_precision=1, fatalities=toll,
            )
            variation = rng.random()
            if variation < 0.15:
                report = dataclasses.replace(report, location=None, latitude=None, longitude=None, geo_precision=3)
            elif variation < 0.25:
                report = dataclasses.replace(report, actor1=None)
            elif variation < 0.35 and toll:
                report = dataclasses.replace(report, fatalities=toll + rng.randint(1, 3))
            published = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(6, 60))
            items.append(SourcedReport(report, Source(article_id, outlet, None, published)))
            truth[report.report_id] = event
    rng.shuffle(items)
    items.sort(key=lambda i: i.source.published or datetime.min)
    return items, truth


def merge_stage(items: list[SourcedReport]) -> tuple[float, Merger]:
    start = time.perf_counter()
    merger = Merger()
    merger.add_all(items)
    for event_id, members in merger.members.items():
        combine(event_id, members)
    return time.perf_counter() - start, merger


def pairwise(merger: Merger, truth: dict[str, int]) -> tuple[float, float]:
    predicted = {m.report.report_id: event_id for event_id, members in merger.members.items() for m in members}
    def pairs(labels: dict[str, object]) -> Counter[tuple[object, object]]:
        return Counter((labels[r], truth_label) for r, truth_label in ((r, truth[r]) for r in labels))
    joint = pairs(predicted)
    same_both = sum(n * (n - 1) // 2 for n in joint.values())
    same_predicted = sum(n * (n - 1) // 2 for n in Counter(predicted.values()).values())
    same_truth = sum(n * (n - 1) // 2 for n in Counter(truth[r] for r in predicted).values())
    return same_both / max(same_predicted, 1), same_both / max(same_truth, 1)


def store_merge(items: list[SourcedReport]) -> float:
    from sitrep.store import Store, merge_new

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        by_article: dict[str, list[EventReport]] = defaultdict(list)
        for item in items:
            by_article[item.source.article_id].append(item.report)
        sources = {item.source.article_id: item.source for item in items}
        for article_id, reports in by_article.items():
            source = sources[article_id]
            store.add(Article(id=article_id, text=f"article {article_id}", outlet=source.outlet, published=source.published), reports)
        start = time.perf_counter()
        merge_new(store)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--store", action="store_true", help="Also time merge_new on a DuckDB database (slow to fill).")
    args = parser.parse_args()
    items, truth = generate(args.reports)
    events = len(set(truth.values()))
    print(f"{len(items):,} reports of {events:,} generated events")
    for share in (4, 2, 1):
        part = items[: len(items) // share]
        seconds, merger = merge_stage(part)
        precision, recall = pairwise(merger, {i.report.report_id: truth[i.report.report_id] for i in part})
        print(f"merge stage {len(part):>8,} reports: {seconds:6.1f} s  {len(part) / seconds:8,.0f} reports/s  "
              f"{len(merger.members):,} events  pairwise P {precision:.3f} R {recall:.3f}")
    if args.store:
        seconds = store_merge(items)
        print(f"merge_new on DuckDB {len(items):>8,} reports: {seconds:6.1f} s  {len(items) / seconds:8,.0f} reports/s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", file=sys.stdout)


if __name__ == "__main__":
    main()
