from __future__ import annotations

import base64
import encodings.aliases
import gzip
import io
import json
import os
import random
import signal
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.read import ReadError, iter_articles, sources, tabular
from sitrep.read.files import read_input
from sitrep.read.manifest import ManifestError, load_manifest
from sitrep.read.prose import text_problem
from sitrep.records import Article, content_hash


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_files_folders_and_globs(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "one.txt", "Rebels attacked a convoy.")
    _write(tmp_path / "a" / "two.txt", "Police arrested ten men.")
    _write(tmp_path / "b" / "three.txt", "Troops shelled the town.")
    from_folder = [a.id for a in iter_articles([str(tmp_path / "a")])]
    from_glob = [a.id for a in iter_articles([str(tmp_path / "*" / "t*.txt")])]
    assert from_folder == ["one", "two"]
    assert from_glob == ["two", "three"]


def test_manifest_by_path_and_by_id(tmp_path: Path) -> None:
    _write(tmp_path / "texts" / "x.txt", "An explosion hit the market.")
    _write(tmp_path / "texts" / "y.txt", "Gunmen killed two guards.")
    rows = [
        {"id": "story-x", "path": "texts/x.txt", "published": "2024-05-01T08:30:00", "outlet": "Wire", "desk": "Africa"},
        {"id": "y", "published": "2024-05-02", "url": "https://example.org/y"},
    ]
    manifest = _write(tmp_path / "manifest.jsonl", "\n".join(json.dumps(r) for r in rows))
    articles = {a.id: a for a in iter_articles([str(tmp_path / "texts")], load_manifest(manifest))}
    assert articles["story-x"].published == datetime(2024, 5, 1, 8, 30)
    assert articles["story-x"].outlet == "Wire"
    assert articles["story-x"].metadata == {"desk": "Africa"}
    assert articles["y"].published == datetime(2024, 5, 2)
    assert articles["y"].url == "https://example.org/y"


def test_jsonl_and_csv_rows(tmp_path: Path) -> None:
    jsonl = _write(tmp_path / "batch.jsonl", '{"id": "j1", "text": "Troops clashed with rebels.", "published": "2023-01-02"}\nnot json\n{"id": "j2"}\n')
    csv_file = _write(tmp_path / "batch.csv", 'id,title,body,source_rank\nc1,Clash,"Soldiers fought rebels, officials said.",3\n')
    items = list(iter_articles([str(jsonl), str(csv_file)]))
    articles = [i for i in items if not isinstance(i, ReadError)]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert [a.id for a in articles] == ["j1", "c1"]
    assert articles[1].title == "Clash" and articles[1].metadata == {"source_rank": "3"}
    assert errors == [f"{jsonl}:2: not valid JSON (Expecting value)", f"{jsonl}:3: row has no text"]


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "  \n")
    binary = _write(tmp_path / "binary.txt", b"\x00\x01\x02PNG")
    latin = _write(tmp_path / "latin.txt", "Caf\xe9 bombed near the port on Monday.".encode("cp1252"))
    good = _write(tmp_path / "good.txt", "Militants attacked a base.")
    items = list(iter_articles([str(tmp_path / "missing.txt"), str(empty), str(binary), str(latin), str(good)]))
    problems = [(i.source, i.problem) for i in items if isinstance(i, ReadError)]
    assert problems == [
        (str(tmp_path / "missing.txt"), "no such file or directory"),
        (str(empty), "empty file"),
        (str(binary), "binary file (contains NUL bytes), not text"),
    ]
    assert [i.id for i in items if not isinstance(i, ReadError)] == ["latin", "good"]
    assert next(i for i in items if not isinstance(i, ReadError)).text == "Café bombed near the port on Monday."


def test_cyrillic_code_page_is_decoded(tmp_path: Path) -> None:
    text = "Бойовики обстріляли місто вночі, загинули двоє людей, повідомила поліція."
    path = _write(tmp_path / "kharkiv.txt", text.encode("cp1251"))
    [article] = list(iter_articles([str(path)]))
    assert article.text == text


# Hostile input (issue 16): whatever one file or row holds, it is one error and the rest is read.

