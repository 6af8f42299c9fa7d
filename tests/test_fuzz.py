"""Readers never raise on hostile input: every input yields Articles whose text is text and
whose strings UTF-8 can hold, or named one-line ReadErrors. tests/test_hostile.py gives
thousands of hostile inputs to `sitrep ingest` itself."""
from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.read import ReadError, iter_articles
from sitrep.read.prose import text_problem
from sitrep.records import Article

SUFFIXES = [".txt", ".jsonl", ".csv", ".html", ".html.gz", ".rss", ".xml", ".warc.gz", ".warc"]
MARKUP = st.sampled_from([b"<html>", b"<rss>", b"<item>", b"<![CDATA[", b'{"text": ', b"\x00", b"\xff\xfe", b"WARC/1.0\r\n", b"<p>", b"\n", b'"', b",",
                          b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\xfe\xff", b"\\ud800", b"&#xD800;", b"1" * 5000, b"WARC-Type: response\r\n",
                          b"Content-Length: 12\r\n", b"\r\n\r\n", b"Troops shelled the town of Kidal on Monday. "])


def _read(suffix: str, data: bytes, html: str = "precise") -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] == b"g" else data)
        return list(iter_articles([str(path)], html=html))


@settings(max_examples=int(os.environ.get("SITREP_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), st.lists(st.one_of(MARKUP, st.binary(max_size=64)), max_size=30).map(b"".join), st.sampled_from(["precise", "fast"]))
def test_readers_never_raise(suffix: str, data: bytes, html: str) -> None:
    results = _read(suffix, data, html)
    for result in results:
        assert isinstance(result, (Article, ReadError))
        if isinstance(result, ReadError):
            assert "input" in result.source and result.problem and "\n" not in str(result)
        else:
            assert text_problem(result.text) is None and json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=2000))
def test_deeply_nested_json_is_an_error_not_a_crash(depth: int) -> None:
    row = b'{"text": ' + b"[" * depth + b"1" + b"]" * depth + b"}\n"
    results = _read(".jsonl", row + b'{"id": "ok", "text": "Soldiers clashed with rebels near Goma."}\n')
    assert [type(r).__name__ for r in results][-1] == "Article"
