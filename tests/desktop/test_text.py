"""Control characters: taken out of what is stored, escaped in what is printed."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.otp.model import Account
from desktop.text import clean_line, has_controls, json_safe, visible

CONTROLS = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_character_is_found_dropped_and_shown_escaped(char: str) -> None:
    assert has_controls(f"a{char}b")
    assert not has_controls(clean_line(f"a{char}b"))
    assert char not in visible(f"a{char}b")
    assert visible(f"a{char}b").isprintable()


def test_line_breaks_and_tabs_become_one_space_the_rest_is_dropped() -> None:
    assert clean_line("Evil\r\n\tFake\x1b[31m\x00 name") == "Evil Fake[31m name"


def test_joiners_marks_and_ordinary_text_are_kept() -> None:
    text = "Z\u00fcrich \u0645\u0631\u062d\u0628\u0627 \u200f \U0001f469\u200d\U0001f4bb \u00e9"
    assert clean_line(text) == text
    assert visible(text) == text


def test_visible_tells_what_was_there() -> None:
    assert visible("a\x1b[31m\nb\tc\u202e\udcff") == "a\\x1b[31m\\nb\\tc\\u202e\\udcff"


@given(st.text())
def test_json_safe_keeps_the_value_and_leaves_no_control_character(value: str) -> None:
    document = json_safe(json.dumps({"v": value}, ensure_ascii=False, indent=2))
    assert json.loads(document) == {"v": value}
    assert not has_controls(document.replace("\n", ""))


@given(st.text(), st.text(min_size=1).filter(lambda t: clean_line(t).strip()))
def test_no_account_ever_holds_a_control_character(issuer: str, name: str) -> None:
    account = Account(
        issuer=issuer.encode("utf-8", "replace").decode(),
        name=name.encode("utf-8", "replace").decode(),
        secret=b"k" * 10,
    )
    assert not has_controls(account.issuer) and not has_controls(account.name)
    assert account.issuer == account.issuer.strip()
