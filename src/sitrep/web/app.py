"""The HTTP API and the dashboard, one FastAPI app over one database.

Reads are open (the server listens on localhost unless told otherwise); writes (reviews)
need `Authorization: Bearer <token>` from `sitrep token create NAME`, which a browser
never sends on its own, so forms cannot be forged from another site. Every parameter is
validated (a clear 4xx, never a 500); SQL takes only bound parameters. What is refused
before a route runs is in guard.py, the headers every response carries in headers.py,
how requests open the database in access.py."""

import io
import json
from collections.abc import Iterator
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request, Security
from fastapi.encoders import jsonable_encoder
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, StrictFloat, StrictInt, StrictStr

from sitrep.export import Exported
from sitrep.export.formats import FORMATS
from sitrep.store import DatabaseUnavailable, EventFilter, Store
from sitrep.store.browse import NAME_KINDS, map_features, names, stats
from sitrep.store.events import SORTS
from sitrep.store.filters import FILTER_OPTIONS, event_filter
from sitrep.store.reviews import CORRECTABLE, checked_value
from sitrep.web.access import LINGER, Access, unavailable
from sitrep.web.guard import StandardJSONRoute, WritesNeedAToken, bearer
from sitrep.web.headers import SecurityHeaders
from sitrep.web.schemas import ArticleModel, EventDetail, EventFilters, EventPage, Reviewed

MAX_BODY = 64 * 1024
"""Bytes a review's body may have (it needs well under one); no other route reads a body."""
MAX_PAGE = 500
MAX_OFFSET = 10_000_000
ID_PATTERN = r"^[\w#.:-]{1,200}$"
STATIC = resources.files("sitrep") / "web" / "static"


DOCS = "/docs"
MAX_REASON = 1000
"""Characters of a review's reason."""


class Order(str, Enum):
    newest = "newest"
    oldest = "oldest"


class ReviewRequest(BaseModel):
    action: str = Field(pattern="^(accept|correct|reject)$", description="accept, correct or reject")
    field: str | None = Field(default=None, description=f"for correct: one of {', '.join(CORRECTABLE)}")
    value: StrictStr | StrictInt | StrictFloat | None = Field(default=None, description="for correct: the new value (dates as YYYY-MM-DD)")
    reason: str | None = Field(default=None, max_length=MAX_REASON, description="why: the source that gives the right value, what is wrong")


