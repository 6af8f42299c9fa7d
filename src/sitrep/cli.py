"""The `sitrep` command: thin commands over the library."""
from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections import deque
from collections.abc import Iterator
from datetime import date
from functools import partial
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from sitrep.api import find_places
from sitrep.clean import clean_article
from sitrep.evaluate import html as html_scores
from sitrep.evaluate import load_gold, muc4, score
from sitrep.evaluate.clusters import load_cluster_gold, score_clusters
from sitrep.evaluate.acled import SPLITS, NoteScore, first_event, read_notes
from sitrep.evaluate.fakes import FakesScore, read_articles
from sitrep.export import WRITERS, Exported
from sitrep.pipeline import Processed, process
from sitrep.read import ReadError, iter_articles
from sitrep.read.manifest import Manifest, ManifestError, load_manifest
from sitrep.read.html import EXTRACTORS
from sitrep.read.urls import read_urls
from sitrep.records import Article, Event, EventReport
from sitrep.resolve.dumps import DumpError, add_dump, added_dumps
from sitrep.resolve.gazetteer import build_in_child, cache_folder, index_path
from sitrep.resolve.places import country_place
from sitrep.store import DatabaseUnavailable, EventFilter, Store, merge_new
from sitrep.store.intake import Intake

DEFAULT_DB = "sitrep.duckdb"
RECENT_FOR_COPIES = 1000
MERGE_EVERY = 2000
"""Stored articles between merges, so a long ingest holds few unmerged reports at once."""
"""Articles read in this run but perhaps not committed yet, compared with each new one."""


class Batch:
    """Reads inputs, reports bad ones on stderr as they come, and remembers that some failed."""

    def __init__(self, paths: tuple[str, ...], manifest: str | None, urls: tuple[str, ...] = (), html: str = "precise") -> None:
        self.paths = paths
        self.urls = urls
        self.html = html
        self.manifest = _manifest(manifest)
        self.failed = 0

    def failed_on(self, result: Processed) -> bool:
        if result.error is None:
            return False
        self.failed += 1
        tqdm.write(f"error: {result.article.source_path or result.article.id}: {result.error}", file=sys.stderr)
        return True

    def articles(self) -> Iterator[Article]:
        for item in chain(iter_articles(self.paths, self.manifest, self.html), read_urls(self.urls, self.html)):
            if isinstance(item, ReadError):
                self.failed += 1
                tqdm.write(f"error: {item}", file=sys.stderr)
            else:
                yield item


def _manifest(path: str | None) -> Manifest | None:
    if path is None:
        return None
    try:
        return load_manifest(Path(path))
    except ManifestError as exc:
        raise click.ClickException(str(exc)) from exc


class Commands(click.Group):
    """Turns a database that cannot be opened (missing, held by another process, not a
    database) into one clear line, not a traceback. Commands that only read open it
    read-only, so they work beside sitrep serve and each other, and never create it."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatabaseUnavailable as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Commands)
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: news reports of armed conflict in, a sourced, evidenced event database out."""


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB database file.")
manifest_option = click.option("--manifest", type=click.Path(), help="JSONL of metadata (id, path, published, url, outlet).")


def article_inputs(command):  # type: ignore[no-untyped-def]
    """PATHS (files, folders, globs), --manifest, and pages to fetch (--url, --urls FILE), as a Batch."""

    @click.argument("paths", nargs=-1)
    @manifest_option
    @click.option("--url", "urls", multiple=True, help="A web page to fetch (politely: robots.txt, pauses, retries); repeatable.")
    @click.option("--urls", "url_file", type=click.File(encoding="utf-8"), help="A file of URLs to fetch, one a line.")
    @click.option("--html", type=click.Choice(sorted(EXTRACTORS)), default="precise", show_default=True,
                  help="Web page extractor: precise (trafilatura) or fast (resiliparse, ~6x faster, for crawls).")
    @functools.wraps(command)
    def with_batch(paths: tuple[str, ...], manifest: str | None, urls: tuple[str, ...], url_file: Any, html: str, **options: Any) -> Any:
        listed = tuple(url_file.read().splitlines()) if url_file else ()
        if not paths and not urls and not listed:
            raise click.UsageError("give files, folders or globs to read, or --url / --urls")
        return command(Batch(paths, manifest, urls + listed, html), **options)

    return with_batch


