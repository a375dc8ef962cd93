"""The operator's options and commands of ``tweestap-server``: ``serve``'s logging and
metrics options, ``db backup`` / ``db restore`` and ``rotate-key``. :mod:`server_stub.cli`
adds them to its parser and hands the parsed arguments here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from server_stub.ops import logs
from server_stub.settings import LOG_FORMATS, Settings, SettingsError

# -- serve -------------------------------------------------------------------------------------


def add_serve_options(serve: argparse.ArgumentParser) -> None:
    ops = serve.add_argument_group("operations")
    ops.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        help="log lines as text or one JSON object per line (default: text, or "
        "TWEESTAP_SERVER_LOG_FORMAT)",
    )
    ops.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="one log line per request (default: on, or TWEESTAP_SERVER_ACCESS_LOG)",
    )
    ops.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve Prometheus metrics at http://HOST:PORT/metrics (default: off, or "
        "TWEESTAP_SERVER_METRICS_PORT)",
    )
    ops.add_argument(
        "--metrics-host",
        metavar="HOST",
        help="the metrics listener's address (default: 127.0.0.1, or TWEESTAP_SERVER_METRICS_HOST)",
    )


def serve_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings ``serve``'s options set (what is not given comes from the environment)."""
    chosen = {
        "log_format": args.log_format,
        "access_log": args.access_log,
        "metrics_port": args.metrics_port,
        "metrics_host": args.metrics_host,
    }
    return {key: value for key, value in chosen.items() if value is not None}


@contextmanager
def operations(settings: Settings) -> Iterator[None]:
    """Around ``serve``: the log format before anything logs, the metrics listener if asked."""
    logs.configure(settings.log_format)
    listener = None
    if settings.metrics_port is not None:
        from server_stub.ops.metrics import start_listener

        try:
            listener = start_listener(settings.metrics_host, settings.metrics_port)
        except OSError as problem:
            raise SettingsError(
                f"cannot serve metrics on {settings.metrics_host}:{settings.metrics_port}: "
                f"{problem.strerror or problem}"
            ) from None
    try:
        yield
    finally:
        if listener is not None:
            listener.stop()


def error(message: str) -> None:
    print(f"tweestap-server: {message}", file=sys.stderr)
