"""DuckDB storage. One transaction per article, so a crash loses nothing committed; a
content hash, so the same article ingested twice adds nothing; and a wording fingerprint,
so a near-copy (a syndicated wire story) is kept as another source of the stored one."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb

from sitrep.clean.duplicates import CANDIDATE_BITS, copy_of
from sitrep.records import Article, EventReport
from sitrep.store.events import EVENT_SCHEMA, EventFilter, EventTables
from sitrep.store.reviews import REVIEW_SCHEMA

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    raw_hash VARCHAR NOT NULL,
    url VARCHAR, outlet VARCHAR, title VARCHAR, published TIMESTAMP, language VARCHAR,
    text VARCHAR NOT NULL, source_path VARCHAR, metadata JSON, ingested_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (raw_hash);
CREATE TABLE IF NOT EXISTS reports (
    report_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_date DATE, event_type VARCHAR, sub_event_type VARCHAR,
    actor1 VARCHAR, actor2 VARCHAR, country VARCHAR, location VARCHAR,
    fatalities INTEGER, background BOOLEAN, data JSON NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_article ON reports (article_id);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS fingerprint UBIGINT;
CREATE TABLE IF NOT EXISTS article_copies (
    article_id VARCHAR NOT NULL, copy_id VARCHAR NOT NULL, raw_hash VARCHAR NOT NULL,
    url VARCHAR, outlet VARCHAR, title VARCHAR, published TIMESTAMP, source_path VARCHAR,
    ingested_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS copies_hash ON article_copies (raw_hash);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS relevance DOUBLE;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS filtered BOOLEAN DEFAULT false;
"""
MAX_CANDIDATES = 20
ARTICLE_COLUMNS = ("id", "raw_hash", "url", "outlet", "title", "published", "language", "text", "source_path", "metadata", "ingested_at", "fingerprint", "relevance", "filtered")


class DatabaseUnavailable(Exception):
    """The database file cannot be opened: missing, in use by another process, unreadable, not DuckDB."""