@main.command()
@article_inputs
@db_option
def ingest(batch: Batch, db: str) -> None:
    """Read, extract and store articles (files, folders, globs: .txt .jsonl .csv .html .rss .warc; URLs)."""
    with Store(db) as store:
        counts = store_batch(batch, store)
        total_events = store.event_count()
    merged = counts.merged
    kept_as_sources = f"; {counts.copies} near-duplicate copies kept as sources of stored articles" if counts.copies else ""
    click.echo(
        f"articles read {counts.stored + counts.skipped + counts.copies + batch.failed}: stored {counts.stored}, "
        f"skipped {counts.skipped} (already stored), failed {batch.failed}; event reports {counts.reports}{kept_as_sources}"
    )
    click.echo(f"merged: {merged.created} new events, {merged.updated} updated; {total_events} events in {db}")
    if batch.failed:
        sys.exit(1)


def store_batch(batch: Batch, store: Store) -> Intake:
    """Store what is new, keep copies of stored stories as their sources, and merge the
    reports into events as it goes."""
    intake = Intake()

    def fresh() -> Iterator[Article]:
        recent: deque[Article] = deque(maxlen=RECENT_FOR_COPIES)
        for article in batch.articles():
            if intake.admit(store, article, recent):
                if article.fingerprint is not None:
                    recent.append(article)
                yield article

    for result in tqdm(process(fresh()), desc="ingest", unit=" articles", file=sys.stderr, disable=None):
        if not batch.failed_on(result) and intake.keep(store, result.article, result.reports) and intake.stored % MERGE_EVERY == 0:
            intake.merged = intake.merged + merge_new(store)
    intake.merged = intake.merged + merge_new(store)
    return intake


@main.command()
@article_inputs
@click.option("--jsonl", is_flag=True, help="Whole Article records as JSON lines (default: one summary line each).")
def read(batch: Batch, jsonl: bool) -> None:
    """Read and clean articles without extracting: what sitrep would store."""
    for article in map(clean_article, batch.articles()):
        if jsonl:
            record = article.to_dict()
            click.echo(json.dumps({key: record[key] for key in READ_FIELDS}, ensure_ascii=False))
        else:
            published = article.published.date().isoformat() if article.published else "(no date)"
            click.echo(f"{article.id}\t{published}\t{article.outlet or '-'}\t{article.language or '?'}\t{len(article.text):,} chars\t{article.title or ''}")
    if batch.failed:
        sys.exit(1)


READ_FIELDS = ("id", "title", "published", "outlet", "url", "language", "source_path", "metadata", "text")


@main.command()
@article_inputs
@click.option("--background/--no-background", default=True, help="Include background (historical) mentions.")
def extract(batch: Batch, background: bool) -> None:
    """Extract event reports without a database: one JSON object a line on stdout."""
    for result in process(batch.articles()):
        if batch.failed_on(result):
            continue
        for report in result.reports:
            if background or not report.background:
                click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    if batch.failed:
        sys.exit(1)


def _filters(country: str | None, event_type: str | None, actor: str | None, since: date | None, until: date | None) -> EventFilter:
    return EventFilter(country=country, event_type=event_type, actor=actor, since=since, until=until)


filter_options = [
    click.option("--country", help="Country name, e.g. Syria."),
    click.option("--type", "event_type", help="ACLED event type or sub-event type."),
    click.option("--actor", help="Part of an actor's name (actor1 or actor2)."),
    click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First event date (YYYY-MM-DD)."),
    click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last event date (YYYY-MM-DD)."),
]


