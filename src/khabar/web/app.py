"""The web interface: server-side pages, each with a JSON twin under ``/api``.

=====================  ===========================  =============================================
page                   JSON twin                    what
=====================  ===========================  =============================================
``/timeline``          ``/api/timeline``            events per year/month/day and PLOVER class
``/network``           ``/api/network``             actors, and who acts toward whom
``/search``            ``/api/search``              events and documents: full text + filters
``/events``            ``/api/events``              the merged events matching the filters
``/events/{id}``       ``/api/events/{id}``         one merged event, every mention in context
``/documents``         ``/api/documents``           the stored documents
``/documents/{id}``    ``/api/documents/{id}``      a document's text with its layers marked
``/stories``           ``/api/stories``             stories: documents telling the same story
``/stories/{id}``      ``/api/stories/{id}``        a story's documents and the events they tell
\\-                    ``/api/facets``              what the filters can choose from
=====================  ===========================  =============================================

A twin takes the same query parameters as its page. ``/openapi.json`` describes the API.

Stories are read, never built here: ``khabar stories --db FILE`` builds them (and the pages say
so when it has not run).

Safety: the database is opened read-only and no endpoint writes; every list is bounded
(``limit`` at most 500) and every request has a time budget (2 s by default; past it the
answer is a 503 ``timeout`` error); static files come only from the package's ``static``
directory; document ids are looked up in the database, never used as paths. Every error has
one JSON shape, ``{"error": {"code", "message", "status"}}`` (a browser asking for HTML gets
the same message as a page).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar import __version__
from khabar.web import models
from khabar.web.actors import resolve_actor
from khabar.web.plover import CLASSES, TYPES, class_css, classes_json
from khabar.web.queries import (
    Bounds,
    EventFilter,
    QueryError,
    Reader,
    ReadModel,
)
from khabar.web.render import (
    actor_label,
    document_html,
    highlight,
    lang_dir,
    mention_html,
)

__all__ = ["create_app", "serve"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
MAX_LIMIT = Bounds().max_limit
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": models.ErrorResponse, "description": text}
    for code, text in ((404, "not found"), (422, "invalid parameter"),
                       (503, "over the time budget"))
}
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Inline (setuptools' package data lists no .svg).
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" '
           'height="32" rx="6" fill="#c0392b"/><path d="M7 22h18M9 17h5M16 12h7M9 12h4M18 17h5" '
           'stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>')
_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                 422: "invalid_parameter", 500: "internal", 503: "timeout"}


def _error(status: int, code: str, message: str,
           details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details:
        body["details"] = details
    return {"error": body}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path.startswith("/static") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def filters(
    q: Annotated[str | None, Query(max_length=200, description=(
        "Full text over folded fa/ar/en text (ي/ی, ك/ک, diacritics and the zero-width "
        "non-joiner do not matter); an actor's name in any script also finds its events"))
    ] = None,
    actor: Annotated[str | None, Query(max_length=200, description=(
        "An actor in any script («لاوروف», «لافروف», Lavrov), a KB id, or part of a name"))
    ] = None,
    country: Annotated[str | None, Query(max_length=100, description=(
        "ISO alpha-3 code, or a state's name in any script, on either side"))] = None,
    type_: Annotated[list[str] | None, Query(alias="type", description=(
        "PLOVER event type(s): " + ", ".join(TYPES)))] = None,
    class_: Annotated[list[str] | None, Query(alias="class", description=(
        "PLOVER class(es): " + ", ".join(CLASSES)))] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description=(
        "earliest date (YYYY, YYYY-MM or YYYY-MM-DD); events overlapping it count"))
    ] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="latest date")
    ] = None,
    lang: Annotated[str | None, Query(max_length=16, description=(
        "language of some mention (fa, ar, en)"))] = None,
    doc: Annotated[str | None, Query(max_length=300, description=(
        "id of a source document that tells the event"))] = None,
) -> EventFilter:
    """The filters every event view accepts."""
    return EventFilter.of(q=q, actor=actor, country=country, types=type_ or [],
                          classes=class_ or [], since=since, until=until, lang=lang, doc=doc)


Filters = Annotated[EventFilter, Depends(filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=Bounds().max_offset)]
Sort = Annotated[str, Query(pattern=r"^-?date$", description="date or -date (newest first)")]
MinSize = Annotated[int, Query(ge=1, le=Bounds().max_offset,
                               description="stories of at least this many documents")]
Zoom = Annotated[str | None, Query(pattern=r"^(year|month|day)?$",
                                   description="year, month or day (default: chosen)")]


def create_app(db_path: str | Path, *, budget: float = 2.0,
               bounds: Bounds | None = None) -> FastAPI:
    """The web application over the khabar database at ``db_path`` (opened read-only)."""
    bounds = bounds or Bounds(budget=budget)
    model = ReadModel(db_path, bounds)
    resolve_actor("khabar")  # compile the KB's phrase matchers now, not on the first search
    templates = Jinja2Templates(directory=str(TEMPLATES))
    app = FastAPI(
        title="khabar",
        version=__version__,
        description=("Read-only API over a khabar database: PLOVER events from Persian, "
                     "Arabic and English news, each traceable to its sentence. Every page of "
                     "the web interface has a JSON twin under /api."),
        docs_url=None,  # the Swagger page loads its assets from a CDN: not offered
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.model = model
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    facets_cache: dict[str, Any] = {}

    # -- errors --------------------------------------------------------------------------------
    def error_response(request: Request, status: int, code: str, message: str,
                       details: list[dict[str, Any]] | None = None) -> Response:
        if _wants_html(request):
            return templates.TemplateResponse(
                request, "error.html",
                {**_base_context(request), "status": status, "code": code,
                 "message": message, "title": f"{status} {code}"},
                status_code=status)
        return JSONResponse(_error(status, code, message, details), status_code=status)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))} for e in exc.errors()]
        message = "; ".join(f"{'.'.join(d['loc'][1:]) or d['loc'][0]}: {d['msg']}"
                            for d in details) or "invalid request"
        return error_response(request, 422, "invalid_parameter", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = error_response(request, exc.status_code, code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal", f"{type(exc).__name__}: {exc}")

    @app.middleware("http")
    async def headers(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # -- helpers -------------------------------------------------------------------------------
    def reader_facets(reader: Reader) -> dict[str, Any]:
        path = model.path
        stamp = tuple(p.stat().st_mtime_ns if p.exists() else 0
                      for p in (path, Path(str(path) + "-wal")))
        cached = facets_cache.get("value")
        if cached is not None and facets_cache.get("stamp") == stamp and \
                time.monotonic() - facets_cache.get("at", 0.0) < 60:
            return dict(cached)
        value = reader.facets()
        value["classes"] = classes_json()["classes"]
        facets_cache.update(value=value, stamp=stamp, at=time.monotonic())
        return dict(value)

    def _base_context(request: Request) -> dict[str, Any]:
        path = request.url.path
        query = request.url.query
        api = "/api" + (path if path != "/" else "/timeline")
        return {
            "db_name": model.path.name, "version": __version__, "path": path,
            "json_url": api + ("?" + query if query else ""),
            "classes": CLASSES, "classes_json": classes_json(), "types": TYPES,
            "lang_dir": lang_dir, "actor_label": actor_label, "highlight": highlight,
            "mention_html": mention_html, "quote": lambda s: quote(str(s), safe=""),
        }

    def page(request: Request, template: str, reader: Reader, f: EventFilter | None,
             **context: Any) -> HTMLResponse:
        params = list(request.query_params.multi_items())

        def qs(**changes: Any) -> str:
            kept = [(k, v) for k, v in params if k not in changes and v != ""]
            for k, v in changes.items():
                if v is None or v == "":
                    continue
                for item in v if isinstance(v, list | tuple) else [v]:
                    kept.append((k, str(item)))
            return "?" + urlencode(kept) if kept else "?"

        ctx = {**_base_context(request), "facets": reader_facets(reader),
               "f": f.to_dict() if f else {}, "qs": qs,
               "resolution": reader.resolution(f) if f else {}, **context}
        return templates.TemplateResponse(request, template, ctx)

    # -- JSON API ------------------------------------------------------------------------------
    @app.get("/api/events", response_model=models.EventList, responses=ERROR_RESPONSES,
             tags=["events"], summary="Merged events matching the filters")
    def api_events(f: Filters, limit: Limit = 50, offset: Offset = 0,
                   sort: Sort = "date") -> dict[str, Any]:
        with model.reader() as r:
            return {**r.events(f, limit=limit, offset=offset, sort=sort),
                    "filters": f.to_dict()}

    @app.get("/api/events/{event_id}", response_model=models.EventDetail,
             responses=ERROR_RESPONSES, tags=["events"],
             summary="One merged event with every mention in its context")
    def api_event(event_id: str) -> dict[str, Any]:
        with model.reader() as r:
            return r.event(event_id)

    @app.get("/api/timeline", response_model=models.Timeline, responses=ERROR_RESPONSES,
             tags=["events"], summary="Events per period and PLOVER class")
    def api_timeline(f: Filters, zoom: Zoom = None, limit: Limit = 50,
                     offset: Offset = 0) -> dict[str, Any]:
        with model.reader() as r:
            out = r.timeline(f, zoom or None)
            out["filters"] = f.to_dict()
            out["events"] = {**r.events(f, limit=limit, offset=offset),
                             "filters": f.to_dict()}
            return out

    @app.get("/api/network", response_model=models.Network, responses=ERROR_RESPONSES,
             tags=["events"], summary="Actors and who acts toward whom")
    def api_network(f: Filters, limit: Annotated[int, Query(
            ge=1, le=MAX_LIMIT, description="heaviest edges kept")] = 150) -> dict[str, Any]:
        with model.reader() as r:
            return {**r.network(f, limit=limit), "filters": f.to_dict()}

    @app.get("/api/search", response_model=models.SearchResult, responses=ERROR_RESPONSES,
             tags=["search"], summary="Events and documents: full text and filters")
    def api_search(f: Filters, limit: Limit = 50, offset: Offset = 0,
                   sort: Sort = "date") -> dict[str, Any]:
        with model.reader() as r:
            return {**r.search(f, limit=limit, offset=offset, sort=sort),
                    "filters": f.to_dict()}

    @app.get("/api/documents", response_model=models.DocumentList, responses=ERROR_RESPONSES,
             tags=["documents"], summary="Stored documents")
    def api_documents(lang: Annotated[str | None, Query(max_length=16)] = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with model.reader() as r:
            return r.documents(lang=lang or None, limit=limit, offset=offset)

    @app.get("/api/documents/{doc_id:path}", response_model=models.DocumentDetail,
             responses=ERROR_RESPONSES, tags=["documents"],
             summary="A document's text, layers and events")
    def api_document(doc_id: str) -> dict[str, Any]:
        with model.reader() as r:
            return r.document(doc_id)

    @app.get("/api/stories", response_model=models.StoryList, responses=ERROR_RESPONSES,
             tags=["stories"], summary="Stories, largest first (built by khabar stories)")
    def api_stories(min_size: MinSize = 2,
                    lang: Annotated[str | None, Query(max_length=16, description=(
                        "stories with a document in this language"))] = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with model.reader() as r:
            return r.stories(min_size=min_size, lang=lang or None, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}", response_model=models.StoryDetail,
             responses=ERROR_RESPONSES, tags=["stories"],
             summary="A story's documents, why each joined, and the events they tell")
    def api_story(story_id: str) -> dict[str, Any]:
        with model.reader() as r:
            return r.story(story_id)

    @app.get("/api/facets", response_model=models.Facets, responses=ERROR_RESPONSES,
             tags=["meta"], summary="What the filters can choose from, and counts")
    def api_facets() -> dict[str, Any]:
        with model.reader() as r:
            return reader_facets(r)

    # -- pages ---------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/timeline", status_code=307)

    @app.get("/favicon.svg", include_in_schema=False)
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(FAVICON, media_type="image/svg+xml",
                        headers={"Cache-Control": "max-age=86400"})

    @app.get("/plover.css", include_in_schema=False)
    def plover_css() -> Response:
        return Response(class_css(), media_type="text/css",
                        headers={"Cache-Control": "max-age=300"})

    @app.get("/timeline", include_in_schema=False, response_class=HTMLResponse)
    def timeline_page(request: Request, f: Filters, zoom: Zoom = None, limit: Limit = 50,
                      offset: Offset = 0) -> HTMLResponse:
        with model.reader() as r:
            tl = r.timeline(f, zoom or None)
            events = r.events(f, limit=limit, offset=offset)
            return page(request, "timeline.html", r, f, title="Timeline", timeline=tl,
                        events=events, zoom=tl["zoom"])

    @app.get("/network", include_in_schema=False, response_class=HTMLResponse)
    def network_page(request: Request, f: Filters, limit: Annotated[int, Query(
            ge=1, le=MAX_LIMIT)] = 150) -> HTMLResponse:
        with model.reader() as r:
            net = r.network(f, limit=limit)
            return page(request, "network.html", r, f, title="Actor network", network=net,
                        limit=limit)

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    @app.get("/events", include_in_schema=False, response_class=HTMLResponse)
    def search_page(request: Request, f: Filters, limit: Limit = 50, offset: Offset = 0,
                    sort: Sort = "date") -> HTMLResponse:
        with model.reader() as r:
            found = r.search(f, limit=limit, offset=offset, sort=sort)
            return page(request, "search.html", r, f, title="Search", found=found,
                        events=found, sort=sort)

    @app.get("/events/{event_id}", include_in_schema=False, response_class=HTMLResponse)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        with model.reader() as r:
            event = r.event(event_id)
            return page(request, "event.html", r, None, title=f"{event['type']} event",
                        event=event)

    @app.get("/documents", include_in_schema=False, response_class=HTMLResponse)
    def documents_page(request: Request, lang: Annotated[str | None, Query(
            max_length=16)] = None, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        with model.reader() as r:
            docs = r.documents(lang=lang or None, limit=limit, offset=offset)
            return page(request, "documents.html", r, None, title="Documents", docs=docs,
                        lang=lang or "")

    @app.get("/documents/{doc_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        with model.reader() as r:
            doc = r.document(doc_id)
            return page(request, "document.html", r, None, title=doc["title"] or doc["id"],
                        doc=doc, body=document_html(doc))

    @app.get("/stories", include_in_schema=False, response_class=HTMLResponse)
    def stories_page(request: Request, min_size: MinSize = 2,
                     lang: Annotated[str | None, Query(max_length=16)] = None,
                     limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        with model.reader() as r:
            found = r.stories(min_size=min_size, lang=lang or None, limit=limit, offset=offset)
            return page(request, "stories.html", r, None, title="Stories", stories=found,
                        lang=lang or "")

    @app.get("/stories/{story_id}", include_in_schema=False, response_class=HTMLResponse)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        with model.reader() as r:
            story = r.story(story_id)
            return page(request, "story.html", r, None, title=story["title"] or story["id"],
                        story=story)

    return app


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          budget: float = 2.0) -> None:
    """Run the web interface with uvicorn (blocks until interrupted)."""
    import uvicorn

    uvicorn.run(create_app(db_path, budget=budget), host=host, port=port, log_level="info")