REAL_TEXT = {
    "English": "Gunmen attacked a police post near Gao on Tuesday, killing two officers, officials said.",
    "English, short": "Police arrested ten men.",
    "English, capitals and figures": "UN: 3 KILLED IN KHARKIV STRIKE; NATO AND EU LEADERS MEET IN BRUSSELS (12/4/2024).",
    "French": "Des hommes armés ont attaqué un poste de contrôle à l'entrée de Gao lundi soir, tuant deux gardes.",
    "Vietnamese, decomposed": unicodedata.normalize("NFD", "Các tay súng đã tấn công một đồn cảnh sát gần thị trấn vào tối thứ Ba."),
    "Turkish": "Silahlı kişiler salı günü Gao yakınlarındaki bir karakola saldırdı, iki polis öldü.",
    "Russian": "Боевики атаковали полицейский пост под Гао во вторник, погибли двое сотрудников, сообщили власти.",
    "Greek": "Ένοπλοι επιτέθηκαν σε αστυνομικό φυλάκιο κοντά στο Γκάο την Τρίτη, σκοτώνοντας δύο αστυνομικούς.",
    "Arabic": "هاجم مسلحون مركزا للشرطة قرب غاو يوم الثلاثاء مما أسفر عن مقتل شرطيين، حسبما قال مسؤولون.",
    "Persian": "افراد مسلح روز سه‌شنبه به یک پاسگاه پلیس در نزدیکی گائو حمله کردند و دو مأمور را کشتند.",
    "Hebrew": "חמושים תקפו ביום שלישי עמדת משטרה ליד גאו והרגו שני שוטרים, כך מסרו גורמים רשמיים.",
    "Chinese": "周二，武装分子袭击了加奥附近的一个警察哨所，造成两名警察死亡，官员表示。",
    "Chinese, names only": "習近平訪問莫斯科會見普京",
    "Japanese": "武装集団が火曜日、ガオ近郊の警察詰め所を襲撃し、警察官２人が死亡したと当局者が明らかにした。",
    "Korean": "무장 괴한들이 화요일 가오 인근 경찰 초소를 공격해 경찰관 두 명이 숨졌다고 당국자들이 밝혔다.",
    "Burmese": "သေနတ်သမားများသည် အင်္ဂါနေ့က ဂါအိုမြို့အနီးရှိ ရဲကင်းစခန်းတစ်ခုကို တိုက်ခိုက်ခဲ့သည်။",
    "Burmese, unspaced": "သေနတ်သမားများသည်အင်္ဂါနေ့ကဂါအိုမြို့အနီးရှိရဲကင်းစခန်းတစ်ခုကိုတိုက်ခိုက်ခဲ့သည်။",
    "Thai": "กลุ่มคนร้ายติดอาวุธบุกโจมตีป้อมตำรวจใกล้เมืองเกาเมื่อวันอังคาร ทำให้เจ้าหน้าที่ตำรวจเสียชีวิตสองนาย",
    "Hindi": "बंदूकधारियों ने मंगलवार को गाओ के पास एक पुलिस चौकी पर हमला किया, जिसमें दो अधिकारी मारे गए।",
    "Amharic": "ታጣቂዎች ማክሰኞ በጋኦ አቅራቢያ የሚገኝ የፖሊስ ጣቢያ ላይ ጥቃት በመፈጸም ሁለት ፖሊሶችን ገድለዋል።",
    "Georgian": "შეიარაღებულმა პირებმა სამშაბათს გაოს მახლობლად პოლიციის საგუშაგოს შეუტიეს.",
    "Tamil": "செவ்வாய்க்கிழமை காவோ அருகே உள்ள காவல் நிலையத்தை ஆயுதம் ஏந்திய நபர்கள் தாக்கினர்.",
    "a tweet": "Ukraine's SBU says Shahed-136 drones hit Kharkiv (Харків) overnight; 5 hurt. #Ukraine @UN https://t.co/x1",
}


@pytest.mark.parametrize("language", sorted(REAL_TEXT))
def test_real_text_in_any_script_is_text(language: str) -> None:
    assert text_problem(REAL_TEXT[language]) is None


def _random_text(rng: random.Random, encoding: str, size: int) -> str | None:
    try:
        return bytes(rng.getrandbits(8) for _ in range(size)).decode(encoding)
    except UnicodeDecodeError:
        return None