def with_filters(command):  # type: ignore[no-untyped-def]
    for option in reversed(filter_options):
        command = option(command)
    return command


def _as_date(value: object) -> date | None:
    return value.date() if value is not None else None  # type: ignore[attr-defined]


@main.command()
@with_filters
@click.option("--reports", "as_reports", is_flag=True, help="List each article's reports instead of merged events.")
@db_option
def events(country: str | None, event_type: str | None, actor: str | None, since: object, until: object, as_reports: bool, db: str) -> None:
    """List merged events (or reports) as a table."""
    where = _filters(country, event_type, actor, _as_date(since), _as_date(until))
    with Store(db, read_only=True) as store:
        rows = [(r.report_id, r, 1) for r in store.reports(where)] if as_reports else [(e.event_id, e.merged, e.source_count) for e in store.events(where)]
    click.echo(f"{'id':<28} {'date':<10} {'sub-event type':<28} {'actor1':<34} {'actor2':<30} {'country':<12} {'location':<14} {'dead':>5} {'src':>4}")
    for key, r, sources in rows:
        click.echo(
            f"{key:<28.28} {str(r.event_date or ''):<10} {r.sub_event_type:<28.28} {r.actor1 or '':<34.34} "
            f"{r.actor2 or '':<30.30} {r.country or '':<12.12} {r.location or '':<14.14} {r.fatalities:>5} {sources:>4}"
        )
    click.echo(f"{len(rows)} {'reports' if as_reports else 'events'}")


@main.command()
@click.option("--rebuild", is_flag=True, help="Forget all events and merge every report again (ids stay the same).")
@db_option
def merge(rebuild: bool, db: str) -> None:
    """Merge stored reports of the same real-world event across articles (ingest does this too)."""
    with Store(db) as store:
        summary = merge_new(store, rebuild=rebuild)
        total = store.event_count()
    click.echo(f"reports merged {summary.reports}: {summary.created} new events, {summary.updated} updated, {summary.removed} removed; {total} events")


@main.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db: str) -> None:
    """An event with its reports side by side and where they disagree; or one report with its evidence."""
    with Store(db, read_only=True) as store:
        event = store.event(event_id)
        reports = [store.report(rid) for rid in event.report_ids] if event else [store.report(event_id)]
        found = [r for r in reports if r is not None]
        articles = {r.article_id: store.article(r.article_id) or {} for r in found}
        copies = {article_id: store.copies(article_id) for article_id in articles}
    if not found:
        raise click.ClickException(f"no event or report {event_id!r} in {db}")
    if event is not None:
        click.echo(render_event(event, found))
    for report in found:
        click.echo("")
        click.echo(render_report(report, articles[report.article_id]))
        for copy in copies[report.article_id]:
            click.echo(f"also reported by: {copy['outlet'] or '-'}  {copy['published'] or ''}  {copy['url'] or copy['source_path']}  ({copy['copy_id']})")


SIDE_BY_SIDE = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                "geo_precision", "fatalities", "weapons", "claimed_by", "certainty")
REPORT_FIELDS = ("event_type", "sub_event_type", "event_date", "date_from", "date_to", "date_precision", "actor1",
                 "actor1_type", "assoc_actor_1", "actor2", "actor2_type", "country", "iso3", "location", "latitude",
                 "longitude", "geo_precision", "fatalities", "weapons", "quantities", "operation", "claimed_by",
                 "certainty", "background", "related")
COLUMN = 24


