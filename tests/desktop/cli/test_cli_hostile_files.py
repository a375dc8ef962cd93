"""The command line against files that are not what they seem: unreadable files, folders,
named pipes, endless devices, picture bombs; a sentence each, never a traceback."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli
from tests.desktop.cli.hostile import AEGIS_PLAIN, assert_refused, run_process


@pytest.mark.parametrize("command", ["import", "scan"])
def test_a_file_that_cannot_be_read_is_named_with_the_reason(
    cli: Cli, stored: bytes, vault_file: Path, command: str
) -> None:
    """``/proc/self/mem`` opens but cannot be read (EIO), even for root."""
    code, out, err = cli(command, "/proc/self/mem")
    assert_refused(code, out, err, 1)
    assert "/proc/self/mem" in err and "Input/output error" in err
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["import", "{dir}"], "is a folder, not an export file"),
        (["scan", "{dir}"], "holds no pictures"),
        (["scan", "--camera", "{dir}"], "is not a video Tweestap can play"),
        (["export", "{dir}", "--format", "otpauth"], "is a folder"),
    ],
    ids=["import", "scan", "scan_camera", "export"],
)
def test_a_folder_is_refused_with_a_sentence(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path, argv: list[str], says: str
) -> None:
    (tmp_path / "folder").mkdir()
    code, out, err = cli(*[a.replace("{dir}", str(tmp_path / "folder")) for a in argv])
    assert_refused(code, out, err, 1)
    assert says in err
    assert vault_file.read_bytes() == stored
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize(
    ("command", "says"),
    [("import", "The file is empty"), ("scan", "is empty, so it holds no QR code")],
)
def test_a_named_pipe_nobody_writes_to_reads_as_empty_instead_of_hanging(
    cli: Cli,
    stored: bytes,
    vault_file: Path,
    fifo: Path,
    command: str,
    says: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    code, out, err = cli(command, str(fifo))
    assert_refused(code, out, err, 1)
    assert says in err
    assert vault_file.read_bytes() == stored


def test_an_export_read_from_a_named_pipe_is_imported(cli: Cli, fifo: Path) -> None:
    """``tweestap import <(gpg -d export.json.gpg)``: a pipe with a writer is read to its end."""

    def write_later() -> None:
        time.sleep(0.5)  # after Tweestap has opened the pipe: it waits for the first byte
        fifo.write_bytes(AEGIS_PLAIN.read_bytes())

    writer = threading.Thread(target=write_later, daemon=True)
    writer.start()
    try:
        code, out, err = cli("import", str(fifo), "--format", "aegis")
    finally:
        writer.join(timeout=10)
    assert code == 0, err
    assert "7 imported" in out


def test_an_export_over_a_named_pipe_is_refused_and_the_pipe_stays(
    cli: Cli, stored: bytes, vault_file: Path, fifo: Path
) -> None:
    code, out, err = cli("export", str(fifo), "--format", "otpauth")
    assert code == 1 and "Exported" not in out
    assert "is not a file (it is a device, a pipe or a socket)" in err
    assert fifo.is_fifo()
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["import", "/dev/zero"], "is too large to be an authenticator export"),
        (["import", "/dev/urandom"], "is too large to be an authenticator export"),
        (["scan", "/dev/zero"], "is too large to be a screenshot or photo"),
        (["scan", "--camera", "/dev/zero"], "is not a video Tweestap can play"),
        (["export", "/dev/null", "--format", "otpauth"], "is not a file"),
    ],
    ids=["import_zero", "import_urandom", "scan_zero", "camera_zero", "export_null"],
)
def test_an_endless_device_is_read_only_up_to_the_limit_and_never_replaced(
    cli: Cli, stored: bytes, vault_file: Path, argv: list[str], says: str
) -> None:
    code, out, err = cli(*argv)
    assert code == 1 and "Exported" not in out
    assert says in err and "Traceback" not in err
    assert vault_file.read_bytes() == stored
    assert Path("/dev/null").is_char_device() and Path("/dev/zero").is_char_device()


def test_a_vault_file_that_is_a_named_pipe_is_refused_and_left_alone(
    cli: Cli, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    vault_file.parent.mkdir(parents=True)
    os.mkfifo(vault_file)
    code, out, err = cli("list")
    assert_refused(code, out, err, 1)
    assert "cannot be read" in err and "kept untouched" in err
    assert vault_file.is_fifo()


def test_a_settings_file_that_is_endless_or_a_pipe_gives_the_defaults(
    cli: Cli, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    isolated_environment.mkdir(parents=True)
    os.mkfifo(isolated_environment / "settings.json")
    code, out, err = cli("code", "--uri", RFC_URI, "--at", "59")
    assert code == 0 and out.strip() == "94287082", err
    (isolated_environment / "settings.json").unlink()
    (isolated_environment / "settings.json").symlink_to("/dev/zero")
    code, out, err = cli("code", "--uri", RFC_URI, "--at", "59")
    assert code == 0 and out.strip() == "94287082", err


def test_desktop_entry_where_nothing_can_be_written_is_a_sentence(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = cli("desktop-entry")
    assert_refused(code, out, err, 1)
    assert "The application menu in" in err and "cannot be changed (Not a directory)" in err


def test_a_picture_that_claims_a_billion_pixels_is_refused_before_it_fills_memory(
    tmp_path: Path,
) -> None:
    """A 100 KB PNG of 30,000 x 30,000 pixels; OpenCV reads its pixel limit when it loads,
    so this runs in a process of its own."""
    import struct
    import zlib

    side = 30_000
    rows = b"".join(b"\x00" + b"\x00" * (side // 8) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    assert bomb.stat().st_size < 200_000
    result = run_process("scan", str(bomb))
    assert result.returncode == 1
    assert "is too large to be a screenshot or photo of a QR code" in result.stderr
    assert "Traceback" not in result.stderr
