"""The link of an activation mail (a new account, a password reset): ``GET /activate`` shows
the form to choose a password, ``POST /activate`` sets it (once), ``/activated`` says so."""

from __future__ import annotations

from typing import Annotated, Final
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import Response

from server_stub.services.errors import InvalidToken, Unavailable
from server_stub.web.request_context import CSRF, Context, RequestContext

router = APIRouter(include_in_schema=False)

MAX_TOKEN_LENGTH: Final = 256
MIN_PASSWORD: Final = 8
MAX_PASSWORD: Final = 1024


def activate_page(
    context: RequestContext,
    *,
    token: str,
    name: str,
    status: int = 200,
    error: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return context.render(
        "web/activate.html",
        title=context.t("activate_title"),
        here=f"/activate?{urlencode({'token': token})}",
        status=status,
        headers=headers,
        error=error,
        token=token,
        name=name,
    )


def invalid_link(context: RequestContext) -> Response:
    t = context.t
    return context.render(
        "web/message.html",
        title=t("invalid_link_title"),
        here="/",
        status=400,
        text=t("invalid_link_text"),
    )


def link_owner(context: RequestContext, token: str) -> str | None:
    """The name of the account a live link belongs to; None for anything else."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        return context.services.activation.check(token)
    except InvalidToken:
        return None


@router.get("/activate")
def activate(context: Context, token: str = "") -> Response:
    """The link of an activation mail (a new account, or a password reset)."""
    name = link_owner(context, token)
    if name is None:
        return invalid_link(context)
    return activate_page(context, token=token, name=name)


@router.post("/activate", dependencies=CSRF)
def activate_post(
    context: Context,
    token: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_repeat: Annotated[str, Form()] = "",
) -> Response:
    name = link_owner(context, token)
    if name is None:
        return invalid_link(context)
    t = context.t
    problem = None
    if len(password) < MIN_PASSWORD:
        problem = "error_password_too_short"
    elif len(password) > MAX_PASSWORD:
        problem = "error_password_too_long"
    elif password != password_repeat:
        problem = "error_passwords_differ"
    if problem is not None:
        return activate_page(context, token=token, name=name, status=422, error=t(problem))
    try:
        context.services.activation.activate(token, password, context.ip)
    except InvalidToken:  # used by another request meanwhile
        return invalid_link(context)
    except Unavailable as error:
        return activate_page(
            context,
            token=token,
            name=name,
            status=503,
            error=t("error_busy", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    return context.redirect("/activated")


@router.get("/activated")
def activated(context: Context) -> Response:
    t = context.t
    return context.render(
        "web/message.html", title=t("activated_title"), here="/activated", text=t("activated_text")
    )
