"""Google Authenticator exports (otpauth-migration://): the shared corpus must import exactly,
its negative cases must be refused with a sentence, and multi-part exports must come
together in any order."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from desktop.errors import UserError
from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.secret import format_setup_key
from desktop.scan.classify import classify
from desktop.scan.decode import decode_image_file
from desktop.scan.errors import (
    BrokenExport,
    ExportMismatch,
    IncompleteExport,
    NotAnImage,
    UnusableEntry,
)
from desktop.scan.migration import (
    PREFIX,
    MigrationCollector,
    MigrationEntry,
    encode_migration_uris,
    parse_migration_text,
    parse_migration_uri,
    split_name,
)
from desktop.scan.migration_schema import MigrationPayload
from tests.paths import INTEROP

MANIFEST = json.loads((INTEROP / "google-migration" / "manifest.json").read_text("utf-8"))
SAMPLES = {sample["file"]: sample for sample in MANIFEST["samples"]}
EXPORT_TEXTS = [f for f, s in SAMPLES.items() if s["kind"] == "otpauth-migration text"]
NEGATIVES = [f for f, s in SAMPLES.items() if s["kind"] == "negative case"]


def corpus(name: str) -> Path:
    return INTEROP / name


def entry_view(entry: MigrationEntry) -> dict[str, Any]:
    """An entry in the manifest's ``entries`` shape."""
    account = entry.account
    assert account is not None, entry.problem
    view: dict[str, Any] = {
        "type": account.type.value,
        "issuer": entry.issuer,
        "name": entry.name,
        "secret": format_setup_key(entry.secret),
        "algorithm": account.algorithm.value,
        "digits": account.digits,
    }
    if account.type is OtpType.HOTP:
        view["counter"] = account.counter
    else:
        view["period"] = account.period
    view |= {
        "account": account.name,
        "issuer_effective": account.issuer,
        "raw_enums": {
            "algorithm": entry.algorithm_raw,
            "digits": entry.digits_raw,
            "type": entry.type_raw,
        },
    }
    return view


def uri_of(payload: Any) -> str:
    return PREFIX + "offline?data=" + quote(base64.b64encode(payload.SerializeToString()))


def payload_with(**parameters: Any) -> Any:
    payload = MigrationPayload(version=1, batch_size=1, batch_index=0, batch_id=7)
    payload.otp_parameters.add(**{"secret": b"Hello!\xde\xad\xbe\xef", **parameters})
    return payload


def same(a: Account, b: Account) -> bool:
    return (a.issuer, a.name, a.secret, a.type, a.algorithm, a.digits, a.period, a.counter) == (
        b.issuer,
        b.name,
        b.secret,
        b.type,
        b.algorithm,
        b.digits,
        b.period,
        b.counter,
    )


# -- the corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORT_TEXTS)
def test_every_export_text_in_the_corpus_decodes_to_exactly_its_entries(name: str) -> None:
    sample = SAMPLES[name]
    batches = parse_migration_text(corpus(name).read_text(encoding="utf-8"))
    assert len(batches) == len(sample["payloads"])
    for batch, expected in zip(batches, sample["payloads"], strict=True):
        assert (batch.version, batch.batch_size, batch.batch_index, batch.batch_id) == (
            expected["version"],
            expected["batch_size"],
            expected["batch_index"],
            expected["batch_id"],
        )
        assert [entry_view(e) for e in batch.entries] == expected["entries"]
    assert [entry_view(e) for b in batches for e in b.entries] == sample["expected_entries"]


def test_the_export_screenshot_in_the_corpus_decodes_to_exactly_its_entries() -> None:
    name = "google-migration/scito-extract_otp_secrets/example_export.png"
    [payload] = decode_image_file(corpus(name))
    scanned = classify(payload)
    assert scanned.kind == "google_export" and scanned.batch is not None
    assert [entry_view(e) for e in scanned.batch.entries] == SAMPLES[name]["expected_entries"]
    assert len(scanned.accounts) == 3