def render_event(event: Event, reports: list[EventReport]) -> str:
    """The chosen values beside each report's, then the disagreements with who says what."""
    merged = event.merged.to_dict()
    lines = [f"{event.event_id}: {event.merged.notes}",
             f"  {event.source_count} sources, {event.independent_sources} independent ({event.corroboration}); certainty {event.merged.certainty}"
             f"; first reported {event.first_reported or '-'}", ""]
    columns = [r.to_dict() for r in reports]
    lines.append(f"  {'field':<16} {'event':<{COLUMN}} " + " ".join(f"{r.report_id:<{COLUMN}.{COLUMN}}" for r in reports))
    for name in SIDE_BY_SIDE:
        cells = [_cell(merged[name]), *(_cell(c[name]) for c in columns)]
        lines.append(f"  {name:<16} " + " ".join(f"{cell:<{COLUMN}.{COLUMN}}" for cell in cells))
    for name, claims in event.disagreements.items():
        said = "; ".join(f"{claim.value} by {', '.join(claim.outlets)}" for claim in claims)
        lines.append(f"  disagreement on {name}: {said}")
    for link in event.links:
        lines.append(f"  {link.relation}: {link.event_id or link.operation}")
    lines.append("  sources:")
    for source in event.sources:
        copy = f" (copy of {source.copy_of})" if source.copy_of else ""
        lines.append(f"    {source.published or '':<26} {source.outlet or '-':<24} {source.url or source.article_id}{copy}")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def render_report(report: EventReport, article: dict[str, object]) -> str:
    fields = report.to_dict()
    lines = [f"{report.report_id}: {report.notes}", ""]
    for name in REPORT_FIELDS:
        value = fields[name]
        if value not in (None, [], {}, ""):
            lines.append(f"  {name:<16} {value}")
    lines += ["", f"source: {article.get('id')}  {article.get('outlet') or ''}  {article.get('url') or ''}  published {article.get('published')}"]
    lines.append("evidence:")
    for item in report.evidence:
        label = "sentence" if item.field == "event" else item.field
        lines.append(f"  [{item.start}:{item.end}] {label:<16} {item.text}")
    return "\n".join(lines)


@main.command(name="export")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
@click.option("--reports", "as_reports", is_flag=True, help="Each article's reports instead of merged events.")
@with_filters
@db_option
def export_command(fmt: str, output: object, as_reports: bool, country: str | None, event_type: str | None, actor: str | None, since: object, until: object, db: str) -> None:
    """Export merged events (or reports) as JSON lines or an ACLED-style CSV."""
    where = _filters(country, event_type, actor, _as_date(since), _as_date(until))
    with Store(db, read_only=True) as store:
        if as_reports:
            reports = store.reports(where)
            rows = [Exported(r.to_dict(), r, [_outlet(store.article(r.article_id) or {}, r.article_id)]) for r in reports]
        else:
            rows = [Exported.of_event(e) for e in store.events(where)]
    WRITERS[fmt](rows, output)  # type: ignore[arg-type]


def _outlet(article: dict[str, Any], article_id: str) -> str:
    return str(article.get("outlet") or article.get("url") or article_id)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@manifest_option
@click.option("--dataset", type=click.Choice(["seeds", "acled", "muc4", "fakes", "html", "clusters"]), default="seeds", show_default=True,
              help="seeds: GOLD is a gold-events JSONL and PATHS the articles; clusters: GOLD lists each article's events "
              "by key and PATHS the articles (cross-source merging); acled: an ACLED CSV with notes; "
              "muc4: a MUC-4 JSONL (dev.jsonl); fakes: the FA-KES CSV; html: ground-truth.json with pages/ beside it.")
