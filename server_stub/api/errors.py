"""Service errors → HTTP answers ``{"detail": code}`` (the only place that picks statuses)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from server_stub.services import errors

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
    if isinstance(error, errors.Throttled):
        headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, errors.InvalidCredentials | errors.NotAuthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse({"detail": error.code}, status_code=status_for(error), headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(errors.ServiceError, _service_error)
