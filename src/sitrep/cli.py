"""The `sitrep` command: thin commands over the library."""
from __future__ import annotations

import dataclasses
import functools
import json
import shutil
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from sitrep.evaluate.datasets import DATASETS, SPLITS, EvalRun
from sitrep.export import Exported, text
from sitrep.export.formats import FORMATS
from sitrep.export.text import shorten
from sitrep.records import Article, Processed
from sitrep.store import DatabaseUnavailable, EventFilter, Store, merge_new
from sitrep.store.events import SORTS
from sitrep.store.filters import FILTER_OPTIONS, event_filter

DEFAULT_DB = "sitrep.duckdb"
WIDTH_NOT_A_TERMINAL = 200
"""The table's width when written to a file or a pipe: every column as wide as it likes."""
EXTRACTOR_NAMES = ("fast", "precise")
"""The page extractors of read/html.py, named here so that `--help` need not load them."""


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

    def expected(self) -> int | None:
        """The number of articles, where the inputs tell it cheaply (files, JSONL): a progress bar's total."""
        from sitrep.read.sources import expected_articles

        files = expected_articles(self.paths, self.manifest)
        return None if files is None else files + len(self.urls)

    def articles(self) -> Iterator[Article]:
        from sitrep.read import ReadError, iter_articles
        from sitrep.read.urls import read_urls

        for item in chain(iter_articles(self.paths, self.manifest, self.html), read_urls(self.urls, self.html)):
            if isinstance(item, ReadError):
                self.failed += 1
                tqdm.write(f"error: {item}", file=sys.stderr)
            else:
                yield item