CODE_PAGES = sorted({codec for codec in encodings.aliases.aliases.values() if _random_text(random.Random(0), codec, 0) == ""}
                    - {"rot_13", "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "uu_codec", "zlib_codec", "mbcs", "oem"})


def test_random_bytes_decoded_by_any_code_page_are_not_text() -> None:
    rng = random.Random(16)
    decoded = [text for codec in CODE_PAGES for size in (8, 16, 24, 40, 100, 1000, 5000)
               for text in [_random_text(rng, codec, size) for _ in range(6)] if text and text.strip()]
    accepted = [text for text in decoded if text_problem(text) is None]
    assert len(CODE_PAGES) > 80 and len(decoded) > 1500
    assert not accepted, accepted[:5]


def test_random_characters_are_not_text() -> None:
    rng = random.Random(16)
    samples = ["".join(chr(rng.choice([rng.randint(0x21, 0x2FF), rng.randint(0x370, 0xFFFD)])) for _ in range(size))
               for size in (10, 30, 100, 1000) for _ in range(100)]
    samples += [rng.randbytes(size).hex() for size in (8, 30, 300)] + [base64.b64encode(rng.randbytes(size)).decode() for size in (8, 30, 300)]
    samples += ["\ufffd x", "\x00" * 50, "x", "\ue000\ue001 private use characters"]
    accepted = [text for text in samples if text.strip() and text_problem(text) is None]
    assert not accepted, accepted[:5]


def test_random_files_are_not_articles(tmp_path: Path) -> None:
    """Of 71 files of random bytes, charset-normalizer's guesses made articles (one a
    single character)."""
    rng = random.Random(71)
    paths = [_write(tmp_path / f"junk-{i}{('.txt', '.html')[i % 2]}", rng.randbytes(rng.choice([1, 2, 5, 12, 31, 32, 60, 200, 3000])))
             for i in range(200)]
    items = list(iter_articles([str(p) for p in paths]))
    assert [type(i).__name__ for i in items] == ["ReadError"] * len(paths)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    text = "Soldiers repelled an attack on a base near Monguno on Sunday, the army said."
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"
    page = f"<html><body><article><h1>Raid repelled</h1><p>{text}</p><p>{text.replace('Sunday', 'Monday')}</p></article></body></html>"
    inputs = [
        _write(tmp_path / "story.txt", (bom + text).encode(encoding)),
        _write(tmp_path / "rows.jsonl", (bom + json.dumps({"id": "row", "text": text.replace("Monguno", "Dikwa")}) + "\n").encode(encoding)),
        _write(tmp_path / "rows.csv", (bom + 'id,body\ncsv,"' + text.replace("Monguno", "Bama") + '"\n').encode(encoding)),
        _write(tmp_path / "page.html", (bom + page).encode(encoding)),
    ]
    items = list(iter_articles([str(p) for p in inputs]))
    assert [i.id for i in items] == ["story", "row", "csv", "page"], items
    assert items[0].text == text and "Dikwa" in items[1].text and "Bama" in items[2].text and text in items[3].text


def test_a_lone_surrogate_is_replaced_or_its_row_refused(tmp_path: Path) -> None:
    """A JSON "\\ud800" raised UnicodeEncodeError in content_hash and ended the batch."""
    rows = [
        '{"id": "before", "text": "Troops shelled the outskirts of Idlib overnight."}',
        '{"text": "\\ud800 x"}',
        '{"id": "odd\\udc00", "text": "Gunmen attacked a police post near Gao \\ud800 on Tuesday.", "desk\\udfff": ["\\ud834"]}',
        '{"id": "after", "text": "Rebels seized two villages near Bunia on Friday."}',
    ]
    path = _write(tmp_path / "rows.jsonl", "\n".join(rows) + "\n")
    before, refused, replaced, after = iter_articles([str(path)])
    assert (before.id, after.id) == ("before", "after")
    assert str(refused) == f"{path}:2: not text (fewer than 8 letters)"
    assert replaced.text == "Gunmen attacked a police post near Gao \ufffd on Tuesday." and replaced.id == "odd\ufffd"
    assert replaced.metadata == {"desk\ufffd": ["\ufffd"]}
    assert json.dumps(replaced.to_dict(), ensure_ascii=False).encode("utf-8")
    assert replaced.raw_hash == content_hash(replaced.text)
    assert content_hash("\ud800 x") != content_hash("\ufffd x")


def test_a_number_too_long_for_python_is_an_error_of_its_row(tmp_path: Path) -> None:
    """A number of 5,000 digits raised ValueError, not JSONDecodeError, in json.loads."""
    path = _write(tmp_path / "rows.jsonl", '{"text": ' + "1" * 5000 + '}\n{"id": "ok", "text": "Soldiers clashed with rebels near Goma."}\n')
    error, article = iter_articles([str(path)])
    assert str(error) == f"{path}:1: not valid JSON (a number of 5,000 digits, over the 4,300-digit limit)"
    assert article.id == "ok"


def test_an_unforeseen_failure_is_an_error_of_its_input_or_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: what raises while one input (or row) is read is its error; what was
    read before stands, and the next input is read."""
    first = _write(tmp_path / "a.txt", "Troops shelled the outskirts of Idlib overnight.")
    broken = _write(tmp_path / "b.txt", "Gunmen attacked a police post near Gao on Tuesday.")
    rows = _write(tmp_path / "c.jsonl", '{"id": "r1", "text": "Rebels seized two villages near Bunia."}\n{"id": "boom", "text": "Militants raided a camp near Diffa."}\n{"id": "r3", "text": "Police dispersed protesters in Kano."}\n')
    real_read_text, real_article = sources.read_text, sources.article_from_row

    def read_text(path: Path) -> str | ReadError:
        if path == broken:
            raise MemoryError("a library gave up")
        return real_read_text(path)

    def article_from_row(row: dict, text: str, source: str) -> Article | ReadError:
        if row.get("id") == "boom":
            raise KeyError("a bug")
        return real_article(row, text, source)

    monkeypatch.setattr(sources, "read_text", read_text)
    monkeypatch.setattr(sources, "article_from_row", article_from_row)
    items = [str(i) if isinstance(i, ReadError) else i.id for i in iter_articles([str(first), str(broken), str(rows)])]
    assert items == ["a", f"{broken}: could not be read (MemoryError: a library gave up)", "r1", f"{rows}:2: could not be read (KeyError: 'a bug')", "r3"]


def test_an_error_is_one_line_whatever_the_file_name() -> None:
    error = ReadError("folder/two\nlines\x1b[31m-" + os.fsdecode(b"\xff") + ".txt", "not text\n(really)")
    assert str(error) == "folder/two\\x0alines\\x1b[31m-\\udcff.txt: not text\\x0a(really)"


SUFFIXES = [".txt", ".html", ".html.gz", ".jsonl", ".csv", ".rss", ".xml", ".warc", ".warc.gz"]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_what_is_not_a_regular_file_is_refused_unopened(tmp_path: Path, suffix: str) -> None:
    """A symlink to /dev/zero passed the size check (st_size 0) and was read without end;
    a FIFO blocked for ever."""
    zero, fifo, null = tmp_path / f"zero{suffix}", tmp_path / f"fifo{suffix}", tmp_path / f"null{suffix}"
    zero.symlink_to("/dev/zero")
    null.symlink_to("/dev/null")
    os.mkfifo(fifo)
    good = _write(tmp_path / "a-good.txt", "Gunmen attacked a police post near Gao on Tuesday.")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading blocked"))
    signal.alarm(20)
    try:
        items = list(iter_articles([str(tmp_path)]))
    finally:
        signal.alarm(0)
    assert items[0].id == good.stem
    assert [str(i) for i in items[1:]] == [
        f"{fifo}: not a regular file (a named pipe (FIFO)); only files are read",
        f"{null}: not a regular file (a character device: /dev/null); only files are read",
        f"{zero}: not a regular file (a character device: /dev/zero); only files are read",
    ]


def test_reads_stop_at_the_limit_whatever_the_size_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read asks for one byte over the limit; st_size is never trusted."""
    path = _write(tmp_path / "story.txt", "Gunmen attacked a police post near Gao on Tuesday.")
    monkeypatch.setattr(Path, "stat", lambda self, **_: os.stat_result((0o100644, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
    assert read_input(path, 10) == ReadError(str(path), "file is over the 10-byte limit")
    assert read_input(path, 100) == path.read_bytes()


def test_an_unreadable_folder_or_dangling_link_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom permission bits do not stop: listing the folder fails here."""
    _write(tmp_path / "locked" / "hidden.txt", "Never read: the folder cannot be listed.")
    good = _write(tmp_path / "open" / "story.txt", "Gunmen attacked a police post near Gao on Tuesday.")
    (tmp_path / "open" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = [str(i) if isinstance(i, ReadError) else i.id for i in iter_articles([str(tmp_path)])]
    assert items == [f"{tmp_path / 'open' / 'gone.txt'}: cannot read it (No such file or directory)", good.stem,
                     f"{tmp_path / 'locked'}: cannot read it (Permission denied)"]


def test_tables_without_rows_are_errors(tmp_path: Path) -> None:
    paths = [_write(tmp_path / "empty.jsonl", ""), _write(tmp_path / "blank.jsonl", "\n \n"),
             _write(tmp_path / "empty.csv", ""), _write(tmp_path / "header.csv", "id,text\n")]
    items = [str(i) for i in iter_articles([str(p) for p in paths])]
    assert items == [f"{paths[0]}: no rows", f"{paths[1]}: no rows",
                     f"{paths[2]}: no text column (expected one of: text, body, content, article, doctext)", f"{paths[3]}: no rows"]


def test_a_line_over_the_limit_is_an_error_of_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROW_CHARS", 200)
    long = "Soldiers fought rebels near the border for many hours. " * 10
    jsonl = _write(tmp_path / "rows.jsonl", "\n".join(json.dumps({"id": i, "text": t}) for i, t in
                                                       [("a", "Rebels attacked a convoy near Gao."), ("b", long), ("c", "Troops shelled the town of Kidal.")]) + "\n")
    table = _write(tmp_path / "rows.csv", f'id,text\na,Rebels attacked a convoy near Gao.\nb,"{long}"\nc,Troops shelled the town of Kidal.\n')
    items = [str(i) if isinstance(i, ReadError) else i.id for i in iter_articles([str(jsonl), str(table)])]
    assert items == ["a", f"{jsonl}:2: line is over the 200-character limit", "c",
                     "a", f"{table}:3: line is over the 200-character limit; the rest of the file is not read"]


def test_junk_in_rows_and_items_is_an_error_of_its_own(tmp_path: Path) -> None:
    junk = "ÿ¤ÞÐ÷ÆØ¾ª»þÜ¿¸ñ¶ýÏ×Ì·ÎÄüÓ¯¬ÀÈî´ºçåÍõ"
    jsonl = _write(tmp_path / "rows.jsonl", json.dumps({"id": "junk", "text": junk}) + "\n" + json.dumps({"id": "ok", "text": "Rebels attacked a convoy near Gao."}) + "\n")
    table = _write(tmp_path / "rows.csv", f"id,text\njunk,{junk}\nok,Troops shelled the town of Kidal.\nlatin,".encode() + b"Caf\xe9 bombed near the port.\n")
    feed = _write(tmp_path / "feed.rss", f"<rss><channel><title>F</title><item><guid>1</guid><description>{junk}</description></item>"
                  "<item><guid>2</guid><description>Police dispersed protesters in Kano on Friday.</description></item></channel></rss>")
    items = [f"{i.source}: {i.problem.split(' (')[0]}" if isinstance(i, ReadError) else i.text for i in iter_articles([str(jsonl), str(table), str(feed)])]
    assert items == [f"{jsonl}:1: not text", "Rebels attacked a convoy near Gao.", f"{table}:2: not text", "Troops shelled the town of Kidal.",
                     f"{table}:4: not UTF-8 text", f"{feed}#1: not text", "Police dispersed protesters in Kano on Friday."]


def _warc(pages: list[tuple[str, str]], gz: bool) -> bytes:
    writer_out = io.BytesIO()
    writer = WARCWriter(writer_out, gzip=gz)
    for url, text in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><article><h1>Report</h1><p>{text}</p><p>{text}</p></article></body></html>".encode()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return writer_out.getvalue()


def test_an_archived_page_in_utf16_is_read(tmp_path: Path) -> None:
    writer_out = io.BytesIO()
    writer = WARCWriter(writer_out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    story = "Gunmen attacked a police post near Gao on Tuesday, killing two officers, the governor said."
    body = f"<html><body><article><h1>Gao</h1><p>{story}</p><p>{story}</p></article></body></html>".encode("utf-16")
    writer.write_record(writer.create_warc_record("https://a.example/gao", "response", payload=io.BytesIO(body), http_headers=headers))
    [article] = iter_articles([str(_write(tmp_path / "utf16.warc.gz", writer_out.getvalue()))])
    assert isinstance(article, Article) and story in article.text


@pytest.mark.parametrize("gz", [False, True])
def test_damaged_web_archives_are_errors_and_whole_records_are_kept(tmp_path: Path, gz: bool) -> None:
    """A garbage header, a page named .warc.gz, an archive cut inside a record header: each
    was skipped or half read with exit status 0."""
    suffix = ".warc.gz" if gz else ".warc"
    first = ("https://a.example/gao", "Gunmen attacked a police post near Gao on Tuesday, killing two officers.")
    second = ("https://a.example/kidal", "Troops shelled the outskirts of Kidal on Wednesday, wounding five civilians.")
    one = _warc([first], gz)
    cut_header = _write(tmp_path / f"cut-header{suffix}", one + (gzip.compress(_warc([second], False)[:150]) if gz else _warc([second], False)[:150]))
    cut_body = _write(tmp_path / f"cut-body{suffix}", one + (gzip.compress(_warc([second], False)[:-120]) if gz else _warc([second], False)[:-120]))
    garbage = _write(tmp_path / f"garbage{suffix}", b"WARC/1.0\r\n\x93\xff garbage \x01 no colon\r\nmore\r\n\r\n" + b"x" * 100)
    page = _write(tmp_path / f"page{suffix}", b"\n\n<html><body><p>A page, not an archive.</p></body></html>")
    wrong_length = _write(tmp_path / f"length{suffix}", one + b"garbage" if gz else one.replace(b"Content-Length: ", b"Content-Length: 1"))
    read = {p: [str(i) if isinstance(i, ReadError) else i.text.splitlines()[-1] for i in iter_articles([str(p)])]
            for p in (cut_header, cut_body, garbage, page, wrong_length)}
    assert read[cut_header][0] == read[cut_body][0] == first[1]
    assert len(read[cut_header]) == 2 and read[cut_header][1].startswith(f"{cut_header}#2: ")
    assert read[cut_body][1:] == [f"{cut_body}#2: record is truncated (the archive ends inside it); the rest of the archive is not read"]
    assert read[garbage] == [f"{garbage}#1: damaged record header (no WARC-Type, WARC-Record-ID, WARC-Date, Content-Length); the rest of the archive is not read"]
    assert len(read[page]) == 1 and (read[page][0].startswith(f"{page}#1: damaged record header") or read[page][0].startswith(f"{page}: not a web archive"))
    assert read[wrong_length][-1].startswith(str(wrong_length)) and read[wrong_length][:-1] == ([first[1]] if gz else [])


def test_a_header_without_end_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A small gzip bomb of one endless header line."""
    bomb = _write(tmp_path / "bomb.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: " + b"a" * (64 * 2**20)))
    [error] = iter_articles([str(bomb)])
    assert str(error) == f"{bomb}: not a web archive, or damaged from its start (ArchiveLoadFailed: record headers over 1,048,576 bytes)"


def test_a_hostile_manifest_is_one_clear_error(tmp_path: Path) -> None:
    """A manifest is read as JSONL rows are: a FIFO blocked, a 5,000-digit number raised."""
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    huge = _write(tmp_path / "huge.jsonl", '{"id": "x", "rank": ' + "1" * 5000 + "}\n")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading blocked"))
    signal.alarm(20)
    try:
        with pytest.raises(ManifestError, match=r"fifo.jsonl: not a regular file \(a named pipe \(FIFO\)\)"):
            load_manifest(fifo)
        with pytest.raises(ManifestError, match=r"huge.jsonl:1: not valid JSON \(a number of 5,000 digits"):
            load_manifest(huge)
    finally:
        signal.alarm(0)


def test_the_number_of_articles_is_known_where_the_inputs_tell_it_cheaply(tmp_path: Path) -> None:
    """A progress bar's total: text and page files one each, JSONL one a non-blank line; a
    CSV (rows may span lines) leaves it unknown."""
    from sitrep.read.sources import expected_articles

    _write(tmp_path / "a.txt", b"Gunmen attacked a police post near Gao.")
    _write(tmp_path / "b.html", b"<html><body><p>Troops shelled Kidal.</p></body></html>")
    _write(tmp_path / "c.jsonl", b'{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n')
    assert expected_articles([str(tmp_path)]) == 5
    _write(tmp_path / "d.csv", b'text\n"a row\nover two lines"\n')
    assert expected_articles([str(tmp_path)]) is None
