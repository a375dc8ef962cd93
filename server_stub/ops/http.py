"""The operations parts of the app, installed by the app factory in one call: ``/api/ready``,
and the middleware that times every request, counts the login and code answers and writes
the access log."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from starlette.requests import Request

from server_stub.ops import ready
from server_stub.ops.requests import RequestObserver
from server_stub.settings import Settings


def install(
    app: FastAPI, settings: Settings, *, client_ip: Callable[[Request], str | None]
) -> None:
    """``client_ip``: the address the app believes for a request (trusted proxies applied)."""
    app.state.schema_probe = ready.SchemaProbe(app.state.services.ctx.db)
    app.include_router(ready.router)
    # Added last, so it is the outermost of the app's middleware: it times everything.
    app.add_middleware(RequestObserver, access_log_on=settings.access_log, client_ip=client_ip)
