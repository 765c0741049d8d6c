"""The local web app: a Dutch page for communication officers and a JSON API for CMSs.

``create_app(settings)`` builds the FastAPI app. At start-up (lifespan) it starts a pool of
worker processes (``pipeline/web/pool.py``), each loading the spaCy pipeline and word lists
once; uploads are read and texts checked there, never in the event loop, so ``/api/health``
answers while checks run and a check that takes too long is stopped. The page (``GET /``,
``POST /`` or ``/check``) works as a plain HTML form without JavaScript; ``/static/web.js``
only enhances it. ``POST /api/check`` returns the same JSON as ``gemeentetaal check --format
json``. Submitted texts are never stored or logged.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.check import CHECK_SUFFIXES, check_suffixes
from pipeline.config import Settings
from pipeline.numbers import nl_int
from pipeline.report.advice import model_text, number
from pipeline.web.checker import (
    PASTED_PATH,
    Checker,
    RequestError,
    check_text_limits,
    check_upload,
    file_types_nl,
    format_mb,
    officialese_terms,
)
from pipeline.web.models import (
    CheckRequest,
    CheckResponse,
    ErrorResponse,
    HealthResponse,
    ModelOut,
)
from pipeline.web.pool import CheckJob, CheckOutcome, InlinePool, Pool, ProcessPool
from pipeline.web.security import SecurityMiddleware, wants_json

__all__ = ["create_app", "officialese_terms", "serve"]

log = logging.getLogger("pipeline.web")
FLAG_ID = re.compile(r"[a-z_]{1,40}-[0-9a-f]{10}")
MAX_IGNORED = 5000  # ignore checkboxes a form may send
HERE = Path(__file__).resolve().parent
FETCH_HEADER = "x-requested-with"
PAGE_PATH = "Uw tekst"  # heading of pasted text in the report; the API uses "-" like stdin
HTTP_MESSAGES = {
    400: "Het verzoek kon niet worden gelezen.",
    404: "Deze pagina bestaat niet.",
    405: "Deze methode is hier niet toegestaan.",
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Unreadable request body."},
    413: {"model": ErrorResponse, "description": "Text or upload larger than the limits."},
    415: {"model": ErrorResponse, "description": "Unsupported content or file type."},
    422: {"model": ErrorResponse, "description": "Empty text, invalid JSON or corrupt file."},
    503: {"model": ErrorResponse, "description": "Every check worker stayed busy too long."},
    504: {"model": ErrorResponse, "description": "The check took too long and was stopped."},
}
CHECK_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": CheckRequest.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "A file of a type `gemeentetaal check` reads: "
                        + ", ".join(sorted(CHECK_SUFFIXES))
                        + " (those that `ingest.extensions` keeps).",
                    }
                },
                "required": ["file"],
            }
        },
    },
}


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["nl_int"] = lambda n: number(n, 0)
    env.filters["mb"] = format_mb  # as the messages give the upload limit
    return env


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(
    settings: Settings, checker: Checker | None = None, pool: Pool | None = None
) -> FastAPI:
    """Build the app.

    Args:
        settings: all settings; ``settings.web`` sets the limits and the worker pool.
        checker: an already loaded checker (tests share one): checks then run in a thread of
            this process (``InlinePool``), without the pool's timeout.
        pool: a pool to use instead (tests); when both are None, a ``ProcessPool`` of worker
            processes starts with the app.

    Returns:
        The FastAPI app, with security headers on every response.
    """
    web = settings.web
    templates = _templates()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        current: Pool | None = app.state.pool
        if current is None:
            started = time.perf_counter()
            current = ProcessPool(settings)
            await current.start()
            app.state.pool = current
            log.info(
                "model %s loaded in %d workers in %.1fs",
                current.model.describe() if current.model else "?",
                current.size,
                time.perf_counter() - started,
            )
        else:
            await current.start()
        try:
            yield
        finally:
            await current.close()

    app = FastAPI(
        title="gemeentetaal",
        summary="B1 readability check of Dutch municipal texts.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the spec is enough.
        redoc_url=None,
    )
    app.state.pool = pool or (InlinePool(checker) if checker is not None else None)
    max_body = int(max(web.max_upload_mb * 1024 * 1024, web.max_chars * 4)) + 64 * 1024
    # the limits the page names, not the body limit with its overhead for the form fields
    too_large = (
        f"Het verzoek is te groot. Een bestand mag maximaal {format_mb(web.max_upload_mb)} MB "
        f"zijn, een tekst maximaal {nl_int(web.max_chars)} tekens."
    )
    app.add_middleware(SecurityMiddleware, max_body_bytes=max_body, too_large=too_large)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def get_pool(request: Request) -> Pool:
        current: Pool | None = request.app.state.pool
        if current is None or current.model is None or not current.healthy():
            raise RequestError(503, "Het taalmodel is nog niet geladen. Probeer het zo opnieuw.")
        return current

    def render_page(
        request: Request,
        status: int = 200,
        text: str = "",
        result: CheckOutcome | None = None,
        error: str | None = None,
    ) -> HTMLResponse:
        current: Pool | None = request.app.state.pool
        context = {
            "text": text,
            "error": error,
            "result": result,
            "result_html": Markup(result.html) if result else None,
            "notice": result.notice if result else "",
            "max_chars": web.max_chars,
            "max_upload_mb": web.max_upload_mb,
            "accept": ",".join(check_suffixes(settings)),
            "file_types": file_types_nl(check_suffixes(settings)),
            "model": current.model if current is not None else None,
            "model_text": (
                model_text(current.model.summary(settings.nlp.model), settings.report.language)
                if current is not None and current.model is not None
                else None
            ),
        }
        partial = request.headers.get(FETCH_HEADER) == "fetch"
        template = templates.get_template("result.html" if partial else "page.html")
        return HTMLResponse(template.render(context), status_code=status)

    async def read_form(request: Request) -> PageForm:
        form = await request.form(max_files=2, max_fields=MAX_IGNORED + 10, max_part_size=max_body)
        text = form.get("text")
        upload = form.get("file")
        data = None
        filename = None
        if isinstance(upload, UploadFile) and (upload.filename or upload.size):
            filename = upload.filename
            data = await upload.read()
        ignored = tuple(
            v for v in form.getlist("ignore") if isinstance(v, str) and FLAG_ID.fullmatch(v)
        )
        apply = form.get("apply")
        return PageForm(
            text if isinstance(text, str) else "",
            filename,
            data,
            ignored[:MAX_IGNORED],
            apply if isinstance(apply, str) and apply else None,
        )

    def paste_job(
        text: str, path: str, ignored: tuple[str, ...] = (), apply: str | None = None
    ) -> CheckJob:
        if len(text) > 2 * web.max_chars:  # refused here, without sending it to a worker
            check_text_limits(text, web)
        return CheckJob(path, text=text, ignored=ignored, apply=apply)

    def upload_job(filename: str | None, data: bytes) -> CheckJob:
        name, suffix = check_upload(filename, data, settings)  # type, emptiness, size: no reading
        return CheckJob(name, data=data, suffix=suffix)

    async def run_check(request: Request, job: CheckJob) -> CheckOutcome:
        current = get_pool(request)
        started = time.perf_counter()
        outcome = await current.submit(job)
        if outcome.status == 500:
            log.error("check failed: %s", outcome.error_type)
            raise CheckFailed(outcome.error_type)
        if not outcome.ok:
            raise RequestError(outcome.status, outcome.detail)
        took = (time.perf_counter() - started) * 1000
        log.info("checked %d chars in %.0fms", len(outcome.text), took)
        return outcome

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page(request: Request) -> HTMLResponse:
        return render_page(request)

    @app.get("/report.css", include_in_schema=False)
    async def report_css() -> FileResponse:
        """The check report's own stylesheet, served as is (the page adds web.css after it)."""
        from pipeline.report.check import TEMPLATES

        return FileResponse(TEMPLATES / "check.css", media_type="text/css")

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def page_check(request: Request) -> HTMLResponse:
        text = ""
        try:
            form = await read_form(request)
            text = form.text
            job = (
                upload_job(form.filename, form.data)
                if form.data is not None
                else paste_job(text, PAGE_PATH, form.ignored, form.apply)
            )
            result = await run_check(request, job)
        except RequestError as exc:
            keep = text if len(text) <= web.max_chars else ""
            return render_page(request, exc.status, text=keep, error=exc.detail)
        return render_page(request, text=result.text, result=result)

    @app.post(
        "/api/check",
        response_model=CheckResponse,
        responses=ERROR_RESPONSES,
        openapi_extra={"requestBody": CHECK_REQUEST_BODY},
        summary="Check one text (JSON) or one file (multipart) for taalniveau B1",
    )
    async def api_check(request: Request) -> Response:
        """Same JSON as ``gemeentetaal check --format json`` for one input."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "application/json":
            try:
                body = CheckRequest.model_validate_json(await request.body())
            except ValidationError as exc:
                raise RequestError(
                    422, 'Ongeldige JSON: stuur een object met een tekst, {"text": "..."}.'
                ) from exc
            job = paste_job(body.text, PASTED_PATH)
        elif content_type == "multipart/form-data":
            form = await read_form(request)
            if form.data is None:
                raise RequestError(422, "Er is geen bestand meegestuurd (veld 'file').")
            job = upload_job(form.filename, form.data)
        else:
            raise RequestError(
                415, 'Stuur JSON ({"text": "..."}) of een bestand als multipart/form-data.'
            )
        result = await run_check(request, job)
        return Response(result.json, media_type="application/json")

    @app.get("/api/health", response_model=HealthResponse, summary="Service and model status")
    async def health(request: Request) -> HealthResponse:
        info = get_pool(request).model
        assert info is not None
        return HealthResponse(
            status="ok",
            model=ModelOut.model_validate(info.summary(settings.nlp.model)),
            max_chars=web.max_chars,
            max_upload_mb=web.max_upload_mb,
        )

    def error_response(request: Request, status: int, detail: str) -> Response:
        if wants_json(request.scope):
            return JSONResponse({"detail": detail}, status_code=status)
        if request.method == "GET" or status >= 500:
            page = templates.get_template("error.html")
            return HTMLResponse(page.render(status=status, detail=detail), status_code=status)
        return render_page(request, status, error=detail)

    @app.exception_handler(RequestError)
    async def on_request_error(request: Request, exc: RequestError) -> Response:
        return error_response(request, exc.status, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = HTTP_MESSAGES.get(exc.status_code, "Het verzoek kon niet worden verwerkt.")
        response = error_response(request, exc.status_code, detail)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "Het verzoek is niet geldig.")

    return app


@dataclass(frozen=True)
class PageForm:
    """What the page's form sends: the text or a file, ignored flags, a proposal to apply."""

    text: str
    filename: str | None
    data: bytes | None
    ignored: tuple[str, ...] = ()
    apply: str | None = None


class CheckFailed(RuntimeError):
    """A check failed unexpectedly in a worker; the message is the exception's type only."""


def serve(settings: Settings) -> None:
    """Run the app with uvicorn on ``settings.web.host``/``port`` (loopback by default)."""
    import uvicorn

    host, port = settings.web.host, settings.web.port
    if not is_loopback(host):
        log.warning("binding to %s: the app is reachable from the network, not only here", host)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_config=log_config(),
        server_header=False,
        timeout_graceful_shutdown=5,  # then running checks are cancelled, workers stopped
    )


def log_config() -> dict[str, Any]:
    """Uvicorn's logging with query strings dropped from the access log and our own logger."""
    from uvicorn.config import LOGGING_CONFIG

    config = json.loads(json.dumps(LOGGING_CONFIG))
    config["filters"] = {"no_query": {"()": "pipeline.web.app.DropQueryFilter"}}
    config["handlers"]["access"]["filters"] = ["no_query"]
    config["loggers"]["pipeline.web"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


class DropQueryFilter(logging.Filter):
    """Remove the query string from uvicorn access-log lines (it may hold user input)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True
