"""The fuzz harness of issue 16: thousands of hostile files and rows of every supported
kind, mixed with good articles, given to the real `sitrep ingest` in batches. No
traceback; every good article stored; one error line per bad file or row, naming it;
bounded memory and time. Each case of the issue is here by name (see `HostileCorpus`)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from sitrep.read import ReadError

SEED = 16
MAX_PEAK_MB = 1500
TIMEOUT_SECONDS = 600
RUNNER = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, resource.RLIM_INFINITY))
if os.environ.get("SITREP_LOCKED"):
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    os.scandir = scandir


def peak() -> None:
    with open(os.environ["SITREP_PEAK_FILE"], "w") as handle:
        handle.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


import atexit
atexit.register(peak)
from sitrep.cli import main
main(sys.argv[1:], prog_name="sitrep")
"""
"""`sitrep ingest` as run from the shell, reporting its peak memory, and failing (rather
than taking the machine's memory) past 6 GB of address space; a folder named "locked"
cannot be listed, as when permission is denied (tests run as root, which permission bits
do not stop)."""

PLACES = ["Gao", "Mopti", "Kidal", "Menaka", "Timbuktu", "Goma", "Bunia", "Beni", "Maiduguri", "Monguno", "Kharkiv", "Idlib",
          "Mogadishu", "Kismayo", "Baidoa", "Mosul", "Kirkuk", "Kandahar", "Herat", "Sittwe", "Myitkyina", "Lashio", "Bamenda",
          "Diffa", "Djibo", "Kaya", "Dori", "Marib", "Taiz", "Hodeidah", "Sirte", "Benghazi", "Ansongo", "Tillaberi", "Butembo",
          "Kumba", "Buea", "Garissa", "Mandera", "Beledweyne", "Jowhar", "Kherson", "Bakhmut", "Raqqa", "Homs", "Daraa"]
ATTACKERS = ["Gunmen", "Suspected jihadists", "Unidentified attackers", "Fighters of an armed group", "Bandits on motorbikes",
             "Militiamen", "Rebels", "Masked men", "Insurgents", "Members of a local self-defence group"]
