"""A private PostgreSQL cluster for the tests: ``initdb`` in a temporary folder, reachable only
through a unix socket in that folder (no TCP port), fsync off, removed again at the end.

The server binaries come from the Debian package ``postgresql``
(``/usr/lib/postgresql/<version>/bin``; ``initdb`` on the ``PATH`` is the fallback).
PostgreSQL refuses to run as root: as root (CI) the cluster runs as the ``postgres`` user
that the package creates (``nobody`` if there is none) through ``runuser``; as any other user
it simply runs as that user.

The cluster's time zone is deliberately not UTC (``Pacific/Chatham``, +12:45/+13:45), so that
a test sees it if a timestamp depended on the server's time zone.
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql

DEBIAN_PACKAGE = "postgresql"
ROLE = "tweestap"
ROLE_PASSWORD = "tweestap-test-password"
SUPERUSER = "postgres"
PORT = 5432  # only names the socket file: the cluster listens on no TCP port
TIME_ZONE = "Pacific/Chatham"


class ClusterError(RuntimeError):
    pass


def _version(initdb: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", initdb.parent.parent.name))


def find_bindir() -> Path:
    """The newest installed PostgreSQL server's ``bin`` folder."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ClusterError(
        "PostgreSQL's server binaries (initdb, pg_ctl) are missing: "
        f"install the Debian package {DEBIAN_PACKAGE!r}"
    )


def _run_as() -> pwd.struct_passwd | None:
    """The account to run the cluster as when we are root (None: as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ClusterError("running as root and there is no 'postgres' or 'nobody' account")


class Cluster:
    """One running cluster; :meth:`new` makes a fresh database in it for each harness."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.account = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="tweestap-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._running = False
        if self.account is not None:
            os.chown(self.root, self.account.pw_uid, self.account.pw_gid)

    # -- life cycle ------------------------------------------------------------------------

    def _command(self, tool: str, *args: str) -> list[str]:
        command = [str(self.bindir / tool), *args]
        if self.account is not None:
            command = ["runuser", "-u", self.account.pw_name, "--", *command]
        return command

    def _run(self, tool: str, *args: str) -> None:
        result = subprocess.run(
            self._command(tool, *args),
            cwd=self.root,  # the cluster's account may not enter our working directory
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise ClusterError(f"{tool} failed:\n{result.stdout}{result.stderr}{log}")

    def start(self) -> None:
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
        )
        # The superuser connects without a password (only through this private socket);
        # every other role must give its password, as an installation's would.
        (self.data / "pg_hba.conf").write_text(
            f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n"
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                "\n# tests/server/postgres/cluster.py\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{self.root}'\n"
                f"port = {PORT}\n"
                "max_connections = 300\n"
                "fsync = off\n"
                "synchronous_commit = off\n"
                "full_page_writes = off\n"
                f"timezone = '{TIME_ZONE}'\n"
                "log_timezone = 'UTC'\n"
            )
        self._run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.log), "-w", "start")
        self._running = True
        with self.admin() as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(ROLE), sql.Literal(ROLE_PASSWORD)
                )
            )

    def stop(self) -> None:
        try:
            if self._running:
                self._run("pg_ctl", "--pgdata", str(self.data), "-m", "fast", "-w", "stop")
                self._running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- databases --------------------------------------------------------------------------

    def admin(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection (autocommit) to ``dbname``."""
        return psycopg.connect(
            host=str(self.root), port=PORT, user=SUPERUSER, dbname=dbname, autocommit=True
        )

    def url(self, dbname: str) -> str:
        """The SQLAlchemy URL the server is given: the documented form, over the socket."""
        return (
            f"postgresql+psycopg://{ROLE}:{quote(ROLE_PASSWORD)}@/{dbname}"
            f"?host={quote(str(self.root))}&port={PORT}"
        )

    def new(self) -> str:
        """A fresh, empty database owned by the application's role; its URL."""
        with self._lock:
            name = f"tweestap_{next(self._numbers)}"
        with self.admin() as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(ROLE)
                )
            )
        return self.url(name)

    def drop(self, url: str | None) -> None:
        if url is None:
            return
        name = url.split("@/", 1)[1].split("?", 1)[0]
        with self.admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
