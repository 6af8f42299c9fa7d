"""The analyst's web app: an HTTP API (FastAPI, OpenAPI at /openapi.json) and a dashboard
(map, timeline, event pages with highlighted evidence, review) served by `sitrep serve`."""
from sitrep.web.app import create_app

__all__ = ["create_app"]
