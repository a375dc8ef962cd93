"""``GET /api/meta``: the server's own constants, for clients; no login needed."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub import __version__
from server_stub.domain.audit import DEFAULT_RETENTION_DAYS
from server_stub.rights import MODULES, P_AND_O_MODULES
from server_stub.schemas.audit import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from server_stub.schemas.meta import AuditRetentionLimits, Meta, PolicyLimits, UserNameRules
from server_stub.schemas.policy import MAX_AUTHENTICATOR_VALIDITY_HOURS, MAX_MAIL_VALIDITY_DAYS
from server_stub.schemas.users import (
    USER_NAME_MAX_LENGTH,
    USER_NAME_PATTERN,
    USER_NAMES_IGNORE_CASE,
)

router = APIRouter(tags=["meta"])


@router.get("/api/meta")
def meta() -> Meta:
    return Meta(
        version=__version__,
        modules=list(MODULES),
        p_and_o_modules=[module for module in MODULES if module in P_AND_O_MODULES],
        user_names=UserNameRules(
            pattern=USER_NAME_PATTERN,
            max_length=USER_NAME_MAX_LENGTH,
            case_insensitive=USER_NAMES_IGNORE_CASE,
        ),
        policy_limits=PolicyLimits(
            max_authenticator_validity_hours=MAX_AUTHENTICATOR_VALIDITY_HOURS,
            max_mail_validity_days=MAX_MAIL_VALIDITY_DAYS,
        ),
        audit_retention=AuditRetentionLimits(
            min_days=MIN_RETENTION_DAYS,
            max_days=MAX_RETENTION_DAYS,
            default_days=DEFAULT_RETENTION_DAYS,
        ),
    )