class Store(EventTables):
    """The database, opened read-write (one process at a time; the schema is brought up
    to date) or read-only (any number of processes at once, while none writes)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(path).exists():
            raise DatabaseUnavailable(f"no database {self.path}: run sitrep ingest (or sitrep demo) first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if read_only and not _current(self.con):
                self.con.close()
                Store(path).close()
                self.con = duckdb.connect(self.path, read_only=True)
        except duckdb.IOException as exc:
            raise DatabaseUnavailable(f"cannot open the database {self.path}: {_why(exc, read_only)}") from exc
        if not read_only:
            self.con.execute(SCHEMA)
            self.con.execute(REVIEW_SCHEMA)
            self.con.execute(EVENT_SCHEMA)

    def close(self) -> None:
        self.con.close()

    def view(self) -> Store:
        """The same database through a cursor of its own, for another thread (a web request)."""
        other = object.__new__(Store)
        other.path, other.con = self.path, self.con.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_content(self, raw_hash: str, counting_filtered: bool = True) -> bool:
        """This exact content is stored, as an article or as a copy of one; an article the
        relevance stage filtered counts only when `counting_filtered`."""
        sql = (
            "SELECT 1 FROM articles WHERE raw_hash = ? AND (? OR NOT filtered) "
            "UNION ALL SELECT 1 FROM article_copies WHERE raw_hash = ? LIMIT 1"
        )
        return self.con.execute(sql, [raw_hash, counting_filtered, raw_hash]).fetchone() is not None

    def near_duplicate(self, article: Article) -> str | None:
        """The id of a stored article this one is a copy of (the same wire story from
        another outlet, the same page fetched twice), by wording fingerprint; never its own
        content stored unparsed, which it replaces when extracted."""
        if article.fingerprint is None:
            return None
        sql = (
            "SELECT id, fingerprint, text, published FROM articles WHERE fingerprint IS NOT NULL AND id <> ? AND raw_hash <> ? "
            "AND bit_count(xor(fingerprint, ?::UBIGINT)) <= ? ORDER BY bit_count(xor(fingerprint, ?::UBIGINT)) LIMIT ?"
        )
        rows = self.con.execute(sql, [article.id, article.raw_hash, article.fingerprint, CANDIDATE_BITS, article.fingerprint, MAX_CANDIDATES]).fetchall()
        return copy_of(article, (Article(id=str(key), text=text, fingerprint=int(other), published=published) for key, other, text, published in rows))

    def add_copy(self, original_id: str, copy: Article) -> None:
        """Keep a near-duplicate as another source of a stored article, not as a second article."""
        self.mark_stale(original_id)
        self.con.execute(
            "INSERT INTO article_copies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [original_id, copy.id, copy.raw_hash, copy.url, copy.outlet, copy.title, copy.published, copy.source_path, copy.ingested_at],
        )

    def copies(self, article_id: str) -> list[dict[str, Any]]:
        cursor = self.con.execute("SELECT * FROM article_copies WHERE article_id = ? ORDER BY published NULLS LAST, copy_id", [article_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def add(self, article: Article, reports: list[EventReport]) -> bool:
        """Store an article and its reports atomically; False when this content is stored already.

        An article whose id is stored with other content is replaced, reports and all; so
        is the same content stored unparsed (`filtered`) when this one was extracted."""
        if self.has_content(article.raw_hash, counting_filtered=article.filtered):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            for (unparsed,) in self.con.execute("SELECT id FROM articles WHERE raw_hash = ? AND filtered AND id <> ?", [article.raw_hash, article.id]).fetchall():
                self.con.execute("UPDATE article_copies SET article_id = ? WHERE article_id = ?", [article.id, unparsed])
                self.con.execute("DELETE FROM articles WHERE id = ?", [unparsed])
            self.mark_stale(article.id)
            self.con.execute("DELETE FROM event_reports WHERE report_id IN (SELECT report_id FROM reports WHERE article_id = ?)", [article.id])
            self.con.execute("DELETE FROM reports WHERE article_id = ?", [article.id])
            self.con.execute("DELETE FROM articles WHERE id = ?", [article.id])
            self.con.execute(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                [
                    article.id, article.raw_hash, article.url, article.outlet, article.title, article.published,
                    article.language, article.text, article.source_path, json.dumps(article.metadata, default=str),
                    article.ingested_at, article.fingerprint, article.relevance, article.filtered,
                ],
            )
            for report in reports:
                self.con.execute(
                    "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        report.report_id, report.article_id, report.event_date, report.event_type, report.sub_event_type,
                        report.actor1, report.actor2, report.country, report.location, report.fatalities,
                        report.background, json.dumps(report.to_dict()),
                    ],
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def reports(self, where: EventFilter | None = None) -> list[EventReport]:
        where = where or EventFilter()
        clause, params = where.where()
        if not where.include_background:
            clause += " AND NOT background"
        sql = f"SELECT data FROM reports WHERE {clause} ORDER BY event_date NULLS LAST, report_id"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        return [EventReport.from_dict(json.loads(row[0])) for row in self.con.execute(sql, params).fetchall()]

    def report(self, report_id: str) -> EventReport | None:
        row = self.con.execute("SELECT data FROM reports WHERE report_id = ?", [report_id]).fetchone()
        return EventReport.from_dict(json.loads(row[0])) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        cursor = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row))

    def counts(self) -> tuple[int, int]:
        articles = self.con.execute("SELECT count(*) FROM articles").fetchone()
        reports = self.con.execute("SELECT count(*) FROM reports").fetchone()
        return (articles[0] if articles else 0, reports[0] if reports else 0)


NEWEST_COLUMNS = (("articles", "filtered"), ("reviews", "reason"), ("events", "admin2"), ("events", "admin3"))
"""The columns the latest schema changes added: a database without them was made by an older
sitrep, and a reader brings it up to date (a write open, briefly) before reading."""


def _current(con: duckdb.DuckDBPyConnection) -> bool:
    found = set(con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    return all(column in found for column in NEWEST_COLUMNS)


def _why(error: duckdb.IOException, read_only: bool) -> str:
    """What to do about a file DuckDB would not open: a lock held by another process
    (which one, from DuckDB's message) means waiting for it or stopping it."""
    if "lock" not in str(error).lower():
        return str(error)
    pid = re.search(r"\(PID (\d+)\)", str(error))
    other = f"process {pid.group(1)}" if pid else "another process"
    if read_only:
        return f"{other} is writing to it (sitrep ingest, merge or load?): try again when it has finished"
    return (f"{other} has it open (another sitrep command, or sitrep serve, which lets go of it a few seconds "
            "after its last request): try again when it has finished, or stop it")
