"""The login flow: ``/api/session`` and ``/api/me`` (plus ``/api/activate``)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from starlette.concurrency import run_in_threadpool

from server_stub.api.deps import ClientIp, ServicesDep, Token
from server_stub.schemas.session import (
    EmailCodeSent,
    EnrollmentPublic,
    LoginRequest,
    LoginResponse,
    MePublic,
    VerifyRequest,
    VerifyResponse,
)
from server_stub.schemas.users import ActivateRequest

router = APIRouter(prefix="/api", tags=["session"])

ERR = {"content": {"application/json": {"example": {"detail": "code"}}}}


@router.post(
    "/session",
    responses={401: ERR, 403: ERR},
    summary="Password step: starts a session and says what comes next",
)
def login(body: LoginRequest, services: ServicesDep, ip: ClientIp) -> LoginResponse:
    return services.auth.login(body.username, body.password, body.device_token, ip)


@router.get("/session/enrollment", responses={401: ERR, 409: ERR})
def enrollment(services: ServicesDep, token: Token, ip: ClientIp) -> EnrollmentPublic:
    services.auth.authenticate(token, ip)
    return services.enrollment.info(token)


@router.post("/session/verify", responses={401: ERR, 409: ERR, 429: ERR})
async def verify(
    body: VerifyRequest, services: ServicesDep, token: Token, ip: ClientIp
) -> VerifyResponse:
    # verify() makes authenticate()'s checks itself, in the same transaction.
    if services.ctx.db.local_writes:
        # SQLite: one short local transaction (about a millisecond of CPU), run right here in
        # the event loop. In the thread pool the hop there and back and the worker threads'
        # fight with the event loop for the GIL cost more than the check itself, and stretched
        # the time each check holds the write lock (32 in flight: 314/s with p99
        # 228 ms in the pool; 510-610/s with p99 60-85 ms here). See docs/server.md.
        verified = services.verification.verify(token, body.code, ip)
    else:  # PostgreSQL: the check may wait for a row lock; not in the event loop
        verified = await run_in_threadpool(services.verification.verify, token, body.code, ip)
    return VerifyResponse(device_token=verified.device_token, trusted_until=verified.trusted_until)


@router.post(
    "/session/email-code",
    status_code=status.HTTP_202_ACCEPTED,
    responses={401: ERR, 409: ERR, 429: ERR},
)
def email_code(services: ServicesDep, token: Token, ip: ClientIp) -> EmailCodeSent:
    services.auth.authenticate(token, ip)
    return services.email_codes.send(token, ip)


@router.delete("/session", status_code=status.HTTP_204_NO_CONTENT, responses={401: ERR})
def logout(services: ServicesDep, token: Token) -> Response:
    services.auth.logout(token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", responses={401: ERR, 403: ERR})
def me(services: ServicesDep, token: Token, ip: ClientIp) -> MePublic:
    return services.auth.me(token, ip)


@router.post(
    "/activate",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={400: ERR},
    summary="Set a password with the token from an activation mail",
)
def activate(body: ActivateRequest, services: ServicesDep, ip: ClientIp) -> Response:
    services.activation.activate(body.token, body.password, ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
