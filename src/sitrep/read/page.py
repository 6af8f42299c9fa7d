"""What both page extractors (html.py's precise one, html_fast.py's fast one) return,
and the depth of markup past which they refuse a page."""
from __future__ import annotations

from dataclasses import dataclass

MAX_DEPTH = 255


class NestedTooDeeply(ValueError):
    """An extractor's refusal of a page with elements more than MAX_DEPTH levels down: lxml
    (trafilatura's parser) silently drops everything below its 256th level, and resiliparse's
    main-content search takes time quadratic in the depth (some 15 minutes for 200,000 nested divs)."""


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
