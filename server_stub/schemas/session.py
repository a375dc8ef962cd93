"""The login flow over the JSON API: password, then (enroll | totp | email), then done."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from server_stub.domain.login import Step
from server_stub.domain.policy import Method
from server_stub.domain.users import Kind

Next = Step


def _printable(value: str) -> str:
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("control characters are not allowed")
    return value


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Annotated[str, Field(min_length=1, max_length=256), AfterValidator(_printable)]
    password: Annotated[str, Field(max_length=1024)]
    device_token: Annotated[str, Field(max_length=256)] | None = None


class LoginResponse(BaseModel):
    token: str
    next: Next


class EnrollmentPublic(BaseModel):
    secret: str = Field(description="The setup key (instelsleutel), base32 without padding")
    otpauth_uri: str
    qr_svg: str


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Annotated[str, Field(min_length=1, max_length=32)]


class VerifyResponse(BaseModel):
    next: Literal["done"] = "done"
    device_token: str
    trusted_until: datetime


class EmailCodeSent(BaseModel):
    sent_to: str
    expires_at: datetime


class MePublic(BaseModel):
    name: str
    kind: Kind
    email: str | None
    admin: bool
    modules: list[str]
    location_manager: bool
    method: Method | None = Field(description="The second factor in force for this user, if any")
    session_expires_at: datetime
