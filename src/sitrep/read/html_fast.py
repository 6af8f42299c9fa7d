"""Pages read fast, for crawls: resiliparse's main-content text (a C++ parser and
heuristics, several times trafilatura's speed) and the metadata the page states about
itself in JSON-LD, meta tags and <time> elements."""
from __future__ import annotations

import json
import re
from html import unescape
from collections.abc import Iterator
from typing import Any

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

from sitrep.read.page import MAX_DEPTH, NestedTooDeeply, PageContent

DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "date",
)
TITLE_META = ("og:title", "twitter:title", "parsely-title")
SITE_META = ("og:site_name", "application-name")
AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "byl")
DESCRIPTION_META = ("description", "og:description")
URL_META = ("og:url",)
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"}
JSON_LD_LIMIT = 200_000
KEY_ATTRIBUTES = ("property", "name", "itemprop")
META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
TOO_DEEP = "*" + " > *" * MAX_DEPTH


def fast_content(html: bytes | str, url: str | None) -> PageContent:
    text = html if isinstance(html, str) else bytes_to_str(html, detect_encoding(html))
    tree = HTMLTree.parse(text)
    if text.count("<") > MAX_DEPTH and tree.document.query_selector(TOO_DEEP) is not None:
        raise NestedTooDeeply
    meta = _meta_tags(text)
    story = next((item for item in _json_ld(tree) if _types(item) & ARTICLE_TYPES), {})
    body = extract_plain_text(
        tree, main_content=True, list_bullets=False, alt_texts=False, links=False, noscript=False, comments=False, post_meta=False
    )
    canonical = tree.head.query_selector('link[rel="canonical"]') if tree.head else None
    time_element = tree.body.query_selector("time[datetime]") if tree.body else None
    return PageContent(
        text=body,
        title=_text(story.get("headline")) or _first(meta, TITLE_META) or (tree.title or None),
        published=_text(story.get("datePublished")) or _first(meta, DATE_META) or (time_element.getattr("datetime") if time_element else None),
        sitename=_name(story.get("publisher")) or _first(meta, SITE_META),
        url=url or (canonical.getattr("href") if canonical else None) or _first(meta, URL_META),
        author=_name(story.get("author")) or _first(meta, AUTHOR_META),
        description=_text(story.get("description")) or _first(meta, DESCRIPTION_META),
    )


def _meta_tags(html: str) -> dict[str, str]:
    """The first content of each meta name, property or itemprop, by lower-case name
    (read from the source: a regular expression is many times faster than walking the
    parsed tree's nodes)."""
    found: dict[str, str] = {}
    for tag in META_TAG.finditer(html):
        attributes = {name.lower(): value for name, *quoted in ATTRIBUTE.findall(tag.group()) for value in ["".join(quoted)]}
        key = next((attributes[name] for name in KEY_ATTRIBUTES if attributes.get(name)), None)
        content = unescape(attributes.get("content", "")).strip()
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def _json_ld(tree: HTMLTree) -> Iterator[dict[str, Any]]:
    for script in tree.document.query_selector_all('script[type="application/ld+json"]'):
        try:
            items = list(_items(json.loads(script.text[:JSON_LD_LIMIT])))
        except (ValueError, RecursionError):
            continue
        yield from items


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _items(data["@graph"])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((meta[name] for name in names if name in meta), None)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _name(value: Any) -> str | None:
    """A JSON-LD person or organisation, or several: their names."""
    if isinstance(value, list):
        names = [name for name in map(_name, value) if name]
        return "; ".join(names) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)
