"""A database as the server wrote it before it had migrations, restored from the committed
dumps in ``tests/data/server_before_migrations`` (made by scripts/make_old_server_database.py
with that server's own code), into a fresh SQLite file or PostgreSQL database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from tests.paths import ROOT

FIXTURE = ROOT / "tests" / "data" / "server_before_migrations"


@dataclass(frozen=True)
class OldDatabase:
    """Where it was restored, and what the old server's users need to log in."""

    home: Path
    url: str
    dialect: str
    people: dict[str, Any]

    @property
    def password(self) -> str:
        return str(self.people["password"])

    @property
    def secrets(self) -> dict[str, str]:
        return dict(self.people["secrets"])

    @property
    def written_at(self) -> datetime:
        return datetime.fromisoformat(self.people["clock_at_end"])


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as psycopg takes it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _postgresql_script(text: str) -> str:
    # pg_dump's \restrict and \unrestrict are psql's commands, not SQL.
    return "\n".join(line for line in text.splitlines() if not line.startswith("\\"))


def restore(home: Path, url: str | None) -> OldDatabase:
    """The old server's database in ``home`` (its key file there, 0600) at ``url`` (None:
    SQLite ``home/server.db``)."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE / "secret.key", home / "secret.key")
    (home / "secret.key").chmod(0o600)
    people = json.loads((FIXTURE / "people.json").read_text())
    if url is None:
        path = home / "server.db"
        path.touch(mode=0o600)
        with sqlite3.connect(path) as sqlite:
            sqlite.executescript((FIXTURE / "sqlite.sql").read_text())
        sqlite.close()
        return OldDatabase(home, f"sqlite:///{path}", "sqlite", people["sqlite"])
    script = _postgresql_script((FIXTURE / "postgresql.sql").read_text())
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute(script)  # a script: no parameters, so psycopg sends it as it is
    return OldDatabase(home, url, "postgresql", people["postgresql"])
