"""Web pages fetched by URL, politely: our user agent, robots.txt obeyed, a timeout, a size
limit, a pause between requests to the same host, and retries with growing waits when a
server is busy or unreachable. Each page then goes through the HTML reader."""
from __future__ import annotations

import hashlib
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterable, Iterator
from functools import cache, partial
from urllib.parse import urlsplit

from sitrep.read.errors import ReadError, attempt
from sitrep.read.fields import sound
from sitrep.read.html import MAX_PAGE_BYTES, page_article
from sitrep.records import Article

USER_AGENT = "sitrep/0.1 (conflict event research; respects robots.txt)"
TIMEOUT_SECONDS = 20.0
RETRIES = 3
BACKOFF_SECONDS = 2.0
HOST_INTERVAL_SECONDS = 1.0
RETRY_STATUSES = {429, 500, 502, 503, 504}

_last_request: dict[str, float] = {}


def read_urls(urls: Iterable[str], extractor: str = "precise") -> Iterator[Article | ReadError]:
    """Each page checked as a file's are (fields.sound); a page that fails in a way no check
    foresaw is an error of its URL, and the next is read."""
    for url in (u.strip() for u in urls):
        if url and not url.startswith("#"):
            yield attempt(url, partial(_sound_page, url, extractor))


def _sound_page(url: str, extractor: str) -> Article | ReadError:
    return sound(read_url(url, extractor))


def read_url(url: str, extractor: str = "precise") -> Article | ReadError:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ReadError(url, "not an http(s) URL")
    if not _robots(f"{parts.scheme}://{parts.netloc}").can_fetch(USER_AGENT, url):
        return ReadError(url, "robots.txt does not allow fetching this page")
    data = fetch(url)
    if isinstance(data, ReadError):
        return data
    page_key = hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return page_article(data, url, {"id": f"{parts.netloc}-{page_key}", "url": url}, extractor)


def fetch(url: str) -> bytes | ReadError:
    """The body of a 200 response, or why there is none."""
    problem = ""
    for attempt in range(RETRIES):
        if attempt:
            time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
        _wait_for_host(urlsplit(url).netloc)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                data = response.read(MAX_PAGE_BYTES + 1)
            if len(data) > MAX_PAGE_BYTES:
                return ReadError(url, f"page is over the {MAX_PAGE_BYTES:,}-byte limit")
            return data
        except urllib.error.HTTPError as exc:
            problem = f"HTTP {exc.code} {exc.reason}"
            if exc.code not in RETRY_STATUSES:
                break
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            problem = f"unreachable ({getattr(exc, 'reason', exc)})"
    return ReadError(url, f"{problem} (after {attempt + 1} attempt{'s' if attempt else ''})")


def _wait_for_host(host: str) -> None:
    since = time.monotonic() - _last_request.get(host, float("-inf"))
    if since < HOST_INTERVAL_SECONDS:
        time.sleep(HOST_INTERVAL_SECONDS - since)
    _last_request[host] = time.monotonic()


@cache
def _robots(site: str) -> urllib.robotparser.RobotFileParser:
    """The site's rules; a missing or unreadable robots.txt allows everything."""
    parser = urllib.robotparser.RobotFileParser()
    data = fetch(f"{site}/robots.txt")
    parser.parse(data.decode("utf-8", "replace").splitlines() if isinstance(data, bytes) else [])
    return parser
