"""The evaluation data sets `sitrep eval` knows, each a function from its gold (and the
articles, for the sets that score whole articles) to a score that renders itself."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from sitrep.records import Article, Processed

Progress = Callable[[Iterable[Any], int], Iterable[Any]]
SPLITS = ("heldout", "train", "all")
"""Rows of the ACLED file scored (acled.read_notes): held-out March, January-February, or all."""


class Scored(Protocol):
    def render(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class EvalRun:
    """What a data set may need: its gold, the articles read from PATHS (and where those that
    cannot be processed go), the ACLED split, the page extractor, a progress bar."""

    gold: Path
    articles: Iterable[Article] = ()
    failed: Callable[[Processed], None] = lambda _: None
    split: str = "heldout"
    html: str = "precise"
    progress: Progress = lambda items, _: items


@dataclass(frozen=True)
class Dataset:
    score: Callable[[EvalRun], Scored]
    reads_articles: bool
    """GOLD lists events and PATHS are the articles (else GOLD holds the texts itself)."""
    help: str


def _seeds(run: EvalRun) -> Scored:
    from sitrep.evaluate.events import load_gold, score
    from sitrep.pipeline import process

    read: list[str] = []
    filtered: list[str] = []
    reports = []
    for result in process(run.articles):
        read.append(result.article.id)
        if result.article.filtered:
            filtered.append(result.article.id)
        if not _failed(run, result):
            reports += result.reports
    return score(load_gold(run.gold), reports, read, filtered)


def _failed(run: EvalRun, result: Processed) -> bool:
    if result.error is not None:
        run.failed(result)
    return result.error is not None


def _typing(run: EvalRun) -> Scored:
    """Each required event's evidence typed on its own; PATHS give the publication dates.
    Every snippet is parsed (no relevance stage): each is known to tell an event."""
    from sitrep.evaluate.acled import first_event
    from sitrep.evaluate.events import load_gold
    from sitrep.evaluate.typing import TypingScore, publication_dates, snippets
    from sitrep.pipeline import process

    items = {article.id: (article, gold) for article, gold in snippets(load_gold(run.gold), publication_dates(run.articles))}
    result = TypingScore()
    for processed in run.progress(process((article for article, _ in items.values()), relevance_filter=False), len(items)):
        result.add(items[processed.article.id][1], first_event(processed.reports))
    return result


def _clusters(run: EvalRun) -> Scored:
    from sitrep.evaluate.clusters import load_cluster_gold, score_clusters
    from sitrep.pipeline import process
    from sitrep.store import Store
    from sitrep.store.intake import ingest

    with Store(":memory:") as store:
        ingest(run.articles, store, process, run.failed)
        return score_clusters(load_cluster_gold(run.gold), store.reports(), store.events())


def _muc4(run: EvalRun) -> Scored:
    from sitrep.evaluate import muc4

    return muc4.evaluate(run.gold, run.progress)


def _html(run: EvalRun) -> Scored:
    from sitrep.evaluate import html

    return html.evaluate(run.gold, run.progress, run.html)


def _notes(reader: str, run: EvalRun) -> Scored:
    """ACLED's coder notes or FA-KES's reports: the first event of each text against its row.
    Every text is parsed (no relevance stage): each is known to tell an event."""
    from sitrep.evaluate.acled import NoteScore, first_event, read_notes
    from sitrep.evaluate.fakes import FakesScore, read_articles
    from sitrep.pipeline import process

    rows = read_notes(run.gold, split=run.split) if reader == "acled" else read_articles(run.gold)
    items = {article.id: (article, truth) for article, truth in rows}
    result = NoteScore() if reader == "acled" else FakesScore()
    for processed in run.progress(process((article for article, _ in items.values()), relevance_filter=False), len(items)):
        result.add(items[processed.article.id][1], first_event(processed.reports))
    return result


DATASETS = {
    "seeds": Dataset(_seeds, True, "GOLD is a gold-events JSONL (seeds, news-dev) and PATHS the articles"),
    "typing": Dataset(_typing, True, "GOLD is a gold-events JSONL and PATHS its articles: each required event's evidence typed on its own (CASE-style)"),
    "clusters": Dataset(_clusters, True, "GOLD lists each article's events by key and PATHS the articles (cross-source merging)"),
    "acled": Dataset(partial(_notes, "acled"), False, "an ACLED CSV with coders' notes"),
    "muc4": Dataset(_muc4, False, "a MUC-4 JSONL (dev.jsonl)"),
    "fakes": Dataset(partial(_notes, "fakes"), False, "the FA-KES CSV"),
    "html": Dataset(_html, False, "ground-truth.json with pages/ beside it"),
}
