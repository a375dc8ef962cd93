"""``/api/admin/*``: only for administrators with module P&O and a completed session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from server_stub.api.deps import Admin, ServicesDep
from server_stub.api.strict_json import StrictJsonRoute
from server_stub.schemas.audit import AuditEntryPublic, AuditQuery, AuditRetention
from server_stub.schemas.overview import OverviewPublic
from server_stub.schemas.policy import PolicyPublic, PolicyUpdate
from server_stub.schemas.users import (
    ActivationMailSent,
    Kind,
    UserCreate,
    UserPublic,
    UserUpdate,
)

ERR = {"content": {"application/json": {"example": {"detail": "code"}}}}
router = APIRouter(
    route_class=StrictJsonRoute,
    prefix="/api/admin",
    tags=["admin"],
    responses={401: ERR, 403: ERR, 404: ERR, 409: ERR},
)
Name = Annotated[str, Path(max_length=64)]


@router.get("/policy")
def get_policy(services: ServicesDep, _admin: Admin) -> PolicyPublic:
    return services.policy.get()


@router.put("/policy")
def put_policy(body: PolicyUpdate, services: ServicesDep, admin: Admin) -> PolicyPublic:
    return services.policy.update(body, admin)


@router.get("/users")
def list_users(
    services: ServicesDep, _admin: Admin, kind: Annotated[Kind | None, Query()] = None
) -> list[UserPublic]:
    return services.users.list(kind)


@router.post("/users", status_code=status.HTTP_201_CREATED)
def create_user(body: UserCreate, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.users.create(body, admin)


@router.get("/users/{name}")
def get_user(name: Name, services: ServicesDep, _admin: Admin) -> UserPublic:
    return services.users.get(name)


@router.patch("/users/{name}")
def update_user(name: Name, body: UserUpdate, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.users.update(name, body, admin)


@router.post("/users/{name}/reset-2fa")
def reset_2fa(name: Name, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.admin.reset_2fa(name, admin)


@router.post("/users/{name}/block")
def block(name: Name, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.admin.block(name, admin)


@router.post("/users/{name}/unblock")
def unblock(name: Name, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.admin.unblock(name, admin)


@router.post("/users/{name}/reset-password")
def reset_password(name: Name, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.admin.reset_password(name, admin)


@router.post("/users/{name}/activation-mail", status_code=status.HTTP_202_ACCEPTED)
def activation_mail(name: Name, services: ServicesDep, admin: Admin) -> ActivationMailSent:
    return services.admin.send_activation(name, admin)


@router.post("/users/{name}/clear-throttle")
def clear_throttle(name: Name, services: ServicesDep, admin: Admin) -> UserPublic:
    return services.admin.clear_throttle(name, admin)


@router.get("/audit")
def audit(
    services: ServicesDep, _admin: Admin, filters: Annotated[AuditQuery, Query()]
) -> list[AuditEntryPublic]:
    return services.audit.query(filters)


@router.get("/audit/retention")
def get_audit_retention(services: ServicesDep, _admin: Admin) -> AuditRetention:
    return services.audit.retention()


@router.put("/audit/retention")
def put_audit_retention(
    body: AuditRetention, services: ServicesDep, admin: Admin
) -> AuditRetention:
    return services.audit.set_retention(body, admin)


@router.get("/overview")
def overview(services: ServicesDep, _admin: Admin) -> OverviewPublic:
    return services.admin.overview()
