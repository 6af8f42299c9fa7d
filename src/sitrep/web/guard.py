"""What is refused before a request reaches its route.

- A write (any method but GET, HEAD and OPTIONS) without a known token: 401 before a byte
  of its body is read, so an anonymous client cannot make the server take anything in.
  (FastAPI reads a route's body before its dependencies run, so this cannot be one.)
- A JSON body with NaN, Infinity or a number too large for a float (1e400): Python's
  parser takes them, no other JSON reader does, and no field can hold them.

A body over the review route's size limit is refused by FastAPI's own `max_body_size`
(by its Content-Length before reading, or by counting a chunked body as it comes)."""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sitrep.store import DatabaseUnavailable
from sitrep.web.access import Access, unavailable

READS = frozenset({"GET", "HEAD", "OPTIONS"})
bearer = HTTPBearer(auto_error=False, description="a token from `sitrep token create NAME`; the scheme's case does not matter")


class WritesNeedAToken:
    """Looks the token up before the app sees the request and leaves the reviewer's name
    in the request's state for the route."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READS:
            await self.app(scope, receive, send)
            return
        credentials = await bearer(HTTPConnection(scope))
        try:
            name = await run_in_threadpool(self._reviewer, credentials.credentials) if credentials else None
        except DatabaseUnavailable as exc:
            await unavailable(exc)(scope, receive, send)
            return
        if name is None:
            detail = "unknown token" if credentials else "writes need a token: Authorization: Bearer <token> (sitrep token create NAME)"
            await JSONResponse({"detail": detail}, 401, headers={"WWW-Authenticate": "Bearer"})(scope, receive, send)
            return
        scope.setdefault("state", {})["reviewer"] = name
        await self.app(scope, receive, send)

    def _reviewer(self, token: str) -> str | None:
        with self.access.reading() as store:
            return store.reviewer(token)


class StandardJSONRoute(APIRoute):
    """A route whose JSON body is parsed as standard JSON (RFC 8259)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def standard(request: Request) -> Response:
            return await handler(StandardJSONRequest(request.scope, request.receive))

        return standard


class StandardJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = json.loads(await self.body(), parse_constant=_not_json, parse_float=_finite)
        return self._json


def _not_json(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise json.JSONDecodeError(f"{text} is too large for a number", text, 0)
    return number
