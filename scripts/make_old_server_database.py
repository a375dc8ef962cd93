"""Make the migration tests' fixture: databases written by the server as it was before it had
migrations (commit 30977e4), with an organisation in them, dumped as SQL.

What it does, so that anyone can check the fixture is what it says:

1. ``git archive 30977e4`` of ``server_stub/`` and ``tests/`` into a temporary folder: that
   commit's own server and its own test harness (a real server on a loopback port, a clock
   moved by hand, cheap argon2 parameters), nothing of today's code;
2. runs this script again inside that tree (``--inside``), which, through the old harness and
   the old HTTP API, on SQLite and then on a private PostgreSQL cluster (the old
   ``tests/server/postgres/cluster.py``), builds the same organisation (below) and dumps it:
   SQLite with ``sqlite3``'s ``iterdump``, PostgreSQL with ``pg_dump --inserts --no-owner``;
3. writes ``sqlite.sql``, ``postgresql.sql``, the key file both used (``secret.key``) and
   ``people.json`` (the password, each paired user's TOTP secret, a trusted device's token,
   an activation link's token, the clock at the end) into
   ``tests/data/server_before_migrations/``.

The organisation, at the old harness's clock (Monday 3 March 2025, 09:00 UTC): a P&O
administrator ``beheerder`` (paired); the policy changed (app codes trusted 8 hours, extranet
2FA on, by e-mail); ``anna`` paired, with a trusted device; ``bram`` paired, with two wrong
codes counted; ``carla`` half-paired (a pending secret); ``daan`` never logged in; ``eva``
paired and then blocked; ``Femke`` (a capital); ``extern`` (extranet, e-mail codes: one used,
a newer one sent); ``gerrit`` created without a password, an activation mail sent; and the
audit log of all of it.

Run: ``.venv/bin/python scripts/make_old_server_database.py`` (needs git and PostgreSQL's
server binaries, as the test suite does). The tests only read the files it wrote.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "30977e4"
OUT = ROOT / "tests" / "data" / "server_before_migrations"


def _outside() -> None:
    with tempfile.TemporaryDirectory(prefix="tweestap-old-server-") as temporary:
        tree = Path(temporary) / "tree"
        tree.mkdir()
        archive = subprocess.run(
            ["git", "archive", "--format=tar", COMMIT, "server_stub", "tests"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        work = Path(temporary) / "work"
        work.mkdir()
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--inside", str(work)],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            check=True,
        )
        OUT.mkdir(parents=True, exist_ok=True)
        for name in ("sqlite.sql", "postgresql.sql", "secret.key", "people.json"):
            shutil.copyfile(work / name, OUT / name)
    print(f"written: {OUT}")


# -- inside the old tree ----------------------------------------------------------------------


def check(condition: bool, message: str) -> None:
    if not condition:
        raise RuntimeError(f"the old server did not do what was expected: {message}")


def _organisation(harness: Any) -> dict[str, Any]:
    """Build the organisation through the old server's API; what a test needs to log in."""
    import pyotp

    def ok(response: Any, status: int = 200) -> Any:
        check(response.status_code == status, response.text)
        return response

    admin = harness.admin()  # beheerder, P&O, paired
    headers = admin.headers
    policy = ok(harness.client.get("/api/admin/policy", headers=headers)).json()
    policy["authenticator_validity_hours"] = 8
    policy["extranet"] = {"enabled": True, "method": "email", "user_adjustable": False}
    ok(harness.client.put("/api/admin/policy", headers=headers, json=policy))

    for name in ("anna", "bram", "carla", "daan", "eva", "Femke"):
        harness.add_user(name, email=f"{name.lower()}@example.org")
    anna = harness.enroll("anna")
    harness.enroll("bram")
    bram = harness.login("bram")
    for _ in range(2):
        secret = harness.secrets["bram"]
        now = harness.clock.now().timestamp()
        valid = {pyotp.TOTP(secret).at(now + 30 * step) for step in (-1, 0, 1)}
        wrong = next(c for c in ("000000", "111111", "222222") if c not in valid)
        ok(harness.verify(bram, wrong), 401)
    carla = harness.login("carla")
    check(carla.next == "enroll", carla.next)
    harness.enrollment(carla)  # a pending secret, never confirmed
    harness.enroll("eva")
    harness.enroll("Femke")
    ok(harness.client.post("/api/admin/users/eva/block", headers=headers))

    harness.add_user("extern", kind="extranet", email="extern@example.org")
    extern = harness.login("extern")
    check(extern.next == "email", extern.next)
    ok(harness.client.post("/api/session/email-code", headers=extern.headers), 202)
    code = re.search(r"\b(\d{8})\b", harness.last_mail_text())
    check(code is not None, "no code in the mail")
    assert code is not None  # noqa: S101 - for the type checker
    ok(harness.verify(extern, code.group(1)))
    harness.clock.advance(60)
    later = harness.login("extern")
    ok(harness.client.post("/api/session/email-code", headers=later.headers), 202)

    ok(
        harness.client.post(
            "/api/admin/users",
            headers=headers,
            json={"name": "gerrit", "email": "gerrit@example.org", "kind": "employee"},
        ),
        201,
    )
    ok(harness.client.post("/api/admin/users/gerrit/activation-mail", headers=headers), 202)
    link = re.search(r"token=([A-Za-z0-9_\-]+)", harness.last_mail_text())
    check(link is not None, "no link in the mail")
    assert link is not None  # noqa: S101 - for the type checker
    return {
        "password": "correct horse battery",
        "secrets": dict(harness.secrets),
        "anna_device_token": anna.device_token,
        "gerrit_activation_token": link.group(1),
        "clock_at_end": harness.clock.now().isoformat(),
    }


def _inside(work: Path) -> None:
    from tests.server.harness import start_harness, stop_harness
    from tests.server.postgres.cluster import Cluster

    people: dict[str, Any] = {}
    home = work / "sqlite-home"
    harness = start_harness(home)
    try:
        people["sqlite"] = _organisation(harness)
    finally:
        stop_harness(harness)
    with sqlite3.connect(home / "server.db") as connection:
        (work / "sqlite.sql").write_text("\n".join(connection.iterdump()) + "\n")
    shutil.copyfile(home / "secret.key", work / "secret.key")

    cluster = Cluster()
    cluster.start()
    try:
        url = cluster.new()
        pg_home = work / "pg-home"
        pg_home.mkdir(mode=0o700)
        shutil.copyfile(home / "secret.key", pg_home / "secret.key")
        (pg_home / "secret.key").chmod(0o600)
        harness = start_harness(pg_home, url)
        try:
            people["postgresql"] = _organisation(harness)
        finally:
            stop_harness(harness)
        dbname = url.split("@/", 1)[1].split("?", 1)[0]
        dump = subprocess.run(
            [
                str(cluster.bindir / "pg_dump"),
                "--inserts",
                "--no-owner",
                "--no-privileges",
                "--host",
                str(cluster.root),
                "--port",
                "5432",
                "--username",
                "postgres",
                dbname,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (work / "postgresql.sql").write_text(dump)
    finally:
        cluster.stop()
    (work / "people.json").write_text(json.dumps(people, indent=2, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--inside", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        _inside(args.inside)
    else:
        _outside()


if __name__ == "__main__":
    main()
