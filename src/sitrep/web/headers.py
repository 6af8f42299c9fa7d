"""Headers on every response that tell a browser what it may do with it: not guess a
type other than the one sent (nosniff), not show it in another site's frame (against
clickjacking), and, everywhere but the API docs, load scripts, styles and data only from
this server and run no inline script, so no text from an article can ever run as code.

The API docs (/docs, /redoc) are FastAPI's Swagger UI and ReDoc, which load from a CDN
and start with an inline script: they keep only the ban on framing."""
from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])
DOCS_POLICY = "frame-ancestors 'none'"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, docs: Iterable[str]) -> None:
        self.app = app
        self.docs = frozenset(docs)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] in self.docs else POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Content-Security-Policy"] = policy
            await send(message)

        await self.app(scope, receive, with_headers)
