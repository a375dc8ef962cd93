"""Hostile JSON in every field of every JSON body: a lone surrogate, a number too large for a
float (``1e309``), ``NaN`` and ``Infinity``. Each gets a 4xx that is itself valid JSON and does
not echo the input back, and the connection stays usable afterwards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.server.harness import PASSWORD, Harness

# Lone surrogates (high, and low inside a string), numbers beyond a float, and the constants
# Python's json accepts but JSON has not; a surrogate as an object key is added below.
HOSTILE = ('"\\ud800"', '"ab\\udfffcd"', "1e309", "-1e309", "NaN", "Infinity", "-Infinity")
MARK = "__HOSTILE__"

# One acceptable body per operation with a JSON body; each field is replaced in turn.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/api/session"): {"username": "jan", "password": PASSWORD, "device_token": "x" * 43},
    ("post", "/api/session/verify"): {"code": "123456"},
    ("post", "/api/activate"): {"token": "x" * 43, "password": "lang genoeg wachtwoord"},
    ("put", "/api/admin/policy"): {
        "employees": {"enabled": True, "method": "app", "user_adjustable": False},
        "extranet": {"enabled": False, "method": "email", "user_adjustable": False},
        "authenticator_validity_hours": 5,
        "mail_validity_days": 0,
        "email_cutoff": "2024-06-17",
    },
    ("post", "/api/admin/users"): {
        "name": "nieuw",
        "password": "lang genoeg wachtwoord",
        "email": "nieuw@example.org",
        "kind": "employee",
        "admin": False,
        "modules": ["zorg"],
        "location_manager": False,
        "ip_allowlist": ["10.0.0.1"],
    },
    ("patch", "/api/admin/users/{name}"): {
        "email": "jan@example.org",
        "kind": "employee",
        "admin": False,
        "modules": ["zorg"],
        "location_manager": False,
        "ip_allowlist": ["10.0.0.1"],
    },
    ("put", "/api/admin/audit/retention"): {"days": 365},
}


def json_body_operations(schema: dict[str, Any]) -> set[tuple[str, str]]:
    found = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                found.add((method, path))
    return found


def field_paths(body: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every place a value sits in ``body``: keys of objects (nested too) and list items."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield (*prefix, key)
            yield from field_paths(value, (*prefix, key))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield (*prefix, index)
            yield from field_paths(value, (*prefix, index))


def with_mark(body: Any, where: tuple[str | int, ...]) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = MARK
    return copy


def hostile_bodies() -> Iterator[tuple[str, str, str]]:
    """(operation, field, raw JSON text) for every field and hostile value."""
    for (method, path), body in BODIES.items():
        for where in field_paths(body):
            text = json.dumps(with_mark(body, where))
            for literal in HOSTILE:
                yield (
                    f"{method} {path}",
                    ".".join(map(str, where)),
                    text.replace(f'"{MARK}"', literal),
                )
        # A lone surrogate as an unknown key, and as the whole body.
        yield f"{method} {path}", "<key>", json.dumps(body)[:-1] + ', "\\udc00": 1}'
        yield f"{method} {path}", "<body>", '"\\ud800"'


@pytest.fixture
def live(harness: Harness) -> dict[str, dict[str, str]]:
    """Headers that get each operation past its authentication to the body's validation."""
    harness.add_user("jan", email="jan@example.org")
    harness.enroll("jan")
    waiting = harness.login("jan")
    assert waiting.next == "totp"
    admin = harness.admin()
    return {"session": waiting.headers, "admin": admin.headers}


def test_every_json_body_operation_is_covered(harness: Harness) -> None:
    schema = harness.client.get("/openapi.json").json()
    assert json_body_operations(schema) == set(BODIES)


def test_the_acceptable_bodies_are_accepted_so_the_fields_are_really_reached(
    harness: Harness, live: dict[str, dict[str, str]]
) -> None:
    """Sanity: each body above passes validation (a refusal comes from a rule, not a 422 list)."""
    for (method, path), body in BODIES.items():
        headers = live["admin"] if "/admin/" in path else live["session"]
        response = harness.client.request(
            method, path.replace("{name}", "jan"), json=body, headers=headers
        )
        assert response.status_code < 500, (method, path, response.text)
        detail = response.json().get("detail") if response.content else None
        assert not isinstance(detail, list), (method, path, detail)


def test_hostile_json_in_any_field_gets_a_clean_4xx_and_the_connection_stays_usable(
    harness: Harness, live: dict[str, dict[str, str]]
) -> None:
    failures: list[tuple[str, str, str, object, str]] = []
    with httpx.Client(base_url=harness.url, timeout=30) as client:
        for operation, field, text in hostile_bodies():
            method, path = operation.split(" ", 1)
            headers = {
                **(live["admin"] if "/admin/" in path else live["session"]),
                "Content-Type": "application/json",
            }
            try:
                response = client.request(
                    method, path.replace("{name}", "jan"), content=text.encode(), headers=headers
                )
            except httpx.TransportError as error:  # the server dropped the connection
                failures.append((operation, field, text, "connection", repr(error)))
                continue
            if response.status_code not in (400, 422):
                failures.append((operation, field, text, response.status_code, response.text))
                continue
            answer = response.json()  # valid JSON, whatever was sent
            echoed = json.dumps(answer)
            if "input" in echoed or "ud800" in echoed or "udfff" in echoed or "1e309" in echoed:
                failures.append((operation, field, text, "echoed", echoed))
        # The same client (its kept-alive connection) still works.
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/me", headers=live["admin"]).status_code == 200
    assert failures == []
