"""Service errors → HTTP answers ``{"detail": code}`` (the only place that picks statuses)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from server_stub.db import DatabaseBusy, is_busy
from server_stub.services import errors

log = logging.getLogger(__name__)
DATABASE_ERRORS: tuple[type[Exception], ...] = (DatabaseBusy, OperationalError, PoolTimeout)
DATABASE_RETRY_AFTER = 2

STATUS: list[tuple[type[errors.ServiceError], int]] = [
    (errors.InvalidCredentials, 401),
    (errors.NotAuthenticated, 401),
    (errors.InvalidCode, 401),
    (errors.Blocked, 403),
    (errors.IpNotAllowed, 403),
    (errors.Forbidden, 403),
    (errors.NotFound, 404),
    (errors.WrongStep, 409),
    (errors.Conflict, 409),
    (errors.InvalidToken, 400),
    (errors.InvalidInput, 422),
    (errors.Throttled, 429),
    (errors.Unavailable, 503),
]


def status_for(error: errors.ServiceError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 400


async def _service_error(_request: Request, error: Exception) -> JSONResponse:
    if not isinstance(error, errors.ServiceError):  # pragma: no cover - registered for it
        raise error
    headers: dict[str, str] = {}
    if isinstance(error, errors.Throttled | errors.Unavailable):
        headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, errors.InvalidCredentials | errors.NotAuthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse({"detail": error.code}, status_code=status_for(error), headers=headers)


MAX_MESSAGE = 300


def _printable(value: object) -> str:
    """``value`` as text that any JSON encoder can write (a lone surrogate becomes ``\\ud800``)."""
    text = str(value)[:MAX_MESSAGE]
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _location_part(part: object) -> str | int:
    return part if isinstance(part, int) and not isinstance(part, bool) else _printable(part)


def validation_details(problems: Sequence[Any]) -> list[dict[str, object]]:
    """FastAPI's validation errors without ``input`` and ``ctx``: they echo what was sent (a
    password, a lone surrogate, an infinite number the JSON encoder cannot even write)."""
    details: list[dict[str, object]] = []
    for problem in problems:
        if not isinstance(problem, Mapping):
            continue
        details.append(
            {
                "type": _printable(problem.get("type", "invalid")),
                "loc": [_location_part(part) for part in problem.get("loc", ())],
                "msg": _printable(problem.get("msg", "")),
            }
        )
    return details


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    if not isinstance(error, RequestValidationError):  # pragma: no cover - registered for it
        raise error
    return JSONResponse({"detail": validation_details(error.errors())}, status_code=422)


def database_problem(error: Exception) -> str:
    """``database_busy`` (its lock stayed taken: try again) or ``database_unavailable``."""
    if is_busy(error):
        log.warning("the database stayed locked; answered 503: %s", error)
        return "database_busy"
    log.error("the database does not answer; answered 503: %s", error)
    return "database_unavailable"


async def database_error(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": database_problem(error)},
        status_code=503,
        headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(errors.ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for kind in DATABASE_ERRORS:
        app.add_exception_handler(kind, database_error)
