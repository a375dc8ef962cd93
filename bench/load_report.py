"""What ``bench/server_load.py`` measured, and how it prints it: one timed phase (:class:`Run`),
one database with one number of workers (:class:`Configuration`), the table per configuration
and the databases side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argon2_cost import HashCost

from server_stub.settings import Argon2Params

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
GOAL_RATE = 250.0
GOAL_P99_MS = 100.0
GOAL_LOGIN_SHARE = 0.80
PRIVACYIDEA_RATE = 25.0


@dataclass
class Run:
    """One timed phase at one concurrency."""

    kind: str
    concurrency: int
    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    client_cpu: float = 0.0  # cores
    server_cpu: float | None = None  # cores
    db_cpu: float | None = None  # cores used by the PostgreSQL cluster (private cluster only)
    other_cpu: float | None = None  # cores used by every other process on the machine
    first_error: str | None = None

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Nearest-rank percentile of the latencies (ms)."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
        return ordered[rank - 1]


@dataclass
class Configuration:
    """One database with one number of workers, and what it measured."""

    database: str  # SQLITE or POSTGRESQL
    workers: int
    verify: dict[int, list[Run]] = field(default_factory=dict)
    logins: list[Run] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.database}, {self.workers} worker{'s' if self.workers > 1 else ''}"


# -- the report ----------------------------------------------------------------------------


def best_of(runs: Sequence[Run]) -> tuple[Run, float]:
    """The run with the highest rate, and the spread of rates (max - min) / max."""
    best = max(runs, key=lambda run: run.rate)
    rates = [run.rate for run in runs]
    spread = (max(rates) - min(rates)) / max(rates) if max(rates) else 0.0
    return best, spread


def _cores(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def print_table(verify: dict[int, list[Run]], logins: list[Run], cost: HashCost | None) -> None:
    print()
    print(
        f"{'phase':<8} {'conc':>4} {'ok':>6} {'err':>4} {'rate/s':>8} {'spread':>6} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'client':>6} {'server':>6} {'db':>6} "
        f"{'other':>6}"
    )
    rows = [("verify", runs) for _, runs in sorted(verify.items())]
    if logins:
        rows.append(("login", logins))
    for kind, runs in rows:
        best, spread = best_of(runs)
        print(
            f"{kind:<8} {best.concurrency:>4} {best.ok:>6} {best.errors:>4} {best.rate:>8.1f} "
            f"{spread:>6.0%} {best.percentile(0.5):>7.1f} {best.percentile(0.99):>7.1f} "
            f"{max(best.latencies_ms, default=float('nan')):>7.1f} "
            f"{_cores(best.client_cpu):>6} {_cores(best.server_cpu):>6} "
            f"{_cores(best.db_cpu):>6} {_cores(best.other_cpu):>6}"
        )
    print("(best of the runs by rate; spread = (max - min) / max of the rates; client, server,")
    print(" db, other = CPU used during the timed phase, in cores, by the load generator, the")
    print(" server and its workers, the PostgreSQL cluster and every other process on the")
    print(" machine; 'login' = password + code)")
    print()
    if cost is not None:
        print(
            f"argon2id {cost_params()}: one verification {cost.one_core_ms:.0f} ms on one core, "
            f"{cost.all_cores_ms:.0f} ms with {cost.cores} cores; {cost.parallel_rate:.1f}/s "
            f"with {cost.cores} threads -> limit {cost.cores} / {cost.one_core_ms:.0f} ms "
            f"= {cost.limit:.1f} logins/s"
        )
    if 32 in verify:
        best, _ = best_of(verify[32])
        met = best.rate >= GOAL_RATE and best.percentile(0.99) < GOAL_P99_MS
        print(
            f"goal 1: >= {GOAL_RATE:.0f} verifications/s, p99 < {GOAL_P99_MS:.0f} ms at "
            f"concurrency 32: {best.rate:.0f}/s ({best.rate / PRIVACYIDEA_RATE:.0f}x "
            f"privacyIDEA's ~25/s), p99 {best.percentile(0.99):.0f} ms: "
            f"{'met' if met else 'MISSED'}"
        )
    if logins and cost is not None:
        best, _ = best_of(logins)
        share = best.rate / cost.limit
        print(
            f"goal 2: full logins >= {GOAL_LOGIN_SHARE:.0%} of the argon2 limit: "
            f"{best.rate:.1f}/s = {share:.0%} of {cost.limit:.1f}/s: "
            f"{'met' if share >= GOAL_LOGIN_SHARE else 'MISSED'} "
            f"({best.rate / cost.parallel_rate:.0%} of the {cost.parallel_rate:.1f}/s "
            f"argon2 alone managed with {cost.cores} threads)"
        )


def cost_params() -> str:
    params = Argon2Params()
    return f"(m={params.memory_cost // 1024} MiB, t={params.time_cost}, p={params.parallelism})"


def print_side_by_side(configs: Sequence[Configuration]) -> None:
    """Verification rates (best run) per workers and concurrency: SQLite, PostgreSQL, and
    PostgreSQL's share of SQLite's."""
    by_key = {(c.database, c.workers): c for c in configs}
    workers = sorted({c.workers for c in configs})
    concurrencies = sorted({n for c in configs for n in c.verify})
    print()
    print(f"{'workers':>7} {'conc':>4} {'sqlite/s':>9} {'postgresql/s':>13} {'pg/sqlite':>9}")
    for count in workers:
        for concurrency in concurrencies:
            rates = {}
            for database in (SQLITE, POSTGRESQL):
                config = by_key.get((database, count))
                if config is not None and config.verify.get(concurrency):
                    rates[database] = best_of(config.verify[concurrency])[0].rate
            sqlite, postgresql = rates.get(SQLITE), rates.get(POSTGRESQL)
            share = f"{postgresql / sqlite:9.2f}" if sqlite and postgresql else f"{'-':>9}"
            print(
                f"{count:>7} {concurrency:>4} "
                f"{f'{sqlite:.0f}' if sqlite else '-':>9} "
                f"{f'{postgresql:.0f}' if postgresql else '-':>13} {share}"
            )
    print("(verifications per second, best run; pg/sqlite: PostgreSQL's share of SQLite's)")
