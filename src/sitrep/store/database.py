"""DuckDB storage. One transaction per article, so a crash loses nothing committed, and a
content hash, so the same article ingested twice adds nothing."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from sitrep.records import Article, EventReport

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
"""


@dataclass
class EventFilter:
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    include_background: bool = False
    limit: int | None = None


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_content(self, raw_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE raw_hash = ? LIMIT 1", [raw_hash]).fetchone() is not None

    def add(self, article: Article, reports: list[EventReport]) -> bool:
        """Store an article and its reports atomically; False when this content is stored already.

        An article whose id is stored with other content is replaced, reports and all."""
        if self.has_content(article.raw_hash):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM reports WHERE article_id = ?", [article.id])
            self.con.execute("DELETE FROM articles WHERE id = ?", [article.id])
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id, article.raw_hash, article.url, article.outlet, article.title, article.published,
                    article.language, article.text, article.source_path, json.dumps(article.metadata, default=str),
                    article.ingested_at,
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
        clauses, params = ["TRUE"], []
        if not where.include_background:
            clauses.append("NOT background")
        if where.country:
            clauses.append("lower(country) = lower(?)")
            params.append(where.country)
        if where.event_type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [where.event_type, where.event_type]
        if where.actor:
            clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
            params += [f"%{where.actor}%", f"%{where.actor}%"]
        if where.since:
            clauses.append("event_date >= ?")
            params.append(where.since)
        if where.until:
            clauses.append("event_date <= ?")
            params.append(where.until)
        sql = f"SELECT data FROM reports WHERE {' AND '.join(clauses)} ORDER BY event_date NULLS LAST, report_id"
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
