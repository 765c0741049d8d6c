"""Security headers, a request-body limit and a last-resort error guard, as one ASGI middleware.

Every response gets the same headers, including error pages and static files. The guard sits
outside FastAPI's own exception handling, so even an unexpected failure ends in a clean 500
page with the headers (never a stack trace), and the server goes on serving.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger("pipeline.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
TOO_LARGE = "Het verzoek is te groot: maximaal {limit_mb} MB."
SERVER_ERROR = "Er ging iets mis bij het controleren. Probeer het opnieuw met een andere tekst."


class BodyTooLarge(Exception):
    """The request body passed the byte limit while it was being read."""


def wants_json(scope: Scope) -> bool:
    """True for API clients: paths under /api/ or an Accept header asking for JSON only."""
    if scope.get("path", "").startswith("/api/"):
        return True
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
    return "application/json" in accept and "text/html" not in accept


def _error_body(scope: Scope, status: int, detail: str) -> tuple[bytes, bytes]:
    if wants_json(scope):
        return json.dumps({"detail": detail}, ensure_ascii=False).encode(), b"application/json"
    from html import escape

    page = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>Fout {status}</title></head><body><main><h1>Fout {status}</h1>"
        f'<p role="alert">{escape(detail)}</p><p><a href="/">Terug naar de taalcheck</a></p>'
        "</main></body></html>"
    )
    return page.encode(), b"text/html; charset=utf-8"


class SecurityMiddleware:
    """Adds security headers, limits body size, logs sizes and timings, catches failures.

    Args:
        app: the wrapped ASGI app.
        max_body_bytes: requests with a larger body get a 413 before the app sees all of it.
        too_large: the Dutch message of that 413 (the app names the limits of its page);
            by default the body limit itself.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, too_large: str | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = {"started": False, "status": 0, "n_in": 0, "n_out": 0}
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._send_error(scope, send, state, 413, self._too_large())
            self._log(scope, state, started)
            return

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["n_in"] += len(message.get("body", b""))
                if state["n_in"] > self.max_body_bytes:
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
                state["status"] = message["status"]
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            elif message["type"] == "http.response.body":
                state["n_out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not state["started"]:
                await self._send_error(scope, send, state, 413, self._too_large())
        except Exception as exc:
            # Only the exception's type: its message might quote the submitted text.
            log.error("request failed: %s %s: %s", scope["method"], scope["path"], type(exc))
            if not state["started"]:
                await self._send_error(scope, send, state, 500, SERVER_ERROR)
        self._log(scope, state, started)

    def _too_large(self) -> str:
        if self.too_large is not None:
            return self.too_large
        from pipeline.numbers import nl_decimal

        return TOO_LARGE.format(limit_mb=nl_decimal(round(self.max_body_bytes / 1024 / 1024, 1)))

    async def _send_error(
        self, scope: Scope, send: Send, state: dict[str, Any], status: int, detail: str
    ) -> None:
        body, content_type = _error_body(scope, status, detail)
        state.update(started=True, status=status, n_out=len(body))
        headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *SECURITY_HEADERS,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _log(scope: Scope, state: dict[str, Any], started: float) -> None:
        """Log sizes and timings only: never the body, the query string or a file name."""
        log.info(
            "%s %s -> %s in=%dB out=%dB %.0fms",
            scope["method"],
            scope["path"],
            state["status"],
            state["n_in"],
            state["n_out"],
            (time.perf_counter() - started) * 1000,
        )
