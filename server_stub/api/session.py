"""The login flow: ``/api/session`` and ``/api/me`` (plus ``/api/activate``)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from server_stub.api.code_checks import CodeChecks
from server_stub.api.strict_json import StrictJsonRoute
from server_stub.domain.login import LoginStarted, Pairing, SessionUser
from server_stub.domain.mail import MailSent
from server_stub.http.dependencies import BearerToken, ClientIp, ServicesDep
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

router = APIRouter(route_class=StrictJsonRoute, prefix="/api", tags=["session"])

ERR = {"content": {"application/json": {"example": {"detail": "code"}}}}


@router.post(
    "/session",
    response_model=LoginResponse,
    responses={401: ERR, 403: ERR},
    summary="Password step: starts a session and says what comes next",
)
def login(body: LoginRequest, services: ServicesDep, ip: ClientIp) -> LoginStarted:
    return services.auth.login(body.username, body.password, body.device_token, ip)


@router.get("/session/enrollment", response_model=EnrollmentPublic, responses={401: ERR, 409: ERR})
def enrollment(services: ServicesDep, token: BearerToken, ip: ClientIp) -> Pairing:
    services.auth.authenticate(token, ip)
    return services.enrollment.info(token)


@router.post("/session/verify", responses={401: ERR, 409: ERR, 429: ERR, 503: ERR})
async def verify(
    body: VerifyRequest,
    request: Request,
    token: BearerToken,
    ip: ClientIp,
) -> VerifyResponse:
    # Never in the event loop: the database may be locked by another process for a while.
    # Batched on one writer thread (code_checks.py).
    checks: CodeChecks = request.app.state.code_checks
    verified = await checks.verify(token, body.code, ip)
    return VerifyResponse(device_token=verified.device_token, trusted_until=verified.trusted_until)


@router.post(
    "/session/email-code",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=EmailCodeSent,
    responses={401: ERR, 409: ERR, 429: ERR},
)
def email_code(services: ServicesDep, token: BearerToken, ip: ClientIp) -> MailSent:
    services.auth.authenticate(token, ip)
    return services.email_codes.send(token, ip)


@router.delete("/session", status_code=status.HTTP_204_NO_CONTENT, responses={401: ERR})
def logout(services: ServicesDep, token: BearerToken) -> Response:
    services.auth.logout(token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=MePublic, responses={401: ERR, 403: ERR})
def me(services: ServicesDep, token: BearerToken, ip: ClientIp) -> SessionUser:
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
