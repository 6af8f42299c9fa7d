from __future__ import annotations

from datetime import datetime

from conftest import run_extract

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


def test_a_long_paragraph_is_never_chrome() -> None:
    story = (
        "Two pilots were killed when their helicopter was shot down near Palmyra, the ministry said, "
        "in a statement posted beside its cookie policy and terms and conditions on a site where all rights are reserved. "
    ) * 2
    assert clean_article(Article(id="a", text=story)).text == story.strip()


def test_dateline_opening_the_first_line() -> None:
    text = "Wed 05 Apr 2017 Rebels shell Idlib. Rebels shelled the city on Tuesday, killing three."
    assert find_dateline(text) == ("Wed 05 Apr 2017", datetime(2017, 4, 5))
    article = clean_article(Article(id="a", text=text))
    assert article.text == text[len("Wed 05 Apr 2017 ") :] and article.published == datetime(2017, 4, 5)
    assert find_dateline("Fri 07 Apr 2017 at 0914 Homs governor says") == ("Fri 07 Apr 2017 at 0914", datetime(2017, 4, 7, 9, 14))
    assert find_dateline("Posted on April 19 2017 by Wire Staff Six killed in blast")[1] == datetime(2017, 4, 19)
    assert find_dateline("Date of publication 10 July 2016 At least 29 rebels were killed")[1] == datetime(2016, 7, 10)
    assert find_dateline("Last updated at Apr 152017 A suicide car bomb hit buses")[1] == datetime(2017, 4, 15)
    assert find_dateline("Air raids kill 18 in Aleppo Monitor AFP Saturday 16 Jul 2016 Air raids on rebel areas")[1] == datetime(2016, 7, 16)


WRAPPED = """Gunmen kill nine soldiers in ambush near Menaka

MENAKA, Mali — Gunmen on motorbikes ambushed an army patrol near Menaka on Tuesday, killing
nine soldiers and wounding four, the army said in a statement. The attackers fled towards the
border after a two-hour firefight, and the army said it had killed several of them.

Most read
Regional leaders gather in the capital for the annual trade summit
New rail link between the two largest cities opens to passengers
"""


def test_a_hard_wrapped_story_keeps_every_line_and_its_event() -> None:
    """Each wrapped line was a line without a full stop, read as page furniture and dropped:
    the ambush lost its day and its dead."""
    article = clean_article(Article(id="wrapped", text=WRAPPED, published=datetime(2024, 3, 13)))
    assert "on Tuesday, killing nine soldiers and wounding four" in article.text
    assert "fled towards the border after a two-hour firefight" in article.text
    assert "Regional leaders gather in the capital" not in article.text.split("\n\n")[1]
    [report] = run_extract(WRAPPED, "2024-03-13")
    assert (str(report.event_date), report.fatalities, report.background) == ("2024-03-12", 9, False)
