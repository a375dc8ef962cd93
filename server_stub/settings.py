"""The server's settings, declared once with their defaults, ranges and environment names.

Production defaults are the strong ones (argon2id at RFC 9106's low-memory profile, short
code lifetimes); tests pass weaker argon2 parameters explicitly. Settings that would make the
server unsafe (short e-mail codes, long-lived codes) are refused at construction.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs

ENV_HOME = "TWEESTAP_SERVER_HOME"
ENV_DB = "TWEESTAP_SERVER_DB"
ENV_KEY_FILE = "TWEESTAP_SERVER_KEY_FILE"
ENV_OUTBOX = "TWEESTAP_SERVER_OUTBOX"
ENV_PUBLIC_URL = "TWEESTAP_SERVER_PUBLIC_URL"
ENV_TRUSTED_PROXIES = "TWEESTAP_SERVER_TRUSTED_PROXIES"
ENV_MAIL_FROM = "TWEESTAP_SERVER_MAIL_FROM"
ENV_SMTP_HOST = "TWEESTAP_SERVER_SMTP_HOST"
ENV_SMTP_PORT = "TWEESTAP_SERVER_SMTP_PORT"
ENV_SMTP_USER = "TWEESTAP_SERVER_SMTP_USER"
ENV_SMTP_PASSWORD = "TWEESTAP_SERVER_SMTP_PASSWORD"  # noqa: S105 - a variable name
ENV_SMTP_STARTTLS = "TWEESTAP_SERVER_SMTP_STARTTLS"
ENV_WORKERS = "TWEESTAP_SERVER_WORKERS"  # set by ``serve --workers N`` for its workers
ENV_METRICS_PORT = "TWEESTAP_SERVER_METRICS_PORT"
ENV_METRICS_HOST = "TWEESTAP_SERVER_METRICS_HOST"
ENV_LOG_FORMAT = "TWEESTAP_SERVER_LOG_FORMAT"
ENV_ACCESS_LOG = "TWEESTAP_SERVER_ACCESS_LOG"
LOG_FORMATS = ("text", "json")


class SettingsError(ValueError):
    """A setting has a value the server refuses to run with."""


@dataclass(frozen=True)
class Argon2Params:
    """argon2id cost. The default is RFC 9106's second recommended option (64 MiB, t=3, p=4)."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 4

    @classmethod
    def for_tests(cls) -> Argon2Params:
        """Cheap parameters for test suites: the same code path, a fraction of the cost."""
        return cls(time_cost=1, memory_cost=64, parallelism=1)


@dataclass(frozen=True)
class ThrottleParams:
    """Second-factor throttle: ``free_failures`` wrong codes cost nothing; every further
    wrong code makes the next attempt wait ``base_delay * 2**(n - free_failures)``, capped at
    ``max_delay`` (docs/server.md works out the guesses per day)."""

    free_failures: int = 5
    base_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(minutes=30)


@dataclass(frozen=True)
class PasswordThrottleParams:
    """Wrong passwords, counted per account name (known or not: the answers must not tell) and
    per client address (an IPv6 client by its /64), each with the code throttle's arithmetic.
    A count is forgotten ``forget_after`` its last wrong password; a right password resets the
    name's count and does not add to the address's (docs/server.md works out the numbers)."""

    account: ThrottleParams = field(
        default_factory=lambda: ThrottleParams(5, timedelta(seconds=30), timedelta(minutes=30))
    )
    address: ThrottleParams = field(
        default_factory=lambda: ThrottleParams(20, timedelta(seconds=1), timedelta(minutes=15))
    )
    forget_after: timedelta = timedelta(hours=24)


@dataclass(frozen=True)
class HashLimits:
    """argon2 runs at once (each takes 64 MiB and most of a core): ``slots`` compute, ``queue``
    more wait at most ``wait``; any further one is answered 503 at once. 0 slots: one per CPU
    core this process may use; 0 queue: four per slot."""

    slots: int = 0
    queue: int = 0
    wait: timedelta = timedelta(seconds=5)
    # Server processes on this machine that share its cores (``serve --workers N``): each
    # gets its share of the slots, so N workers together still hash one password per core.
    processes: int = 1
    # Hash threads run at this nice value (Linux: per thread, and argon2's own lane threads
    # inherit it), so that the event loop, health checks and code checks come first.
    niceness: int = 5

    def slot_count(self) -> int:
        if self.slots:
            return self.slots
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not Linux
            cores = os.cpu_count() or 1
        return max(1, cores // max(1, self.processes))

    def queue_length(self) -> int:
        return self.queue or 4 * self.slot_count()


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = True


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("tweestap-server", appauthor=False))


