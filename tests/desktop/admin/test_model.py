"""What the admin panel checks before anything is sent: control characters never reach the
server from an e-mail field, an IP list or an audit filter."""

from __future__ import annotations

import pytest

from desktop.admin.errors import InvalidEmail, InvalidIpList
from desktop.admin.model import AuditFilter, check_email, parse_ip_list


@pytest.mark.parametrize(
    "typed",
    [
        "jan\x1b[31m@zorg.example",
        "jan@zorg.example\x00",
        "jan\x9b@zorg.example",
        "jan@\u202eelpmaxe.groz",
        "jan\u2028@zorg.example",
        "jan\x7f@zorg.example",
    ],
    ids=["escape", "nul", "c1_csi", "bidi_override", "line_separator", "delete"],
)
def test_an_e_mail_address_with_a_control_character_is_refused_and_quoted_escaped(
    typed: str,
) -> None:
    with pytest.raises(InvalidEmail) as refused:
        check_email(typed)
    sentence = refused.value.render()
    assert "is not an e-mail address" in sentence
    assert sentence.isprintable()


def test_a_plain_address_still_passes() -> None:
    assert check_email("  jan.de.vries@zorg.example ") == "jan.de.vries@zorg.example"


def test_an_ip_entry_with_a_control_character_is_refused_and_quoted_escaped() -> None:
    with pytest.raises(InvalidIpList) as refused:
        parse_ip_list("10.0.0.1, 10.0.0.\x1b[2J2")
    assert refused.value.render().isprintable()


def test_audit_filters_leave_control_characters_out_of_the_query() -> None:
    params = AuditFilter(actor="jan\x00", target="\x1b[31meva", action=" block\n").params()
    assert params == {"limit": "100", "actor": "jan", "target": "[31meva", "action": "block"}
