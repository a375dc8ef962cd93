"""``tweestap-server rotate-key`` against a running server that keeps answering code checks:
killed (SIGKILL) at each of its steps, no secret is lost or left unreadable, logins go on
throughout, and running it again finishes the job."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyotp
import pytest
from sqlalchemy import create_engine

from server_stub.crypto import KeyFiles, SecretBox, blob_key_id, key_id
from server_stub.ops.backup import check_keys, sealed_rows
from tests.paths import ROOT
from tests.server.harness import PASSWORD
from tests.server.ops.load import CodeChecks
from tests.server.ops.org import Org, verify
from tests.server.served import TYPICAL_UMASK, Served, run_cli

USERS = [f"user{n:02d}" for n in range(60)]
NEWCOMERS = [f"nieuw{n}" for n in range(7)]


def rotate_key(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "server_stub", "rotate-key", *args],
        cwd=ROOT,
        env={**os.environ, "TWEESTAP_SERVER_HOME": str(home), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        umask=TYPICAL_UMASK,
    )


def kill_when(process: subprocess.Popen[str], starts: str, nth: int = 1) -> list[str]:
    """Read the process's lines until the ``nth`` one starting with ``starts``; then SIGKILL it.
    The lines read."""
    assert process.stdout is not None
    lines: list[str] = []
    seen = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if not ready:
            continue
        line = process.stdout.readline()
        assert line, f"rotate-key ended before {starts!r}: {lines}"
        lines.append(line)
        if line.startswith(starts):
            seen += 1
            if seen == nth:
                process.kill()
                process.wait(10)
                process.stdout.close()
                return lines
    process.kill()
    raise AssertionError(f"no {starts!r} line: {lines}")


def secrets_on_disk(org: Org) -> tuple[int, int]:
    """(secrets in the database, how many of them the key files as they are now open)."""
    engine = create_engine(f"sqlite:///{org.home / 'server.db'}")
    try:
        check = check_keys(sealed_rows(engine), SecretBox.load(org.home / "secret.key"))
    finally:
        engine.dispose()
    return check.total, check.opened


def pair_over_http(url: str, name: str) -> str:
    """Log in, read the QR's secret, enter its code: a pending and then a paired secret
    sealed by the server, under whatever key it seals with at that moment."""
    login = httpx.post(
        f"{url}/api/session", json={"username": name, "password": PASSWORD}, timeout=30
    )
    assert login.status_code == 200 and login.json()["next"] == "enroll", login.text
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    secret = httpx.get(f"{url}/api/session/enrollment", headers=headers, timeout=30).json()
    paired = verify(url, login.json()["token"], pyotp.TOTP(secret["secret"]).now())
    assert paired.status_code == 200, paired.text
    return str(secret["secret"])


@pytest.fixture
def org(tmp_path: Path) -> Org:
    org = Org(tmp_path / "server-home")
    org.add(*USERS)
    org.add(*NEWCOMERS, paired=False)
    return org


def test_rotate_key_killed_at_each_step_loses_no_secret_and_logins_go_on(
    serve: Callable[..., Served], org: Org
) -> None:
    served = serve(org.home)
    files = KeyFiles(org.home / "secret.key")
    first_key = files.path.read_bytes()
    # Newcomers who saw their QR code and have not entered a code yet: pending secrets.
    for name in NEWCOMERS[:3]:
        answer = httpx.post(
            f"{served.url}/api/session", json={"username": name, "password": PASSWORD}
        )
        assert answer.json()["next"] == "enroll"
    total, opened = secrets_on_disk(org)
    assert total == opened == len(USERS) + 3

    slowly = ("--batch", "8", "--pause", "0.2")
    stops = [
        (("--grace", "20"), "new key ", 1),  # the new key written, nothing re-encrypted yet
        (("--grace", "20"), "re-encrypting: ", 2),  # some rows under each key
        (("--grace", "20"), "waiting ", 1),  # every row re-encrypted; waiting for stragglers
        # "<home>/secret.key now holds key ...": promoted, the old key in secret.key.old
        (("--grace", "0"), "/", 1),
    ]
    paired_meanwhile = []
    with CodeChecks(org, served.url, USERS[1:], pause=0.25) as load:
        for number, (grace, starts, nth) in enumerate(stops):
            lines = kill_when(rotate_key(org.home, *slowly, *grace), starts, nth)
            total, opened = secrets_on_disk(org)
            assert opened == total, (starts, lines)  # readable with the files as they are
            if number == 1:
                # The server has sealed nothing since the new key appeared, and the first
                # user's secret is under it now: the unknown key id makes it read the files.
                with org.services() as services:
                    token = org.session(services, USERS[0])
                code = org.next_code(USERS[0])
                assert code is not None
                assert verify(served.url, token, code).status_code == 200
            elif number >= 2:  # a pairing seals under whatever key the server seals with now
                paired_meanwhile.append(pair_over_http(served.url, NEWCOMERS[2 + number]))
        assert files.new.exists() is False and files.old.exists()  # killed after promoting
        finished = run_cli(org.home, "rotate-key", "--grace", "0")
        assert finished.returncode == 0, finished.stdout + finished.stderr
        assert "finishing the rotation to key" in finished.stdout
    assert load.answers and load.failures == []

    new_key = files.path.read_bytes()
    assert new_key != first_key
    assert not files.new.exists() and not files.old.exists()
    engine = create_engine(f"sqlite:///{org.home / 'server.db'}")
    try:
        blobs = list(sealed_rows(engine))
    finally:
        engine.dispose()
    assert len(blobs) >= len(USERS) + len(paired_meanwhile)
    assert {blob_key_id(blob) for _purpose, _user, blob in blobs} == {key_id(new_key)}
    # The old key opens nothing any more, and the running server still logs users in.
    assert SecretBox(first_key).key_ids != SecretBox.load(files.path).key_ids
    for name in USERS[:2]:
        login = httpx.post(
            f"{served.url}/api/session", json={"username": name, "password": PASSWORD}
        )
        code = org.next_code(name)
        if code is not None:
            assert verify(served.url, login.json()["token"], code).status_code == 200
    served.stop()
    assert "Traceback" not in served.output()


def test_prepare_writes_only_the_new_key_and_the_server_seals_under_it(
    serve: Callable[..., Served], org: Org
) -> None:
    served = serve(org.home)
    prepared = run_cli(org.home, "rotate-key", "--prepare")
    assert prepared.returncode == 0, prepared.stderr
    files = KeyFiles(org.home / "secret.key")
    new_key = files.new.read_bytes()
    assert f"copy {files.new} to every other machine" in prepared.stdout
    assert files.new.stat().st_mode & 0o777 == 0o600
    pair_over_http(served.url, NEWCOMERS[0])
    engine = create_engine(f"sqlite:///{org.home / 'server.db'}")
    try:
        ids = [blob_key_id(blob) for _purpose, _user, blob in sealed_rows(engine)]
    finally:
        engine.dispose()
    assert ids.count(key_id(new_key)) == 1  # the newcomer's, sealed by the running server
    done = run_cli(org.home, "rotate-key", "--grace", "0")
    assert done.returncode == 0
    assert "going on with the new key" in done.stdout
    assert files.path.read_bytes() == new_key


def test_rotate_key_without_a_key_file_is_refused(tmp_path: Path) -> None:
    done = run_cli(tmp_path / "nothing-here", "rotate-key")
    assert done.returncode == 1
    assert "does not exist" in done.stderr
    assert not (tmp_path / "nothing-here" / "secret.key").exists()


def test_a_second_rotate_key_while_one_runs_is_refused_and_the_first_finishes(
    org: Org, tmp_path: Path
) -> None:
    # Two at once (a cron job and an operator, two terminals) would each promote and delete
    # key files the other still relies on: one rotation at a time, the other told so.
    first = rotate_key(org.home, "--grace", "0", "--batch", "5", "--pause", "0.2")
    assert first.stdout is not None
    while not (line := first.stdout.readline()).startswith("re-encrypting"):
        assert line, "rotate-key ended early"
    second = run_cli(org.home, "rotate-key", "--grace", "0")
    assert second.returncode == 1
    assert "another rotate-key is running" in second.stderr
    assert "Traceback" not in second.stderr
    rest, _ = first.communicate(timeout=120)
    assert first.returncode == 0, rest
    files = KeyFiles(org.home / "secret.key")
    assert not files.new.exists() and not files.old.exists()
    total, opened = secrets_on_disk(org)
    assert total == opened == len(USERS)
