"""Where ``bench/server_load.py`` gets its PostgreSQL databases (a private cluster, or scratch
databases beside a given URL) and how it reads the CPU of a process tree (``serve`` and its
workers, the cluster and its backends)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from cpu_time import process_cpu_seconds


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (``serve`` and its workers)."""
    found = [pid]
    for current in found:
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                found += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def tree_cpu_seconds(pids: Sequence[int]) -> float | None:
    """CPU of the processes of ``pids`` (the tree is read at each call: workers and
    PostgreSQL's backends come and go)."""
    if not pids:
        return None
    seconds = [process_cpu_seconds(pid) for root in pids for pid in process_tree(root)]
    known = [value for value in seconds if value is not None]
    return sum(known) if known else None


class PostgreSQL:
    """Where the PostgreSQL configurations get a fresh database each: a private cluster
    (``--db private``) or scratch databases beside a given URL."""

    def __init__(self, where: str, stack: ExitStack) -> None:
        self.cluster: Any = None
        self.base_url = where
        self.made: list[str] = []
        if where == "private":
            from tests.server.postgres.cluster import Cluster  # the tests' private cluster

            self.cluster = Cluster()
            stack.callback(self.cluster.stop)
            self.cluster.start()
        stack.callback(self.drop_all)

    def new(self) -> str:
        if self.cluster is not None:
            url: str = self.cluster.new()
            self.made.append(url)
            return url
        from sqlalchemy import create_engine, make_url, text

        base = make_url(self.base_url)
        name = f"tweestap_bench_{os.getpid()}_{len(self.made) + 1}"
        engine = create_engine(base, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        url = base.set(database=name).render_as_string(hide_password=False)
        self.made.append(url)
        return url

    def drop_all(self) -> None:
        for url in self.made:
            if self.cluster is not None:
                self.cluster.drop(url)
                continue
            from sqlalchemy import create_engine, make_url, text

            name = make_url(url).database
            engine = create_engine(make_url(self.base_url), isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            engine.dispose()
        self.made.clear()

    def pids(self) -> list[int]:
        """The cluster's postmaster (its backends are its children); none for a given URL."""
        if self.cluster is None:
            return []
        return [int((self.cluster.data / "postmaster.pid").read_text().split()[0])]
