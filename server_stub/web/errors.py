"""The login page's own error pages: 403 for a form without its CSRF token, 503 while the
database is locked or away (the application sends the JSON API's requests elsewhere)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from server_stub.http.statuses import DATABASE_RETRY_AFTER, database_problem
from server_stub.web.request_context import RequestContext


async def csrf_refused(request: Request, _error: Exception) -> Response:
    context = RequestContext.of(request)
    t = context.t
    return context.render(
        "web/error.html", title=t("csrf_title"), here="/", status=403, text=t("csrf_text")
    )


async def database_page(request: Request, error: Exception) -> Response:
    """503 "One moment, please" when the database is locked or away."""
    database_problem(error)
    context = RequestContext.of(request)
    t = context.t
    return context.render(
        "web/error.html",
        title=t("busy_title"),
        here="/",
        status=503,
        headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
        text=t("busy_text"),
    )
