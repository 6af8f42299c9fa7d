"""How the web app opens the database: read-only for reads, read-write only for a review,
so `sitrep events`, `show` and `export` (read-only too) work while it serves.

Reads share one read-only opening, each request through a cursor of its own, kept while
requests come and for LINGER seconds after the last: opening costs some 20 ms, and its
caches make the next request on a million events several times faster. Then it is closed,
and the file is free for a writer such as `sitrep ingest` (requests meanwhile get a 503
saying who holds it). DuckDB lets a process hold a file in one mode at a time, so a review
waits until no read is running, closes the shared opening and opens the file read-write
for just that write."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from starlette.responses import JSONResponse

from sitrep.store import DatabaseUnavailable, Store

LINGER = 5.0
"""Seconds the shared read-only opening outlives the last read."""
RETRY_SECONDS = 5


class Access:
    def __init__(self, path: str | Path, linger: float = LINGER) -> None:
        self.path = path
        self.linger = linger
        self._changed = threading.Condition()
        self._readers = 0
        self._writing = False
        self._shared: Store | None = None
        self._closer: threading.Timer | None = None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        with self._changed:
            self._changed.wait_for(lambda: not self._writing)
            if self._shared is None:
                self._shared = Store(self.path, read_only=True)
            if self._closer is not None:
                self._closer.cancel()
            self._readers += 1
            view = self._shared.view()
        try:
            with view:
                yield view
        finally:
            with self._changed:
                self._readers -= 1
                if not self._readers:
                    self._close_later()
                self._changed.notify_all()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        with self._changed:
            self._changed.wait_for(lambda: not self._writing and not self._readers)
            self._writing = True
            self._close()
        try:
            with Store(self.path) as store:
                yield store
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()

    def _close_later(self) -> None:
        if not self.linger:
            self._close()
            return
        self._closer = threading.Timer(self.linger, self._close_if_idle)
        self._closer.daemon = True
        self._closer.start()

    def _close_if_idle(self) -> None:
        with self._changed:
            if not self._readers:
                self._close()

    def _close(self) -> None:
        """Under the condition, with no reader left."""
        if self._closer is not None:
            self._closer.cancel()
            self._closer = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None


def unavailable(error: DatabaseUnavailable) -> JSONResponse:
    """503 while another process writes the file (or holds it while a review would): the
    request may well succeed in a moment."""
    return JSONResponse({"detail": str(error)}, 503, headers={"Retry-After": str(RETRY_SECONDS)})
