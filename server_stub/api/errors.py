"""The JSON API's error answers: ``{"detail": code}`` for a refusal of the services (with the
status of :mod:`server_stub.http.statuses`), validation errors without the input, 503 for a
database in trouble."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from server_stub.http.statuses import DATABASE_RETRY_AFTER, database_problem, status_for
from server_stub.services import errors


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


async def database_error(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": database_problem(error)},
        status_code=503,
        headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
    )


def install(app: FastAPI) -> None:
    """The handlers for refusals and invalid requests (the application routes a database in
    trouble to :func:`database_error` for ``/api`` paths)."""
    app.add_exception_handler(errors.ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
