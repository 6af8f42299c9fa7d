from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sitrep import nlp
from sitrep.clean import clean_article
from sitrep.pipeline import reports_for
from sitrep.records import Article, EventReport

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); seed and evaluation tests need it beside the clone")
    return SHARED


def run_extract(text: str, published: str) -> list[EventReport]:
    article = clean_article(Article(id="t", text=text, published=datetime.fromisoformat(published)))
    return [r for r in reports_for(article, nlp.parse(article.text)) if not r.background]