def test_the_plain_account_code_in_the_corpus_is_an_account_not_an_export() -> None:
    name = "google-migration/dim13-otpauth/example.png"
    [payload] = decode_image_file(corpus(name))
    assert payload == SAMPLES[name]["expected_uri"]
    scanned = classify(payload)
    [expected] = SAMPLES[name]["expected_entries"]
    [account] = scanned.accounts
    assert (scanned.kind, scanned.message) == ("account", None)
    assert (account.issuer, account.name, format_setup_key(account.secret)) == (
        expected["issuer"],
        expected["name"],
        expected["secret"],
    )


def test_every_negative_case_of_the_corpus_is_named_in_this_file() -> None:
    assert sorted(NEGATIVES) == sorted(
        f"google-migration/scito-extract_otp_secrets/{n}"
        for n in (
            "test_export_wrong_data.txt",
            "test_export_wrong_content.txt",
            "test_export_wrong_prefix.txt",
            "qr_but_without_otp.png",
            "text_masquerading_as_image.jpeg",
            "only_comments.txt",
            "empty_file.txt",
        )
    )


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("test_export_wrong_data.txt", "damaged"),
        ("test_export_wrong_content.txt", "Line 1 is not a Google Authenticator export link"),
        ("test_export_wrong_prefix.txt", "Line 1 is not a Google Authenticator export link"),
        ("only_comments.txt", "There is no Google Authenticator export link"),
        ("empty_file.txt", "There is no Google Authenticator export link"),
    ],
)
def test_negative_export_texts_are_refused_with_a_sentence(name: str, words: str) -> None:
    path = corpus(f"google-migration/scito-extract_otp_secrets/{name}")
    with pytest.raises(BrokenExport) as refused:
        parse_migration_text(path.read_text(encoding="utf-8"))
    assert words in str(refused.value)


def test_a_qr_without_an_account_from_the_corpus_is_explained_and_adds_nothing() -> None:
    [payload] = decode_image_file(
        corpus("google-migration/scito-extract_otp_secrets/qr_but_without_otp.png")
    )
    scanned = classify(payload)
    assert (scanned.kind, scanned.accounts) == ("other", [])
    assert scanned.message is not None and "not an account link" in str(scanned.message)


def test_text_masquerading_as_a_jpeg_from_the_corpus_is_not_a_picture() -> None:
    with pytest.raises(NotAnImage):
        decode_image_file(
            corpus("google-migration/scito-extract_otp_secrets/text_masquerading_as_image.jpeg")
        )


# -- decoding rules -------------------------------------------------------------------------


def test_a_raw_plus_in_the_data_stays_a_plus_and_a_form_decoded_space_is_repaired() -> None:
    text = corpus("google-migration/scito-extract_otp_secrets/test_plus_problem_export.txt")
    line = text.read_text(encoding="utf-8").strip()
    assert "+" in line and "%2B" not in line
    as_is = parse_migration_uri(line)
    form_decoded = parse_migration_uri(line.replace("+", " "))
    assert [e.secret for e in as_is.entries] == [e.secret for e in form_decoded.entries]
    assert len(as_is.entries) == 4


def test_url_safe_base64_without_padding_decodes_the_same() -> None:
    payload = payload_with(name="Example:alice", issuer="Example")
    data = base64.urlsafe_b64encode(payload.SerializeToString()).decode().rstrip("=")
    batch = parse_migration_uri(f"{PREFIX}offline?data={data}")
    assert batch.accounts[0].secret == b"Hello!\xde\xad\xbe\xef"


def test_the_scheme_is_read_case_insensitively() -> None:
    uri = uri_of(payload_with(name="a"))
    assert parse_migration_uri("OTPAUTH-MIGRATION" + uri[len("otpauth-migration") :]).accounts


def test_unspecified_enums_mean_sha1_six_digits_totp_of_30_seconds() -> None:
    [account] = parse_migration_uri(uri_of(payload_with(name="a"))).accounts
    assert (account.type, account.algorithm, account.digits, account.period) == (
        OtpType.TOTP,
        Algorithm.SHA1,
        6,
        30,
    )


