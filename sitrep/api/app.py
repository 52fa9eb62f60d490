"""The FastAPI app: read endpoints over the store's contract, an ingest endpoint, the dashboard.

Handlers that read run in worker threads, each borrowing a store connection from a small pool
(``pool.py``) for the length of the request, so a slow query (the whole map) does not hold up the
others. The pipeline, slow and CPU-bound, runs in a worker thread when an article is posted.
"""
from __future__ import annotations

import dataclasses
import hmac
import ipaddress
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import NotEnglish
from ..pipeline import LazyPipeline
from ..store.base import Store
from ..taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from .config import ApiConfig
from .errors import BodyLimit, install_handlers
from .geojson import collection
from .params import Filters, filters
from .pool import StorePool

WEB = Path(__file__).resolve().parent.parent / "web"
DEFAULT_LIMIT = 100
STORE_CONNECTIONS = 4

ARTICLE_EXAMPLE = {
    "id": "wire-2024-11-28-aleppo",
    "title": "Rebels enter Aleppo",
    "text": "Rebels led by Hayat Tahrir al-Sham entered Aleppo on Friday, the Syrian Observatory said...",
    "published": "2024-11-29",
    "url": "https://example.org/aleppo",
    "outlet": "Example Wire",
}


def create_app(open_store: Callable[[], Store], config: ApiConfig | None = None, *,
               host: str = "127.0.0.1", pipeline: Callable[[], Any] | None = None) -> FastAPI:
    """The app over the store ``open_store()`` returns; ``host`` is the address served on (reads
    need the token there unless it is a loopback address or ``public_reads`` is set)."""
    config = config or ApiConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.stores = StorePool(open_store, STORE_CONNECTIONS)
        app.state.stores.start()
        try:
            yield
        finally:
            app.state.stores.close()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news reports, with their sources, claims and "
                              "evidence. Errors are JSON: {\"error\": {\"status\", \"message\", \"details\"}}.")
    app.state.config = config
    app.state.reads_need_token = not (_is_loopback(host) or config.public_reads)
    app.state.pipeline = LazyPipeline(pipeline)
    install_handlers(app)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    _mount_static(app)
    _add_routes(app, config)
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _mount_static(app: FastAPI) -> None:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")


def _token_matches(request: Request, token: str) -> bool:
    given = request.headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-sitrep-token", "")
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def reader(request: Request) -> None:
    """Reads are open on a loopback address; elsewhere they need the token unless public_reads is set."""
    state = request.app.state
    if state.reads_need_token and not (state.config.token and _token_matches(request, state.config.token)):
        raise HTTPException(401, "this server is not on localhost: send the API token "
                                 "(Authorization: Bearer TOKEN) or set [api] public_reads = true",
                            headers={"WWW-Authenticate": "Bearer"})


