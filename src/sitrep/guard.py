"""One failing component must not lose an article: a bug in reading one event's places,
targets or roles costs that part, logged with the article's id, and the article's other
events still come out."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from sitrep.records import Article, Processed

T = TypeVar("T")
log = logging.getLogger("sitrep")
_article_id: ContextVar[str] = ContextVar("article_id", default="(no article)")


@contextmanager
def reading(article_id: str) -> Iterator[None]:
    """Names the article that the components called inside are reading, for their log lines."""
    token = _article_id.set(article_id)
    try:
        yield
    finally:
        _article_id.reset(token)


def guarded(component: str, call: Callable[[], T], fallback: T) -> T:
    """`call()`, or `fallback` when it raises (one line at ERROR, the traceback at DEBUG)."""
    try:
        return call()
    except Exception as exc:  # the component's bug, not the article's: keep the rest
        log.error("%s failed on article %s (%s: %s); the article's other results are kept", component, _article_id.get(), type(exc).__name__, exc)
        log.debug("traceback of the failure above", exc_info=True)
        return fallback


def guarded_article(article: Article, step: str, call: Callable[[Article], T]) -> T | Processed:
    """`call(article)`, or the article with the reason it failed: one article's bug (in
    cleaning, extraction, storing) must not end a batch of thousands; the traceback is
    logged at DEBUG."""
    try:
        return call(article)
    except Exception as exc:
        log.debug("%s failed on %s", step, article.id, exc_info=True)
        return Processed(article, error=f"{step} failed ({type(exc).__name__}: {exc})")
