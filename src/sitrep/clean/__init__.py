"""Scraped text → the story's own text, with the publication time read from a dateline."""
from __future__ import annotations

import dataclasses

from sitrep.clean.chrome import strip_chrome
from sitrep.clean.dateline import find_dateline, wire_day
from sitrep.clean.language import detect_language
from sitrep.clean.wrapped import unwrap
from sitrep.records import Article


def clean_article(article: Article) -> Article:
    """The cleaned text is what is stored, and what evidence offsets point into."""
    raw = unwrap(article.text)
    dateline = find_dateline(raw)
    lines = strip_chrome(raw)
    metadata = dict(article.metadata)
    published = article.published
    if dateline is not None:
        line, moment = dateline
        metadata["dateline"] = line
        lines = [kept for kept in lines if kept != line]
        if lines and lines[0].startswith(line):
            lines[0] = lines[0][len(line) :].lstrip(" ,-–—|:")
        published = published or moment
    published = wire_day(raw, published) or published
    text = "\n\n".join(lines)
    title = article.title or (lines[0] if lines else None)
    language = article.language or detect_language(text)
    return dataclasses.replace(article, text=text, title=title, published=published, language=language, metadata=metadata)


__all__ = ["clean_article", "detect_language", "strip_chrome", "find_dateline"]
