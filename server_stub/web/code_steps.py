"""The code steps: ``/enroll`` (QR code, setup key and the code), ``/code`` (the app's code),
``/email`` (send an e-mail code, then enter it), each checked by ``POST /verify``. Each page
redirects to the step the session is really at."""

from __future__ import annotations

import base64
from typing import Annotated, Final

from fastapi import APIRouter, Form
from fastapi.responses import Response

from server_stub.ops import metrics
from server_stub.services.errors import (
    CodeAlreadyUsed,
    Conflict,
    InvalidCode,
    NotAuthenticated,
    Throttled,
    WrongStep,
)
from server_stub.web.login import login_again
from server_stub.web.request_context import CSRF, STEP_PATHS, Context, RequestContext

router = APIRouter(include_in_schema=False)

MAX_CODE_LENGTH: Final = 32


def code_page(
    context: RequestContext,
    step: str,
    *,
    status: int = 200,
    error: str | None = None,
    error_hint: str | None = None,
    notice: str | None = None,
    headers: dict[str, str] | None = None,
    help_link: bool = False,
) -> Response:
    """The page of a code step (``enroll``, ``totp``, ``email``) with an optional message;
    ``help_link`` adds "What to do if the code does not work?" to the message."""
    t = context.t
    extra: dict[str, str | bool] = {"code_hint": t("code_hint_app"), "help_link": help_link}
    if step == "enroll":
        try:
            info = context.services.enrollment.info(context.session_token or "")
            # The seed: a QR code again means the old entry in the app must go first.
            extra["again"] = context.services.enrollment.shown_before(context.session_token or "")
        except (NotAuthenticated, WrongStep, Conflict):
            return login_again(context)
        template, title = "web/enroll.html", t("enroll_title")
        svg = base64.b64encode(info.qr_svg.encode("utf-8")).decode("ascii")
        extra["qr_src"] = f"data:image/svg+xml;base64,{svg}"
        extra["setup_key"] = group_key(info.secret)
        # "Pair with the authenticator app on this PC": the same secret as the QR code, on
        # the same page (never cached, no referrer), for the app that handles otpauth links.
        extra["otpauth_uri"] = info.otpauth_uri
    elif step == "email":
        template, title = "web/email.html", t("email_title")
        digits = context.services.settings.email_code_digits
        extra["code_hint"] = t("code_hint_email", digits=digits)
    else:
        template, title = "web/code.html", t("code_title")
    return context.render(
        template,
        title=title,
        here=STEP_PATHS[step],
        status=status,
        headers=headers,
        error=error,
        error_hint=error_hint,
        notice=notice,
        **extra,
    )


def group_key(key: str) -> str:
    """The setup key in groups of four, as authenticator apps show it: ``ABCD EFGH ...``."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def step_or_redirect(context: RequestContext, step: str) -> Response | None:
    """None when the session is at ``step``; else where to go instead."""
    found = context.session()
    if found is None:
        if context.session_token is not None:
            context.end_session()
        return context.redirect("/")
    if found.step != step:
        return context.redirect(STEP_PATHS[found.step])
    return None


@router.get("/enroll")
def enroll(context: Context) -> Response:
    return step_or_redirect(context, "enroll") or code_page(context, "enroll")


@router.get("/code")
def code(context: Context) -> Response:
    return step_or_redirect(context, "totp") or code_page(context, "totp")


@router.get("/email")
def email(context: Context) -> Response:
    return step_or_redirect(context, "email") or code_page(context, "email")


@router.post("/email/send", dependencies=CSRF)
def email_send(context: Context) -> Response:
    elsewhere = step_or_redirect(context, "email")
    if elsewhere is not None:
        return elsewhere
    t = context.t
    try:
        sent = context.services.email_codes.send(context.session_token or "", context.ip)
    except Throttled as error:
        return code_page(
            context,
            "email",
            status=429,
            error=t("error_resend_limited", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    except Conflict as error:
        return code_page(context, "email", status=409, error=t(f"error_{error.code}"))
    except (NotAuthenticated, WrongStep):
        return login_again(context)
    minutes = int(context.services.settings.email_code_ttl.total_seconds() // 60)
    return code_page(
        context, "email", notice=t("email_sent", address=sent.sent_to, minutes=minutes)
    )


@router.post("/verify", dependencies=CSRF)
def verify(context: Context, code: Annotated[str, Form()] = "") -> Response:
    found = context.session()
    if found is None:
        return login_again(context)
    step = found.step
    if step == "done":
        return context.redirect(STEP_PATHS[step])
    t = context.t
    if not code.strip() or len(code) > MAX_CODE_LENGTH:
        return code_page(context, step, status=422, error=t("error_invalid_code"))
    try:
        verified = metrics.counted_code_check(
            context.services.verification.verify, context.session_token or "", code, context.ip
        )
    except InvalidCode:
        return code_page(
            context,
            step,
            status=401,
            error=t("error_invalid_code"),
            error_hint=t("error_invalid_code_hint"),
            help_link=step != "email",
        )
    except CodeAlreadyUsed:
        key = "error_email_code_already_used" if step == "email" else "error_code_already_used"
        return code_page(context, step, status=409, error=t(key))
    except Throttled as error:
        return code_page(
            context,
            step,
            status=429,
            error=t("error_throttled", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    except WrongStep:
        return context.redirect("/")
    except Conflict as error:
        if error.code == "credential_unreadable":
            return code_page(context, step, status=409, error=t("error_credential_unreadable"))
        return login_again(context)
    except NotAuthenticated:
        return login_again(context)
    trusted_for = int((verified.trusted_until - context.services.clock.now()).total_seconds())
    if trusted_for > 0:
        context.set_cookie(context.cookies.device, verified.device_token, trusted_for)
    else:
        context.set_cookie(context.cookies.device, None)
    return context.redirect(STEP_PATHS["done"])
