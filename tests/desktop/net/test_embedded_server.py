"""The embedded server on this computer: found by its health answer, started as a process of
our own interpreter with its data in the app's folder, and a failure to start explained."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.admin.errors import EmbeddedServerFailed, NoEmbeddedServer
from desktop.net import embedded_server
from desktop.net.embedded_server import EmbeddedServer, default_embedded, start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> EmbeddedServer:
    return EmbeddedServer(home=tmp_path / "server", port=free_port())


def test_default_embedded_server_lives_in_the_apps_data_folder(isolated_environment: Path) -> None:
    server = default_embedded()
    assert server.home == isolated_environment / "server"
    assert server.url == "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("http://127.0.0.1:8765", True),
        ("127.0.0.1:8765/", True),
        ("localhost:8765", True),
        ("http://127.0.0.1:8766", False),
        ("https://127.0.0.1:8765", False),
        ("http://2fa.example.org:8765", False),
        ("http://127.0.0.1:8765/other", False),
        ("not an address at all", False),
    ],
)
def test_which_typed_addresses_mean_the_embedded_server(typed: str, meant: bool) -> None:
    assert EmbeddedServer(home=Path("/nonexistent")).is_address(typed) is meant


def test_started_server_answers_and_stops(server: EmbeddedServer) -> None:
    assert not embedded_server.is_running(server.url)
    process = embedded_server.start(server)
    try:
        assert embedded_server.is_running(server.url)
        assert embedded_server.ensure_running(server) is None  # already running: nothing started
        assert (server.home / "server.db").exists()
        assert (server.home / "secret.key").stat().st_mode & 0o077 == 0
    finally:
        embedded_server.stop(process)
    assert process.returncode is not None
    assert not embedded_server.is_running(server.url)


@pytest.fixture
def occupied(server: EmbeddedServer) -> Iterator[socket.socket]:
    """Something that is not a Tweestap server holds the port."""
    with socket.socket() as squatter:
        squatter.bind((server.host, server.port))
        squatter.listen()
        yield squatter


def test_port_taken_by_something_else_is_reported_with_the_log(
    server: EmbeddedServer, occupied: socket.socket
) -> None:
    with pytest.raises(EmbeddedServerFailed) as failed:
        embedded_server.start(server, timeout=30)
    assert str(server.log_file) in str(failed.value)
    assert "address already in use" in server.log_file.read_text().lower()


def test_packaged_app_without_a_server_says_to_type_an_address(
    isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    server = EmbeddedServer(home=isolated_environment / "server", port=free_port())
    with pytest.raises(NoEmbeddedServer, match="Type the address"):
        start(server)
    assert not (isolated_environment / "server").exists()