def writer(request: Request) -> None:
    token = request.app.state.config.token
    if not token:
        raise HTTPException(403, "ingest is disabled: set [api] token in the configuration file "
                                 "(sitrep serve --config FILE) or SITREP_API_TOKEN")
    if not _token_matches(request, token):
        raise HTTPException(401, "missing or wrong API token: send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


def borrowed_store(request: Request) -> Iterator[Store]:
    """A store for this request, given back to the pool when the request is done with it."""
    with request.app.state.stores.borrow() as store:
        yield store


def json_response(data: Any, status: int = 200) -> Response:
    """Large answers skip FastAPI's encoder: the records are plain JSON already."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), status_code=status,
                    media_type="application/json")


def _add_routes(app: FastAPI, config: ApiConfig) -> None:
    page_size = Query(DEFAULT_LIMIT, ge=1, le=config.max_page_size,
                      description=f"results per page, 1 to {config.max_page_size}")
    offset_q = Query(0, ge=0, le=10_000_000, description="results to skip")
    read = [Depends(reader)]

    @app.get("/", include_in_schema=False)
    async def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")

    @app.get("/settings", include_in_schema=False)
    async def settings() -> dict[str, Any]:
        return {"tiles_url": config.tiles_url, "tiles_attribution": config.tiles_attribution,
                "max_page_size": config.max_page_size}

    @app.get("/health", tags=["meta"], dependencies=read, summary="Is the server up, and how many events it holds")
    def health(store: Store = Depends(borrowed_store)) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "events": store.count_events()}

    @app.get("/taxonomy", tags=["meta"], summary="ACLED event types and sub-event types")
    async def taxonomy() -> dict[str, Any]:
        return {"event_types": list(EVENT_TYPES),
                "sub_event_types": [{"name": s.name, "event_type": s.event_type} for s in SUB_EVENT_TYPES]}

    @app.get("/events", tags=["events"], dependencies=read,
             summary="Events matching the filters, oldest first, as JSON or GeoJSON")
    def events(f: Filters = Depends(filters), limit: int = page_size, offset: int = offset_q,
               format: Literal["json", "geojson"] = "json", store: Store = Depends(borrowed_store)) -> Response:
        total = store.count_events(f.query)
        records = store.events(f.page(limit, offset))
        if format == "geojson":
            return json_response(collection(records, total=total, limit=limit, offset=offset))
        return json_response({"total": total, "limit": limit, "offset": offset, "events": list(records)})

    @app.get("/events/{event_id}", tags=["events"], dependencies=read,
             summary="One event with its claims, evidence and the articles they come from")
    def event(event_id: str, store: Store = Depends(borrowed_store)) -> Response:
        record = store.event(event_id)
        if record is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return json_response(record)

    @app.get("/articles", tags=["articles"], dependencies=read, summary="Stored articles, newest first")
    def articles(limit: int = page_size, offset: int = offset_q, store: Store = Depends(borrowed_store)) -> Response:
        rows = list(store.articles(limit=limit, offset=offset))
        return json_response({"limit": limit, "offset": offset, "articles": rows})

    @app.get("/articles/{article_id}", tags=["articles"], dependencies=read,
             summary="One article with its text and the ids of its events")
    def article(article_id: str, store: Store = Depends(borrowed_store)) -> Response:
        record = store.article(article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return json_response(record)

    @app.post("/articles", tags=["articles"], dependencies=[Depends(writer)], status_code=201,
              summary="Ingest one article: run the pipeline, store it and its events (needs the token)")
    async def ingest(request: Request, record: dict[str, Any] = Body(..., examples=[ARTICLE_EXAMPLE])) -> Response:
        article = _article(record)
        result = await run_in_threadpool(_run_one, request.app.state.pipeline, article)
        with request.app.state.stores.borrow() as store:
            outcome = await run_in_threadpool(store.save, result)
        body = dataclasses.asdict(outcome)
        body["events"] = [e.event_id for e in result.events]
        body["reason"] = result.reason
        return json_response(body, 201 if body.get("status") == "new" else 200)

    @app.get("/actors", tags=["actors"], dependencies=read,
             summary="Actors with their numbers of events and fatalities, most events first")
    def actors(limit: int = page_size, offset: int = offset_q, store: Store = Depends(borrowed_store)) -> Response:
        rows = list(store.actors())
        return json_response({"total": len(rows), "limit": limit, "offset": offset,
                              "actors": rows[offset:offset + limit]})

    @app.get("/stats", tags=["events"], dependencies=read,
             summary="Events and fatalities per day or week, by event type, sub-type, actor or country")
    def stats(f: Filters = Depends(filters), by: Literal["day", "week"] = "day",
              group: Literal["event_type", "sub_event_type", "actor1", "country"] = "event_type",
              store: Store = Depends(borrowed_store)) -> Response:
        rows = store.stats(f.query, by=by, group=group)
        return json_response({"by": by, "group": group, "rows": rows})


def _article(record: dict[str, Any]) -> Any:
    from ..ingest.fields import Overrides
    from ..ingest.language import foreign_language
    from ..ingest.records import record_article

    article = record_article(record, "POST /articles", Overrides())
    language = foreign_language(article.text)
    if language is not None:
        raise NotEnglish("POST /articles", f"not English (detected: {language}); sitrep reads English only")
    return article


def _run_one(pipeline: LazyPipeline, article: Any) -> Any:
    return next(pipeline.run([article]))
