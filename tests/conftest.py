"""Every test runs against its own data folder, in English unless it asks otherwise, and
never against the real keyring of the machine (keyring tests bring their own Secret Service)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Widgets render offscreen unless a test needs a real X server (pytest-xvfb gives one).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "tweestap-home"
    monkeypatch.setenv("TWEESTAP_HOME", str(home))
    monkeypatch.setenv("TWEESTAP_LANG", "en")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("TWEESTAP_PASSWORD", raising=False)
    # Full-strength scrypt takes a second or two per vault; the parameters are in the header,
    # so a weak test vault still opens through exactly the same code path.
    from desktop.vault.keys import ScryptParams

    monkeypatch.setattr("desktop.vault.keys.DEFAULT_SCRYPT_PARAMS", ScryptParams(n=2**4))
    return home


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """``make test`` compiles the .ts files; a bare ``pytest`` run gets them compiled too."""
    import shutil
    import subprocess
    import sys

    folder = Path(__file__).resolve().parent.parent / "resources" / "translations"
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    for source in folder.glob("*.ts"):
        compiled = source.with_suffix(".qm")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([lrelease, "-silent", str(source), "-qm", str(compiled)], check=True)


GUI_FIXTURES = frozenset({"qtbot"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that needs a Qt display carries the ``gui`` marker, so ``-m "not gui"``
    really runs without one: a test that drives widgets (pytest-qt's ``qtbot``), or lives
    under ``tests/desktop/ui``, and lacks the marker stops the run before anything is run.
    (A bare ``qapp``, which the command line's tests use for Qt's translations, is no GUI.)"""
    ui_folder = Path(__file__).resolve().parent / "desktop" / "ui"
    unmarked = sorted(
        {
            str(item.path)
            for item in items
            if item.get_closest_marker("gui") is None
            and (
                GUI_FIXTURES & set(getattr(item, "fixturenames", ()))
                or item.path.is_relative_to(ui_folder)
            )
        }
    )
    if unmarked:
        raise pytest.UsageError(
            "GUI tests without the gui marker (add pytestmark = pytest.mark.gui):\n  "
            + "\n  ".join(unmarked)
        )
