"""Start-up and idle cost of the authenticator window with many accounts (not a test).

Measures, in the same run and the same way (a fresh process each time, the two kinds
alternating so a busy moment hurts both alike):

* ``bare``: a PySide6 window showing one label, quitting after its first paint;
* ``tweestap``: the app with ``--exit-after-first-frame`` on a vault of N accounts (it quits
  right after the first frame that shows codes).

For each, the median wall time from spawning the process to its exit, and its peak RSS
(``ru_maxrss`` of that child, from ``os.wait4``). Then the window is left running on the
same vault and its CPU use is sampled over ``--idle`` seconds (``/proc/PID/stat``).

Targets: start-up within 3x the bare window, peak RSS <= 120 MB, idle CPU < 1 %.

Two ways to start the app (``--way``):

``installed`` (the default, and the figure the README states)
    as an installed user starts it: the ``tweestap`` console script that pip wrote beside
    this Python, nothing of the source tree on ``PYTHONPATH``, and keyring choosing its
    backend by itself. The backend is file-backed: :mod:`bench.file_keyring`, put in a
    scratch folder as a keyring plug-in with a ``keyring.backends`` entry point (as
    ``pip install keyrings.alt`` would), so keyring's discovery runs as on a user's PC.
    The session bus address is removed (the real Secret Service is never touched) and
    ``XDG_CONFIG_HOME`` is a scratch folder (no ``keyringrc.cfg`` of yours is read).
``module``
    ``python -m desktop`` from the source tree (``PYTHONPATH``), the backend named in
    ``PYTHON_KEYRING_BACKEND`` (no discovery): the developer's way.

``--password`` measures a password-protected vault instead (scrypt at the vault's default
strength runs on every start). ``--explain`` prints where the time goes: keyring's backend
discovery, and the imports of one start of each, by package (``PYTHONPROFILEIMPORTTIME``).

Usage::

    .venv/bin/python bench/startup.py [--accounts 1000] [--runs 11] [--idle 10]
    .venv/bin/python bench/startup.py --way module --explain
    xvfb-run -a .venv/bin/python bench/startup.py --platform xcb
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import argparse

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
KEYRING_FILE_ENV = "BENCH_KEYRING_FILE"
EXIT_AFTER_FIRST_FRAME = "--exit-after-first-frame"
PLUGIN_MODULE = "keyrings.tweestap_bench"
"""In the ``keyrings`` namespace package keyring's plug-ins share (``keyrings.alt``...)."""

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Label(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.property("painted"):
            self.setProperty("painted", True)
            print("first frame", flush=True)
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

MAKE_VAULT = """
import os, sys
from desktop.otp.model import Account
from desktop.vault import open_vault
os.fsync = lambda descriptor: None  # durability does not matter for a throw-away vault
vault = open_vault(password_prompt=lambda request: "bench password")
issuers = ["Zilliz", "Microsoft", "Google", "GitHub", "Nextcloud", "Ons Dossier", "AFAS"]
vault.add_many(
    Account(issuer=issuers[i % 7], name=f"user{i}@zorg.example",
            secret=(i + 1).to_bytes(4, "big") * 5)
    for i in range(int(sys.argv[1]))
)
print(len(vault.accounts), vault.key_storage)
"""


FIRST_FRAME_LINE = b"first frame"
"""What the app (``desktop.ui.app.FIRST_FRAME_LINE``) and the bare window print on stdout
when their first frame is painted."""


class Run(NamedTuple):
    seconds: float
    """Spawn to exit."""
    first_frame: float
    """Spawn to the first frame's line on stdout (``nan`` if none came)."""
    max_rss_mb: float
    status: int


class Way(NamedTuple):
    """How the app is started: its command, the environment, and how to run Python code
    the way the app's own interpreter sees the world (for making the vault)."""

    name: str
    app: list[str]
    env: dict[str, str]


def spawn(command: list[str], env: dict[str, str], *, stderr_to: list[str] | None = None) -> Run:
    """Run ``command`` to its end: the time to its first frame and to its exit, and its own
    peak RSS. Its stderr is read by a thread (a full pipe would stall it)."""
    import subprocess
    import threading
    import time

    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=env.get("BENCH_CWD", ROOT), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(process.stderr.read()))  # type: ignore[union-attr]
    reader.start()
    first_frame = float("nan")
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == FIRST_FRAME_LINE and first_frame != first_frame:
            first_frame = time.perf_counter() - start
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    reader.join()
    errors = b"".join(chunks).decode(errors="replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.stderr is not None:
        process.stderr.close()
    if stderr_to is not None:
        stderr_to.append(errors)
    elif process.returncode != 0:
        print(errors, file=sys.stderr)
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return Run(seconds, first_frame, kib / 1024, process.returncode)


def idle_cpu(command: list[str], env: dict[str, str], settle: float, seconds: float) -> float:
    """Percent of one core used by ``command`` over ``seconds``, after ``settle`` seconds."""
    import subprocess
    import time

    process = subprocess.Popen(
        command, env=env, cwd=env.get("BENCH_CWD", ROOT), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
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


def console_script() -> Path:
    """The ``tweestap`` launcher pip installed beside this interpreter."""
    folder = Path(sys.executable).parent
    script = folder / ("tweestap.exe" if sys.platform == "win32" else "tweestap")
    if not script.exists():
        raise SystemExit(
            f"no tweestap console script in {folder}: install the project first "
            "(make .venv/.installed-stamp, or pip install .)"
        )
    return script


def keyring_plugin(folder: Path) -> Path:
    """:mod:`bench.file_keyring` as an installed keyring plug-in: a module and its
    ``.dist-info`` with a ``keyring.backends`` entry point, in ``folder``."""
    module = folder.joinpath(*PLUGIN_MODULE.split(".")).with_suffix(".py")
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text((BENCH / "file_keyring.py").read_text())
    info = folder / "tweestap_bench_keyring-1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tweestap-bench-keyring\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(f"[keyring.backends]\nbench-file = {PLUGIN_MODULE}\n")
    return folder


def make_way(name: str, work: Path, base: dict[str, str]) -> Way:
    env = dict(base)
    for variable in ("PYTHONPATH", "PYTHON_KEYRING_BACKEND"):
        env.pop(variable, None)
    if name == "module":
        env["PYTHONPATH"] = str(ROOT)
        env["PYTHON_KEYRING_BACKEND"] = "bench.file_keyring.FileKeyring"
        return Way(name, [sys.executable, "-m", "desktop", EXIT_AFTER_FIRST_FRAME], env)
    env["PYTHONPATH"] = str(keyring_plugin(work / "keyring-plugin"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never the real Secret Service
    env["XDG_CONFIG_HOME"] = str(work / "config")  # no keyringrc.cfg of the person running this
    env["BENCH_CWD"] = str(work)  # not the source tree: nothing of it on the path
    return Way(name, [str(console_script()), EXIT_AFTER_FIRST_FRAME], env)


def make_vault(accounts: int, way: Way, *, password: bool) -> None:
    """A vault of ``accounts`` TOTP accounts, made by a child process that finds its
    keyring the way the app will."""
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", MAKE_VAULT, str(accounts)],
        env=way.env,
        cwd=way.env.get("BENCH_CWD", ROOT),
        capture_output=True,
        text=True,
        check=False,
    )
    expected = f"{accounts} {'password' if password else 'keyring'}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise SystemExit(f"could not make the vault ({result.stdout.strip()}):\n{result.stderr}")


def keyring_discovery_ms(env: dict[str, str]) -> tuple[float, float, str]:
    """Median ms to import keyring and get its backend: found by keyring's discovery (as
    the installed way does), and named in ``PYTHON_KEYRING_BACKEND``; and what it found."""
    import statistics
    import subprocess

    code = (
        "import time; t = time.perf_counter(); import keyring; k = keyring.get_keyring(); "
        "print(time.perf_counter() - t, type(k).__module__ + '.' + type(k).__name__)"
    )
    plain = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
    named = {**plain, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    found, by_name, backend = [], [], "?"
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], env=plain, capture_output=True)
        seconds, _, backend = out.stdout.decode().strip().partition(" ")
        found.append(float(seconds or "nan") * 1000)
        out = subprocess.run([sys.executable, "-c", code], env=named, capture_output=True)
        by_name.append(float(out.stdout.decode().split(" ")[0] or "nan") * 1000)
    return statistics.median(found), statistics.median(by_name), backend


def import_costs(stderr: str) -> dict[str, float]:
    """Milliseconds of import time by top-level package, from ``-X importtime`` output."""
    costs: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.removeprefix("import time:").split("|")
        try:
            own = int(parts[0])
        except ValueError:  # the header line
            continue
        package = parts[2].strip().split(".")[0]
        costs[package] = costs.get(package, 0.0) + own / 1000
    return costs


def explain(way: Way, bare_cmd: list[str]) -> None:
    """Where the time goes: keyring's discovery, and imports by package (one start each)."""
    import statistics

    found, named, backend = keyring_discovery_ms(way.env)
    print(
        f"keyring import + backend: by discovery {found:.0f} ms (found {backend}), "
        f"named in PYTHON_KEYRING_BACKEND {named:.0f} ms"
    )
    traced = {**way.env, "PYTHONPROFILEIMPORTTIME": "1"}
    app_costs: list[dict[str, float]] = []
    bare_costs: list[dict[str, float]] = []
    for _ in range(3):
        out: list[str] = []
        spawn(way.app, traced, stderr_to=out)
        app_costs.append(import_costs(out[0]))
        out = []
        spawn(bare_cmd, traced, stderr_to=out)
        bare_costs.append(import_costs(out[0]))

    def median_of(runs: list[dict[str, float]], package: str) -> float:
        return statistics.median(run.get(package, 0.0) for run in runs)

    packages = set().union(*app_costs)
    rows = sorted(packages, key=lambda p: -median_of(app_costs, p))
    app_total = statistics.median(sum(run.values()) for run in app_costs)
    bare_total = statistics.median(sum(run.values()) for run in bare_costs)
    print(
        f"imports (median of 3, with the tracing's own overhead): tweestap {app_total:.0f} ms, "
        f"bare window {bare_total:.0f} ms; by package:"
    )
    for package in rows[:16]:
        app_ms, bare_ms = median_of(app_costs, package), median_of(bare_costs, package)
        extra = f"  (bare window {bare_ms:5.1f} ms)" if bare_ms >= 0.5 else ""
        print(f"  {package:<24} {app_ms:6.1f} ms{extra}")


def main() -> int:
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle sampling")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--password", action="store_true", help="a password-protected vault")
    parser.add_argument(
        "--way",
        choices=("installed", "module"),
        default="installed",
        help="installed: the tweestap console script, keyring finds its backend (default); "
        "module: python -m desktop with the backend named",
    )
    parser.add_argument("--explain", action="store_true", help="where the start-up time goes")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tweestap-bench-"))
    try:
        return measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    import statistics

    base = {
        **os.environ,
        "QT_QPA_PLATFORM": args.platform,
        "TWEESTAP_HOME": str(work / "home"),
        "TWEESTAP_LANG": "nl",
        KEYRING_FILE_ENV: str(work / "keyring.json"),
    }
    # An installed app starts from compiled bytecode (pip and PyInstaller both ship it): let
    # the warm-up run write it, even where the shell says not to.
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base.pop("TWEESTAP_PASSWORD", None)
    way = make_way(args.way, work, base)
    if args.password:
        way.env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        way.env["TWEESTAP_PASSWORD"] = "bench password"  # noqa: S105 - a throw-away vault
    print(
        f"vault: {args.accounts} accounts in {work} "
        f"({'password' if args.password else 'keyring'}); way: {args.way}: {' '.join(way.app)}"
    )
    make_vault(args.accounts, way, password=args.password)

    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    for _ in range(2):  # warm the file cache and write the bytecode, for both
        spawn(bare_cmd, way.env), spawn(way.app, way.env)
    bare: list[Run] = []
    app: list[Run] = []
    for _ in range(args.runs):  # alternating, so a busy moment hurts both alike
        bare.append(spawn(bare_cmd, way.env))
        app.append(spawn(way.app, way.env))
    if any(run.status != 0 for run in bare + app):
        print("a run failed", file=sys.stderr)
        return 1

    if any(run.first_frame != run.first_frame for run in bare + app):
        print("a run did not report its first frame on stdout", file=sys.stderr)
        return 1
    app_rss = max(run.max_rss_mb for run in app)
    print(f"platform: {args.platform}, runs: {args.runs} (wall time from spawning the process)")
    print(f"{'':<17}to first frame (median, fastest)   to exit (median, fastest)   peak RSS")
    figures: dict[str, tuple[float, float]] = {}
    for label, runs in (("bare window", bare), ("tweestap", app)):
        frame = statistics.median(r.first_frame for r in runs), min(r.first_frame for r in runs)
        end = statistics.median(r.seconds for r in runs), min(r.seconds for r in runs)
        figures[label] = frame[0], end[0]
        rss = max(r.max_rss_mb for r in runs)
        print(
            f"{label:<14}   {frame[0]:6.3f} s  {frame[1]:6.3f} s"
            f"                {end[0]:6.3f} s  {end[1]:6.3f} s      {rss:6.1f} MB"
        )
    ratio = figures["tweestap"][0] / figures["bare window"][0]
    exit_ratio = figures["tweestap"][1] / figures["bare window"][1]
    print(
        f"ratio            {ratio:6.2f} x (target <= 3 x)"
        f"                   {exit_ratio:6.2f} x                   (RSS target <= 120 MB)"
    )
    if args.explain:
        explain(way, bare_cmd)

    if args.idle > 0:
        idle_app = idle_cpu(way.app[:-1], way.env, settle=3.0, seconds=args.idle)
        idle_bare = idle_cpu([sys.executable, "-c", BARE_IDLE], way.env, 3.0, args.idle)
        print(
            f"idle CPU over {args.idle:.0f} s: tweestap {idle_app:.2f} % of a core, "
            f"bare window {idle_bare:.2f} %  (target < 1 %)"
        )
    ok = ratio <= 3 and app_rss <= 120
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
