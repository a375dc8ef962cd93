"""``/help``, "What to do if the code does not work?": the customer's checklist, readable
with or without a login."""

from __future__ import annotations

from typing import Final

from fastapi import APIRouter
from fastapi.responses import Response

from server_stub.web.request_context import Context

router = APIRouter(include_in_schema=False)

LOGIN_HELP_URL: Final = "https://zilliz.nl/inloghulp/"
"""The customer's login help page ("inloghulp 2FA voor medewerkers"), linked from /help."""


@router.get("/help")
def code_help(context: Context) -> Response:
    """ "What to do if the code does not work?": the customer's checklist, readable with or
    without a login (the login help must be there before someone can log in)."""
    return context.render(
        "web/help.html", title=context.t("help_title"), here="/help", login_help_url=LOGIN_HELP_URL
    )
