"""Where the tests find the project and its own copy of the interop corpus.

Everything a test reads lives inside the clone: ``tests/data/interop`` is the corpus of
other authenticators' real export files (see its README for where each file comes from).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTEROP = ROOT / "tests" / "data" / "interop"
