"""The operator's options and commands of ``tweestap-server``: ``serve``'s logging and
metrics options, ``db backup`` / ``db restore`` and ``rotate-key``. :mod:`server_stub.cli`
adds them to its parser and hands the parsed arguments here."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from server_stub.ops import logs
from server_stub.settings import (
    ENV_ACCESS_LOG,
    ENV_DB,
    ENV_HOME,
    ENV_LOG_FORMAT,
    ENV_WORKERS,
    LOG_FORMATS,
    Settings,
    SettingsError,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # prometheus-client's; see server_stub.ops.metrics

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


def worker_environment(settings: Settings, workers: int) -> dict[str, str]:
    """What the workers of ``serve --workers N`` build their settings from (they read the
    environment; ``serve``'s options are passed on through it)."""
    return {
        ENV_HOME: str(settings.home),
        ENV_DB: settings.db_url,
        ENV_WORKERS: str(workers),
        ENV_LOG_FORMAT: settings.log_format,
        ENV_ACCESS_LOG: "1" if settings.access_log else "0",
    }


@contextmanager
def _multiprocess_metrics() -> Iterator[None]:
    """Several workers: each writes its metrics to files in one folder (prometheus-client's
    multiprocess mode), which the one listener, in the supervising process, adds up. The
    operator's ``PROMETHEUS_MULTIPROC_DIR`` if set (emptied of an earlier run's files: they
    would be counted again), else a private folder for this run, removed at the end."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        folder = Path(given)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        yield
        return
    folder = Path(tempfile.mkdtemp(prefix="tweestap-metrics-"))
    os.environ[MULTIPROC_ENV] = str(folder)
    try:
        yield
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def operations(settings: Settings, *, workers: int = 1) -> Iterator[None]:
    """Around ``serve``: the log format before anything logs, the metrics listener if asked
    (with several workers: in this, the supervising process, adding up theirs)."""
    logs.configure(settings.log_format)
    with _multiprocess_metrics() if workers > 1 else _nothing(), _metrics_listener(settings):
        yield


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def _metrics_listener(settings: Settings) -> Iterator[None]:
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


# -- db backup / db restore / rotate-key -------------------------------------------------------


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    db_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """``db backup`` and ``db restore`` beside the schema's ``db`` commands; ``rotate-key``."""
    backup = db_commands.add_parser(
        "backup",
        help="write a consistent copy of the database to FILE while the server runs "
        "(SQLite: a database file; PostgreSQL: a pg_dump archive)",
    )
    backup.add_argument("file", metavar="FILE")
    backup.add_argument("--db", metavar="URL")
    restore = db_commands.add_parser(
        "restore",
        help="restore a backup into an empty database, after checking that the key file "
        "opens its secrets",
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--db", metavar="URL")

    rotate = commands.add_parser(
        "rotate-key",
        help="re-encrypt every secret under a new at-rest key while the server runs "
        "(run it again after an interruption: it finishes the job)",
    )
    rotate.add_argument("--db", metavar="URL")
    rotate.add_argument(
        "--prepare",
        action="store_true",
        help="only write the new key file (secret.key.new), to copy to every other machine",
    )
    rotate.add_argument("--batch", type=int, default=200, help="rows per transaction (200)")
    rotate.add_argument("--pause", type=float, default=0.0, help="seconds between transactions (0)")
    rotate.add_argument(
        "--grace",
        type=float,
        default=10.0,
        help="seconds after the new key's creation before the last pass (10)",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run an operations command; None when ``args`` is not one."""
    if args.command == "db":
        return _db(args)
    if args.command == "rotate-key":
        return _rotate(args)
    return None


def _db(args: argparse.Namespace) -> int:
    from server_stub.ops.backup import BackupError, backup, restore

    settings = Settings.from_env(db_url=args.db)
    try:
        if args.db_command == "backup":
            backup(settings, Path(args.file), sys.stdout)
        else:
            restore(settings, Path(args.file), sys.stdout)
    except BackupError as problem:
        error(str(problem))
        return 1
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from server_stub.ops.keyrotation import Rotation, RotationError

    if args.batch < 1 or args.pause < 0 or args.grace < 0:
        error("--batch must be at least 1, --pause and --grace not negative")
        return 2
    settings = Settings.from_env(db_url=args.db)
    rotation = Rotation(
        settings, out=sys.stdout, batch=args.batch, pause=args.pause, grace=args.grace
    )
    try:
        if args.prepare:
            rotation.prepare_only()
        else:
            rotation.run()
    except RotationError as problem:
        error(str(problem))
        return 1
    return 0
