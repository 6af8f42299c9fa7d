"""Saved web pages (.html, .htm, also gzipped) → Articles: the story's own text without
navigation, comments or boilerplate, and the page's metadata (title, publication date,
site name, url, author, from its meta tags and JSON-LD).

Two extractors: `precise` (trafilatura: the best bodies, ~45 large pages a second) and
`fast` (resiliparse's main-content heuristics and the page's own meta tags: a few
hundred pages a second, for crawls)."""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from sitrep.read.errors import ReadError
from sitrep.read.fields import parse_published
from sitrep.records import Article

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
MAX_PAGE_BYTES = 20 * 1024 * 1024
BLOCK_TAGS = ("p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
QUICK_DATES = {"extensive_search": False, "original_date": True}


def is_page(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def page_id(path: Path) -> str:
    name = path.name
    for suffix in sorted(HTML_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


@dataclass
class PageContent:
    """What an extractor reads from a page."""

    text: str
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    author: str | None = None
    description: str | None = None


def read_page(path: Path, meta: dict[str, Any], extractor: str = "precise") -> Article | ReadError:
    data = _page_bytes(path)
    if isinstance(data, ReadError):
        return data
    return page_article(data, str(path), {**meta, "id": meta.get("id") or page_id(path)}, extractor)


def _page_bytes(path: Path) -> bytes | ReadError:
    """The page's bytes, inflated if gzipped, never more than MAX_PAGE_BYTES."""
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path) as handle:
                data = handle.read(MAX_PAGE_BYTES + 1)
        else:
            if path.stat().st_size > MAX_PAGE_BYTES:
                return ReadError(str(path), f"page is over the {MAX_PAGE_BYTES:,}-byte limit")
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        return ReadError(str(path), f"cannot read the page ({type(exc).__name__}: {exc})")
    if len(data) > MAX_PAGE_BYTES:
        return ReadError(str(path), f"page is over the {MAX_PAGE_BYTES:,}-byte limit once inflated")
    return data


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, a paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(block.split()) for block in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def page_article(html: bytes | str, source: str, meta: dict[str, Any], extractor: str = "precise") -> Article | ReadError:
    """`meta` (a manifest row, a feed item) wins over what the page says of itself."""
    if not html.strip():
        return ReadError(source, "empty page")
    if isinstance(html, bytes) and b"\x00" in html[:8192] and not html.lstrip().startswith(b"<"):
        return ReadError(source, "binary file (contains NUL bytes), not a web page")
    page = EXTRACTORS[extractor](html, meta.get("url"))
    text = "\n\n".join(line.strip() for line in page.text.splitlines() if line.strip())
    if not text:
        return ReadError(source, "no article text found in the page")
    metadata = {key: value for key, value in (("author", page.author), ("description", page.description)) if value}
    return Article(
        id=str(meta["id"]),
        text=text,
        url=meta.get("url") or page.url,
        outlet=meta.get("outlet") or page.sitename,
        title=meta.get("title") or page.title,
        published=parse_published(meta.get("published")) or parse_published(page.published),
        language=meta.get("language"),
        source_path=source,
        metadata=metadata,
    )


def precise_content(html: bytes | str, url: str | None) -> PageContent:
    document = trafilatura.bare_extraction(
        html,
        url=url,
        fast=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=QUICK_DATES,
    )
    if document is None:
        return PageContent("")
    return PageContent(
        document.text or "", document.title, document.date, document.sitename or document.hostname, document.url,
        document.author, document.description,
    )


def _fast_content(html: bytes | str, url: str | None) -> PageContent:
    from sitrep.read.html_fast import fast_content

    return fast_content(html, url)


EXTRACTORS: dict[str, Callable[[bytes | str, str | None], PageContent]] = {"precise": precise_content, "fast": _fast_content}
