"""Saved web pages and language marking, with pages written for these tests."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.read import ReadError, iter_articles

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Gunmen kill two guards in Gao | The Sahel Monitor</title>
<meta property="og:site_name" content="The Sahel Monitor">
<meta property="og:url" content="https://sahelmonitor.example/2024/05/gao-guards">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Gunmen kill two guards in Gao", "datePublished": "2024-05-07T09:30:00Z",
 "author": {"@type": "Person", "name": "Awa Traore"}}</script></head>
<body><nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/sport">Sport</a></nav>
<article><h1>Gunmen kill two guards in Gao</h1>
<p>Gunmen on motorbikes attacked a checkpoint at the entrance of Gao on Monday night, killing two guards, the regional governor said on Tuesday.</p>
<p>The attackers fled towards the river before soldiers arrived. No group has claimed the attack, which came a week after a similar raid near Ansongo.</p>
<p>Residents said shops in the market stayed closed on Tuesday morning as patrols moved through the town.</p>
</article>
<section class="comments"><p>Great reporting, thank you!</p></section>
<footer>© The Sahel Monitor. Subscribe to our newsletter for daily updates.</footer></body></html>"""

FRENCH = """<html lang="fr"><head><title>Attaque à Gao</title></head><body><article>
<p>Des hommes armés ont attaqué un poste de contrôle à l'entrée de Gao lundi soir, tuant deux gardes, a indiqué le gouverneur régional mardi.</p>
<p>Les assaillants ont fui vers le fleuve avant l'arrivée des soldats, selon des habitants de la ville.</p></article></body></html>"""


META_ONLY = """<html><head><title>Clashes in Menaka - Desert Courier</title>
<meta name="author" content="Moussa Diallo"><meta property="article:published_time" content="2024-06-02T07:15:00+00:00">
<meta property="og:site_name" content="Desert Courier"><link rel="canonical" href="https://desertcourier.example/menaka">
<meta property="og:title" content="Clashes in Menaka"></head><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="story"><p>Soldiers and fighters of an armed group clashed near Menaka on Saturday, killing four people, a local official said.</p>
<p>The fighting lasted several hours before the attackers withdrew towards the border with Niger, residents said.</p></div></body></html>"""


def _read(path: Path, extractor: str = "precise") -> list:
    return list(iter_articles([str(path)], html=extractor))


STORY = """<h1>Floods cut the road to Mopti</h1>
<p>Heavy rain overnight washed away a section of the national road between Sevare and Mopti on Sunday, leaving hundreds of lorries stranded on both sides of the breach, the regional transport office said.</p>
<p>Engineers from the public works department reached the site in the afternoon and said a temporary crossing could be laid within three days if the water level kept falling.</p>
<p>Traders at the Mopti market said the price of rice and millet had already risen because supplies from the south could not get through.</p>"""

FLOOD_PAGE = """<html><head><title>Floods cut the road to Mopti | Niger Valley News</title>
<meta property="og:site_name" content="Niger Valley News"><meta name="author" content="Fatou Keita">
<meta property="article:published_time" content="2024-08-12T10:00:00Z"></head>
<body><div class="menu"><a href="/">Home</a> <a href="/region">Region</a> <a href="/weather">Weather</a></div>
{story}
<div class="footer"><p>© 2024 Niger Valley News. All rights reserved.</p></div></body></html>"""