@click.option("--split", type=click.Choice(SPLITS), default="heldout", show_default=True, help="ACLED rows: held-out March, Jan-Feb, or all.")
@click.option("--html", type=click.Choice(sorted(EXTRACTORS)), default="precise", show_default=True, help="Page extractor scored by --dataset html.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: str, paths: tuple[str, ...], manifest: str | None, dataset: str, split: str, html: str, as_json: bool) -> None:
    """Score extraction against gold: seed-format events, ACLED notes, MUC-4 or FA-KES."""
    if dataset == "seeds":
        if not paths:
            raise click.UsageError("seed-format evaluation needs the article PATHS")
        batch = Batch(paths, manifest)
        reports = [r for result in process(batch.articles()) if not batch.failed_on(result) for r in result.reports]
        result = score(load_gold(Path(gold)), reports)
    elif dataset == "clusters":
        with Store(":memory:") as store:
            store_batch(Batch(paths, manifest), store)
            result = score_clusters(load_cluster_gold(Path(gold)), store.reports(), store.events())
    elif dataset in ("muc4", "html"):
        def progress(items: Any, total: int) -> Any:
            return tqdm(items, total=total, desc=dataset, file=sys.stderr, disable=None)

        result = muc4.evaluate(Path(gold), progress) if dataset == "muc4" else html_scores.evaluate(Path(gold), progress, html)
    else:
        readers = {"acled": partial(read_notes, split=split), "fakes": read_articles}
        scorer, prediction = DATASET_SCORERS[dataset]
        items = {article.id: (article, truth) for article, truth in readers[dataset](Path(gold))}
        result = scorer()
        for processed in tqdm(process(a for a, _ in items.values()), total=len(items), desc=dataset, file=sys.stderr, disable=None):
            result.add(items[processed.article.id][1], prediction(processed.reports))
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else result.render())


def _text_or_file(text: str) -> str:
    """The argument, or the file it names: a paragraph is too long to be a path."""
    try:
        is_file = Path(text).is_file()
    except (OSError, ValueError):
        return text
    if not is_file:
        return text
    try:
        return Path(text).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"{text}: cannot read it as UTF-8 text ({error})") from error


DATASET_SCORERS = {
    "acled": (NoteScore, first_event),
    "fakes": (FakesScore, first_event),
}


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a place name.")
def places(text: str, as_json: bool) -> None:
    """The place names in TEXT and where the gazetteer puts them (TEXT may be a file path)."""
    for found in find_places(_text_or_file(text)):
        place = found.place
        if as_json:
            click.echo(json.dumps({"text": found.text, "start": found.start, "end": found.end, "place": dataclasses.asdict(place) if place else None}))
        elif place is None:
            click.echo(f"{found.text}  →  (not found)")
        else:
            where = ", ".join(dict.fromkeys(p for p in (place.name, place.admin1, country_place(place.iso2).name) if p))
            point = f"  {place.latitude:.4f}, {place.longitude:.4f}" if place.latitude is not None else ""
            click.echo(f"{found.text}  →  {where} ({place.kind}){point}")


