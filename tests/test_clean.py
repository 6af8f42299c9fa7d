from __future__ import annotations

from datetime import datetime

from sitrep.clean import clean_article, find_dateline
from sitrep.records import Article

SCRAPED = """Army says it repelled raid on border post

09:15, UK, Tuesday 4 June 2024

Border clash

Soldiers repelled an attack on a border post overnight, the army said.

:: Related: Tension rises along the frontier

Troops at the post exchanged fire with gunmen for two hours.
Soldiers on patrol near the frontier



Share this article
By posting a comment you are agreeing to our House Rules.

Most Read

  1. Election latest
    Breaking News: Polls open
  2. Storm warning issued
"""


def test_chrome_is_removed_and_every_story_sentence_kept() -> None:
    article = clean_article(Article(id="a", text=SCRAPED))
    assert article.text.split("\n\n") == [
        "Army says it repelled raid on border post",
        "Soldiers repelled an attack on a border post overnight, the army said.",
        "Troops at the post exchanged fire with gunmen for two hours.",
    ]
    assert article.title == "Army says it repelled raid on border post"
    assert article.raw_hash == Article(id="b", text=SCRAPED).raw_hash


def test_dateline_gives_published_when_metadata_has_none() -> None:
    article = clean_article(Article(id="a", text=SCRAPED))
    assert article.published == datetime(2024, 6, 4, 9, 15)
    assert article.metadata["dateline"] == "09:15, UK, Tuesday 4 June 2024"
    given = clean_article(Article(id="a", text=SCRAPED, published=datetime(2024, 6, 5)))
    assert given.published == datetime(2024, 6, 5)


def test_dateline_forms() -> None:
    assert find_dateline("Updated 9:41pm, March 3, 2022\nText.") == ("Updated 9:41pm, March 3, 2022", datetime(2022, 3, 3, 21, 41))
    assert find_dateline("Published 2021-07-09\nBody.") == ("Published 2021-07-09", datetime(2021, 7, 9))
    assert find_dateline("Troops entered the town on 3 March 2022 after a week of heavy fighting that left dozens dead.") is None
