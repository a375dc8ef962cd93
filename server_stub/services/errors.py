"""The services' errors. Each has a stable ``code`` (the API's ``detail``); the HTTP layer
alone decides the status code for each class."""

from __future__ import annotations


class ServiceError(Exception):
    code = "error"

    def __init__(self, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(self.code)


class InvalidCredentials(ServiceError):
    code = "invalid_credentials"


class Blocked(ServiceError):
    code = "blocked"


class IpNotAllowed(ServiceError):
    code = "ip_not_allowed"


class NotAuthenticated(ServiceError):
    code = "not_authenticated"


class Forbidden(ServiceError):
    code = "forbidden"


class SecondFactorRequired(Forbidden):
    code = "second_factor_required"


class WrongStep(ServiceError):
    """The session is not at the step this request belongs to."""

    code = "wrong_step"


class InvalidCode(ServiceError):
    code = "invalid_code"


class CodeAlreadyUsed(ServiceError):
    """A right code whose time step was already accepted (or an older step than the last one
    accepted), or an e-mail code already used. Not a guess, so not counted as a wrong code:
    whoever sends it has seen the code."""

    code = "code_already_used"


class Throttled(ServiceError):
    code = "throttled"

    def __init__(self, retry_after: int, code: str | None = None) -> None:
        super().__init__(code)
        self.retry_after = max(1, retry_after)


class NotFound(ServiceError):
    code = "user_not_found"


class Conflict(ServiceError):
    code = "conflict"


class InvalidInput(ServiceError):
    """A well-formed request that breaks a rule (the API answers 422)."""

    code = "invalid_input"


class InvalidToken(ServiceError):
    code = "invalid_token"


class Unavailable(ServiceError):
    """Not a refusal: the server cannot answer right now (its database is locked, all password
    hash slots are taken). The API answers 503 with ``Retry-After``."""

    code = "unavailable"

    def __init__(self, retry_after: int, code: str | None = None) -> None:
        super().__init__(code)
        self.retry_after = max(1, retry_after)
