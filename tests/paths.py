"""Where the tests find the project and the shared interop corpus (beside the clone in CI)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTEROP = Path(os.environ.get("TWEESTAP_INTEROP", ROOT.parent / "shared" / "interop"))
