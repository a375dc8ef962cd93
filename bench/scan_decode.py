"""How well and how fast Tweestap reads QR codes, against zxing-cpp alone (not a test).

Runs every decoder variant on the synthetic set of ``bench/qr_corpus.py`` (435 pictures,
generated from a seed, nothing stored) on one CPU core, and prints per category and in
total:

* the decode rate: codes read / codes in the pictures;
* wrong decodes: texts returned that are not in the picture (on negatives: false ones);
* the median time per picture, and per 1920x1080 screenshot.

Variants: ``zxing plain`` (zxing-cpp's ``read_barcodes`` with its defaults, QR only: the
best single decoder measured: docs/scanning.md), ``no invert`` (the same without zxing's inverted
pass), then Tweestap's :func:`desktop.scan.decode.find_qr_codes` with no fallback, with
each fallback alone (``+ X``), with all three, and with the default ones (``ours``, what
the app uses: regions and upscale; with only two, ``+ regions`` is ``ours`` less upscale and
vice versa). The whole-picture sharpen pass reads nothing on top of the two others (``all
three`` = ``ours``) and costs time on pictures without a code, so it is off. Goal:
``ours`` >= 97 % with no wrong decode and a median <= 10 ms per 1080p screenshot.

Usage::

    .venv/bin/python bench/scan_decode.py [--seed 4] [--repeat 3] [--only CATEGORY]
        [--misses] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

# Run as a script (``bench/`` is not a package): its folder is on the path already, the
# project's root is added for ``desktop``.
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np
import zxingcpp
from qr_corpus import CATEGORIES, Image, Sample, samples

from desktop.scan.decode import DEFAULT_STAGES, Stage, find_qr_codes, qr_formats

Decoder = Callable[[Image], set[str]]


def zxing_plain(image: Image) -> set[str]:
    return {b.text for b in zxingcpp.read_barcodes(image, formats=qr_formats())}


def zxing_no_invert(image: Image) -> set[str]:
    found = zxingcpp.read_barcodes(image, formats=qr_formats(), try_invert=False)
    return {b.text for b in found}


def ours(*stages: Stage) -> Decoder:
    def decode(image: Image) -> set[str]:
        return {code.text for code in find_qr_codes(image, stages=frozenset(stages))}

    return decode


VARIANTS: dict[str, Decoder] = {
    "zxing plain": zxing_plain,
    "no invert": zxing_no_invert,
    "ours, no fallback": ours(),
    "+ regions": ours(Stage.REGIONS),
    "+ sharpen": ours(Stage.SHARPEN),
    "+ upscale": ours(Stage.UPSCALE),
    "all three": ours(*Stage),
    "ours": ours(*DEFAULT_STAGES),
}


@dataclass
class Tally:
    expected: int = 0
    read: int = 0
    wrong: int = 0
    ms: list[float] = field(default_factory=list)
    ms_1080p: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, sample: Sample, texts: set[str], ms: float) -> None:
        expected = set(sample.expected)
        self.expected += len(expected)
        self.read += len(expected & texts)
        self.wrong += len(texts - expected)
        self.ms.append(ms)
        if sample.is_1080p:
            self.ms_1080p.append(ms)
        if expected - texts or texts - expected:
            self.misses.append(sample.name)

    def merge(self, other: Tally) -> None:
        self.expected += other.expected
        self.read += other.read
        self.wrong += other.wrong
        self.ms += other.ms
        self.ms_1080p += other.ms_1080p
        self.misses += other.misses

    @property
    def rate(self) -> float:
        return 100.0 * self.read / self.expected if self.expected else 100.0

    def summary(self) -> dict[str, object]:
        return {
            "read": self.read,
            "expected": self.expected,
            "rate_percent": round(self.rate, 1),
            "wrong": self.wrong,
            "median_ms": round(_median(self.ms), 2),
            "median_ms_1080p": round(_median(self.ms_1080p), 2),
            "pictures": len(self.ms),
        }


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def one_core() -> str:
    """Pin this process to one CPU and keep OpenCV single-threaded."""
    cv2.setNumThreads(1)
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"CPU {cpu}"
    return "OpenCV single-threaded (no CPU pinning on this system)"


def timed(decoder: Decoder, image: Image, repeat: int) -> tuple[set[str], float]:
    times = []
    texts: set[str] = set()
    for _ in range(repeat):
        start = time.perf_counter()
        texts = decoder(image)
        times.append((time.perf_counter() - start) * 1000)
    return texts, statistics.median(times)


def run(seed: int, repeat: int, only: str | None) -> dict[str, dict[str, Tally]]:
    tallies = {name: {c: Tally() for c in CATEGORIES if only in (None, c)} for name in VARIANTS}
    for sample in samples(seed, only):
        image = np.ascontiguousarray(sample.image)
        for name, decoder in VARIANTS.items():
            texts, ms = timed(decoder, image, repeat)
            tallies[name][sample.category].add(sample, texts, ms)
    return tallies


def report(tallies: dict[str, dict[str, Tally]], *, misses: bool) -> dict[str, object]:
    names = list(tallies)
    categories = list(next(iter(tallies.values())))
    width = max(len(n) for n in names)
    print("decode rate per category (read/expected, wrong decodes, median ms per picture)")
    for category in categories:
        print(f"\n  {category}")
        for name in names:
            t = tallies[name][category]
            print(
                f"    {name:<{width}}  {t.read:3d}/{t.expected:3d} {t.rate:5.1f} %"
                f"  wrong {t.wrong}  {_median(t.ms):6.2f} ms"
            )
    totals: dict[str, Tally] = {}
    for name in names:
        total = Tally()
        for t in tallies[name].values():
            total.merge(t)
        totals[name] = total
    print("\ntotal")
    print(
        f"  {'variant':<{width}}  {'read':>9}  {'rate':>7}  {'wrong':>5}"
        f"  {'median ms':>9}  {'1080p ms':>8}"
    )
    for name, t in totals.items():
        print(
            f"  {name:<{width}}  {t.read:4d}/{t.expected:4d}  {t.rate:5.1f} %  {t.wrong:5d}"
            f"  {_median(t.ms):9.2f}  {_median(t.ms_1080p):8.2f}"
        )
    if misses:
        for name, t in totals.items():
            print(f"\nmissed or wrong by {name}: {' '.join(t.misses) or '-'}")
    return {
        "totals": {name: t.summary() for name, t in totals.items()},
        "categories": {
            name: {c: t.summary() for c, t in per.items()} for name, per in tallies.items()
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3, help="timings per picture (median)")
    parser.add_argument("--only", choices=list(CATEGORIES), help="one category")
    parser.add_argument("--misses", action="store_true", help="list the pictures missed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    where = one_core()
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("zxing-cpp", "opencv-python-headless", "numpy")
    )
    print(f"{versions}; {where}; seed {args.seed}, {args.repeat} timings each\n")
    figures = report(run(args.seed, args.repeat, args.only), misses=args.misses)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
