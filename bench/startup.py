"""Start-up and idle cost of the authenticator window with many accounts (not a test).

Measures, in the same run and the same way (a fresh process each time):

* ``bare``: a PySide6 window showing one label, quitting after its first paint;
* ``tweestap``: ``python -m desktop --exit-after-first-frame`` on a vault of N accounts
  (quits right after the first frame that shows codes).

For each, the median wall time from spawning the process to its exit, and its peak RSS
(``ru_maxrss`` of that child, from ``os.wait4``). Then the window is left running on the
same vault and its CPU use is sampled over ``--idle`` seconds (``/proc/PID/stat``).

Targets (issue 3): start-up within 3x the bare window, peak RSS <= 120 MB, idle CPU < 1 %.

The vault's key lives in :class:`FileKeyring`, a keyring backend the child loads through
``PYTHON_KEYRING_BACKEND=bench.startup.FileKeyring``: the app runs as on a desktop with a
keyring (the default), minus the backend discovery, which is measured separately
(``keyring discovery``). ``--password`` measures a password-protected vault instead
(scrypt at the vault's default strength runs on every start).

Usage::

    .venv/bin/python bench/startup.py [--accounts 1000] [--runs 7] [--idle 10]
    xvfb-run -a .venv/bin/python bench/startup.py --platform xcb
"""

from __future__ import annotations

# The app under test imports this module for FileKeyring: keep its top-level imports light
# (the measuring tools are imported in the functions that use them).
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from keyring.backend import KeyringBackend

if TYPE_CHECKING:
    import argparse

ROOT = Path(__file__).resolve().parent.parent
KEYRING_FILE_ENV = "BENCH_KEYRING_FILE"

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Label(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, app.quit)

app = QApplication(["bare"])
label = Label("Tweestap")
label.show()
app.exec()
"""

BARE_IDLE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["bare"])
label = QLabel("Tweestap")
label.show()
app.exec()
"""


