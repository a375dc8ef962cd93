"""The page's word list (Dutch and English) and the choice of language."""

from __future__ import annotations

import re

import pytest

from server_stub.web.i18n import (
    CATALOGUE,
    LANGS,
    Translator,
    choose_language,
    from_accept_language,
    placeholders,
)
from server_stub.web.request_context import TEMPLATES_DIR


def test_both_languages_have_exactly_the_same_keys() -> None:
    assert set(CATALOGUE["nl"]) == set(CATALOGUE["en"])
    assert set(CATALOGUE) == set(LANGS) == {"nl", "en"}


@pytest.mark.parametrize("key", sorted(CATALOGUE["en"]))
def test_every_key_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert placeholders(CATALOGUE["nl"][key]) == placeholders(CATALOGUE["en"][key])
    for lang in LANGS:
        assert CATALOGUE[lang][key].strip(), (lang, key)


def test_every_key_the_templates_use_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for template in TEMPLATES_DIR.rglob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']\s*[,)]""", template.read_text()))
    assert used, "the templates call t(...)"
    assert used - set(CATALOGUE["en"]) == set()


def test_the_keys_built_from_codes_exist() -> None:
    # The language switch (lang_<code>) and the services' error codes (error_<code>).
    built = {f"lang_{lang}" for lang in LANGS} | {
        f"error_{code}"
        for code in ("invalid_credentials", "blocked", "ip_not_allowed", "no_email_address")
    }
    assert built <= set(CATALOGUE["en"])


def test_the_dutch_words_are_the_seeds() -> None:
    nl = Translator("nl")
    assert nl("twofa") == "Tweestapsverificatie"
    assert nl("code_title") == "Voer de code in"
    assert nl("error_invalid_code") == "Onjuiste code."
    assert nl("login_title") == nl("login_button") == "Inloggen"
    assert nl("setup_key") == "Instelsleutel"
    assert nl("done_title") == "Je bent ingelogd"
    assert Translator("en")("done_title") == "You are logged in"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "nl"),
        ("nl", "nl"),
        ("nl-BE", "nl"),
        ("NL-nl", "nl"),
        ("en-GB,en;q=0.9,nl;q=0.8", "en"),
        ("en-US,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,nl;q=0.5", "nl"),  # Dutch is preferred to English (absent)
        ("de-DE,de;q=0.9,en;q=0.5,nl;q=0.4", "en"),
        ("nl;q=0.5, en;q=0.5", "nl"),  # equal weights: the first listed wins
        ("en;q=0.5, nl;q=0.5", "en"),
        ("en;q=0.2, nl-NL;q=0.1, nl;q=0.9", "nl"),  # a language's best tag counts
        ("nl;q=0", "en"),  # q=0 means "not acceptable"
        ("nl;q=abc", "en"),
        ("*", "en"),
        ("fr-FR", "en"),
        ("", "en"),
        (None, "en"),
        ("  ,;,nl;;q=1", "nl"),
    ],
)
def test_accept_language_gives_dutch_only_when_dutch_is_preferred(
    header: str | None, expected: str
) -> None:
    assert from_accept_language(header) == expected


def test_the_query_wins_over_the_cookie_which_wins_over_the_header() -> None:
    assert choose_language("en", "nl", "nl") == "en"
    assert choose_language(None, "en", "nl") == "en"
    assert choose_language(None, None, "nl") == "nl"
    assert choose_language("xx", "also-bad", "nl-NL") == "nl"


@pytest.mark.parametrize(
    ("seconds", "nl", "en"),
    [
        (1, "1 seconde", "1 second"),
        (30, "30 seconden", "30 seconds"),
        (59, "59 seconden", "59 seconds"),
        (60, "1 minuut", "1 minute"),
        (61, "2 minuten", "2 minutes"),
        (1800, "30 minuten", "30 minutes"),
    ],
)
def test_waiting_times_read_naturally_and_round_minutes_up(seconds: int, nl: str, en: str) -> None:
    assert Translator("nl").wait(seconds) == nl
    assert Translator("en").wait(seconds) == en
