"""What docs/deploy.md tells an operator to install is true to the code: the systemd units
pass ``systemd-analyze verify`` (and the server's scores as well hardened), their command
lines and every ``tweestap-server`` command of the guide parse, the settings file makes valid
settings, the backup script backs up and prunes, and nginx's way of passing the client's
address is what the server believes from a trusted proxy."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from server_stub.cli import build_parser
from server_stub.settings import Settings
from tests.paths import ROOT
from tests.server.ops.org import Org
from tests.server.served import Served

DEPLOY = ROOT / "resources" / "deploy"
GUIDE = ROOT / "docs" / "deploy.md"
VENV_BIN = Path(shutil.which("tweestap-server") or ROOT / ".venv" / "bin" / "tweestap-server")
UNITS = ["tweestap-server.service", "tweestap-backup.service", "tweestap-backup.timer"]


def systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    assert found, "systemd-analyze is missing: install the Debian package systemd"
    return found


def unit_here(name: str, folder: Path) -> Path:
    """The unit with its programs where they are on this machine (systemd-analyze checks that
    they exist): the virtualenv's tweestap-server, the repository's backup script."""
    text = (DEPLOY / name).read_text()
    text = text.replace("/opt/tweestap/venv/bin/tweestap-server", str(VENV_BIN))
    text = text.replace("/usr/local/sbin/tweestap-backup", str(DEPLOY / "tweestap-backup"))
    path = folder / name
    path.write_text(text)
    return path


def exec_start(name: str) -> list[str]:
    (line,) = [
        line for line in (DEPLOY / name).read_text().splitlines() if line.startswith("ExecStart=")
    ]
    return shlex.split(line.removeprefix("ExecStart="))


def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    assert VENV_BIN.exists()
    paths = [str(unit_here(name, tmp_path)) for name in UNITS]
    done = subprocess.run(
        [systemd_analyze(), "verify", *paths], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""


def test_the_server_unit_is_hardened(tmp_path: Path) -> None:
    unit = (DEPLOY / "tweestap-server.service").read_text()
    for line in (
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "ProtectHome=yes",
        "CapabilityBoundingSet=\n",
        "User=tweestap",
        "UMask=0077",
    ):
        assert line in unit, line
    done = subprocess.run(
        [systemd_analyze(), "security", "--offline=yes", str(unit_here(UNITS[0], tmp_path))],
        capture_output=True,
        text=True,
        check=False,
    )
    score = re.search(r"Overall exposure level for \S+: ([\d.]+)", done.stdout)
    assert score, done.stdout + done.stderr
    assert float(score.group(1)) <= 2.0, done.stdout  # "OK" on systemd's 0..10 scale


def test_the_units_command_lines_are_the_servers_options() -> None:
    command = exec_start("tweestap-server.service")
    assert command[0] == "/opt/tweestap/venv/bin/tweestap-server"
    args = build_parser().parse_args(command[1:])
    assert (args.command, args.host, args.port) == ("serve", "127.0.0.1", 8765)
    assert (args.log_format, args.metrics_port, args.workers) == ("json", 9765, 2)
    assert exec_start("tweestap-backup.service") == ["/usr/local/sbin/tweestap-backup"]


def guide_commands() -> list[list[str]]:
    """Every tweestap-server command in the guide's code blocks (``tsadmin`` is its wrapper)."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", GUIDE.read_text(), flags=re.DOTALL):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            for start in ("tsadmin ", "/opt/tweestap/venv/bin/tweestap-server "):
                if line.startswith(start):
                    command = shlex.split(line.removeprefix(start).split("&&")[0])
                    commands.append(command)
    return commands


def test_every_server_command_of_the_guide_parses() -> None:
    commands = guide_commands()
    names = {command[0] for command in commands}
    assert {"user", "db", "rotate-key", "--version"} <= names, names
    for command in commands:
        if command == ["--version"]:
            continue
        build_parser().parse_args(command)  # SystemExit (a test failure) if it does not parse


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def test_the_settings_file_makes_valid_settings_that_match_the_guide() -> None:
    env = read_env_file(DEPLOY / "server.env")
    settings = Settings.from_env(env)
    assert settings.home == Path("/var/lib/tweestap")
    assert settings.key_file == Path("/var/lib/tweestap/secret.key")
    assert make_url(settings.db_url).get_backend_name() == "postgresql"
    assert make_url(settings.db_url).get_driver_name() == "psycopg"
    assert settings.trusted_proxies == ("127.0.0.1", "::1")
    assert settings.public_url.startswith("https://")
    assert settings.smtp is not None and settings.smtp.starttls


def test_nginx_passes_the_client_to_the_address_the_unit_serves() -> None:
    conf = (DEPLOY / "nginx-tweestap.conf").read_text()
    assert "proxy_pass http://127.0.0.1:8765;" in conf
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "client_max_body_size 64k;" in conf
    assert Settings.from_env({}).max_body_bytes == 64 * 1024


def test_the_backup_script_backs_up_and_removes_old_backups(tmp_path: Path) -> None:
    org = Org(tmp_path / "home")
    org.add("anna")
    backups = tmp_path / "backups"
    backups.mkdir()
    old = backups / "tweestap-20200101T023000Z.backup"
    old.write_bytes(b"old")
    month_ago = time.time() - 30 * 86400
    os.utime(old, (month_ago, month_ago))
    recent = backups / "tweestap-20250301T023000Z.backup"
    recent.write_bytes(b"recent")
    unrelated = backups / "notes.txt"
    unrelated.write_text("kept")
    os.utime(unrelated, (month_ago, month_ago))
    done = subprocess.run(
        [str(DEPLOY / "tweestap-backup")],
        env={
            **os.environ,
            "TWEESTAP_SERVER_HOME": str(org.home),
            "TWEESTAP_SERVER_BIN": str(VENV_BIN),
            "TWEESTAP_BACKUP_DIR": str(backups),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    made = sorted(path.name for path in backups.glob("tweestap-*.backup"))
    assert old.name not in made and recent.name in made and len(made) == 2
    (new,) = [name for name in made if name != recent.name]
    assert re.fullmatch(r"tweestap-\d{8}T\d{6}Z\.backup", new)
    assert (backups / new).read_bytes().startswith(b"SQLite format 3")
    assert (backups / new).stat().st_mode & 0o777 == 0o600
    assert unrelated.exists()


@pytest.mark.parametrize(
    ("trusted", "forwarded", "client"),
    [
        ("127.0.0.1,::1", ["203.0.113.7"], "203.0.113.7"),  # nginx's $remote_addr
        ("127.0.0.1,::1", ["198.51.100.1, 203.0.113.7"], "203.0.113.7"),  # appended to a lie
        ("", ["203.0.113.7"], "127.0.0.1"),  # no trusted proxy: the header means nothing
    ],
)
def test_the_client_address_behind_nginx_is_the_one_in_the_logs(
    serve: Callable[..., Served],
    tmp_path: Path,
    trusted: str,
    forwarded: list[str],
    client: str,
) -> None:
    served = serve(
        tmp_path / "home",
        "--log-format",
        "json",
        TWEESTAP_SERVER_TRUSTED_PROXIES=trusted,
    )
    headers = [("X-Forwarded-For", value) for value in forwarded]
    assert httpx.get(f"{served.url}/api/ready", headers=headers).status_code == 200
    served.stop()
    entries = [json.loads(line) for line in served.output().splitlines()]
    (access,) = [e for e in entries if e.get("path") == "/api/ready"]
    assert access["client"] == client
