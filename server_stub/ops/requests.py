"""One ASGI middleware around every request: its latency (a Prometheus histogram by route),
what the login and code routes answered (counters), and the access log line.

It reads only the method, the path, the route that matched and the status: never a body, a
header or the query string (an activation link carries its token in the query), so no secret
can reach the access log through it. The client is the address the app believes
(``X-Forwarded-For`` only from a trusted proxy), through the function it is given.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server_stub.ops import metrics
from server_stub.ops.logs import ACCESS_LOGGER

access_log = logging.getLogger(ACCESS_LOGGER)

# The routes whose answers are counted, with what they are (API and login page alike).
LOGIN_ROUTES = {("POST", "/api/session"), ("POST", "/login")}
CODE_ROUTES = {("POST", "/api/session/verify"), ("POST", "/verify")}
EMAIL_CODE_ROUTES = {("POST", "/api/session/email-code"), ("POST", "/email/send")}


MAX_PATH = 1000

# The methods a label may name; any other (the client may send any token) is "other", so that
# invented methods cannot add series without end.
METHOD_LABELS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def printable(path: str) -> str:
    """The path as one line of at most :data:`MAX_PATH` characters: control characters
    escaped (a request for ``/%0a...`` must not start a fake log line)."""
    escaped = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in path)
    return escaped[:MAX_PATH]


def login_result(status: int) -> str:
    if status in (200, 303):  # the API's session, the page's redirect to the next step
        return "ok"
    return {401: "invalid_credentials", 403: "refused", 429: "throttled", 503: "busy"}.get(
        status, "invalid"
    )


class RequestObserver:
    def __init__(
        self,
        app: ASGIApp,
        *,
        access_log_on: bool,
        client_ip: Callable[[Request], str | None],
    ) -> None:
        self.app = app
        self.access_log_on = access_log_on
        self.client_ip = client_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        answer: dict[str, int] = {"status": 500, "bytes": 0, "recorded": 0}

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = int(message["status"])
            elif message["type"] == "http.response.body":
                answer["bytes"] += len(message.get("body", b""))
                if not message.get("more_body", False):
                    # Counted before the last part goes out: whoever got the answer sees it
                    # counted (a test, a scrape right after).
                    answer["recorded"] = 1
                    self._record(scope, answer["status"], answer["bytes"], started)
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            if not answer["recorded"]:  # no answer, or not to its end (an error, a disconnect)
                self._record(scope, answer["status"], answer["bytes"], started)

    def _record(self, scope: Scope, status: int, size: int, started: float) -> None:
        elapsed = time.perf_counter() - started
        method: str = scope["method"]
        route: Any = scope.get("route")
        template = getattr(route, "path", None) or "unmatched"
        label = method if method in METHOD_LABELS else "other"
        metrics.REQUEST_SECONDS.labels(label, template, str(status)).observe(elapsed)
        key = (method, template)
        if key in LOGIN_ROUTES:
            metrics.LOGINS.labels(login_result(status)).inc()
        if status == 429:
            what = (
                "password"
                if key in LOGIN_ROUTES
                else "code"
                if key in CODE_ROUTES
                else "email_code"
                if key in EMAIL_CODE_ROUTES
                else None
            )
            if what is not None:
                metrics.THROTTLED.labels(what).inc()
        if self.access_log_on:
            self._log(scope, method, status, size, elapsed)

    def _log(self, scope: Scope, method: str, status: int, size: int, elapsed: float) -> None:
        try:
            client = self.client_ip(Request(scope))
        except Exception:  # the log line must not fail the request
            client = None
        path = printable(scope.get("path", ""))
        duration_ms = round(elapsed * 1000, 1)
        access_log.info(
            '%s "%s %s" %d %.1fms %dB',
            client or "-",
            method,
            path,
            status,
            duration_ms,
            size,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "client": client,
                "bytes": size,
            },
        )
