"""``tweestap-server``: serve, add a user, or run the demo organisation.

Exit codes as for ``tweestap``: 0 ok, 1 refused (e.g. the user exists), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from server_stub import __version__
from server_stub.ops import commands as ops_commands
from server_stub.ops import logs
from server_stub.services.context import Actor
from server_stub.settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

# What a refused ``user add`` means, after its code.
REFUSALS = {
    "user_exists": "an account with this name already exists (names ignore case)",
    "privileged_must_be_employee": (
        "administrators and accounts with module P&O are always employees, so that they always "
        "log in with a second factor (leave out --extranet)"
    ),
}


def _worker_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"a number of processes from 1 to 64, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tweestap-server",
        description="Tweestap's two-factor server: enrollment, verification, policy, admin API.",
    )
    parser.add_argument("--version", action="version", version=f"tweestap-server {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the JSON API")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the home)")
    serve.add_argument(
        "--home", type=Path, help="the server's data folder (default: TWEESTAP_SERVER_HOME)"
    )
    serve.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        metavar="N",
        help="worker processes on the one port (default 1); they share the database",
    )
    ops_commands.add_serve_options(serve)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add = user_commands.add_parser("add", help="add a user")
    add.add_argument("name")
    add.add_argument("--password", required=True)
    add.add_argument("--admin", action="store_true", help="administrator (beheerder)")
    add.add_argument("--modules", default="", help="comma-separated, e.g. p&o,zorg")
    add.add_argument("--extranet", action="store_true", help="an extranet user, not an employee")
    add.add_argument("--email")
    add.add_argument("--db", metavar="URL")

    db = commands.add_parser("db", help="the database's schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", help="apply the schema's pending migrations (serve does this at start too)"
    )
    upgrade.add_argument("--db", metavar="URL")
    current = db_commands.add_parser(
        "current", help="the database's schema revision and whether migrations are pending"
    )
    current.add_argument("--db", metavar="URL")
    ops_commands.add_commands(commands, db_commands)  # db backup, db restore, rotate-key

    demo = commands.add_parser("demo", help="serve a seeded demo organisation")
    demo.add_argument("--host", default=DEFAULT_HOST)
    demo.add_argument("--port", type=int, default=DEFAULT_PORT)
    return parser


def _user_add(args: argparse.Namespace) -> int:
    from server_stub.schemas.users import UserCreate
    from server_stub.services import Services
    from server_stub.services.errors import ServiceError

    try:
        data = UserCreate(
            name=args.name,
            password=args.password,
            email=args.email,
            kind="extranet" if args.extranet else "employee",
            admin=args.admin,
            modules=[m for m in args.modules.split(",") if m.strip()],
        )
    except ValidationError as error:
        for problem in error.errors():
            where = ".".join(str(part) for part in problem["loc"])
            print(f"tweestap-server: {where}: {problem['msg']}", file=sys.stderr)
        return 2
    services = Services.build(Settings.from_env(db_url=args.db))
    try:
        created = services.users.create(data.to_domain(), Actor("cli"))
    except ServiceError as error:
        sentence = REFUSALS.get(error.code)
        print(
            f"tweestap-server: {error.code}" + (f": {sentence}" if sentence else ""),
            file=sys.stderr,
        )
        return 1
    finally:
        services.close()
    modules = ", ".join(created.modules) or "-"
    print(f"added {created.kind} {created.name} (admin: {created.admin}, modules: {modules})")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from server_stub.app import create_app
    from server_stub.runner import serve
    from server_stub.services import Services

    settings = Settings.from_env(
        db_url=args.db, home=args.home, **ops_commands.serve_overrides(args)
    )
    where = f"Tweestap server on http://{args.host}:{args.port} (data: {settings.home})"
    if args.workers > 1:
        # Migrations, the key file and the policy row once, here; then every worker builds
        # its app (and its logging) from the environment: server_stub.app.app_from_environment.
        with ops_commands.operations(settings, workers=args.workers):
            Services.prepare(settings)
            os.environ.update(ops_commands.worker_environment(settings, args.workers))
            logs.announce(f"{where}, {args.workers} worker processes", settings.log_format)
            serve(None, args.host, args.port, workers=args.workers, own_logging=True)
        return 0
    with ops_commands.operations(settings):  # the log format, the metrics listener
        services = Services.build(settings)
        logs.announce(where, settings.log_format)
        try:
            serve(create_app(services), args.host, args.port, own_logging=True)
        finally:
            services.close()
    return 0


def _db(args: argparse.Namespace) -> int:
    from server_stub import migrations
    from server_stub.files import ensure_private_dir

    settings = Settings.from_env(db_url=args.db)
    if migrations.is_sqlite(settings.db_url):
        ensure_private_dir(settings.home)
    if args.db_command == "current":
        state = migrations.describe(settings.db_url)
        print(state.describe())
        return 0 if state.state == "current" else 1
    applied = migrations.upgrade(settings.db_url)
    head = migrations.head()
    print(f"applied {', '.join(applied)}; now at {head}" if applied else f"already at {head}")
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return _serve(args)
    if args.command == "user":
        return _user_add(args)
    if args.command == "db" and args.db_command in ("upgrade", "current"):
        return _db(args)
    done = ops_commands.run(args)
    if done is not None:
        return done
    from server_stub.demo import run_demo

    run_demo(args.host, args.port, sys.stdout)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from server_stub.crypto import KeyFileError
    from server_stub.files import UnsafePermissions
    from server_stub.migrations import SchemaAhead
    from server_stub.settings import SettingsError

    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (UnsafePermissions, KeyFileError, SettingsError, SchemaAhead) as error:
        # Refused at start, before anything was served or written: say what to fix.
        print(f"tweestap-server: {error}", file=sys.stderr)
        return 1
