"""Serving the app with uvicorn: in the foreground (CLI) or in a background thread (tests,
benchmarks, the demo's own checks) on a real loopback port."""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import Any

import uvicorn
from fastapi import FastAPI

# What each worker of ``serve --workers N`` runs: uvicorn imports it by name in every worker.
APP_FACTORY = "server_stub.app:app_from_environment"
# At a stop (SIGTERM, SIGINT), requests already received get this long to be answered.
GRACEFUL_SHUTDOWN_SECONDS = 10


def serve(
    app: FastAPI | None, host: str, port: int, *, workers: int = 1, own_logging: bool = False
) -> None:
    """Serve in the foreground until SIGTERM or SIGINT: ``app`` in this process, or (``app``
    None) :data:`APP_FACTORY` in ``workers`` processes on one listening socket, under
    uvicorn's supervisor (it restarts a worker that dies or hangs, replaces them one at a time
    on SIGHUP, passes SIGTERM on to every worker and waits for them; each stops taking new
    connections and answers the requests it has, for at most
    :data:`GRACEFUL_SHUTDOWN_SECONDS`). ``own_logging``: the caller configured logging
    (server_stub.ops.logs; each worker does so itself) and the app writes its own access log,
    so uvicorn configures nothing and logs no access lines."""
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "server_header": False,
        # uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1; the app decides
        # itself (Settings.trusted_proxies).
        "proxy_headers": False,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
    }
    if own_logging:
        options.update(log_config=None, access_log=False)
    if app is not None:
        uvicorn.run(app, **options)
    else:
        uvicorn.run(APP_FACTORY, factory=True, workers=workers, **options)


class BackgroundServer:
    """``with BackgroundServer(app) as server: httpx.get(server.url + "/api/health")``.

    Port 0 (the default) picks a free port; :attr:`port` tells which. The app's lifespan (the
    periodic purge) runs only with ``lifespan=True``: tests move their clock and purge by hand.
    """

    def __init__(
        self, app: FastAPI, host: str = "127.0.0.1", port: int = 0, *, lifespan: bool = False
    ) -> None:
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="on" if lifespan else "off",
            proxy_headers=False,
        )
        self.app = app
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="uvicorn", daemon=True)
        self.host = host
        self.port = port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        sockets = [s for server in self._server.servers for s in server.sockets]
        self.port = int(sockets[0].getsockname()[1])

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)

    def __enter__(self) -> BackgroundServer:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.stop()
