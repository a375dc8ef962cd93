"""The house rules a review would otherwise have to remember: no source file passes 500
lines, and no comment or docstring cites an issue number (it says why instead). The layering
rules are import-linter's contracts (pyproject.toml, run by ``make lint``)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from tests.paths import ROOT

MAX_LINES = 500
SOURCE_FOLDERS = ("desktop", "server_stub", "tests", "scripts", "bench")
SKIPPED = ("tests/data/",)
ISSUE_NUMBER = re.compile(r"\bissues? #?\d+\b(?!-)|\(#\d+\)", re.IGNORECASE)


def python_files() -> list[Path]:
    found = [
        path
        for folder in SOURCE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "__pycache__" not in path.parts and not str(path.relative_to(ROOT)).startswith(SKIPPED)
    ]
    assert len(found) > 300  # the walk found the tree, not an empty folder
    return found


def test_no_source_file_passes_500_lines() -> None:
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in python_files()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


STATEMENT_STARTS = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT)


def comments_and_docstrings(source: str) -> list[tuple[int, str]]:
    """``(line, text)`` of every comment and every string that stands alone (a docstring)."""
    found: list[tuple[int, str]] = []
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        standalone_string = token.type == tokenize.STRING and previous in STATEMENT_STARTS
        if token.type == tokenize.COMMENT or standalone_string:
            found.append((token.start[0], token.string))
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type
    return found


def test_comments_and_docstrings_say_why_not_which_issue() -> None:
    citing = [
        f"{path.relative_to(ROOT)}:{line}: {text.strip()[:80]}"
        for path in python_files()
        if path.name != "test_house_rules.py"
        for line, text in comments_and_docstrings(path.read_text(encoding="utf-8"))
        if ISSUE_NUMBER.search(text)
    ]
    assert citing == []


def test_the_issue_pattern_finds_what_it_should() -> None:
    assert comments_and_docstrings('"""Added for issue 8."""\nx = 1  # see issue #5\n') == [
        (1, '"""Added for issue 8."""'),
        (2, "# see issue #5"),
    ]
    assert ISSUE_NUMBER.search("issue 8") and ISSUE_NUMBER.search("(#12)")
    assert not ISSUE_NUMBER.search("real sites issue 80-bit keys")