# Layouts where trafilatura's favor_precision pass keeps nothing of the story (only the
# copyright line, or nothing at all) while its default settings read it whole.
LAYOUTS = {
    "table layout": '<table><tr><td class="main">' + STORY.replace("<p>", "").replace("</p>", "<br><br>") + "</td></tr></table>",
    "boxed story": '<div class="story" style="border-top: 1px solid #ccc">' + STORY.replace("<p>", '<p style="border: 0">') + "</div>",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_precise_reads_the_story_where_precision_alone_empties_the_page(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "floods.html"
    path.write_text(FLOOD_PAGE.format(story=LAYOUTS[layout]), encoding="utf-8")
    [article] = _read(path)
    assert "washed away a section of the national road" in article.text and "price of rice and millet" in article.text
    assert "All rights reserved" not in article.text
    assert (article.title, article.outlet, article.metadata["author"]) == ("Floods cut the road to Mopti", "Niger Valley News", "Fatou Keita")
    assert article.published.date().isoformat() == "2024-08-12"


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_a_page_of_boilerplate_is_no_article(tmp_path: Path, extractor: str) -> None:
    path = tmp_path / "notice.html"
    path.write_text(FLOOD_PAGE.format(story='<div class="share"><p>Share this article</p></div>'), encoding="utf-8")
    [result] = _read(path, extractor)
    assert isinstance(result, ReadError) and "no article text" in str(result)


READ_IN_A_CHILD = "import sys; from sitrep.read import iter_articles; print(*iter_articles([sys.argv[1]], html=sys.argv[2]), sep=chr(10))"


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_absurdly_nested_page_is_refused_not_read_forever(tmp_path: Path, extractor: str) -> None:
    """resiliparse's main-content search takes time quadratic in the nesting depth (some 15
    minutes for this page), and lxml silently drops everything below its 256th level. The
    time limit is a guard against hanging the suite, not a speed target."""
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 200_000 + "text" + "</div>" * 200_000 + "</body></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", READ_IN_A_CHILD, str(path), extractor], capture_output=True, text=True, timeout=60)
    assert "page nested too deeply" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_deep_but_sane_nesting_is_read(tmp_path: Path, extractor: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(PAGE.replace("<article>", "<div>" * 150 + "<article>").replace("</article>", "</article>" + "</div>" * 150), encoding="utf-8")
    [article] = _read(path, extractor)
    assert "Gunmen on motorbikes attacked a checkpoint" in article.text


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_page_text_and_metadata(tmp_path: Path, extractor: str) -> None:
    path = tmp_path / "gao-guards.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = _read(path, extractor)
    assert article.id == "gao-guards"
    assert article.text.startswith("Gunmen kill two guards in Gao\n\nGunmen on motorbikes attacked a checkpoint")
    assert "Subscribe" not in article.text and "Great reporting" not in article.text and "Politics" not in article.text
    assert article.title == "Gunmen kill two guards in Gao"
    assert article.published.date().isoformat() == "2024-05-07"
    assert article.outlet == "The Sahel Monitor"
    assert article.url == "https://sahelmonitor.example/2024/05/gao-guards"
    assert article.metadata["author"] == "Awa Traore"


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_page_metadata_from_meta_tags_alone(tmp_path: Path, extractor: str) -> None:
    path = tmp_path / "menaka.html"
    path.write_text(META_ONLY, encoding="utf-8")
    [article] = _read(path, extractor)
    assert "clashed near Menaka on Saturday" in article.text and "News" not in article.text
    assert article.published.date().isoformat() == "2024-06-02"
    assert (article.outlet, article.url, article.metadata["author"]) == ("Desert Courier", "https://desertcourier.example/menaka", "Moussa Diallo")


def test_gzipped_page_and_broken_ones(tmp_path: Path) -> None:
    good = tmp_path / "story.html.gz"
    good.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    [article] = _read(good)
    assert article.id == "story" and article.outlet == "The Sahel Monitor"

    truncated = tmp_path / "cut.html.gz"
    truncated.write_bytes(gzip.compress(PAGE.encode("utf-8"))[:200])
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    chrome_only = tmp_path / "menu.htm"
    chrome_only.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    results = list(iter_articles([str(truncated), str(empty), str(chrome_only), str(good)]))
    assert [type(r).__name__ for r in results] == ["ReadError", "ReadError", "ReadError", "Article"]
    assert "cut.html.gz" in str(results[0]) and "empty page" in str(results[1]) and "no article text" in str(results[2])


def test_read_command_shows_what_would_be_stored(tmp_path: Path) -> None:
    (tmp_path / "gao.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gao-fr.html").write_text(FRENCH, encoding="utf-8")
    result = CliRunner().invoke(main, ["read", "--jsonl", str(tmp_path)])
    assert result.exit_code == 0
    records = {r["id"]: r for r in map(json.loads, result.output.splitlines())}
    assert records["gao"]["language"] == "en" and records["gao"]["published"].startswith("2024-05-07")
    assert records["gao-fr"]["language"] == "fr"
    assert set(records["gao"]) == {"id", "title", "published", "outlet", "url", "language", "source_path", "metadata", "text"}


def test_other_languages_are_stored_not_extracted(tmp_path: Path) -> None:
    (tmp_path / "gao.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gao-fr.html").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output
    from sitrep.store import Store

    with Store(str(db)) as store:
        reports = store.reports()
    assert {r.article_id for r in reports} == {"gao"}
    assert not isinstance(reports[0], ReadError) and reports[0].location == "Gao"


@pytest.mark.parametrize("extractor", ["precise", "fast"])
def test_html_body_benchmark_floor(shared: Path, extractor: str) -> None:
    """CI gate: issue 5 asks for token F1 >= 0.93 on ../shared/eval/html, for both extractors;
    issue 16 for `precise` never to score below plain trafilatura in the same run, nor to
    leave a page empty that trafilatura reads."""
    result = CliRunner().invoke(main, ["eval", str(shared / "eval" / "html" / "ground-truth.json"), "--dataset", "html", "--html", extractor, "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["pages"] == 91 and not scores["failed"]
    assert scores["f1"] >= 0.93 and scores["macro_f1"] >= 0.93
    plain = scores["trafilatura"]
    assert plain["pages"] == 91
    if extractor == "precise":
        assert scores["f1"] >= plain["f1"] and scores["macro_f1"] >= plain["macro_f1"]
        assert not scores["empty_where_trafilatura_reads"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Sahel Monitor</title><link>https://sahelmonitor.example</link>
<item><title>Gunmen kill two guards in Gao</title><link>https://sahelmonitor.example/gao-guards</link>
<guid>gao-guards-1</guid><pubDate>Tue, 07 May 2024 09:30:00 GMT</pubDate>
<description>Two guards were killed in Gao.</description>
<content:encoded><![CDATA[<p>Gunmen on motorbikes attacked a checkpoint at the entrance of Gao on Monday night, killing two guards, the regional governor said.</p><p>No group has claimed the attack.</p>]]></content:encoded></item>
<item><title>Market reopens in Mopti</title><link>https://sahelmonitor.example/mopti-market</link>
<pubDate>Wed, 08 May 2024 10:00:00 GMT</pubDate><description>Traders in Mopti reopened the central market on Wednesday after repairs to its roof were finished.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lake Chad Wire</title>
<entry><title>Troops repel raid near Monguno</title><id>tag:lakechad.example,2024:1</id><link href="https://lakechad.example/monguno"/>
<updated>2024-05-06T18:00:00Z</updated><content type="html">&lt;p&gt;Soldiers repelled an attack by fighters on a base near Monguno on Sunday, the army said.&lt;/p&gt;</content></entry></feed>"""


def test_feed_items_are_articles(tmp_path: Path) -> None:
    (tmp_path / "sahel.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "lakechad.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item>", encoding="utf-8")
    results = list(iter_articles([str(tmp_path / "sahel.rss"), str(tmp_path / "lakechad.xml"), str(tmp_path / "broken.rss")]))
    gao, mopti, monguno, broken = results
    assert gao.text.startswith("Gunmen on motorbikes attacked") and "\n\nNo group has claimed" in gao.text
    assert (gao.title, gao.outlet, gao.url) == ("Gunmen kill two guards in Gao", "Sahel Monitor", "https://sahelmonitor.example/gao-guards")
    assert gao.published.isoformat() == "2024-05-07T09:30:00+00:00"
    assert mopti.text.startswith("Traders in Mopti reopened") and mopti.published.day == 8
    assert (monguno.outlet, monguno.published.day) == ("Lake Chad Wire", 6)
    assert gao.id != mopti.id and gao.id == list(iter_articles([str(tmp_path / "sahel.rss")]))[0].id
    assert isinstance(broken, ReadError) and "broken.rss" in str(broken)


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-05-09T12:00:00Z"})
            writer.write_record(record)


def test_web_archive_pages_with_capture_date_fallback(tmp_path: Path) -> None:
    undated = PAGE.replace('"datePublished": "2024-05-07T09:30:00Z",', "").replace("Gao", "Menaka")
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://sahelmonitor.example/gao", "text/html; charset=utf-8", PAGE),
                 ("https://sahelmonitor.example/logo.png", "image/png", "PNG"),
                 ("https://sahelmonitor.example/menaka", "text/html", undated)])
    gao, menaka = list(iter_articles([str(path)]))
    assert gao.url == "https://sahelmonitor.example/gao" and gao.published.date().isoformat() == "2024-05-07"
    assert "Menaka" in menaka.text and menaka.published.date().isoformat() == "2024-05-09"
    assert menaka.metadata["published_from"] == "capture date"

    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:700])
    assert any(isinstance(r, ReadError) and "cut.warc.gz" in str(r) for r in iter_articles([str(cut)]))