@main.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the Parquet output and its manifest.")
@click.option("--workers", type=click.IntRange(1, 512), help="Worker processes of a local Dask cluster (default: one a core).")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@manifest_option
@click.option("--html", type=click.Choice(sorted(EXTRACTORS)), default="precise", show_default=True, help="Web page extractor.")
@click.option("--files-per-partition", default=200, show_default=True, type=click.IntRange(1), help="Small files (texts, pages) per task.")
def run_command(inputs: tuple[str, ...], out: Path, workers: int | None, scheduler: str | None, manifest: str | None, html: str, files_per_partition: int) -> None:
    """Read, extract and resolve INPUTS on Dask, one task a partition, into Parquet (then: sitrep load OUT)."""
    from sitrep.scale.run import run

    bar = tqdm(desc="partitions", unit=" partitions", file=sys.stderr, disable=None)

    def progress(item: object) -> None:
        bar.update(1)
        if isinstance(item, str):
            tqdm.write(f"error: partition failed: {item}", file=sys.stderr)

    summary = run(list(inputs), out, workers, scheduler, manifest, html, files_per_partition, progress)
    bar.close()
    for missing in summary.missing:
        click.echo(f"error: {missing}", err=True)
    articles = sum(r.articles for r in summary.done)
    errors = sum(len(r.errors) for r in summary.done)
    click.echo(f"partitions {summary.partitions}: {len(summary.done)} done now, {summary.skipped} done before, {len(summary.failed)} failed; "
               f"articles {articles}, reports {sum(r.reports for r in summary.done)}, unreadable inputs {errors} (listed in {out / 'manifest.json'})")
    if summary.failed or summary.missing:
        sys.exit(1)


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(out: Path, db: str) -> None:
    """Bring the Parquet output of sitrep run into the database and merge it into events."""
    from sitrep.scale.load import load as load_output

    with Store(db) as store:
        partitions, intake = load_output(out, store)
        total = store.event_count()
    click.echo(f"partitions {partitions}: articles stored {intake.stored}, skipped {intake.skipped} (already stored), "
               f"copies {intake.copies}; event reports {intake.reports}; merged: {intake.merged.created} new events; {total} events in {db}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost: reads open to this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve(host: str, port: int, db: str) -> None:
    """The web dashboard and HTTP API over the database (API docs at /docs)."""
    import uvicorn

    from sitrep.web import create_app

    app = create_app(db)
    click.echo(f"sitrep on http://{host}:{port}/ (API: /docs, /openapi.json); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: what it holds, and GeoNames country dumps added to it."""


@gazetteer.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def gazetteer_add(files: tuple[Path, ...]) -> None:
    """Add GeoNames country dumps (SY.zip, UA.txt, allCountries.zip from
    download.geonames.org, CC BY 4.0) for their villages and districts; the index is
    rebuilt once. A file that is not a dump is reported and the others are still added."""
    cache = cache_folder()
    failed = False
    for path in files:
        try:
            target, count = add_dump(path, cache)
        except (DumpError, OSError) as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        click.echo(f"{path}: {count:,} villages and districts, kept as {target}")
    index = index_path()
    if not index.is_file():
        click.echo("building the index (a minute or more for large dumps)...", err=True)
        build_in_child(index)
    click.echo(f"index {index} ({index.stat().st_size / 1e6:.0f} MB)")
    if failed:
        sys.exit(1)


@gazetteer.command(name="info")
def gazetteer_info() -> None:
    """Where the index is and what it is built from."""
    from sitrep.resolve import mimu
    from sitrep.resolve.gazetteer import gazetteer as open_index

    index = open_index()
    counts = dict(index.connection.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
    click.echo(f"index {index.path} ({index.path.stat().st_size / 1e6:.0f} MB)")
    click.echo("places by kind: " + ", ".join(f"{kind} {n:,}" for kind, n in sorted(counts.items())))
    myanmar = index.connection.execute("SELECT count(*) FROM places WHERE iso2 = 'MM'").fetchone()[0]
    click.echo(f"Myanmar (GeoNames and MIMU place codes, mm-geo-coder {mimu.data_version()}): {myanmar:,} places")
    dumps = added_dumps(cache_folder())
    click.echo("added GeoNames dumps: " + (", ".join(p.name for p in dumps) if dumps else "none (sitrep gazetteer add FILE)"))


@main.group()
def token() -> None:
    """Tokens that allow reviews (writes) through the web app."""


@token.command(name="create")
@click.argument("name")
@db_option
def token_create(name: str, db: str) -> None:
    """A new token for NAME (who reviews); printed once, only its hash is stored."""
    with Store(db) as store:
        secret = store.create_token(name)
    click.echo(secret)


@main.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled sample articles and list the events found."""
    folder = resources.files("sitrep") / "demo"
    with resources.as_file(folder) as path:
        ctx = click.get_current_context()
        try:
            ctx.invoke(ingest, paths=(str(path),), manifest=str(path / "manifest.jsonl"), urls=(), url_file=None, html="precise", db=db)
        except SystemExit as exit_:
            if exit_.code:
                raise
        ctx.invoke(events, country=None, event_type=None, actor=None, since=None, until=None, as_reports=False, db=db)
    click.echo(f"\nDatabase: {db}. Try: sitrep show ID --db {db}, sitrep export --format acled-csv --db {db}")


if __name__ == "__main__":
    main()
