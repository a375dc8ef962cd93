"""The vault file on disk: where it lives, atomic replacement, permissions, setting aside."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import pytest

from desktop import paths
from desktop.vault import store

MOMENT = datetime(2024, 6, 17, 8, 30, 5, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_home_is_tweestap_home_when_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TWEESTAP_HOME", str(tmp_path / "elsewhere"))
    assert paths.data_home() == tmp_path / "elsewhere"
    assert paths.vault_path() == tmp_path / "elsewhere" / "vault.tweestap"


def test_data_home_expands_a_tilde(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TWEESTAP_HOME", "~/tweestap")
    assert paths.data_home() == tmp_path / "tweestap"


@pytest.mark.parametrize("value", [None, "", "  "])
def test_data_home_is_the_platform_data_folder_otherwise(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("TWEESTAP_HOME")
    else:
        monkeypatch.setenv("TWEESTAP_HOME", value)
    expected = Path(platformdirs.user_data_dir("Tweestap", appauthor=False))
    assert paths.data_home() == expected
    assert paths.vault_path(Path("/x")) == Path("/x/vault.tweestap")


def test_read_of_a_missing_file_is_none(tmp_path: Path) -> None:
    assert store.read(tmp_path / "vault.tweestap") is None


def test_write_creates_private_folders_and_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "vault.tweestap"
    store.write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert store.read(target) == b"data"


def test_write_makes_a_file_private_even_when_the_old_one_was_not(tmp_path: Path) -> None:
    target = tmp_path / "vault.tweestap"
    target.write_bytes(b"old")
    target.chmod(0o644)
    store.write_atomic(target, b"new")
    assert mode(target) == 0o600


def test_write_leaves_an_existing_folder_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    store.write_atomic(tmp_path / "vault.tweestap", b"data")
    assert mode(tmp_path) == 0o755


def test_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "vault.tweestap"
    store.write_atomic(target, b"one")
    store.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.tweestap"]


def test_write_syncs_the_data_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: Path) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.write_atomic(tmp_path / "vault.tweestap", b"data")
    assert events == ["fsync-file", "replace", "fsync-dir"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "vault.tweestap"
    store.write_atomic(target, b"old")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(store.StoreError) as raised:
        store.write_atomic(target, b"new")
    assert raised.value.reason == "No space left on device"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.tweestap"]


def test_a_write_interrupted_by_anything_else_also_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.tweestap"

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.write_atomic(target, b"new")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(store.StoreError):
        store.write_atomic(blocker / "vault.tweestap", b"data")


def test_an_unreadable_path_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "vault.tweestap").mkdir()
    with pytest.raises(store.StoreError):
        store.read(tmp_path / "vault.tweestap")


def test_set_aside_renames_with_a_utc_timestamp(tmp_path: Path) -> None:
    target = tmp_path / "vault.tweestap"
    target.write_bytes(b"damaged")
    aside = store.set_aside(target, now=MOMENT)
    assert aside == tmp_path / "vault.tweestap.corrupt-20240617T083005Z"
    assert aside.read_bytes() == b"damaged"
    assert not target.exists()


def test_set_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    target = tmp_path / "vault.tweestap"
    names = []
    for content in (b"first", b"second", b"third"):
        target.write_bytes(content)
        names.append(store.set_aside(target, now=MOMENT).name)
    assert names == [
        "vault.tweestap.corrupt-20240617T083005Z",
        "vault.tweestap.corrupt-20240617T083005Z-2",
        "vault.tweestap.corrupt-20240617T083005Z-3",
    ]
    assert (tmp_path / names[0]).read_bytes() == b"first"


def test_set_aside_of_a_missing_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(store.StoreError):
        store.set_aside(tmp_path / "vault.tweestap")


def test_fingerprint_tells_versions_apart() -> None:
    assert store.fingerprint(b"a") == store.fingerprint(b"a")
    assert store.fingerprint(b"a") != store.fingerprint(b"b")
