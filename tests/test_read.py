from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sitrep.read import ReadError, iter_articles
from sitrep.read.manifest import load_manifest


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
    latin = _write(tmp_path / "latin.txt", "Caf\xe9 bombed".encode("cp1252"))
    good = _write(tmp_path / "good.txt", "Militants attacked a base.")
    items = list(iter_articles([str(tmp_path / "missing.txt"), str(empty), str(binary), str(latin), str(good)]))
    problems = [(i.source, i.problem) for i in items if isinstance(i, ReadError)]
    assert problems == [
        (str(tmp_path / "missing.txt"), "no such file or directory"),
        (str(empty), "empty file"),
        (str(binary), "binary file (contains NUL bytes), not text"),
    ]
    assert [i.id for i in items if not isinstance(i, ReadError)] == ["latin", "good"]
    assert next(i for i in items if not isinstance(i, ReadError)).text == "Café bombed"


def test_cyrillic_code_page_is_decoded(tmp_path: Path) -> None:
    text = "Бойовики обстріляли місто вночі, загинули двоє людей, повідомила поліція."
    path = _write(tmp_path / "kharkiv.txt", text.encode("cp1251"))
    [article] = list(iter_articles([str(path)]))
    assert article.text == text