def _width() -> int:
    """The terminal's columns; a wide page when the output goes to a file or a pipe."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else WIDTH_NOT_A_TERMINAL


def _manifest(path: str | None) -> Any:
    from sitrep.read.manifest import ManifestError, load_manifest

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
    """sitrep: news reports of armed conflict in, a sourced, evidenced event database out.

    \b
    Example:
      sitrep ingest news/ --manifest news/manifest.jsonl && sitrep events
    """


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB database file.")
manifest_option = click.option("--manifest", type=click.Path(), help="JSONL of metadata (id, path, published, url, outlet).")
filter_option = click.option(
    "--filter/--no-filter", "relevance_filter", default=True, show_default=True,
    help="Skip the parse of articles the relevance stage finds unrelated to conflict or protest (stored unparsed; --no-filter extracts them).",
)


def article_inputs(command):  # type: ignore[no-untyped-def]
    """PATHS (files, folders, globs), --manifest, and pages to fetch (--url, --urls FILE), as a Batch."""

    @click.argument("paths", nargs=-1)
    @manifest_option
    @click.option("--url", "urls", multiple=True, help="A web page to fetch (politely: robots.txt, pauses, retries); repeatable.")
    @click.option("--urls", "url_file", type=click.File(encoding="utf-8"), help="A file of URLs to fetch, one a line.")
    @click.option("--html", type=click.Choice(EXTRACTOR_NAMES), default="precise", show_default=True,
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
@filter_option
@db_option
def ingest(batch: Batch, relevance_filter: bool, db: str) -> None:
    """Read, extract and store articles (files, folders, globs: .txt .jsonl .csv .html .rss .warc; URLs).

    \b
    Example:
      sitrep ingest news/*.txt --manifest news/manifest.jsonl --db conflict.duckdb
    """
    from sitrep.pipeline import process
    from sitrep.store.intake import ingest as ingest_articles

    with Store(db) as store:
        counts = ingest_articles(_progress(batch, "ingest"), store, functools.partial(process, relevance_filter=relevance_filter), batch.failed_on)
        total_events = store.event_count()
    merged = counts.merged
    kept_as_sources = f"; {counts.copies} near-duplicate copies kept as sources of stored articles" if counts.copies else ""
    click.echo(
        f"articles read {counts.stored + counts.skipped + counts.copies + batch.failed}: stored {counts.stored}, "
        f"skipped {counts.skipped} (already stored), failed {batch.failed}; event reports {counts.reports}{kept_as_sources}; "
        f"filtered as unrelated {counts.filtered} (stored unparsed)"
    )
    click.echo(f"merged: {merged.created} new events, {merged.updated} updated; {total_events} events in {db}")
    if batch.failed:
        sys.exit(1)


def _progress(batch: Batch, label: str) -> Iterable[Article]:
    """The batch's articles with a progress bar as they are read: a total and an ETA when
    the inputs tell how many (files, JSONL); none when stderr is not a terminal."""
    return tqdm(batch.articles(), desc=label, unit=" articles", total=batch.expected(), file=sys.stderr, disable=None)


@main.command()
@article_inputs
@click.option("--jsonl", is_flag=True, help="Whole Article records as JSON lines (default: one summary line each).")
def read(batch: Batch, jsonl: bool) -> None:
    """Read and clean articles without extracting: what sitrep would store.

    \b
    Example:
      sitrep read saved-pages/ --jsonl > articles.jsonl
    """
    from sitrep.clean import clean_article

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
@filter_option
def extract(batch: Batch, background: bool, relevance_filter: bool) -> None:
    """Extract event reports without a database: one JSON object a line on stdout.

    \b
    Example:
      sitrep extract story.txt --no-background | jq .sub_event_type
    """
    from sitrep.pipeline import process

    for result in process(_progress(batch, "extract"), relevance_filter):
        if batch.failed_on(result):
            continue
        for report in result.reports:
            if background or not report.background:
                click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    if batch.failed:
        sys.exit(1)


def with_filters(command):  # type: ignore[no-untyped-def]
    """The event filters (store/filters.py) as options, given to the command as `where`."""

    @functools.wraps(command)
    def with_where(**options: Any) -> Any:
        values = {spec.name: options.pop(spec.name) for spec in FILTER_OPTIONS}
        values.update({name: value.date() for name, value in values.items() if isinstance(value, datetime)})
        try:
            where = event_filter(values)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        return command(where=where, **options)

    for spec in reversed(FILTER_OPTIONS):
        kind = click.DateTime(["%Y-%m-%d"]) if spec.kind is date else click.Choice(spec.choices) if spec.choices else spec.kind
        with_where = click.option(spec.flag, spec.name, type=kind, help=spec.help)(with_where)
    return with_where


@main.command()
@with_filters
@click.option("--reports", "as_reports", is_flag=True, help="List each article's reports instead of merged events.")
@click.option("--sort", type=click.Choice([f"{sign}{key}" for key in SORTS for sign in ("", "-")]), help="Order by date (default), fatalities, sources or country; a leading - reverses.")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="One JSON record a line instead of a table.")
@db_option
def events(where: EventFilter, as_reports: bool, sort: str | None, limit: int | None, as_json: bool, db: str) -> None:
    """List merged events (or reports) as a table that fits the terminal, or as JSON.

    \b
    Examples:
      sitrep events --country Sudan --since 2025-03-01 --type shelling
      sitrep events --country ua --min-fatalities 10 --sort -fatalities --limit 20
    """
    where = dataclasses.replace(where, sort=sort, limit=limit)
    with Store(db, read_only=True) as store:
        found = store.reports(where) if as_reports else store.events(where)
    if as_json:
        for item in found:
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return
    rows = [(r.report_id, r, 1) for r in found] if as_reports else [(e.event_id, e.merged, e.source_count) for e in found]
    for line in text.table(rows, _width()):
        click.echo(line)
    click.echo(f"{len(rows)} {'reports' if as_reports else 'events'}")


@main.command()
@with_filters
@db_option
def stats(where: EventFilter, db: str) -> None:
    """Counts and fatalities of the events by country, type, month, actor and outlet: the
    dashboard's facets, for the same filters as `events`.

    \b
    Example:
      sitrep stats --since 2024-01-01 --country Mali
    """
    from sitrep.store.browse import stats as facets

    with Store(db, read_only=True) as store:
        found = facets(store.con, where)
    click.echo(f"{found['events']} events, {found['fatalities']} dead")
    facets = (("country", "by_country", "country"), ("event type", "by_type", "sub_event_type"), ("month", "by_month", "month"),
              ("actor 1", "by_actor", "actor"), ("outlet", "by_outlet", "outlet"))
    for name, facet, key in facets:
        click.echo(f"\nby {name}:")
        for row in found[facet]:
            label = f"{row['event_type']}: {row[key]}" if key == "sub_event_type" else str(row[key])
            click.echo(f"  {shorten(label, 56):<56} {row['count']:>7} events {row['fatalities']:>8} dead")


@main.command()
@click.option("--rebuild", is_flag=True, help="Forget all events and merge every report again (ids stay the same).")
@db_option
def merge(rebuild: bool, db: str) -> None:
    """Merge stored reports of the same real-world event across articles (ingest does this too).

    \b
    Example:
      sitrep merge --rebuild --db conflict.duckdb
    """
    with Store(db) as store:
        summary = merge_new(store, rebuild=rebuild, progress=lambda items: tqdm(items, desc="merge", unit=" reports", file=sys.stderr, disable=None))
        total = store.event_count()
    click.echo(f"reports merged {summary.reports}: {summary.created} new events, {summary.updated} updated, {summary.removed} removed; {total} events")


@main.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db: str) -> None:
    """An event with its reports side by side and where they disagree; or one report with its evidence.

    \b
    Example:
      sitrep show E9eea19ceb5d4
    """
    with Store(db, read_only=True) as store:
        event = store.event(event_id)
        reports = [store.report(rid) for rid in event.report_ids] if event else [store.report(event_id)]
        found = [r for r in reports if r is not None]
        articles = {r.article_id: store.article(r.article_id) or {} for r in found}
        copies = {article_id: store.copies(article_id) for article_id in articles}
    if not found:
        raise click.ClickException(f"no event or report {event_id!r} in {db}")
    if event is not None:
        click.echo(text.render_event(event, found, _width()))
    for report in found:
        click.echo("")
        click.echo(text.render_report(report, articles[report.article_id]))
        for copy in copies[report.article_id]:
            click.echo(text.copy_line(copy))


@main.command(name="export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True,
              help="jsonl: whole records; acled-csv: ACLED's 31 columns, then sitrep's; geojson: points (RFC 7946); parquet: typed columns; xlsx: events and sources sheets.")
@click.option("--output", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True), help="File to write (default: stdout).")
@click.option("--reports", "as_reports", is_flag=True, help="Each article's reports instead of merged events.")
@with_filters
@db_option
def export_command(fmt: str, output: str, as_reports: bool, where: EventFilter, db: str) -> None:
    """Export merged events (or reports): JSON lines, an ACLED CSV, GeoJSON, Parquet or Excel.

    \b
    Examples:
      sitrep export --format acled-csv --country Ukraine -o ukraine.csv
      sitrep export --format geojson --since 2024-01-01 -o events.geojson
    """
    chosen = FORMATS[fmt]
    if chosen.binary and output == "-" and sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is not text: give -o FILE")
    with Store(db, read_only=True) as store:
        if as_reports:
            reports = store.reports(where)
            rows = [Exported.of_report(r, store.article(r.article_id)) for r in reports]
        else:
            rows = [Exported.of_event(e) for e in store.events(where)]
    try:
        with click.open_file(output, "wb") as out:
            left_out = chosen.write(rows, out)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    if left_out:
        click.echo(f"left out {left_out} of {len(rows)} events: no coordinates", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@manifest_option
@click.option("--dataset", type=click.Choice(list(DATASETS)), default="seeds", show_default=True,
              help="; ".join(f"{name}: {dataset.help}" for name, dataset in DATASETS.items()) + ".")
@click.option("--split", type=click.Choice(SPLITS), default="heldout", show_default=True, help="ACLED rows: held-out March, Jan-Feb, or all.")
@click.option("--html", type=click.Choice(EXTRACTOR_NAMES), default="precise", show_default=True, help="Page extractor scored by --dataset html.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: str, paths: tuple[str, ...], manifest: str | None, dataset: str, split: str, html: str, as_json: bool) -> None:
    """Score extraction against gold: seed-format events, ACLED notes, MUC-4, FA-KES, pages, clusters.

    \b
    Example (from ../shared/eval/news-dev):
      sitrep eval gold.jsonl articles/*.txt --manifest manifest.jsonl
    """
    chosen = DATASETS[dataset]
    if chosen.reads_articles and not paths:
        raise click.UsageError(f"--dataset {dataset} needs the article PATHS")
    batch = Batch(paths, manifest)

    def progress(items: Any, total: int) -> Any:
        return tqdm(items, total=total, desc=dataset, file=sys.stderr, disable=None)

    result = chosen.score(EvalRun(Path(gold), batch.articles(), batch.failed_on, split, html, progress))
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


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a place name.")
def places(text: str, as_json: bool) -> None:
    """The place names in TEXT and where the gazetteer puts them (TEXT may be a file path).

    \b
    Example:
      sitrep places "Shelling hit Kharkiv and villages near Izium." --json
    """
    from sitrep.api import find_places
    from sitrep.resolve.places import country_place

    for found in find_places(_text_or_file(text)):
        place = found.place
        if as_json:
            click.echo(json.dumps({"text": found.text, "start": found.start, "end": found.end, "place": dataclasses.asdict(place) if place else None}))
        elif place is None:
            click.echo(f"{found.text}  →  (not found)")
        else:
            where = ", ".join(dict.fromkeys(p for p in (place.name, place.admin3, place.admin2, place.admin1, country_place(place.iso2).name) if p))
            point = f"  {place.latitude:.4f}, {place.longitude:.4f}" if place.latitude is not None else ""
            click.echo(f"{found.text}  →  {where} ({place.kind}){point}")


@main.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the Parquet output and its manifest.")
@click.option("--workers", type=click.IntRange(1, 512), help="Worker processes of a local Dask cluster (default: one a core).")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@manifest_option
@click.option("--html", type=click.Choice(EXTRACTOR_NAMES), default="precise", show_default=True, help="Web page extractor.")
@click.option("--files-per-partition", default=200, show_default=True, type=click.IntRange(1), help="Small files (texts, pages) per task.")
@filter_option
def run_command(
    inputs: tuple[str, ...], out: Path, workers: int | None, scheduler: str | None, manifest: str | None, html: str, files_per_partition: int,
    relevance_filter: bool,
) -> None:
    """Read, extract and resolve INPUTS on Dask, one task a partition, into Parquet (then: sitrep load OUT).

    \b
    Example:
      sitrep run crawl/*.warc.gz --out out --workers 2
    """
    from sitrep.scale.run import run

    bar = tqdm(desc="partitions", unit=" partitions", file=sys.stderr, disable=None)

    def progress(item: object) -> None:
        bar.update(1)
        if isinstance(item, str):
            tqdm.write(f"error: partition failed: {item}", file=sys.stderr)

    summary = run(list(inputs), out, workers, scheduler, manifest, html, files_per_partition, progress, relevance_filter)
    bar.close()
    for missing in summary.missing:
        click.echo(f"error: {missing}", err=True)
    articles = sum(r.articles for r in summary.done)
    errors = sum(len(r.errors) for r in summary.done)
    click.echo(f"partitions {summary.partitions}: {len(summary.done)} done now, {summary.skipped} done before, {len(summary.failed)} failed; "
               f"articles {articles} (filtered as unrelated {sum(r.filtered for r in summary.done)}), reports {sum(r.reports for r in summary.done)}, "
               f"unreadable inputs {errors} (listed in {out / 'manifest.json'})")
    if summary.failed or summary.missing:
        sys.exit(1)


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(out: Path, db: str) -> None:
    """Bring the Parquet output of sitrep run into the database and merge it into events.

    \b
    Example:
      sitrep load out --db conflict.duckdb
    """
    from sitrep.scale.load import load as load_output

    with Store(db) as store:
        partitions, intake = load_output(out, store, lambda articles, total: tqdm(articles, desc="load", unit=" articles", total=total, file=sys.stderr, disable=None))
        total = store.event_count()
    click.echo(f"partitions {partitions}: articles stored {intake.stored}, skipped {intake.skipped} (already stored), copies {intake.copies}; "
               f"filtered as unrelated {intake.filtered} (stored unparsed); event reports {intake.reports}; merged: {intake.merged.created} new events; {total} events in {db}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost: reads open to this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve(host: str, port: int, db: str) -> None:
    """The web dashboard and HTTP API over the database (API docs at /docs).

    \b
    Example:
      sitrep serve --port 8000 --db conflict.duckdb
    """
    import uvicorn

    from sitrep.web import create_app

    app = create_app(db)
    click.echo(f"sitrep on http://{host}:{port}/ (API: /docs, /openapi.json); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: what it holds, and GeoNames country dumps added to it.

    \b
    Example:
      sitrep gazetteer info
    """


@gazetteer.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def gazetteer_add(files: tuple[Path, ...]) -> None:
    """Add GeoNames country dumps (SY.zip, UA.txt, allCountries.zip from
    download.geonames.org, CC BY 4.0) for their villages and districts, kept in a small
    index beside the main one. A file that is not a dump is reported and the others are
    still added.

    \b
    Example:
      sitrep gazetteer add ~/Downloads/SY.zip ~/Downloads/UA.zip
    """
    from sitrep.resolve.dumps import DumpError, add_dump
    from sitrep.resolve.gazetteer import built, cache_folder

    cache = cache_folder()
    failed = False
    for path in tqdm(files, desc="gazetteer", unit=" files", file=sys.stderr, disable=None):
        try:
            target, count = add_dump(path, cache)
        except (DumpError, OSError) as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        tqdm.write(f"{path}: {count:,} villages and districts, kept as {target}")
    index, overlay = built()
    added = f"; added places in {overlay} ({overlay.stat().st_size / 1e6:.1f} MB)" if overlay else ""
    click.echo(f"index {index} ({index.stat().st_size / 1e6:.0f} MB){added}")
    if failed:
        sys.exit(1)


@gazetteer.command(name="info")
def gazetteer_info() -> None:
    """Where the index is and what it is built from.

    \b
    Example:
      sitrep gazetteer info
    """
    from sitrep.resolve import mimu
    from sitrep.resolve.dumps import added_dumps
    from sitrep.resolve.gazetteer import cache_folder
    from sitrep.resolve.gazetteer import gazetteer as open_index

    index = open_index()
    click.echo(f"index {index.path} ({index.path.stat().st_size / 1e6:.0f} MB)")
    click.echo("places by kind: " + ", ".join(f"{kind} {n:,}" for kind, n in sorted(index.counts().items())))
    myanmar = index.counts("MM").total()
    click.echo(f"Myanmar (GeoNames and MIMU place codes, mm-geo-coder {mimu.data_version()}): {myanmar:,} places")
    dumps = added_dumps(cache_folder())
    click.echo("added GeoNames dumps: " + (", ".join(p.name for p in dumps) if dumps else "none (sitrep gazetteer add FILE)"))


@main.group()
def token() -> None:
    """Tokens that allow reviews (writes) through the web app.

    \b
    Example:
      sitrep token create amina
    """


@token.command(name="create")
@click.argument("name")
@db_option
def token_create(name: str, db: str) -> None:
    """A new token for NAME (who reviews); printed once, only its hash is stored.

    \b
    Example:
      sitrep token create amina --db conflict.duckdb
    """
    with Store(db) as store:
        secret = store.create_token(name)
    click.echo(secret)


@main.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled sample articles and list the events found.

    \b
    Example:
      sitrep demo --db demo.duckdb
    """
    folder = resources.files("sitrep") / "demo"
    with resources.as_file(folder) as path:
        ctx = click.get_current_context()
        try:
            ctx.invoke(ingest, paths=(str(path),), manifest=str(path / "manifest.jsonl"), urls=(), url_file=None, html="precise", db=db)
        except SystemExit as exit_:
            if exit_.code:
                raise
        ctx.invoke(events, **{spec.name: None for spec in FILTER_OPTIONS}, as_reports=False, db=db)
    click.echo(f"\nDatabase: {db}. Try: sitrep show ID --db {db}, sitrep export --format acled-csv --db {db}")


if __name__ == "__main__":
    main()
