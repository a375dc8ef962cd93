"""A clone carries everything its checks read: nothing in the repository points at a folder
beside it (the interop corpus once lived in one; it is in ``tests/data`` now)."""

from __future__ import annotations

from pathlib import Path

from tests.paths import INTEROP, ROOT

SKIPPED = {".git", ".venv", ".mypy_cache", ".ruff_cache", ".hypothesis", "build", "dist"}
TEXT_SUFFIXES = {".py", ".sh", ".toml", ".spec", ".cfg", ".ini", ".yml", ".yaml", ".md", ".txt"}
# Spelt in pieces, so that this file does not name them itself.
OUTSIDE = ["..".join(["", "/shared"]), "/work" + "/shared"]


def repository_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIPPED or relative.parts[0].endswith(".egg-info"):
            continue
        if "__pycache__" in relative.parts or not path.is_file():
            continue
        named = path.name in {"Makefile", "run"} or path.suffix in TEXT_SUFFIXES
        if named and not path.is_relative_to(INTEROP / "imports"):
            found.append(path)
    return found


def test_no_file_reads_a_folder_beside_the_clone() -> None:
    files = repository_files()
    names = {str(path.relative_to(ROOT)) for path in files}
    assert {"Makefile", ".ci/run", "tests/paths.py", "bench/server_load.py"} <= names
    offenders = [
        str(path.relative_to(ROOT))
        for path in files
        if any(place in path.read_text(encoding="utf-8", errors="replace") for place in OUTSIDE)
    ]
    assert offenders == []


def test_the_interop_corpus_is_inside_the_clone() -> None:
    assert INTEROP.is_relative_to(ROOT)
    assert (INTEROP / "imports" / "manifest.json").is_file()
    assert (INTEROP / "google-migration" / "manifest.json").is_file()
