"""A copy is the same story (same lead, same facts), not two stories that share an agency's
background paragraphs: a false copy loses the second story's events."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
from click.testing import CliRunner

from sitrep.clean.duplicates import copy_of, fingerprint, same_story
from sitrep.cli import main
from sitrep.records import Article

BACKGROUND = [
    "The country has been fighting an insurgency since 2012, when armed groups seized the north before a military "
    "intervention pushed them back; the violence has since spread to the centre and to neighbouring states, killing "
    "thousands of civilians and soldiers and forcing more than two million people from their homes.",
    "The ruling junta, which took power in a coup in 2020, has turned away from its former Western partners and expelled "
    "foreign troops, saying it would restore security on its own; analysts say attacks have grown more frequent since then.",
    "Aid groups have warned that blockades imposed by armed groups on several towns have cut off food and medicine, and "
    "that schools across the region have closed because teachers and pupils fear for their lives.",
]
GAO = ("Gunmen on motorbikes attacked an army post in Gao on Monday, killing four soldiers, security sources said. "
       "The attackers fled before reinforcements arrived, residents said.")
MOPTI = ("Suspected jihadists stormed a market in Mopti on Wednesday, killing eleven civilians, a local official told "
         "reporters. Several wounded were taken to the regional hospital.")


def _story(headline: str, lead: str, *more: str) -> str:
    return "\n\n".join([headline, lead, *BACKGROUND, *more])


def _ingest(tmp_path: Path, rows: list[dict[str, str]]) -> tuple[str, duckdb.DuckDBPyConnection]:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output, duckdb.connect(str(db), read_only=True)


def test_stories_sharing_background_paragraphs_are_two_articles_with_their_own_events(tmp_path: Path) -> None:
    rows = [
        {"id": "gao", "outlet": "Sahel Wire", "published": "2024-05-07", "text": _story("Soldiers killed in Gao", GAO)},
        {"id": "mopti", "outlet": "Sahel Wire", "published": "2024-05-09", "text": _story("Market attack in Mopti", MOPTI)},
    ]
    output, con = _ingest(tmp_path, rows)
    assert "stored 2" in output and "near-duplicate" not in output
    assert con.execute("SELECT count(*) FROM article_copies").fetchone() == (0,)
    places = dict(con.execute("SELECT article_id, any_value(location) FROM reports WHERE NOT background GROUP BY article_id").fetchall())
    assert places == {"gao": "Gao", "mopti": "Mopti"}


def test_a_wire_copy_retitled_by_another_outlet_is_one_article_with_two_sources(tmp_path: Path) -> None:
    copy = "\n\n".join(["Four soldiers die in attack on Gao post", "By our correspondent", f"GAO, Mali (Sahel Wire) — {GAO}", *BACKGROUND[:2]])
    rows = [
        {"id": "wire", "outlet": "Sahel Wire", "published": "2024-05-07T09:00", "text": _story("Soldiers killed in Gao", GAO)},
        {"id": "herald", "outlet": "Bamako Herald", "published": "2024-05-07T15:00", "text": copy},
    ]
    output, con = _ingest(tmp_path, rows)
    assert "stored 1" in output and "1 near-duplicate copies" in output
    assert con.execute("SELECT article_id, copy_id, outlet FROM article_copies").fetchall() == [("wire", "herald", "Bamako Herald")]


def test_an_update_with_another_toll_is_kept_as_its_own_story() -> None:
    first = _story("Soldiers killed in Gao", GAO)
    update = first.replace("killing four soldiers", "killing nine soldiers")
    assert not same_story(first, update)
    assert same_story(first, first.replace("Soldiers killed in Gao", "Deadly attack on Gao army post"))


def test_the_same_lead_a_month_later_is_another_story() -> None:
    lead = "Thousands of people protested in Dakar on Friday against rising prices, and police fired tear gas at the crowd."
    text = _story("Protest in Dakar", lead)
    stored = Article(id="may", text=text, published=datetime(2024, 5, 3), fingerprint=fingerprint(text))
    later = Article(id="june", text=text + "\n\nMore protests are planned.", published=datetime(2024, 6, 7), fingerprint=fingerprint(text))
    next_day = Article(id="next", text=text + "\n\nMore protests are planned.", published=datetime(2024, 5, 4), fingerprint=fingerprint(text))
    assert copy_of(later, [stored]) is None
    assert copy_of(next_day, [stored]) == "may"