TARGETS = ["a police post", "an army checkpoint", "the weekly market", "a convoy of fuel trucks", "a military base", "a primary school",
           "a health centre", "a gold mining site", "a camp for displaced families", "the town hall", "a mosque", "a church",
           "a bus station", "a customs office", "a water point"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SAYERS = ["officials said", "residents told reporters", "a local official said", "the army said in a statement",
          "a hospital worker said", "witnesses said", "the regional governor said", "a spokesman for the police said"]
FOLLOW_UPS = [
    "Shops stayed closed the next morning and patrols moved through the streets.",
    "Aid groups suspended their work in the district until further notice.",
    "The wounded were taken to the regional hospital by relatives.",
    "No group has claimed responsibility for the raid so far.",
    "Hundreds of families left their homes for safer villages to the south.",
    "It was the third such raid in the area since the start of the rainy season.",
    "Soldiers arrived several hours later and searched nearby farms.",
    "Mobile phone networks were cut for most of the following day.",
]
FOREIGN = [
    "Des hommes armés ont attaqué un poste de police près de {place} {day}, tuant {n} agents, selon des responsables locaux.",
    "Hombres armados atacaron un puesto policial cerca de {place} el {day}; murieron {n} agentes, según las autoridades.",
    "Боевики атаковали полицейский пост под городом {place}, погибли {n} человек, сообщили местные власти.",
    "هاجم مسلحون مركزا للشرطة قرب {place} مما أسفر عن مقتل {n} أشخاص، حسبما قال مسؤولون محليون.",
    "武装分子袭击了{place}附近的一个警察哨所，造成{n}人死亡，当地官员表示。",
    "Ένοπλοι επιτέθηκαν σε αστυνομικό φυλάκιο κοντά στην πόλη {place}, σκοτώνοντας {n} ανθρώπους, είπαν αξιωματούχοι.",
    "သေနတ်သမားများသည် {place} မြို့အနီးရှိ ရဲကင်းစခန်းကို တိုက်ခိုက်ခဲ့ပြီး လူ {n} ဦး သေဆုံးခဲ့သည်ဟု အာဏာပိုင်များက ပြောသည်။",
]


class Stories:
    """Short reports, each of its own wording: the structure, the place, the actors, the
    numbers and the follow-up sentences vary, so that none is a copy of another."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made: set[str] = set()

    def english(self) -> str:
        return self._unique(self._english)

    def foreign(self) -> str:
        return self._unique(lambda: self.rng.choice(FOREIGN).format(place=self.rng.choice(PLACES), day=self.rng.choice(DAYS), n=self.rng.randint(2, 90)))

    def _unique(self, make: Callable[[], str]) -> str:
        text = make()
        while text in self.made:
            text = make()
        self.made.add(text)
        return text

    def _english(self) -> str:
        r = self.rng
        place, day, n = r.choice(PLACES), r.choice(DAYS), r.randint(2, 95)
        attackers, target, sayer = r.choice(ATTACKERS), r.choice(TARGETS), r.choice(SAYERS)
        lead = r.choice([
            f"{attackers} attacked {target} near {place} on {day}, killing {n} people, {sayer}.",
            f"At least {n} people were killed on {day} when {attackers.lower()} stormed {target} in {place}.",
            f"{place}: {n} civilians died after {attackers.lower()} opened fire on {target} late on {day}, {sayer}.",
            f"Clashes broke out in {place} on {day} between soldiers and {attackers.lower()}; {n} fighters were reported dead.",
            f"An explosion tore through {target} in {place} on {day}, and {sayer} that {n} people were wounded.",
            f"Residents of {place} fled after {attackers.lower()} set fire to {target} on {day} night. {n} bodies were found.",
            f"Police in {place} arrested {n} suspects on {day} over an attack on {target}, {sayer}.",
        ])
        return " ".join([lead, *r.sample(FOLLOW_UPS, r.choice([0, 0, 1, 2]))])


@dataclass
class HostileCorpus:
    """Files written for one batch, and what ingesting them must give: the good texts to
    find stored, and the inputs (a file, a row, an item, a record) that each deserve one
    error line. Cases of issue 16 are named as methods."""

    folder: Path
    rng: random.Random
    stories: Stories
    good: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    """Sources of the expected error lines, as ReadError prints them."""

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def expect_error(self, source: str | Path) -> None:
        self.bad.append(str(ReadError(str(source), "")).removesuffix(": "))

    def good_text(self, foreign: bool = False) -> str:
        text = self.stories.foreign() if foreign else self.stories.english()
        self.good.append(text)
        return text

    def text_files(self, count: int) -> None:
        for i in range(count):
            self.write(f"txt/story-{i}.txt", self.good_text(foreign=i % 9 == 0))

    def unicode_with_bom(self) -> None:
        """UTF-16 and UTF-32 files with a byte-order mark are text."""
        for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"):
            bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
            self.write(f"bom/{encoding}.txt", (bom + self.good_text()).encode(encoding))
            rows = [{"id": f"bom-{encoding}-{i}", "text": self.good_text()} for i in range(2)]
            self.write(f"bom/{encoding}.jsonl", (bom + "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n").encode(encoding))
            self.write(f"bom/{encoding}.csv", (bom + _csv([{"id": f"bom-csv-{encoding}", "body": self.good_text()}])).encode(encoding))
            self.write(f"bom/{encoding}-page.html", (bom + _page(self.good_text())).encode(encoding))

    def random_bytes(self, count: int) -> None:
        """Files of random bytes, of any length, are not text whatever a code page makes
        of them (71 of them were stored as articles)."""
        for i in range(count):
            size = self.rng.choice([1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 400, 1500, 6000])
            data = bytes(self.rng.getrandbits(8) for _ in range(size))
            suffix = self.rng.choice([".txt", ".txt", ".html", ".htm", ".html.gz", ".jsonl", ".csv", ".rss", ".atom", ".warc", ".warc.gz"])
            if suffix in (".jsonl", ".csv"):
                data = b"\xfe" + data.replace(b"\n", b"").replace(b"\r", b"")
            path = self.write(f"random/junk-{i}{suffix}", gzip.compress(data) if suffix.endswith(".gz") and i % 2 else data)
            self.expect_error(path)

    def junk_that_decodes(self, count: int) -> None:
        """Random bytes free of NUL and decodable as some legacy code page, and random
        characters saved as UTF-8: no article either."""
        for i in range(count):
            size = self.rng.randint(32, 600)
            if i % 2:
                data = "".join(chr(self.rng.choice([self.rng.randint(0x21, 0x2FF), self.rng.randint(0x400, 0x9FFF)])) for _ in range(size)).encode("utf-8", "replace")
            else:
                data = bytes(self.rng.choice(range(1, 256)) for _ in range(size))
            path = self.write(f"junk/decodes-{i}{self.rng.choice(['.txt', '.html'])}", data)
            self.expect_error(path)

    def empty_files(self) -> None:
        """Empty files of every kind, an empty .jsonl and .csv too (they were skipped
        without a word), and files of blanks."""
        for suffix in (".txt", ".html", ".html.gz", ".jsonl", ".csv", ".rss", ".atom", ".warc", ".warc.gz"):
            self.expect_error(self.write(f"empty/empty{suffix}", b""))
            self.expect_error(self.write(f"empty/blank{suffix}", b" \n\t\r\n  \n"))
        self.expect_error(self.write("empty/header-only.csv", "id,text\n"))
        self.expect_error(self.write("empty/blank-lines.jsonl", "\n\n  \n"))

    def special_files(self) -> None:
        """What is not a regular file: a symlink to /dev/zero (st_size 0, and endless), a
        FIFO (opening it blocks), a socket, /dev/null; links dangling or in a loop."""
        for suffix in (".txt", ".html", ".html.gz", ".jsonl", ".csv", ".rss", ".xml", ".warc", ".warc.gz"):
            (self.folder / "special").mkdir(exist_ok=True)
            zero = self.folder / "special" / f"zero{suffix}"
            zero.symlink_to("/dev/zero")
            self.expect_error(zero)
            null = self.folder / "special" / f"null{suffix}"
            null.symlink_to("/dev/null")
            self.expect_error(null)
            fifo = self.folder / "special" / f"fifo{suffix}"
            os.mkfifo(fifo)
            self.expect_error(fifo)
        dangling = self.folder / "special" / "dangling.txt"
        dangling.symlink_to(self.folder / "special" / "nowhere.txt")
        self.expect_error(dangling)
        loop = self.folder / "special" / "loop.txt"
        loop.symlink_to(loop)
        self.expect_error(loop)
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(self.folder / "special" / "socket.jsonl"))
        self.expect_error(self.folder / "special" / "socket.jsonl")

    def oversized(self) -> None:
        """Over the size limits: sparse files (nothing written, all read), a gzip bomb, a
        JSONL line of 21 million characters beside good rows."""
        for name, size in (("big.txt", 51 * 2**20), ("big.html", 21 * 2**20), ("big.rss", 21 * 2**20)):
            with (self.folder / name).open("wb") as handle:
                handle.truncate(size)
            self.expect_error(self.folder / name)
        self.expect_error(self.write("bomb.html.gz", gzip.compress(b"<p>" + b"a" * (21 * 2**20))))
        long_line = self.folder / "long-line.jsonl"
        with long_line.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": "before-long", "text": self.good_text()}) + "\n")
            handle.write('{"text": "' + "word " * (21 * 2**20 // 5) + '"}\n')
            handle.write(json.dumps({"id": "after-long", "text": self.good_text()}) + "\n")
        self.expect_error(f"{long_line}:2")

    def hostile_names(self) -> None:
        """File names with a newline, bytes in no encoding, control characters: the good
        ones are stored, and an error names the bad one on one line."""
        self.write("names/two\nlines.txt", self.good_text())
        name = os.fsdecode(b"names/caf\xe9-\xff.txt")
        self.write(name, self.good_text())
        self.expect_error(self.write("names/bad\x1b[31m\nname.txt", b"\x00\x01"))

    def jsonl_files(self, count: int, rows: int) -> None:
        """Good rows among hostile ones: a lone surrogate, a number of 5,000 digits, deep
        nesting, NaN, random junk as text, bytes that are not UTF-8, no text, not an object."""
        for f in range(count):
            path = self.folder / "jsonl" / f"batch-{f}.jsonl"
            lines: list[bytes] = []
            for r in range(rows):
                number = len(lines) + 1
                case = self.rng.random()
                if case < 0.45:
                    text = self.good_text(foreign=r % 11 == 0)
                    row = {"id": f"jsonl-{f}-{r}", "text": text, "outlet": self.rng.choice(["Wire", "Sahel Monitor", None]),
                           "published": self.rng.choice(["2024-05-07", "7 May 2024", "2024-05-07T09:30:00Z", None]), "extra": {"rank": r}}
                    lines.append(json.dumps(row, ensure_ascii=self.rng.random() < 0.5).encode("utf-8"))
                    continue
                lines.append(self._hostile_row(r))
                self.expect_error(f"{path}:{number}")
            self.write(f"jsonl/batch-{f}.jsonl", b"\n".join(lines) + b"\n")

    def _hostile_row(self, r: int) -> bytes:
        junk = "".join(chr(self.rng.randint(0x20, 0x3000)) for _ in range(self.rng.randint(10, 300)))
        return self.rng.choice([
            b'{"text": "\\ud800 x"}',
            b'{"text": "\\udfff\\ud800\\ud800\\udc00 \\ud834"}',
            b'{"text": ' + b"1" * 5000 + b"}",
            b'{"id": ' + b"9" * 5000 + b', "text": "Soldiers clashed with rebels near Goma on Monday."}',
            b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}",
            b'{"text": "Troops shelled a village.", "meta": ' + b"[" * 60 + b"]" * 60 + b"}",
            b'{"text": NaN}',
            b"[1, 2, 3]",
            b'"just a string"',
            b'{"text": "unterminated',
            b'{"title": "no text here"}',
            b'{"text": "   "}',
            json.dumps({"text": junk}).encode("utf-8"),
            json.dumps({"text": junk}, ensure_ascii=False).encode("utf-8", "replace"),
            b'{"text": "Caf\xe9 bombed near the port, killing three people, officials said."}',
            b'{"text": "Rebels attacked the town.", "published": "' + b"9" * 500 + b'"}',
            b'{"text": "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"}',
            b"\xfe" + bytes(self.rng.getrandbits(8) for _ in range(self.rng.randint(1, 80))).replace(b"\n", b"").replace(b"\r", b""),
        ])

    def csv_files(self, count: int, rows: int) -> None:
        """Good rows among rows of junk text, bytes that are not UTF-8, no text."""
        for f in range(count):
            path = self.folder / "csv" / f"table-{f}.csv"
            out = io.BytesIO()
            out.write(b"id,title,body,source_rank\r\n")
            line = 1
            for r in range(rows):
                line += 1
                case = self.rng.random()
                if case < 0.5:
                    out.write(_csv([{"id": f"csv-{f}-{r}", "title": "Report", "body": self.good_text(), "source_rank": str(r)}], header=False).encode("utf-8"))
                    continue
                if case < 0.7:
                    junk = "".join(chr(self.rng.randint(0x21, 0x24FF)) for _ in range(self.rng.randint(20, 200)))
                    out.write(_csv([{"id": f"junk-{f}-{r}", "title": "", "body": junk, "source_rank": ""}], header=False).encode("utf-8"))
                elif case < 0.85:
                    out.write(b"latin-" + str(r).encode() + b",T,\"Caf\xe9 bombed near the port, killing three people.\",1\r\n")
                else:
                    out.write(f"empty-{f}-{r},Title only,,2\r\n".encode())
                self.expect_error(f"{path}:{line}")
            self.write(f"csv/table-{f}.csv", out.getvalue())
        self.expect_error(self.write("csv/no-text-column.csv", "id,title\n1,Hello\n"))

    def pages(self, count: int) -> None:
        for i in range(count):
            text = self.good_text(foreign=i % 13 == 0)
            page = _page(text).encode("utf-8")
            self.write(f"html/page-{i}.html.gz" if i % 3 == 0 else f"html/page-{i}.html", gzip.compress(page) if i % 3 == 0 else page)
        for i in range(max(1, count // 5)):
            junk = "".join(chr(self.rng.randint(0x21, 0x9FFF)) for _ in range(self.rng.randint(60, 400)))
            self.expect_error(self.write(f"html/junk-text-{i}.html", _page(junk)))

    def feeds(self, count: int, items: int) -> None:
        """Items with junk text or no text are errors of their own; a character
        reference to a surrogate (&#xD800;) is an error of its feed."""
        for f in range(count):
            path = self.folder / "feeds" / f"feed-{f}.rss"
            entries = []
            for i in range(items):
                if self.rng.random() < 0.6:
                    body = f"<p>{_escape(self.good_text())}</p>"
                else:
                    body = _escape("".join(chr(self.rng.randint(0x21, 0x9FFF)) for _ in range(self.rng.randint(40, 200)))) if i % 2 else ""
                    self.expect_error(f"{path}#{i + 1}")
                entries.append(f"<item><title>Item {i}</title><link>https://feed{f}.example/{i}</link><guid>feed-{f}-{i}</guid>"
                               f"<pubDate>Tue, 07 May 2024 09:30:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>")
            self.write(path.relative_to(self.folder).as_posix(), f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed {f}</title>{"".join(entries)}</channel></rss>')
        atom = self.folder / "feeds" / "wire.atom"
        entries = "".join(f"<entry><title>E{i}</title><id>tag:wire,{i}</id><updated>2024-05-06T18:00:00Z</updated>"
                          f"<content type=\"html\">{_escape(f'<p>{_escape(self.good_text())}</p>')}</content></entry>" for i in range(3))
        self.write(atom.relative_to(self.folder).as_posix(), f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entries}</feed>')
        self.expect_error(self.write("feeds/surrogate.rss", "<rss><channel><item><title>x&#xD800;</title><description>Gunmen attacked &#55296; a post.</description></item></channel></rss>"))

    def archives(self, count: int, records: int) -> None:
        """Good pages among images, redirects and pages of junk; each archive gzipped or not."""
        for a in range(count):
            gz = a % 2 == 0
            path = self.folder / "warc" / f"crawl-{a}.warc{'.gz' if gz else ''}"
            pages = []
            for r in range(records):
                url = f"https://site{a}.example/{r}"
                kind = self.rng.random()
                if kind < 0.6:
                    pages.append((url, "text/html; charset=utf-8", _page(self.good_text()).encode("utf-8")))
                elif kind < 0.8:
                    pages.append((url, "image/png", bytes(self.rng.getrandbits(8) for _ in range(200))))
                else:
                    junk = "".join(chr(self.rng.randint(0x21, 0x9FFF)) for _ in range(self.rng.randint(60, 300)))
                    pages.append((url, "text/html", _page(junk).encode("utf-8")))
                    self.expect_error(f"{path}#{r + 1} {url}")
            self.write(path.relative_to(self.folder).as_posix(), _warc(pages, gz))

    def damaged_archives(self) -> None:
        """A valid first line and a garbage header; an HTML page named .warc.gz; archives cut
        inside a record header and inside a body, after a whole record that is kept."""
        first = ("https://damaged.example/1", "text/html", _page(self.good_text()).encode("utf-8"))
        second = ("https://damaged.example/2", "text/html", _page("Not stored: this record is cut. " * 3).encode("utf-8"))
        self.expect_error(self.write("warc/garbage-header.warc", b"WARC/1.0\r\n\x93\xff garbage \x01 no colon\r\nmore junk\r\n\r\n" + b"x" * 100))
        self.expect_error(self.write("warc/page.warc.gz", _page("An HTML page, not an archive.")))
        self.expect_error(self.write("warc/gzipped-page.warc.gz", gzip.compress(_page("An HTML page, gzipped.").encode())))
        for gz in (False, True):
            suffix = ".warc.gz" if gz else ".warc"
            whole = _warc([first, second], gz)
            one = _warc([first], gz)
            header_cut = one + _warc([second], gz)[:120] if not gz else one + gzip.compress(_warc([second], False)[:120])
            path = self.write(f"warc/cut-in-header{suffix}", header_cut)
            self.expect_error(f"{path}#2")
            body_cut = whole[:-150]
            path = self.write(f"warc/cut-in-body{suffix}", body_cut)
            self.expect_error(f"{path}#2")

    def locked_folder(self) -> None:
        """A folder that cannot be listed is an error, not silence."""
        self.write("locked/hidden.txt", "Never read: the folder cannot be listed.")
        self.expect_error(self.folder / "locked")


def _page(text: str) -> str:
    paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in re.split(r"(?<=[.。]) ", text) if p)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Report</h1>{paragraphs}</article><footer>Contact us</footer></body></html>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _csv(rows: list[dict[str, str]], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _warc(pages: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-05-09T12:00:00Z"}))
    return out.getvalue()


BATCHES: list[Callable[[HostileCorpus], None]] = [
    lambda c: (c.text_files(50), c.unicode_with_bom(), c.random_bytes(700), c.junk_that_decodes(200), c.empty_files(),
               c.special_files(), c.hostile_names(), c.locked_folder()),
    lambda c: (c.jsonl_files(12, 60), c.csv_files(8, 40), c.oversized()),
    lambda c: (c.pages(40), c.feeds(6, 12), c.archives(8, 10), c.damaged_archives(), c.random_bytes(500)),
]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def error_sources(self) -> list[str]:
        return [line.removeprefix("error: ") for line in self.stderr.splitlines() if line.startswith("error: ")]


def _ingest(folder: Path, db: Path) -> Run:
    peak_file = folder.parent / f"{folder.name}.peak"
    env = {**os.environ, "SITREP_LOCKED": "1", "SITREP_PEAK_FILE": str(peak_file), "PYTHONWARNINGS": "ignore"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", RUNNER, "ingest", str(folder), "--db", str(db)], capture_output=True,
                          timeout=TIMEOUT_SECONDS, env=env, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), seconds,
               int(peak_file.read_text()) / 1024)


def _matched(expected: list[str], lines: list[str]) -> dict[str, list[str]]:
    """Each error line under the longest expected source it starts with ("x.jsonl:2" before "x.jsonl")."""
    by_length = sorted(set(expected), key=len, reverse=True)
    matched: dict[str, list[str]] = {source: [] for source in expected}
    matched[""] = []
    for line in lines:
        source = next((s for s in by_length if line.startswith(s) and line[len(s) : len(s) + 1] in (":", "#", " ")), "")
        matched[source].append(line)
    return matched


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and /dev/zero are POSIX")
def test_ingest_of_hostile_batches(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    stories = Stories(rng)
    db = tmp_path / "fuzz.duckdb"
    good: list[str] = []
    hostile = 0
    for number, fill in enumerate(BATCHES, 1):
        corpus = HostileCorpus(tmp_path / f"batch-{number}", rng, stories)
        corpus.folder.mkdir()
        fill(corpus)
        run = _ingest(corpus.folder, db)
        assert "Traceback" not in run.stderr + run.stdout, run.stderr[-3000:]
        assert run.returncode == 1, (run.returncode, run.stderr[-3000:])
        matched = _matched(corpus.bad, run.error_sources)
        unmatched = matched.pop("")
        assert not unmatched, f"error lines for no hostile input: {unmatched[:5]}"
        wrong = {source: lines for source, lines in matched.items() if len(lines) != 1}
        assert not wrong, f"{len(wrong)} hostile inputs without exactly one error line, e.g. {list(wrong.items())[:5]}"
        assert f"failed {len(corpus.bad)};" in run.stdout, run.stdout
        assert run.peak_mb < MAX_PEAK_MB, f"batch {number} peaked at {run.peak_mb:.0f} MB"
        good += corpus.good
        hostile += len(corpus.bad)
        print(f"batch {number}: {len(corpus.good)} good, {len(corpus.bad)} hostile, {run.seconds:.0f} s, peak {run.peak_mb:.0f} MB")
    with duckdb.connect(str(db), read_only=True) as connection:
        stored = [_words(text) for (text,) in connection.execute("SELECT text FROM articles").fetchall()]
    everything = "\n".join(stored)
    missing = [text for text in good if _words(text) not in everything]
    assert not missing, f"{len(missing)} of {len(good)} good articles not stored, e.g. {missing[:3]}"
    assert len(stored) == len(good)
    assert hostile >= 2000


def test_a_reader_failing_midway_loses_nothing_of_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row that raised in content_hash ended `sitrep ingest` with a traceback, and the
    articles read before it, still in the parser's batch, were never stored."""
    from click.testing import CliRunner

    from sitrep.cli import main
    from sitrep.read import sources

    stories = Stories(random.Random(SEED))
    texts = [stories.english() for _ in range(6)]
    for name, text in zip("abcdef", texts):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    real_read_text = sources.read_text

    def read_text(path: Path) -> str | ReadError:
        if path.name == "c.txt":
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real_read_text(path)

    monkeypatch.setattr(sources, "read_text", read_text)
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db)])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output
    assert f"error: {tmp_path / 'c.txt'}: could not be read (UnicodeEncodeError: 'utf-8' codec can't encode character" in result.output
    with duckdb.connect(str(db), read_only=True) as connection:
        stored = {text for (text,) in connection.execute("SELECT text FROM articles").fetchall()}
    assert stored == {texts[i] for i in (0, 1, 3, 4, 5)}
