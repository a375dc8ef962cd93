"""Every request's dependencies, for the JSON API and the login page alike: the services, the
client's address (behind trusted proxies), the bearer token and the administrator it belongs
to. Routes declare them as typed parameters (``services: ServicesDep``); code outside
FastAPI's dependency injection (the login page's request context, its error pages) calls the
plain functions :func:`get_services` and :func:`get_client_ip`.
"""

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
    """The application's services (``server_stub/app.py`` puts them in the app's state)."""
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


async def get_bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The login session's token from ``Authorization: Bearer``; 401 without one."""
    if credentials is None or not credentials.credentials:
        raise NotAuthenticated()
    return credentials.credentials


# FastAPI runs every plain ``def`` dependency in its thread pool: a hop to a worker thread and
# back per dependency and request. These only read the request, so they are ``async`` and run
# in the event loop.
async def _services(request: Request) -> Services:
    return get_services(request)


async def _client_ip(request: Request) -> str | None:
    return get_client_ip(request)


ServicesDep = Annotated[Services, Depends(_services)]
ClientIp = Annotated[str | None, Depends(_client_ip)]
BearerToken = Annotated[str, Depends(get_bearer_token)]


def get_admin(services: ServicesDep, token: BearerToken, ip: ClientIp) -> Actor:
    """The administrator (module P&O, every login step passed) the bearer token belongs to;
    401 or 403 for anyone else (refusals are audited)."""
    return services.auth.administrator(token, ip)


Admin = Annotated[Actor, Depends(get_admin)]