def test_sha256_eight_digits_and_hotp_with_its_counter_are_kept() -> None:
    payload = payload_with(name="a", algorithm=2, digits=2, type=1, counter=42)
    [account] = parse_migration_uri(uri_of(payload)).accounts
    assert (account.type, account.algorithm, account.digits, account.counter) == (
        OtpType.HOTP,
        Algorithm.SHA256,
        8,
        42,
    )


@pytest.mark.parametrize(
    ("name", "issuer", "expected"),
    [
        ("Test1:test1@example1.com", "Test1", ("Test1", "test1@example1.com")),
        ("Test1: spaced", "Test1", ("Test1", "spaced")),
        ("Other:bob", "Bank", ("Bank", "Other:bob")),
        ("encoding: ¿äÄéÉ? (demo)", "", ("encoding", "¿äÄéÉ? (demo)")),
        ("a:b:c", "", ("", "a:b:c")),
        ("Bank:a:b", "Bank", ("Bank", "a:b")),
        ("pi@raspberrypi", "raspberrypi", ("raspberrypi", "pi@raspberrypi")),
    ],
)
def test_a_leading_issuer_prefix_is_dropped_only_when_it_repeats_the_issuer(
    name: str, issuer: str, expected: tuple[str, str]
) -> None:
    assert split_name(name, issuer) == expected


def test_an_md5_entry_is_unusable_but_the_other_accounts_still_import() -> None:
    payload = payload_with(name="A:md5", issuer="A", algorithm=4)
    payload.otp_parameters.add(secret=b"0123456789", name="B:fine", issuer="B")
    batch = parse_migration_uri(uri_of(payload))
    [unusable] = batch.unusable
    assert isinstance(unusable.problem, UnusableEntry) and "MD5" in str(unusable.problem)
    assert unusable.label == "A: md5"
    assert [a.name for a in batch.accounts] == ["fine"]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"digits": 3}, "unknown number of digits"),
        ({"algorithm": 9}, "unknown algorithm"),
        ({"type": 5}, "unknown kind of code"),
        ({"secret": b""}, "setup key is empty"),
    ],
)
def test_entries_with_unknown_or_empty_values_are_unusable_with_a_reason(
    fields: dict[str, Any], words: str
) -> None:
    [entry] = parse_migration_uri(uri_of(payload_with(name="a", **fields))).entries
    assert entry.account is None
    assert isinstance(entry.problem, UserError) and words in str(entry.problem)


def test_an_export_without_accounts_is_refused() -> None:
    empty = MigrationPayload(version=1, batch_size=1, batch_index=0, batch_id=1)
    with pytest.raises(BrokenExport, match="holds no accounts"):
        parse_migration_uri(uri_of(empty))


@pytest.mark.parametrize(
    "uri",
    [
        PREFIX + "offline?data=XXXX",
        PREFIX + "offline?data=",
        PREFIX + "offline?data=%%%",
        PREFIX + "offline?data=not*base64!",
        PREFIX + "offline?data=" + quote(base64.b64encode(b"\xff\xff\xff\xff")),
    ],
)
def test_data_that_is_not_an_export_is_refused_as_damaged(uri: str) -> None:
    with pytest.raises(BrokenExport, match="damaged"):
        parse_migration_uri(uri)


def test_a_link_without_data_says_the_data_is_missing() -> None:
    with pytest.raises(BrokenExport, match="no data"):
        parse_migration_uri(PREFIX + "offline?version=1")


def test_a_part_number_beyond_the_part_count_is_refused() -> None:
    payload = payload_with(name="a")
    payload.batch_size, payload.batch_index = 2, 2
    with pytest.raises(BrokenExport, match="damaged"):
        parse_migration_uri(uri_of(payload))