class FileKeyring(KeyringBackend):
    """A keyring kept in a JSON file named by ``$BENCH_KEYRING_FILE`` (benchmarks only)."""

    priority = 1

    def _path(self) -> Path:
        return Path(os.environ[KEYRING_FILE_ENV])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self._path().read_text())
        except FileNotFoundError:
            return {}
        return dict(data)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\0{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\0{username}", None)
        self._path().write_text(json.dumps(data))


class Run(NamedTuple):
    seconds: float
    max_rss_mb: float
    status: int


def spawn(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to its end; its wall time and its own peak RSS."""
    import subprocess
    import time

    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr is not None:
        errors = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        if process.returncode != 0:
            print(errors, file=sys.stderr)
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return Run(seconds, kib / 1024, process.returncode)


def idle_cpu(command: list[str], env: dict[str, str], settle: float, seconds: float) -> float:
    """Percent of one core used by ``command`` over ``seconds``, after ``settle`` seconds."""
    import subprocess
    import time

    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        time.sleep(settle)
        before, started = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        after, ended = _cpu_seconds(process.pid), time.monotonic()
        if process.poll() is not None:
            raise SystemExit(f"{command[-1]} ended while idle (exit code {process.returncode})")
    finally:
        process.terminate()
        process.wait()
    return 100 * (after - before) / (ended - started)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    user, system = int(fields[11]), int(fields[12])  # utime, stime (fields 14 and 15)
    return (user + system) / os.sysconf("SC_CLK_TCK")


def make_vault(accounts: int, env: dict[str, str]) -> None:
    """A vault of ``accounts`` TOTP accounts, made by a child process."""
    import subprocess

    script = f"""
import os
from desktop.otp.model import Account
from desktop.vault import open_vault
os.fsync = lambda descriptor: None  # durability does not matter for a throw-away vault
vault = open_vault(password_prompt=lambda request: "bench password")
issuers = ["Zilliz", "Microsoft", "Google", "GitHub", "Nextcloud", "Ons Dossier", "AFAS"]
for i in range({accounts}):
    vault.add(Account(issuer=issuers[i % 7], name=f"user{{i}}@zorg.example",
                      secret=(i + 1).to_bytes(4, "big") * 5))
print(len(vault.accounts))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0 or result.stdout.strip() != str(accounts):
        raise SystemExit(f"could not make the vault:\n{result.stderr}")


def keyring_discovery_ms(env: dict[str, str]) -> tuple[float, float]:
    """Median ms to import keyring and get its backend: by discovery, and when named."""
    import statistics
    import subprocess

    code = (
        "import time; t = time.perf_counter(); import keyring; keyring.get_keyring(); "
        "print(time.perf_counter() - t)"
    )
    discovered, named = [], []
    for _ in range(3):
        plain = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
        out = subprocess.run([sys.executable, "-c", code], env=plain, capture_output=True)
        discovered.append(float(out.stdout or b"nan") * 1000)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True)
        named.append(float(out.stdout or b"nan") * 1000)
    return statistics.median(discovered), statistics.median(named)


def main() -> int:
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle sampling")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--password", action="store_true", help="a password-protected vault")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tweestap-bench-"))
    try:
        return measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    import statistics

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": args.platform,
        "TWEESTAP_HOME": str(work / "home"),
        "TWEESTAP_LANG": "nl",
        KEYRING_FILE_ENV: str(work / "keyring.json"),
    }
    # An installed app starts from compiled bytecode (pip and PyInstaller both ship it): let
    # the warm-up run write it, even where the shell says not to.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.password:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        env["TWEESTAP_PASSWORD"] = "bench password"  # noqa: S105 - a throw-away vault
    else:
        env["PYTHON_KEYRING_BACKEND"] = "bench.startup.FileKeyring"
        env.pop("TWEESTAP_PASSWORD", None)
    print(
        f"vault: {args.accounts} accounts in {work} ({'password' if args.password else 'keyring'})"
    )
    make_vault(args.accounts, env)

    python = sys.executable
    bare_cmd = [python, "-c", BARE_WINDOW]
    app_cmd = [python, "-m", "desktop", "--exit-after-first-frame"]
    spawn(bare_cmd, env), spawn(app_cmd, env)  # warm the file cache for both
    bare: list[Run] = []
    app: list[Run] = []
    for _ in range(args.runs):  # interleaved, so a busy moment hurts both alike
        bare.append(spawn(bare_cmd, env))
        app.append(spawn(app_cmd, env))
    if any(run.status != 0 for run in bare + app):
        print("a run failed", file=sys.stderr)
        return 1

    bare_s = statistics.median(run.seconds for run in bare)
    app_s = statistics.median(run.seconds for run in app)
    bare_rss = max(run.max_rss_mb for run in bare)
    app_rss = max(run.max_rss_mb for run in app)
    bare_min = min(run.seconds for run in bare)
    app_min = min(run.seconds for run in app)
    print(f"platform: {args.platform}, runs: {args.runs} (wall time, spawn to exit)")
    print("                median   fastest   peak RSS")
    print(f"bare window    {bare_s:6.3f} s  {bare_min:6.3f} s  {bare_rss:6.1f} MB")
    print(f"tweestap       {app_s:6.3f} s  {app_min:6.3f} s  {app_rss:6.1f} MB")
    ratio = app_s / bare_s
    print(
        f"ratio          {ratio:6.2f} x  {app_min / bare_min:6.2f} x"
        "   (target <= 3 x; RSS target <= 120 MB)"
    )

    discovered, named = keyring_discovery_ms(env)
    print(f"keyring import + backend: discovery {discovered:.0f} ms, named {named:.0f} ms")

    if args.idle > 0:
        idle_app = idle_cpu([python, "-m", "desktop"], env, settle=3.0, seconds=args.idle)
        idle_bare = idle_cpu([python, "-c", BARE_IDLE], env, settle=3.0, seconds=args.idle)
        print(
            f"idle CPU over {args.idle:.0f} s: tweestap {idle_app:.2f} % of a core, "
            f"bare window {idle_bare:.2f} %  (target < 1 %)"
        )
    ok = ratio <= 3 and app_rss <= 120
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
