"""``/api/admin/*``: only for administrators with module P&O and a completed session.

Each route hands the body, as the services' own type, to one service call; FastAPI answers
with the result in the route's ``response_model``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from server_stub.api.strict_json import StrictJsonRoute
from server_stub.domain.audit import AuditRecord
from server_stub.domain.mail import MailSent
from server_stub.domain.overview import Overview
from server_stub.domain.policy import Policy
from server_stub.domain.users import Kind, UserAccount
from server_stub.http.dependencies import Admin, ServicesDep
from server_stub.schemas.audit import AuditEntryPublic, AuditQuery, AuditRetention
from server_stub.schemas.overview import OverviewPublic
from server_stub.schemas.policy import PolicyPublic, PolicyUpdate
from server_stub.schemas.users import ActivationMailSent, UserCreate, UserPublic, UserUpdate

ERR = {"content": {"application/json": {"example": {"detail": "code"}}}}
router = APIRouter(
    route_class=StrictJsonRoute,
    prefix="/api/admin",
    tags=["admin"],
    responses={401: ERR, 403: ERR, 404: ERR, 409: ERR},
)
Name = Annotated[str, Path(max_length=64)]


@router.get("/policy", response_model=PolicyPublic)
def get_policy(services: ServicesDep, _admin: Admin) -> Policy:
    return services.policy.get()


@router.put("/policy", response_model=PolicyPublic)
def put_policy(body: PolicyUpdate, services: ServicesDep, admin: Admin) -> Policy:
    return services.policy.update(body.to_domain(), admin)


@router.get("/users", response_model=list[UserPublic])
def list_users(
    services: ServicesDep, _admin: Admin, kind: Annotated[Kind | None, Query()] = None
) -> list[UserAccount]:
    return services.users.list(kind)


@router.post("/users", status_code=status.HTTP_201_CREATED, response_model=UserPublic)
def create_user(body: UserCreate, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.users.create(body.to_domain(), admin)


@router.get("/users/{name}", response_model=UserPublic)
def get_user(name: Name, services: ServicesDep, _admin: Admin) -> UserAccount:
    return services.users.get(name)


@router.patch("/users/{name}", response_model=UserPublic)
def update_user(name: Name, body: UserUpdate, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.users.update(name, body.to_domain(), admin)


@router.post("/users/{name}/reset-2fa", response_model=UserPublic)
def reset_2fa(name: Name, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.admin.reset_2fa(name, admin)


@router.post("/users/{name}/block", response_model=UserPublic)
def block(name: Name, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.admin.block(name, admin)


@router.post("/users/{name}/unblock", response_model=UserPublic)
def unblock(name: Name, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.admin.unblock(name, admin)


@router.post("/users/{name}/reset-password", response_model=UserPublic)
def reset_password(name: Name, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.admin.reset_password(name, admin)


@router.post(
    "/users/{name}/activation-mail",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ActivationMailSent,
)
def activation_mail(name: Name, services: ServicesDep, admin: Admin) -> MailSent:
    return services.admin.send_activation(name, admin)


@router.post("/users/{name}/clear-throttle", response_model=UserPublic)
def clear_throttle(name: Name, services: ServicesDep, admin: Admin) -> UserAccount:
    return services.admin.clear_throttle(name, admin)


@router.get("/audit", response_model=list[AuditEntryPublic])
def audit(
    services: ServicesDep, _admin: Admin, filters: Annotated[AuditQuery, Query()]
) -> list[AuditRecord]:
    return services.audit.query(filters.to_domain())


@router.get("/audit/retention")
def get_audit_retention(services: ServicesDep, _admin: Admin) -> AuditRetention:
    return AuditRetention(days=services.audit.retention())


@router.put("/audit/retention")
def put_audit_retention(
    body: AuditRetention, services: ServicesDep, admin: Admin
) -> AuditRetention:
    return AuditRetention(days=services.audit.set_retention(body.days, admin))


@router.get("/overview", response_model=OverviewPublic)
def overview(services: ServicesDep, _admin: Admin) -> Overview:
    return services.admin.overview()