@dataclass(frozen=True)
class Settings:
    home: Path
    db_url: str
    key_file: Path
    outbox_dir: Path
    issuer: str = "Tweestap"
    public_url: str = "http://127.0.0.1:8765"
    mail_from: str = "tweestap@localhost"
    smtp: SmtpSettings | None = None
    argon2: Argon2Params = field(default_factory=Argon2Params)
    throttle: ThrottleParams = field(default_factory=ThrottleParams)
    password_throttle: PasswordThrottleParams = field(default_factory=PasswordThrottleParams)
    hash_limits: HashLimits = field(default_factory=HashLimits)
    # Lifetimes.
    pending_enrollment_ttl: timedelta = timedelta(minutes=15)
    login_step_ttl: timedelta = timedelta(minutes=15)
    session_ttl: timedelta = timedelta(hours=8)
    email_code_ttl: timedelta = timedelta(minutes=10)
    email_code_digits: int = 8
    email_resend_interval: timedelta = timedelta(seconds=30)
    email_codes_per_hour: int = 5
    activation_ttl: timedelta = timedelta(hours=72)
    # Expired rows are deleted at start and then every purge_interval (services/purge.py).
    purge_interval: timedelta = timedelta(minutes=10)
    # Client addresses: X-Forwarded-For is read only from these proxies (CIDR strings).
    trusted_proxies: tuple[str, ...] = ()
    # No request waits longer than this for the database's write lock (then 503 + Retry-After).
    db_busy_timeout: timedelta = timedelta(seconds=3)
    # Request bodies above this are answered 413 as soon as they are seen to be larger (the
    # biggest real one, a user with 100 IP ranges, is about 5 KiB).
    max_body_bytes: int = 64 * 1024
    # Operations (server_stub/ops): Prometheus metrics on their own listener, off unless a
    # port is given; log lines as text or JSON; one access log line per request, or none.
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    log_format: str = "text"
    access_log: bool = True

    def __post_init__(self) -> None:
        if not 6 <= self.email_code_digits <= 10:
            raise SettingsError("e-mail codes need 6 to 10 digits")
        if not timedelta(0) < self.email_code_ttl <= timedelta(minutes=10):
            raise SettingsError("e-mail codes may live at most 10 minutes")
        if self.email_codes_per_hour < 1:
            raise SettingsError("email_codes_per_hour must be at least 1")
        if self.throttle.free_failures < 1 or self.throttle.base_delay <= timedelta(0):
            raise SettingsError("the throttle needs at least one free failure and a delay")
        if not 1024 <= self.max_body_bytes <= 16 * 1024 * 1024:
            raise SettingsError("max_body_bytes must lie between 1 KiB and 16 MiB")
        for params in (self.password_throttle.account, self.password_throttle.address):
            if params.free_failures < 1 or params.base_delay <= timedelta(0):
                raise SettingsError("the password throttle needs a free failure and a delay")
        if (
            self.hash_limits.slots < 0
            or self.hash_limits.queue < 0
            or self.hash_limits.processes < 1
        ):
            raise SettingsError("hash_limits: slots, queue >= 0 and processes >= 1")
        if not timedelta(milliseconds=100) <= self.db_busy_timeout <= timedelta(seconds=60):
            raise SettingsError("db_busy_timeout must lie between 0.1 and 60 seconds")
        if self.purge_interval <= timedelta(0):
            raise SettingsError("purge_interval must be positive")
        if self.metrics_port is not None and not 0 <= self.metrics_port <= 65535:
            raise SettingsError("metrics_port must lie between 0 and 65535")
        if self.log_format not in LOG_FORMATS:
            raise SettingsError(f"log_format must be one of {', '.join(LOG_FORMATS)}")
        for proxy in self.trusted_proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError as error:
                raise SettingsError(f"trusted proxy {proxy!r}: {error}") from None

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        db_url: str | None = None,
        home: Path | None = None,
        **overrides: object,
    ) -> Settings:
        """Settings from ``TWEESTAP_SERVER_*`` variables; explicit arguments win."""
        env = os.environ if env is None else env
        home = home or Path(env.get(ENV_HOME) or default_home())
        url = db_url or env.get(ENV_DB) or f"sqlite:///{home / 'server.db'}"
        smtp = None
        if env.get(ENV_SMTP_HOST):
            smtp = SmtpSettings(
                host=env[ENV_SMTP_HOST],
                port=int(env.get(ENV_SMTP_PORT, "587")),
                username=env.get(ENV_SMTP_USER) or None,
                password=env.get(ENV_SMTP_PASSWORD) or None,
                starttls=env.get(ENV_SMTP_STARTTLS, "1").lower() not in {"0", "false", "no"},
            )
        proxies = tuple(p.strip() for p in env.get(ENV_TRUSTED_PROXIES, "").split(",") if p.strip())
        metrics_port = env.get(ENV_METRICS_PORT, "").strip()
        if metrics_port and not metrics_port.isdigit():
            raise SettingsError(f"{ENV_METRICS_PORT} must be a port number, not {metrics_port!r}")
        values: dict[str, object] = {
            "home": home,
            "db_url": url,
            "key_file": Path(env.get(ENV_KEY_FILE) or home / "secret.key"),
            "outbox_dir": Path(env.get(ENV_OUTBOX) or home / "outbox"),
            "public_url": env.get(ENV_PUBLIC_URL, "http://127.0.0.1:8765"),
            "mail_from": env.get(ENV_MAIL_FROM, "tweestap@localhost"),
            "smtp": smtp,
            "trusted_proxies": proxies,
            "metrics_port": int(metrics_port) if metrics_port else None,
            "metrics_host": env.get(ENV_METRICS_HOST) or "127.0.0.1",
            "log_format": (env.get(ENV_LOG_FORMAT) or "text").strip().lower(),
            "access_log": env.get(ENV_ACCESS_LOG, "1").strip().lower()
            not in {"0", "false", "no", "off"},
        }
        workers = env.get(ENV_WORKERS, "").strip()
        if workers:
            if not workers.isdigit() or int(workers) < 1:
                raise SettingsError(f"{ENV_WORKERS} must be a number of processes, not {workers!r}")
            values["hash_limits"] = HashLimits(processes=int(workers))
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
