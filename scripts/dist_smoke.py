"""Smoke-test the PyInstaller builds (`make dist` first) and report their size.

Runs each built binary headless, the way a user's double-click would start it but on
Qt's offscreen platform with a throwaway data folder: ``--version`` must print the version,
``--exit-after-first-frame`` must paint the window and exit 0, also in Dutch, where Qt's own
catalogue (``qtbase_nl.qm``) must be found in the build. Exits non-zero on failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from desktop import __version__  # noqa: E402 - after the path tweak


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run(
    binary: Path, *args: str, home: Path, language: str = "en"
) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TWEESTAP_HOME": str(home / "data"),
        "TWEESTAP_LANG": language,
        "QT_QPA_PLATFORM": "offscreen",
        # No keyring in a headless smoke run: the vault falls back to a password.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "TWEESTAP_PASSWORD": "smoke-test-password",
    }
    return subprocess.run(
        [str(binary), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def main() -> int:
    builds = {"one-folder": DIST / "tweestap" / "tweestap", "one-file": DIST / "tweestap-onefile"}
    failed = False
    print(f"{'build':<11} {'size':>9}  {'--version':<18} {'first frame':>12}  {'Dutch':<6}")
    for label, binary in builds.items():
        if not binary.exists():
            print(f"{label:<11} missing: {binary} (run `make dist`)")
            failed = True
            continue
        size = size_of(binary.parent if label == "one-folder" else binary)
        with tempfile.TemporaryDirectory() as tmp:
            version = run(binary, "--version", home=Path(tmp))
            started = time.perf_counter()
            frame = run(binary, "--exit-after-first-frame", home=Path(tmp))
            elapsed = time.perf_counter() - started
            dutch = run(binary, "--exit-after-first-frame", home=Path(tmp), language="nl")
        version_ok = version.returncode == 0 and version.stdout.strip() == f"tweestap {__version__}"
        frame_ok = frame.returncode == 0
        # The app says on stderr when Qt's own Dutch catalogue is not in the build.
        dutch_ok = dutch.returncode == 0 and "qtbase_nl.qm" not in dutch.stderr
        print(
            f"{label:<11} {size / 2**20:>7.0f} MB  "
            f"{version.stdout.strip() if version_ok else 'FAILED':<18} "
            f"{f'{elapsed:.2f} s' if frame_ok else 'FAILED':>12}  "
            f"{'ok' if dutch_ok else 'FAILED':<6}"
        )
        for result, ok in ((version, version_ok), (frame, frame_ok), (dutch, dutch_ok)):
            if not ok:
                failed = True
                sys.stderr.write(f"--- {binary} {result.args[1:]} exit {result.returncode}\n")
                sys.stderr.write(result.stdout + result.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
