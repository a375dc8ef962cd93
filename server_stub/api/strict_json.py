"""JSON bodies read strictly: what Python's ``json`` accepts but no JSON text may hold is refused
with a 422 before a route sees it.

Python's parser accepts ``NaN``, ``Infinity`` and ``-Infinity``, turns ``1e309`` into an
infinite float, and decodes a lone ``\\ud800`` escape into a string that cannot be encoded as
UTF-8 again: such a value passes many validators, then breaks the database driver, argon2 or
the JSON encoder of an answer (RFC 8259 allows none of them). The routes of the JSON API use
:class:`StrictJsonRoute`, which parses the body once, strictly, and hands FastAPI the result.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Coroutine
from email.message import Message
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

# A \uD800-\uDFFF escape somewhere in the text: only then is the parsed value walked.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abAB]|\\u[dD][c-fC-F]")


class NotStrictJson(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise NotStrictJson(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotStrictJson("the number is too large")
    return value


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


def loads(body: bytes) -> Any:
    """``json.loads`` for RFC 8259 text only; :class:`ValueError` for anything else."""
    value = json.loads(body, parse_constant=_no_constant, parse_float=_finite)
    if _SURROGATE_ESCAPE.search(body) and _has_surrogate(value):
        raise NotStrictJson("a string holds a lone surrogate")
    return value


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    message = Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


class StrictJsonRoute(APIRoute):
    """An API route whose JSON body is parsed by :func:`loads` (FastAPI then uses that value)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            if self.body_field is not None and _is_json(request.headers.get("content-type")):
                body = await request.body()
                if body:
                    try:
                        # Starlette's Request.json() returns this cached value.
                        request._json = loads(body)
                    except ValueError as error:
                        message = str(error) if isinstance(error, NotStrictJson) else "not JSON"
                        raise RequestValidationError(
                            [{"type": "json_invalid", "loc": ("body",), "msg": message}]
                        ) from None
            return await handler(request)

        return strict
