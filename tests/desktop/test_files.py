"""Reading a named file never reads more than its limit, whatever the name stands for."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from desktop import files
from desktop.files import TooLarge, read_limited


def test_a_file_up_to_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 101)
    with pytest.raises(TooLarge) as refused:
        read_limited(path, 100)
    assert refused.value.limit == 100


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_stops_one_byte_after_the_limit(device: str) -> None:
    with pytest.raises(TooLarge):
        read_limited(Path(device), 5 * 1024 * 1024)


def test_a_folder_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 100)


def test_a_missing_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "nope", 100)


def test_a_pipe_that_never_ends_stops_at_the_limit(tmp_path: Path) -> None:
    pipe = tmp_path / "p"
    os.mkfifo(pipe)

    def endless() -> None:
        try:
            with pipe.open("wb") as out:
                while True:
                    out.write(b"y" * 65536)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    with pytest.raises(TooLarge):
        read_limited(pipe, 1024 * 1024)
    writer.join(timeout=10)
    assert not writer.is_alive()


def test_a_pipe_nobody_writes_to_is_empty_after_the_patience(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "PIPE_PATIENCE", 0.1)
    pipe = tmp_path / "p"
    os.mkfifo(pipe)
    assert read_limited(pipe, 100) == b""


def test_a_pipe_whose_writer_comes_a_moment_later_is_read_to_its_end(tmp_path: Path) -> None:
    pipe = tmp_path / "p"
    os.mkfifo(pipe)

    def late() -> None:
        time.sleep(0.3)
        with pipe.open("wb") as out:
            out.write(b"first ")
            out.flush()
            time.sleep(0.2)
            out.write(b"second")

    threading.Thread(target=late, daemon=True).start()
    assert read_limited(pipe, 100) == b"first second"
