"""Which HTTP status each refusal of the services gets, and how a database in trouble is told
apart (locked: try again; away), for the JSON API and the login page alike: the one place
that picks statuses."""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from server_stub.db import DatabaseBusy, is_busy
from server_stub.services import errors

log = logging.getLogger(__name__)

STATUS: list[tuple[type[errors.ServiceError], int]] = [
    (errors.InvalidCredentials, 401),
    (errors.NotAuthenticated, 401),
    (errors.InvalidCode, 401),
    (errors.Blocked, 403),
    (errors.IpNotAllowed, 403),
    (errors.Forbidden, 403),
    (errors.NotFound, 404),
    (errors.WrongStep, 409),
    (errors.CodeAlreadyUsed, 409),
    (errors.Conflict, 409),
    (errors.InvalidToken, 400),
    (errors.InvalidInput, 422),
    (errors.Throttled, 429),
    (errors.Unavailable, 503),
]

DATABASE_ERRORS: tuple[type[Exception], ...] = (DatabaseBusy, OperationalError, PoolTimeout)
"""What a request meets when the database is locked or away: answered 503, never 500."""
DATABASE_RETRY_AFTER = 2


def status_for(error: errors.ServiceError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 400


def database_problem(error: Exception) -> str:
    """``database_busy`` (its lock stayed taken: try again) or ``database_unavailable``."""
    if is_busy(error):
        log.warning("the database stayed locked; answered 503: %s", error)
        return "database_busy"
    log.error("the database does not answer; answered 503: %s", error)
    return "database_unavailable"
