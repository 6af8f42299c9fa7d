"""Article bodies from saved pages, scored against gold bodies by token precision, recall
and F1 (../shared/eval/html: the Scrapinghub article-extraction benchmark's pages).

Tokens are whitespace-separated words; a document's matched tokens are the multiset
intersection of its extracted and gold tokens, summed over all pages (micro) and also
averaged page by page (macro, as the benchmark's published table).

Plain trafilatura is scored on the same pages in the same run: sitrep wraps it, and must
never read less of a story than it does."""
from __future__ import annotations

import gzip
import json
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from sitrep.read.errors import ReadError
from sitrep.read.html import read_page

PAGES_FOLDER = "pages"
PLAIN = "trafilatura.extract(html, include_comments=False)"


@dataclass
class BodyScore:
    matched: int = 0
    extracted: int = 0
    gold: int = 0
    failed: list[str] = field(default_factory=list)
    per_page: list[tuple[float, float, float]] = field(default_factory=list)

    def add(self, extracted_text: str, gold_text: str) -> None:
        extracted, gold = Counter(extracted_text.split()), Counter(gold_text.split())
        matched = sum((extracted & gold).values())
        self.matched += matched
        self.extracted += sum(extracted.values())
        self.gold += sum(gold.values())
        self.per_page.append(_prf(matched, sum(extracted.values()), sum(gold.values())))

    def to_dict(self) -> dict[str, Any]:
        p, r, f = _prf(self.matched, self.extracted, self.gold)
        pages = len(self.per_page) or 1
        macro = [sum(page[i] for page in self.per_page) / pages for i in range(3)]
        return {
            "pages": len(self.per_page), "failed": self.failed,
            "precision": p, "recall": r, "f1": f,
            "macro_precision": macro[0], "macro_recall": macro[1], "macro_f1": macro[2],
        }

    def render(self) -> str:
        scores = self.to_dict()
        lines = [f"pages {scores['pages']}, no text from {len(self.failed)}"]
        lines += [f"  {kind:<6} token P {scores[prefix + 'precision']:.3f}  R {scores[prefix + 'recall']:.3f}  F1 {scores[prefix + 'f1']:.3f}" for kind, prefix in (("micro", ""), ("macro", "macro_"))]
        return "\n".join(lines)


@dataclass
class SideBySide:
    """sitrep's bodies and plain trafilatura's, page for page."""

    extractor: str
    sitrep: BodyScore = field(default_factory=BodyScore)
    trafilatura: BodyScore = field(default_factory=BodyScore)
    empty: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.sitrep.to_dict(), "empty_where_trafilatura_reads": self.empty, "trafilatura": self.trafilatura.to_dict()}

    def render(self) -> str:
        return "\n".join([
            f"sitrep --html {self.extractor}: {self.sitrep.render()}",
            f"plain {PLAIN}: {self.trafilatura.render()}",
            f"pages sitrep leaves empty where trafilatura reads text: {len(self.empty)} {' '.join(self.empty)}".rstrip(),
        ])


def plain_trafilatura(path: Path) -> str:
    """The body plain trafilatura reads from a saved page (.html or .html.gz)."""
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError, zlib.error):
        return ""
    return trafilatura.extract(data, include_comments=False) or ""


def _prf(matched: int, extracted: int, gold: int) -> tuple[float, float, float]:
    p = matched / extracted if extracted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    ground_truth: Path, progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, _: items, extractor: str = "precise"
) -> SideBySide:
    """`ground_truth` is {id: {articleBody, url}}; the pages are pages/{id}.html.gz beside it."""
    gold = json.loads(ground_truth.read_text(encoding="utf-8"))
    scores = SideBySide(extractor)
    for page_id, truth in progress(gold.items(), len(gold)):
        path = ground_truth.parent / PAGES_FOLDER / f"{page_id}.html.gz"
        article = read_page(path, {"id": page_id, "url": truth.get("url")}, extractor)
        text = "" if isinstance(article, ReadError) else article.text
        plain = plain_trafilatura(path)
        for score, body in ((scores.sitrep, text), (scores.trafilatura, plain)):
            if not body.strip():
                score.failed.append(page_id)
            score.add(body, truth["articleBody"])
        if plain.strip() and not text:
            scores.empty.append(page_id)
    return scores
