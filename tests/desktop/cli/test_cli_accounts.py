"""The account commands of DESIGN.md's CLI contract, run in-process with a fixed clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_SECRET, RFC_URI, Cli, listed


def test_add_uri_then_list_json_has_the_contract_shape(cli: Cli) -> None:
    code, out, _ = cli("add", RFC_URI)
    assert code == 0
    assert "Zilliz: anna@zorg.nl" in out
    [entry] = listed(cli)
    assert set(entry) == {"id", "issuer", "account", "type", "algorithm", "digits", "period"}
    assert entry["issuer"] == "Zilliz"
    assert entry["account"] == "anna@zorg.nl"
    assert (entry["type"], entry["algorithm"], entry["digits"], entry["period"]) == (
        "totp",
        "SHA1",
        8,
        30,
    )


def test_add_prints_the_current_code_and_the_pairing_hint(cli: Cli) -> None:
    code, out, _ = cli("add", RFC_URI, at=59)
    assert code == 0
    assert "94287082" in out  # RFC 6238 Appendix B, SHA1, T=59
    assert "login page" in out


def test_code_json_at_rfc_time_gives_the_rfc_code_without_spaces(cli: Cli) -> None:
    cli("add", RFC_URI)
    code, out, _ = cli("code", "--json", "--at", "1111111109")
    assert code == 0
    [entry] = json.loads(out)
    assert set(entry) == {"id", "issuer", "account", "type", "code", "remaining"}
    assert entry["code"] == "07081804"
    assert entry["remaining"] == 1


def test_code_with_query_matching_one_account_prints_only_the_code(cli: Cli) -> None:
    cli("add", RFC_URI)
    cli("add", "--key", "JBSWY3DPEHPK3PXP", "--issuer", "Other", "--account", "bob")
    code, out, _ = cli("code", "zilliz", "--at", "59")
    assert (code, out) == (0, "94287082\n")


def test_code_without_query_lists_every_account_with_seconds_left(cli: Cli) -> None:
    cli("add", RFC_URI)
    cli("add", "--key", "JBSWY3DPEHPK3PXP", "--issuer", "Other", "--account", "bob")
    code, out, _ = cli("code", "--at", "1257894000")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("528064  Other: bob")  # dim13/otpauth's known code
    assert "(30 s)" in lines[1]


def test_code_query_matching_nothing_exits_1_with_a_sentence(cli: Cli) -> None:
    cli("add", RFC_URI)
    code, out, err = cli("code", "bank")
    assert code == 1
    assert out == ""
    assert "No account matches" in err and "bank" in err


def test_code_uri_computes_without_creating_a_vault(cli: Cli, vault_file: Path) -> None:
    code, out, _ = cli("code", "--uri", RFC_URI, "--at", "59")
    assert (code, out) == (0, "94287082\n")
    assert not vault_file.exists()


def test_code_uri_json_has_no_id(cli: Cli) -> None:
    code, out, _ = cli("code", "--uri", RFC_URI, "--json", "--at", "59")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": None,
            "issuer": "Zilliz",
            "account": "anna@zorg.nl",
            "type": "totp",
            "code": "94287082",
            "remaining": 1,
        }
    ]


def test_code_uri_together_with_a_query_is_a_usage_error(cli: Cli) -> None:
    code, _, err = cli("code", "zilliz", "--uri", RFC_URI)
    assert code == 2
    assert "--uri" in err


def test_add_key_as_people_paste_it_spaces_lowercase_no_padding(cli: Cli) -> None:
    spaced = " ".join(RFC_SECRET[i : i + 4] for i in range(0, len(RFC_SECRET), 4)).lower()
    code, _, _ = cli(
        "add", "--key", spaced, "--issuer", "Zilliz", "--account", "anna", "--digits", "8"
    )
    assert code == 0
    _, out, _ = cli("code", "anna", "--at", "59")
    assert out == "94287082\n"


def test_add_80_bit_key_works_although_pyotp_refuses_it_by_default(cli: Cli) -> None:
    code, _, _ = cli("add", "--key", "JBSWY3DPEHPK3PXP", "--account", "short@key")
    assert code == 0
    _, out, _ = cli("code", "short", "--at", "1257894000")
    assert out == "528064\n"


def test_add_hotp_and_advance_moves_the_counter(cli: Cli) -> None:
    # RFC 4226 Appendix D: counter 0 -> 755224, counter 1 -> 287082.
    cli("add", "--key", RFC_SECRET, "--account", "token", "--type", "hotp")
    assert cli("code", "token")[1] == "755224\n"
    assert cli("code", "token", "--advance")[1] == "287082\n"
    assert cli("code", "token")[1] == "287082\n"
    [entry] = listed(cli)
    assert entry["counter"] == 1 and "period" not in entry


def test_add_duplicate_is_refused_and_replace_replaces_the_old_entry(cli: Cli) -> None:
    cli("add", RFC_URI)
    [old] = listed(cli)
    code, _, err = cli(
        "add", "--key", "JBSWY3DPEHPK3PXP", "--issuer", "zilliz", "--account", "ANNA@zorg.nl"
    )
    assert code == 1
    assert "--replace" in err
    assert listed(cli) == [old]
    code, _, _ = cli(
        "add",
        "--key",
        "JBSWY3DPEHPK3PXP",
        "--issuer",
        "Zilliz",
        "--account",
        "anna@zorg.nl",
        "--replace",
    )
    assert code == 0
    [new] = listed(cli)
    assert new["id"] != old["id"]
    assert cli("code", "anna", "--at", "1257894000")[1] == "528064\n"


def test_remove_by_id_prefix(cli: Cli) -> None:
    cli("add", RFC_URI)
    [entry] = listed(cli)
    code, out, _ = cli("remove", str(entry["id"])[:6])
    assert code == 0
    assert "Zilliz" in out
    assert listed(cli) == []


def test_remove_unknown_id_exits_1_and_keeps_the_accounts(cli: Cli) -> None:
    cli("add", RFC_URI)
    before = listed(cli)
    code, _, err = cli("remove", "ffffffff")
    assert code == 1
    assert err.strip()
    assert listed(cli) == before


def test_rename_changes_issuer_and_account(cli: Cli) -> None:
    cli("add", RFC_URI)
    [entry] = listed(cli)
    code, _, _ = cli("rename", str(entry["id"]), "--issuer", "Zilliz werk", "--account", "anna")
    assert code == 0
    [renamed] = listed(cli)
    assert (renamed["issuer"], renamed["account"]) == ("Zilliz werk", "anna")


def test_list_text_says_how_to_add_when_empty(cli: Cli) -> None:
    code, out, err = cli("list")
    assert code == 0
    assert out == ""
    assert "tweestap add" in err


def test_list_text_shows_id_and_label(cli: Cli) -> None:
    cli("add", RFC_URI)
    [entry] = listed(cli)
    _, out, _ = cli("list")
    assert out.startswith(f"{entry['id']}  Zilliz: anna@zorg.nl")


def test_password_mode_without_password_or_terminal_refuses_clearly(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", RFC_URI)
    monkeypatch.delenv("TWEESTAP_PASSWORD")
    code, _, err = cli("list")
    assert code == 1
    assert "password" in err.lower()


def test_wrong_password_refuses_and_leaves_the_vault_file_untouched(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, vault_file: Path
) -> None:
    cli("add", RFC_URI)
    before = vault_file.read_bytes()
    monkeypatch.setenv("TWEESTAP_PASSWORD", "wrong")
    code, _, err = cli("add", "--key", "JBSWY3DPEHPK3PXP", "--account", "x")
    assert code == 1
    assert "password" in err.lower()
    assert vault_file.read_bytes() == before


def test_code_follows_the_windows_clock_correction_and_says_so(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main
    from desktop.clock import CorrectedClock, Correction, FixedClock

    code, _, _ = cli("add", RFC_URI)
    assert code == 0
    corrected = CorrectedClock(FixedClock(29.0), Correction(offset=30.0, measured_at=0.0))
    assert main(["code", "anna", "--json"], clock=corrected) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["code"] == "94287082"  # RFC 6238 at T=59
    assert "Codes corrected by +30 s" in captured.err


def test_code_at_an_explicit_time_ignores_the_correction(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main
    from desktop.clock import CorrectedClock, Correction, FixedClock

    cli("add", RFC_URI)
    corrected = CorrectedClock(FixedClock(29.0), Correction(offset=30.0, measured_at=0.0))
    assert main(["code", "anna", "--at", "59"], clock=corrected) == 0
    captured = capsys.readouterr()
    assert captured.out == "94287082\n"
    assert "corrected" not in captured.err


def test_command_line_clock_carries_the_remembered_correction(isolated_environment: Path) -> None:
    import time

    from desktop.cli import corrected_system_clock
    from desktop.clock import Correction
    from desktop.settings import Settings

    Settings.load().set_correction(Correction(offset=-47.0, measured_at=time.time() - 60))
    clock = corrected_system_clock()
    assert abs(clock.now() - (time.time() - 47.0)) < 5
