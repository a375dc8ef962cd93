"""The two kinds of connection ``bench/server_load.py`` drives the server with: a minimal raw
HTTP/1.1 keep-alive connection (cheap, so the load test measures the server rather than its
client) and the same interface over httpx."""

from __future__ import annotations

import asyncio
import json
from typing import Any, NamedTuple

import httpx


class Response(NamedTuple):
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class RawConnection:
    """One keep-alive HTTP/1.1 connection, just enough for this server's JSON answers
    (``Content-Length`` bodies). A tenth of httpx's CPU per request: at concurrency 32
    httpx's own pool bookkeeping took about one of the machine's two cores."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            await self._writer.wait_closed()

    async def post(self, path: str, data: dict[str, str], token: str | None = None) -> Response:
        assert self._reader is not None and self._writer is not None
        body = json.dumps(data).encode()
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{auth}"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self._writer.write(head.encode() + body)
        head_bytes = await self._reader.readuntil(b"\r\n\r\n")
        lines = head_bytes.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
            elif name.strip().lower() == "transfer-encoding":
                raise RuntimeError("chunked answers are not supported by this client")
        return Response(status, await self._reader.readexactly(length))


class HttpxConnection:
    """The same interface over a shared ``httpx.AsyncClient`` (``--client httpx``)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def open(self) -> None:
        await self.client.get("/api/health")

    async def close(self) -> None:
        pass

    async def post(self, path: str, data: dict[str, str], token: str | None = None) -> Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = await self.client.post(path, json=data, headers=headers)
        return Response(answer.status_code, answer.content)


Connection = RawConnection | HttpxConnection
