"""Typed dependencies: the services, the client address, the bearer token, the admin."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server_stub.security.ipallow import client_address, networks
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.errors import NotAuthenticated

_bearer = HTTPBearer(auto_error=False, description="The token from POST /api/session")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_client_ip(request: Request) -> str | None:
    """The peer address; X-Forwarded-For only when the peer is a configured trusted proxy.

    Every ``X-Forwarded-For`` line counts, in order (HAProxy's ``option forwardfor`` adds a line
    of its own below whatever the client sent, rather than appending to it), and the client is
    the right-most address that is not a trusted proxy: everything left of it was written by
    the client itself. Junk in that place makes the address unknown (None, outside every
    allow-list) rather than the proxy's own.
    """
    peer = request.client.host if request.client else None
    services = get_services(request)
    trusted = networks(",".join(services.settings.trusted_proxies))
    if not trusted:
        return peer

    def is_trusted(text: str | None) -> bool:
        address = client_address(text)
        return address is not None and any(
            address.version == net.version and address in net for net in trusted
        )

    if not is_trusted(peer):
        return peer
    lines = request.headers.getlist("x-forwarded-for")
    hops = [hop.strip() for line in lines for hop in line.split(",")]
    for hop in reversed([h for h in hops if h]):
        if not is_trusted(hop):
            address = client_address(hop)
            return None if address is None else str(address)
    return peer


async def get_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or not credentials.credentials:
        raise NotAuthenticated()
    return credentials.credentials


# FastAPI runs every plain ``def`` dependency in its thread pool: a hop to a worker thread and
# back per dependency and request. These three only read the request, so they are ``async``
# and run in the event loop; ``get_services`` and ``get_client_ip`` stay plain
# functions for callers outside FastAPI's dependency injection (the web page).
async def _services(request: Request) -> Services:
    return get_services(request)


async def _client_ip(request: Request) -> str | None:
    return get_client_ip(request)


ServicesDep = Annotated[Services, Depends(_services)]
ClientIp = Annotated[str | None, Depends(_client_ip)]
Token = Annotated[str, Depends(get_token)]


def get_admin(services: ServicesDep, token: Token, ip: ClientIp) -> Actor:
    return services.auth.administrator(token, ip)


Admin = Annotated[Actor, Depends(get_admin)]
