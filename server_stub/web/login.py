"""The password step and its end: the login form (``GET /``, ``POST /login``), the page of
a completed login (``/done``) and logging out (``POST /logout``)."""

from __future__ import annotations

import contextlib
from typing import Annotated, Final

from fastapi import APIRouter, Form
from fastapi.responses import Response
from pydantic import ValidationError

from server_stub.http.statuses import status_for
from server_stub.schemas.session import LoginRequest
from server_stub.services.errors import (
    Blocked,
    InvalidCredentials,
    IpNotAllowed,
    NotAuthenticated,
    SecondFactorRequired,
    Throttled,
    Unavailable,
)
from server_stub.web.request_context import CSRF, STEP_PATHS, Context, RequestContext

router = APIRouter(include_in_schema=False)

MAX_DEVICE_TOKEN_LENGTH: Final = 256


def login_page(
    context: RequestContext,
    *,
    status: int = 200,
    error: str | None = None,
    username: str = "",
    headers: dict[str, str] | None = None,
) -> Response:
    return context.render(
        "web/login.html",
        title=context.t("login_title"),
        here="/",
        status=status,
        headers=headers,
        error=error,
        username=username,
    )


def login_again(context: RequestContext) -> Response:
    """The session is gone (expired, ended, or the address is no longer allowed)."""
    context.end_session()
    key = "error_ip_not_allowed" if isinstance(context.session_error, IpNotAllowed) else None
    return login_page(context, status=401, error=context.t(key or "error_session_expired"))


@router.get("/")
def home(context: Context) -> Response:
    found = context.session()
    if found is not None:
        return context.redirect(STEP_PATHS[found.step])
    if context.session_token is not None:
        context.end_session()
    return login_page(context)


@router.get("/login")
def login_get(context: Context) -> Response:
    return context.redirect("/")


@router.post("/login", dependencies=CSRF)
def login(
    context: Context,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    services = context.services
    old = context.session_token
    if old is not None:
        with contextlib.suppress(NotAuthenticated):
            services.auth.logout(old)
    device = context.request.cookies.get(context.cookies.device) or None
    if device is not None and len(device) > MAX_DEVICE_TOKEN_LENGTH:
        device = None
    try:
        body = LoginRequest(username=username, password=password, device_token=device)
    except ValidationError:
        context.end_session()
        return login_page(
            context,
            status=401,
            error=context.t("error_invalid_credentials"),
            username=username[:256],
        )
    try:
        started = services.auth.login(body.username, body.password, body.device_token, context.ip)
    except (InvalidCredentials, Blocked, IpNotAllowed) as error:
        context.end_session()
        return login_page(
            context,
            status=status_for(error),
            error=context.t(f"error_{error.code}"),
            username=username,
        )
    except (Throttled, Unavailable) as error:  # too many wrong passwords; every hash slot taken
        context.end_session()
        return login_page(
            context,
            status=status_for(error),
            error=context.t(f"error_{error.code}", wait=context.t.wait(error.retry_after)),
            username=username,
            headers={"Retry-After": str(error.retry_after)},
        )
    context.start_session(started.token)
    return context.redirect(STEP_PATHS[started.next])


@router.get("/done")
def done(context: Context) -> Response:
    token = context.session_token
    if token is None:
        return context.redirect("/")
    try:
        me = context.services.auth.me(token, context.ip)
    except SecondFactorRequired:
        return context.redirect("/")
    except (NotAuthenticated, IpNotAllowed):
        context.end_session()
        return context.redirect("/")
    paired = context.services.enrollment.paired_in_session(token)
    return context.render(
        "web/done.html", title=context.t("done_title"), here="/done", name=me.name, paired=paired
    )


@router.post("/logout", dependencies=CSRF)
def logout(context: Context) -> Response:
    token = context.session_token
    if token is not None:
        with contextlib.suppress(NotAuthenticated):
            context.services.auth.logout(token)
    context.end_session()
    return context.redirect("/")
