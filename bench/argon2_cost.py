"""What one argon2id password check costs on this machine, on one core and on all of them:
the ceiling that ``bench/server_load.py`` measures the server's full logins against."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from server_stub.security.passwords import make_hasher
from server_stub.settings import Argon2Params

SAMPLE_PASSWORD = "bench password 5"  # noqa: S105 - a throw-away password to hash


@dataclass(frozen=True)
class HashCost:
    cores: int
    one_core_ms: float  # one verification, this process pinned to one core
    all_cores_ms: float  # one verification, all cores allowed (p lanes in threads)
    parallel_rate: float  # verifications/s with one thread per core, all cores

    @property
    def limit(self) -> float:
        return self.cores / (self.one_core_ms / 1000)


def measure_hash(params: Argon2Params, runs: int, seconds: float) -> HashCost:
    hasher = make_hasher(params)
    stored = hasher.hash(SAMPLE_PASSWORD)
    cores = sorted(os.sched_getaffinity(0))

    def timed(count: int) -> float:
        best = float("inf")
        for _ in range(count):
            started = time.perf_counter()
            hasher.verify(stored, SAMPLE_PASSWORD)
            best = min(best, time.perf_counter() - started)
        return best * 1000

    try:
        os.sched_setaffinity(0, {cores[0]})
        one_core = timed(runs)
    finally:
        os.sched_setaffinity(0, set(cores))
    all_cores = timed(runs)

    done = [0] * len(cores)
    deadline = time.perf_counter() + seconds

    def loop(slot: int) -> None:
        while time.perf_counter() < deadline:
            hasher.verify(stored, SAMPLE_PASSWORD)
            done[slot] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=loop, args=(slot,)) for slot in range(len(cores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rate = sum(done) / (time.perf_counter() - started)
    return HashCost(len(cores), one_core, all_cores, rate)
