"""A second start hands its link to the running window instead of opening a rival one."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from desktop.platform.single_instance import InstanceServer, forward, server_name
from tests.paths import ROOT

pytestmark = pytest.mark.gui

LINK = "otpauth://totp/Zilliz:anna?secret=JBSWY3DPEHPK3PXP&issuer=Zilliz"


def test_name_differs_per_data_folder(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_forward_without_running_instance_reports_false(tmp_path: Path, qapp: object) -> None:
    assert forward(server_name(tmp_path), LINK) is False


def test_link_from_another_process_reaches_running_instance(tmp_path: Path, qtbot: QtBot) -> None:
    name = server_name(tmp_path)
    server = InstanceServer(name)
    assert server.listening
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from desktop.platform.single_instance import forward\n"
        "app = QCoreApplication([])\n"
        "sys.exit(0 if forward(sys.argv[1], sys.argv[2]) else 3)\n"
    )
    with qtbot.waitSignal(server.message_received, timeout=10_000) as received:
        process = subprocess.Popen([sys.executable, "-c", script, name, LINK], cwd=ROOT)
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    assert process.returncode == 0
    assert received.args == [LINK]
    server.close()


def test_empty_message_only_raises_the_window(tmp_path: Path, qtbot: QtBot) -> None:
    server = InstanceServer(server_name(tmp_path))
    messages: list[str] = []
    server.message_received.connect(messages.append)
    with qtbot.waitSignal(server.activated, timeout=5_000):
        assert forward(server_name(tmp_path), "")
    assert messages == []
    server.close()


def test_stale_socket_of_crashed_instance_is_taken_over(tmp_path: Path, qtbot: QtBot) -> None:
    name = server_name(tmp_path)
    # A crashed instance leaves its socket file behind, bound by nobody.
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(Path(QDir.tempPath()) / name))
    stale.close()
    server = InstanceServer(name)
    assert server.listening
    with qtbot.waitSignal(server.message_received, timeout=5_000) as received:
        assert forward(name, LINK)
    assert received.args == [LINK]
    server.close()
