"""A cookie-keeping HTTP client for the login page, and a small HTML reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import httpx

from tests.server.harness import PASSWORD, Harness

CSRF_COOKIE = "tweestap_csrf"


VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class Elements(HTMLParser):
    """Every element's attributes (by id and in order), and the visible text, all of it or
    inside one element (``text_of``)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._texts: dict[str, list[str]] = {}
        self._all: list[str] = []
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        element_id = values.get("id")
        if element_id:
            self.by_id[element_id] = values
            self._texts.setdefault(element_id, [])
        if tag not in VOID:
            self._open.append((tag, element_id))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if any(tag in {"script", "style", "title"} for tag, _ in self._open):
            return
        self._all.append(data)
        for _tag, element_id in self._open:
            if element_id:
                self._texts[element_id].append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self._all).split())

    def text_of(self, element_id: str) -> str:
        return " ".join(" ".join(self._texts[element_id]).split())

    def with_role(self, role: str) -> list[dict[str, str | None]]:
        return [attrs for _tag, attrs in self.tags if attrs.get("role") == role]

    def tag_of(self, element_id: str) -> str:
        return next(tag for tag, attrs in self.tags if attrs.get("id") == element_id)


def elements(response: httpx.Response) -> Elements:
    return Elements(response.text)


@dataclass
class Web:
    """One browser's worth of cookies against a harness's server."""

    harness: Harness
    client: httpx.Client
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def csrf(self) -> str:
        token = self.client.cookies.get(CSRF_COOKIE)
        if token is None:
            self.get("/")
            token = self.client.cookies.get(CSRF_COOKIE)
        assert token is not None
        return token

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, **kw)

    def post(self, path: str, data: dict[str, str] | None = None, **kw: Any) -> httpx.Response:
        body = {"csrf_token": self.csrf, **(data or {})}
        return self.client.post(path, data=body, **kw)

    def login(self, name: str, password: str = PASSWORD, **kw: Any) -> httpx.Response:
        return self.post("/login", {"username": name, "password": password}, **kw)

    def code(self, code: str, **kw: Any) -> httpx.Response:
        return self.post("/verify", {"code": code}, **kw)

    def close(self) -> None:
        self.client.close()


def open_web(harness: Harness, **headers: str) -> Web:
    client = httpx.Client(
        base_url=harness.url,
        follow_redirects=True,
        timeout=30,
        headers={"Accept-Language": "en-GB,en;q=0.9", **headers},
    )
    return Web(harness, client, headers)
