"""Saved web pages (.html, .htm, also gzipped) → Articles: the story's own text without
navigation, comments or boilerplate, and the page's metadata (title, publication date,
site name, url, author, from its meta tags and JSON-LD).

Two extractors: `precise` (trafilatura: the best bodies, ~35 large pages a second) and
`fast` (resiliparse's main-content heuristics and the page's own meta tags: a few
hundred pages a second, for crawls). Both refuse pages nested absurdly deep, and a page
whose only text is boilerplate (a copyright line, "Share this article") has no article."""
from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from collections.abc import Callable
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from sitrep.data.lexicon import is_chrome
from sitrep.read.errors import ReadError
from sitrep.read.fields import parse_published
from sitrep.read.files import bom_encoding, open_input, read_input
from sitrep.read.page import MAX_DEPTH, NestedTooDeeply, PageContent
from sitrep.records import Article

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
MAX_PAGE_BYTES = 20 * 1024 * 1024
BLOCK_TAGS = ("p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
QUICK_DATES = {"extensive_search": False, "original_date": True}
PRECISE = {"fast": True, "favor_precision": True, "include_comments": False, "include_tables": False}
LIBRARY_DEFAULTS = {"include_comments": False}
# A precise body shorter than this (a brief's length, in characters) is checked against the
# default pass, which replaces it when MUCH_LONGER times as long.
FALLBACK_BELOW = 2_000
MUCH_LONGER = 2
SENTENCE_END = re.compile(r"[.!?…。！？؟।۔።][\"'’”»)\]]*$")
TOO_DEEP = lxml.etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")


def is_page(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def page_id(path: Path) -> str:
    name = path.name
    for suffix in sorted(HTML_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_page(path: Path, meta: dict[str, Any], extractor: str = "precise") -> Article | ReadError:
    data = _page_bytes(path)
    if isinstance(data, ReadError):
        return data
    return page_article(data, str(path), {**meta, "id": meta.get("id") or page_id(path)}, extractor)


def _page_bytes(path: Path) -> bytes | ReadError:
    """The page's bytes, inflated if gzipped, never more than MAX_PAGE_BYTES (read.files
    refuses what is not a regular file); in UTF-8 if they were in UTF-16 or UTF-32 with a
    byte-order mark, which the extractors would take for a binary file."""
    if path.name.lower().endswith(".gz"):
        handle = open_input(path)
        if isinstance(handle, ReadError):
            return handle
        try:
            with handle, gzip.GzipFile(fileobj=handle) as inflated:
                data = inflated.read(MAX_PAGE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            return ReadError(str(path), f"cannot read the page ({type(exc).__name__}: {exc})")
        if len(data) > MAX_PAGE_BYTES:
            return ReadError(str(path), f"page is over the {MAX_PAGE_BYTES:,}-byte limit once inflated")
    else:
        data = read_input(path, MAX_PAGE_BYTES, "page")
        if isinstance(data, ReadError):
            return data
    return data


def _as_utf8(data: bytes, source: str) -> bytes | ReadError:
    """A page in UTF-16 or UTF-32 (as its byte-order mark says) as UTF-8, which the
    extractors read, whether it was saved as a file or archived in a WARC; others as they are."""
    encoding = bom_encoding(data)
    if encoding not in ("utf-16", "utf-32"):
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadError(source, f"not {encoding.upper()}, though its byte-order mark says so (offset {exc.start})")


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
    if isinstance(html, bytes):
        html = _as_utf8(html, source)
        if isinstance(html, ReadError):
            return html
    if not html.strip():
        return ReadError(source, "empty page")
    if isinstance(html, bytes) and b"\x00" in html[:8192] and not html.lstrip().startswith(b"<"):
        return ReadError(source, "binary file (contains NUL bytes), not a web page")
    try:
        page = EXTRACTORS[extractor](html, meta.get("url"))
    except NestedTooDeeply:
        return ReadError(source, f"page nested too deeply (elements more than {MAX_DEPTH} levels down)")
    text = "\n\n".join(line.strip() for line in page.text.splitlines() if line.strip())
    if is_boilerplate(text):
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


def is_boilerplate(text: str) -> bool:
    """Nothing but site chrome (a copyright line, "Share this article"), or nothing at all
    (line by line: a story's first line settles it)."""
    return all(is_chrome(" ".join(line.split())) for line in text.splitlines() if line.strip())


def precise_content(html: bytes | str, url: str | None) -> PageContent:
    """trafilatura's precision pass gives the cleanest bodies, but an unusual layout (a table
    around the story, a bordered box) can leave it nothing but the copyright line. Where it
    keeps little, trafilatura's default pass is read too, and wins when much longer and
    prose (it reads a page of menus as their links): sitrep never reads less of a story
    than the library it wraps."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return PageContent("")
    if TOO_DEEP(tree):
        raise NestedTooDeeply
    meta = trafilatura.extract_metadata(tree, url, QUICK_DATES)
    url = url or meta.url
    text = _trafilatura_text(tree, url, PRECISE)
    if len(text) < FALLBACK_BELOW:
        text = "" if is_boilerplate(text) else text
        fallback = _trafilatura_text(tree, url, LIBRARY_DEFAULTS)
        if len(fallback) > MUCH_LONGER * len(text) and _reads_as_prose(fallback):
            text = fallback
    return PageContent(text, meta.title, meta.date, meta.sitename or meta.hostname, meta.url, meta.author, meta.description)


def _reads_as_prose(text: str) -> bool:
    """Some line (or table cell) ends like a sentence: menus and link lists do not."""
    return any(SENTENCE_END.search(line.strip(" |")) for line in text.splitlines())


def _trafilatura_text(tree: lxml.html.HtmlElement, url: str | None, settings: dict[str, bool]) -> str:
    """The body trafilatura reads with these settings (it works on a copy of the tree)."""
    document = trafilatura.bare_extraction(tree, url=url, **settings)
    return (document.text or "") if document is not None else ""


def _fast_content(html: bytes | str, url: str | None) -> PageContent:
    from sitrep.read.html_fast import fast_content

    return fast_content(html, url)


EXTRACTORS: dict[str, Callable[[bytes | str, str | None], PageContent]] = {"precise": precise_content, "fast": _fast_content}
