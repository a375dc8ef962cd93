"""A real Secret Service for the keyring tests: gnome-keyring on a private D-Bus.

The session bus is our own ``dbus-daemon`` with a minimal configuration: no service
directories, so nothing is ever auto-started on it (no stray daemons, no password prompt
window). ``gnome-keyring-daemon --unlock`` reads a login password on stdin and creates and
unlocks the "login" collection, which becomes the default collection keyring writes to.
HOME and the XDG folders point into a temporary folder, so the person's own keyring is
never touched. Everything is killed at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing
from pathlib import Path
from typing import IO

import keyring
import pytest
import secretstorage
from jeepney import DBusAddress, MatchRule, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from tests.helpers.dbus_session import BUS_CONFIG

LOGIN_PASSWORD = b"tweestap-test-login"
SECRETS = "org.freedesktop.secrets"
START_TIMEOUT = 10.0


class SecretServiceDaemons:
    """A private ``dbus-daemon`` with ``gnome-keyring-daemon`` on it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.address = ""
        self._stack = ExitStack()
        self._processes: list[subprocess.Popen[bytes]] = []
        self.keyring_daemon: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        for tool in ("dbus-daemon", "gnome-keyring-daemon"):
            if shutil.which(tool) is None:
                pytest.fail(
                    f"{tool} is missing: run scripts/system-deps.sh (Debian packages "
                    "dbus and gnome-keyring)"
                )
        env = self._environment()
        # A short socket path: unix socket paths are limited to about 100 bytes.
        socket_dir = Path(tempfile.mkdtemp(prefix="tweestap-bus-"))
        self._stack.callback(shutil.rmtree, socket_dir, ignore_errors=True)
        config = self.root / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=socket_dir / "bus"), encoding="utf-8")
        log = self._log("dbus-daemon.log")
        bus = self._spawn(
            [
                "dbus-daemon",
                "--config-file",
                str(config),
                "--nofork",
                "--nopidfile",
                "--print-address=1",
            ],
            env,
            stdout=subprocess.PIPE,
            stderr=log,
        )
        assert bus.stdout is not None
        self.address = bus.stdout.readline().decode().strip()
        bus.stdout.close()
        if not self.address:
            pytest.fail(f"dbus-daemon did not start: {self._read_log('dbus-daemon.log')}")
        env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        with (
            closing(open_dbus_connection(self.address)) as connection,
            connection.filter(_name_owner_changed(SECRETS)) as owner_changes,
        ):
            connection.send_and_get_reply(
                message_bus.AddMatch(_name_owner_changed(SECRETS)), timeout=START_TIMEOUT
            )
            log = self._log("gnome-keyring.log")
            self.keyring_daemon = self._spawn(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                env,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
            )
            assert self.keyring_daemon.stdin is not None
            self.keyring_daemon.stdin.write(LOGIN_PASSWORD)
            self.keyring_daemon.stdin.close()
            # Subscribed before the start, so the "name taken" signal cannot be missed.
            reply = connection.send_and_get_reply(message_bus.NameHasOwner(SECRETS))
            if not reply.body[0]:
                try:
                    connection.recv_until_filtered(owner_changes, timeout=START_TIMEOUT)
                except TimeoutError:
                    pytest.fail(
                        f"gnome-keyring did not start: {self._read_log('gnome-keyring.log')}"
                    )
            service = DBusAddress(
                "/org/freedesktop/secrets", SECRETS, "org.freedesktop.Secret.Service"
            )
            alias = connection.send_and_get_reply(
                new_method_call(service, "ReadAlias", "s", ("default",)), timeout=START_TIMEOUT
            )
            if alias.body[0] == "/":
                pytest.fail("gnome-keyring made no default (login) collection")
        return self.address

    def stop_keyring_daemon(self) -> None:
        if self.keyring_daemon is not None:
            _end(self.keyring_daemon)

    def stop(self) -> None:
        for process in reversed(self._processes):
            _end(process)
        self._stack.close()

    def _environment(self) -> dict[str, str]:
        folders = {
            "HOME": "home",
            "XDG_DATA_HOME": "data",
            "XDG_CONFIG_HOME": "config",
            "XDG_CACHE_HOME": "cache",
            "XDG_RUNTIME_DIR": "runtime",
        }
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
        for variable, name in folders.items():
            folder = self.root / name
            folder.mkdir(mode=0o700, exist_ok=True)
            env[variable] = str(folder)
        return env

    def _spawn(
        self,
        argv: list[str],
        env: dict[str, str],
        *,
        stdin: int | None = subprocess.DEVNULL,
        stdout: int | IO[bytes],
        stderr: IO[bytes],
    ) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(argv, env=env, stdin=stdin, stdout=stdout, stderr=stderr)
        self._processes.append(process)
        return process

    def _log(self, name: str) -> IO[bytes]:
        return self._stack.enter_context((self.root / name).open("wb"))

    def _read_log(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8", errors="replace")


def _name_owner_changed(name: str) -> MatchRule:
    rule = MatchRule(
        type="signal",
        sender=message_bus.bus_name,
        interface=message_bus.interface,
        member="NameOwnerChanged",
        path=message_bus.object_path,
    )
    rule.add_arg_condition(0, name)
    return rule


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The D-Bus address of a running, unlocked Secret Service (shared by the session)."""
    daemons = SecretServiceDaemons(tmp_path_factory.mktemp("secret-service"))
    try:
        yield daemons.start()
    finally:
        daemons.stop()


@pytest.fixture
def start_secret_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], SecretServiceDaemons]]:
    """Start Secret Services of the test's own (for tests that lock or stop one, or need
    two "machines"); each start points this process's session bus at the new one."""
    started: list[SecretServiceDaemons] = []

    def start() -> SecretServiceDaemons:
        daemons = SecretServiceDaemons(tmp_path / f"secret-service-{len(started)}")
        daemons.root.mkdir()
        started.append(daemons)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", daemons.start())
        return daemons

    try:
        yield start
    finally:
        for daemons in started:
            daemons.stop()


@pytest.fixture
def secret_service_keyring(
    secret_service: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[KeyringBackend]:
    """keyring's Secret Service backend on the shared private bus, made keyring's current
    backend for the test; the entries the test made are removed afterwards."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service)
    backend: KeyringBackend = SecretService.Keyring()  # type: ignore[no-untyped-call]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
        with closing(secretstorage.dbus_init()) as connection:
            for item in secretstorage.search_items(connection, {"service": "Tweestap"}):
                item.delete()