def create_app(db: str | Path, linger: float = LINGER) -> FastAPI:
    """The app over the database at `db`, which must exist (a missing file is an error,
    not a new empty database); `linger` as in access.py (0: closed after every request)."""
    Store(db, read_only=True).close()
    app = FastAPI(title="sitrep", version="0.1.0", description="Conflict events from news reports: events, their reports and evidence, review.",
                  docs_url=None, redoc_url=None)
    app.router.route_class = StandardJSONRoute
    access = Access(db, linger)
    app.add_middleware(WritesNeedAToken, access=access)
    app.add_middleware(SecurityHeaders, docs=[DOCS])

    @app.exception_handler(DatabaseUnavailable)
    def busy(request: Request, error: DatabaseUnavailable) -> JSONResponse:
        return unavailable(error)

    def reading() -> Iterator[Store]:
        with access.reading() as store:
            yield store

    Db = Annotated[Store, Depends(reading)]

    def filters(query: Annotated[EventFilters, Query()]) -> EventFilter:  # type: ignore[valid-type]
        try:
            return event_filter({spec.name: getattr(query, spec.query) for spec in FILTER_OPTIONS})
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc

    Filters = Annotated[EventFilter, Depends(filters)]

    @app.get("/api/events", summary="Events matching the filters, a page at a time", response_model=EventPage)
    def list_events(
        db: Db, where: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        order: Order = Order.newest,
        sort: Annotated[str | None, Query(pattern=f"^-?({'|'.join(SORTS)})$", description="date, fatalities, sources or country; a leading - reverses (over `order`)")] = None,
    ) -> Response:
        where.limit, where.offset, where.newest_first, where.sort = limit, offset, order == Order.newest, sort
        head = json.dumps({"total": db.count_events(where), "limit": limit, "offset": offset})[:-1]
        return Response(f'{head}, "events": [{", ".join(db.event_json(where))}]}}', media_type="application/json")

    @app.get("/api/events.geojson", summary="Located events as GeoJSON points, or grid cells with counts when there are many")
    def events_geojson(db: Db, where: Filters) -> dict[str, Any]:
        return map_features(db.con, where)

    @app.get("/api/stats", summary="Counts and deaths by week and type, and by type, actor, country, month and outlet (the facets)")
    def event_stats(db: Db, where: Filters) -> dict[str, Any]:
        return stats(db.con, where)

    @app.get("/api/events/{event_id}", summary="One event with its reports, their articles and evidence, links and reviews",
             response_model=EventDetail)
    def one_event(db: Db, event_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> JSONResponse:
        event = db.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        reports = [r for r in (db.report(rid) for rid in event.report_ids) if r is not None]
        articles = {r.article_id: _article(db, r.article_id) for r in reports}
        linked = []
        for link in event.links:
            other = db.event(link.event_id) if link.event_id else None
            linked.append({"relation": link.relation, "event_id": link.event_id, "operation": link.operation,
                           "notes": other.merged.notes if other else None})
        if event.merged.operation:
            siblings = db.events(EventFilter(operation=event.merged.operation, review_status="any", limit=MAX_PAGE))
            linked += [{"relation": "same_operation", "event_id": e.event_id, "operation": e.merged.operation, "notes": e.merged.notes}
                       for e in siblings if e.event_id != event.event_id]
        return JSONResponse(jsonable_encoder({
            "event": event.to_dict(),
            "reports": [{"report": r.to_dict(), "article": articles[r.article_id]} for r in reports],
            "links": linked,
            "reviews": [r.to_dict() for r in db.reviews([event_id]).get(event_id, [])],
            "correctable": {name: kind.__name__ for name, kind in CORRECTABLE.items()},
        }))

    @app.get("/api/articles/{article_id}", summary="One stored article with its syndicated copies", response_model=ArticleModel)
    def one_article(db: Db, article_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> JSONResponse:
        article = _article(db, article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(jsonable_encoder(article))

    @app.get("/api/export", summary="Download events as an ACLED CSV, JSON lines, GeoJSON, Parquet or Excel, reviewed values included")
    def export(db: Db, where: Filters, format: Annotated[str, Query(pattern=f"^({'|'.join(FORMATS)})$")] = "acled-csv") -> StreamingResponse:
        buffer = io.BytesIO()
        chosen = FORMATS[format]
        chosen.write([Exported.of_event(e) for e in db.events(where)], buffer)
        headers = {"Content-Disposition": f'attachment; filename="sitrep-events.{chosen.suffix}"'}
        return StreamingResponse(iter([buffer.getvalue()]), media_type=chosen.media_type, headers=headers)

    @app.post("/api/events/{event_id}/review", summary="Accept, correct (one field) or reject an event; needs a token",
              dependencies=[Security(bearer)], max_body_size=MAX_BODY, response_model=Reviewed)
    def review(body: ReviewRequest, request: Request, event_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> JSONResponse:
        value: Any = None
        if body.action == "correct":
            if body.field not in CORRECTABLE:
                raise HTTPException(422, f"field must be one of {', '.join(CORRECTABLE)}")
            try:
                value = checked_value(body.field, body.value)
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from exc
        elif body.field is not None:
            raise HTTPException(422, f"{body.action} takes no field")
        with access.writing() as db:
            try:
                event = db.review(event_id, body.action, request.state.reviewer, body.field if body.action == "correct" else None, value, body.reason or None)
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from exc
            if event is None:
                raise HTTPException(404, f"no event {event_id!r}")
            return JSONResponse({"event": event.to_dict(), "reviews": [r.to_dict() for r in db.reviews([event_id]).get(event_id, [])]})

    @app.get("/api/names/{kind}", summary="The names a field may take: actors, countries, event or sub-event types (for pick-lists)")
    def known_names(db: Db, kind: Annotated[str, PathParam(pattern=f"^({'|'.join(NAME_KINDS)})$")]) -> dict[str, list[str]]:
        return {"names": names(db.con, kind)}

    @app.get(DOCS, include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI from the package's own copy (npm at set-up), so /docs works offline."""
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="sitrep API", swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css", swagger_favicon_url="/static/vendor/favicon-32x32.png")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _article(db: Store, article_id: str) -> dict[str, Any] | None:
    article = db.article(article_id)
    if article is None:
        return None
    keep = ("id", "title", "outlet", "url", "published", "language", "text")
    return {**{k: article.get(k) for k in keep}, "copies": [{k: c.get(k) for k in ("copy_id", "outlet", "url", "published")} for c in db.copies(article_id)]}
