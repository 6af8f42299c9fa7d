"""The relevance stage before the parse: what it drops, what it keeps, and that nothing it
drops is lost (stored unparsed, counted, extracted by a later run with the filter off)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.clean import clean_article
from sitrep.cli import main
from sitrep.pipeline import process
from sitrep.read import ReadError, iter_articles
from sitrep.read.manifest import load_manifest
from sitrep.records import Article
from sitrep.store import Store
from sitrep.triage import relevance as relevance_module
from sitrep.triage.relevance import THRESHOLD, relevance, triage

MATCH_REPORT = """Rovers snatch late winner to stay top

Harbour Rovers came from behind to beat City 2-1 on Saturday and stay three points clear at the top of the table. City's captain fired them ahead with a fierce shot after 20 minutes, but Rovers kept attacking down both wings and their striker headed in the equaliser before the break.

The winner came in the 89th minute, when a long-range strike flew past the keeper. "We never stopped pushing," the Rovers coach said. "The defence held firm under heavy pressure."

Tickets for next week's derby go on sale on Monday.
"""

AMBUSH_REPORT = """Gunmen kill nine soldiers in ambush near Menaka

MENAKA, Mali — Gunmen on motorbikes ambushed an army patrol near Menaka on Tuesday, killing nine soldiers and wounding four, the army said in a statement. The attackers fled towards the border after a two-hour firefight, and the army said it had killed several of them.

No group claimed the attack, but Islamic State fighters are active in the area.
"""


def test_a_match_report_with_war_words_is_dropped_and_an_ambush_kept() -> None:
    assert relevance(MATCH_REPORT) < THRESHOLD <= relevance(AMBUSH_REPORT)


def test_a_dropped_article_is_scored_marked_and_not_parsed() -> None:
    match, ambush = (Article(id=i, text=t) for i, t in (("match", MATCH_REPORT), ("ambush", AMBUSH_REPORT)))
    results = {r.article.id: r for r in process([match, ambush])}
    assert results["match"].article.filtered and results["match"].reports == [] and results["match"].error is None
    assert not results["ambush"].article.filtered and results["ambush"].reports
    assert results["match"].article.relevance == pytest.approx(relevance(clean_article(Article(id="match", text=MATCH_REPORT)).text))
    [unfiltered] = process([Article(id="match", text=MATCH_REPORT)], relevance_filter=False)
    assert not unfiltered.article.filtered and unfiltered.article.relevance is None


def test_filtered_articles_are_stored_counted_and_extracted_by_a_run_without_the_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a threshold no text passes, the ambush is stored unparsed; the same input again
    with the filter on is skipped, and with --no-filter it is extracted in its place."""
    story = tmp_path / "ambush.txt"
    story.write_text(AMBUSH_REPORT, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"id": "ambush", "published": "2024-03-13"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    monkeypatch.setattr(relevance_module, "THRESHOLD", 1.01)
    first = CliRunner().invoke(main, ["ingest", str(story), "--manifest", str(manifest), "--db", db])
    assert "stored 1," in first.output and "event reports 0; filtered as unrelated 1 (stored unparsed)" in first.output, first.output
    again = CliRunner().invoke(main, ["ingest", str(story), "--manifest", str(manifest), "--db", db])
    assert "stored 0, skipped 1" in again.output, again.output
    with Store(db) as store:
        assert store.counts() == (1, 0)
        [(stored_id, filtered)] = store.con.execute("SELECT id, filtered FROM articles").fetchall()
        assert filtered
    unfiltered = CliRunner().invoke(main, ["ingest", str(story), "--manifest", str(manifest), "--no-filter", "--db", db])
    assert "stored 1," in unfiltered.output and "filtered as unrelated 0" in unfiltered.output, unfiltered.output
    with Store(db) as store:
        articles, reports = store.counts()
        assert articles == 1 and reports >= 1
        assert store.con.execute("SELECT filtered FROM articles WHERE id = ?", [stored_id]).fetchone() == (False,)
        assert store.event_count() >= 1


def test_extract_skips_unrelated_articles_unless_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ambush = tmp_path / "ambush.txt"
    ambush.write_text(AMBUSH_REPORT, encoding="utf-8")
    monkeypatch.setattr(relevance_module, "THRESHOLD", 1.01)
    filtered = CliRunner().invoke(main, ["extract", str(ambush)])
    everything = CliRunner().invoke(main, ["extract", str(ambush), "--no-filter"])
    assert filtered.exit_code == everything.exit_code == 0 and filtered.output == ""
    assert {json.loads(line)["article_id"] for line in everything.output.splitlines()} == {"ambush"}


def _dropped(folder: Path, articles: Path) -> set[str]:
    read = iter_articles([str(p) for p in sorted(articles.glob("*.txt"))], load_manifest(folder / "manifest.jsonl"))
    return {a.id for a in read if not isinstance(a, ReadError) and triage(clean_article(a)).filtered}


def test_no_news_dev_or_seed_event_is_lost_and_most_unseen_other_news_is_dropped(shared: Path) -> None:
    """The issue's bound: under 1 % of news-dev's required events in dropped articles, none
    of the seeds'; and the HTML pages the stage was not trained on (ids 8–f), nearly all
    other news, mostly dropped."""
    for folder, articles, allowed in ((shared / "eval/news-dev", shared / "eval/news-dev/articles", 0.01), (shared / "seeds", shared / "seeds", 0.0)):
        gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        required = [g["doc_id"] for g in gold if not g["optional"]]
        dropped = _dropped(folder, articles)
        assert sum(doc in dropped for doc in required) <= allowed * len(required), sorted(dropped & set(required))
    pages = [str(p) for p in sorted((shared / "eval/html/pages").glob("*.html.gz")) if p.name[0] in "89abcdef"]
    english = [a for a in (clean_article(i) for i in iter_articles(pages) if not isinstance(i, ReadError)) if a.language == "en"]
    assert sum(triage(a).filtered for a in english) >= 0.8 * len(english)