def test_export_text_skips_comments_and_blank_lines_and_names_a_bad_line() -> None:
    good = uri_of(payload_with(name="a"))
    assert len(parse_migration_text(f"# comment\n\n{good}\n  \n{good}\n")) == 2
    with pytest.raises(BrokenExport, match="Line 3"):
        parse_migration_text(f"# comment\n{good}\nhttps://example.org\n")


# -- several QR codes -----------------------------------------------------------------------

ACCOUNTS = [
    Account(issuer=f"Service {i}", name=f"user{i}@example.org", secret=bytes([i + 1]) * 20)
    for i in range(25)
] + [Account(issuer="", name="no issuer", secret=b"k" * 10, type=OtpType.HOTP, counter=9)]


def test_an_encoded_three_part_export_comes_together_in_any_order() -> None:
    uris = encode_migration_uris(ACCOUNTS, batch_id=-123456789, per_batch=10)
    assert len(uris) == 3
    batches = [parse_migration_uri(u) for u in uris]
    assert [(b.part, b.parts, b.batch_id) for b in batches] == [
        (1, 3, -123456789),
        (2, 3, -123456789),
        (3, 3, -123456789),
    ]
    shuffled = [batches[2], batches[0], batches[1]]
    collector = MigrationCollector()
    assert collector.add(shuffled[0]) is None
    assert collector.missing == sorted({0, 1, 2} - {shuffled[0].batch_index})
    assert collector.add(shuffled[0]) is None  # the same part seen again changes nothing
    assert collector.add(shuffled[1]) is None
    accounts = collector.add(shuffled[2])
    assert accounts is not None and collector.complete and collector.missing == []
    assert len(accounts) == len(ACCOUNTS)
    assert all(same(a, b) for a, b in zip(accounts, ACCOUNTS, strict=True))


def test_an_incomplete_export_names_the_missing_parts_and_gives_no_accounts() -> None:
    uris = encode_migration_uris(ACCOUNTS, batch_id=5, per_batch=10)
    collector = MigrationCollector()
    collector.add(parse_migration_uri(uris[1]))
    assert collector.missing == [0, 2]
    with pytest.raises(IncompleteExport) as incomplete:
        collector.accounts()
    assert str(incomplete.value).startswith("Parts 1, 3 of this Google Authenticator export")
    assert "(of 3 QR codes) are still missing" in str(incomplete.value)


def test_a_part_of_another_export_is_refused_and_changes_nothing() -> None:
    ours = encode_migration_uris(ACCOUNTS, batch_id=-1, per_batch=10)
    theirs = encode_migration_uris(ACCOUNTS, batch_id=-2, per_batch=10)
    collector = MigrationCollector()
    collector.add(parse_migration_uri(ours[0]))
    with pytest.raises(ExportMismatch):
        collector.add(parse_migration_uri(theirs[1]))
    assert (collector.received, collector.batch_id) == ([0], -1)


def test_an_export_without_batch_fields_is_one_complete_part() -> None:
    line = corpus("google-migration/dim13-otpauth/migration_links.txt").read_text().split()[0]
    batch = parse_migration_uri(line)
    assert (batch.batch_size, batch.parts, batch.part) == (0, 1, 1)
    assert MigrationCollector().add(batch) == batch.accounts


def test_each_part_says_which_part_it_is_and_a_whole_export_asks_to_import() -> None:
    uris = encode_migration_uris(ACCOUNTS, batch_id=1, per_batch=10)
    second = classify(uris[1])
    assert second.kind == "google_export"
    assert "part 2 of 3 of a Google Authenticator export" in str(second.message)
    [whole] = encode_migration_uris(ACCOUNTS[:4], batch_id=2, per_batch=10)
    assert "export of 4 accounts. Import them all?" in str(classify(whole).message)
    [single] = encode_migration_uris(ACCOUNTS[:1], batch_id=3)
    assert "export of 1 account. Import it?" in str(classify(single).message)


def test_encoding_refuses_what_google_authenticator_cannot_hold() -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        encode_migration_uris(
            [Account(issuer="x", name="y", secret=b"k" * 10, digits=7)], batch_id=1
        )
