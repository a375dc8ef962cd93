"""``tweestap scan`` as DESIGN.md fixes it: pictures, a recorded camera, the real screen,
``--json`` and ``--add`` (nothing stored from the corpus's negative cases)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop.otp.model import Account
from desktop.scan.migration import encode_migration_uris
from tests.desktop.cli.conftest import Cli, listed
from tests.helpers.synthetic import (
    OTPAUTH,
    bgr,
    page,
    paste,
    qr,
    record_video,
    webcam_frame,
    write_png,
)
from tests.helpers.xserver import helper_env, pytest_xvfb, show_qr_command, x_server
from tests.paths import INTEROP, ROOT

SECOND = "otpauth://totp/Bank:bob?secret=KRSXG5CTMVRXEZLUKN2XAZLSNFSGC4TE&issuer=Bank"
WEB = "https://zilliz.nl/help"
MICROSOFT = "phonefactor://activate_account?code=123456789&url=https://x.auth.microsoft.com/a"
EXAMPLE_URI = (
    "otpauth://totp/Example:alice@google.com?issuer=Example&period=30&secret=JBSWY3DPEHPK3PXP"
)
NEGATIVES = (
    "test_export_wrong_data.txt",
    "test_export_wrong_content.txt",
    "test_export_wrong_prefix.txt",
    "qr_but_without_otp.png",
    "text_masquerading_as_image.jpeg",
    "only_comments.txt",
    "empty_file.txt",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared google-migration corpus (the original is read-only)."""
    copy = tmp_path_factory.mktemp("corpus") / "google-migration"
    shutil.copytree(INTEROP / "google-migration", copy)
    return copy


def picture(folder: Path, name: str, *texts: str) -> str:
    """A PNG with the codes side by side."""
    canvas = page(400, 460 * max(1, len(texts)))
    for i, text in enumerate(texts):
        canvas = paste(canvas, qr(text, module=3), 20 + 460 * i, 40)
    return str(write_png(folder / name, canvas))


def test_many_pictures_print_every_code_one_per_line_in_input_order(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    two = picture(tmp_path, "two.png", SECOND, WEB)
    code, out, err = cli(
        "scan",
        str(corpus / "dim13-otpauth" / "example.png"),
        two,
        str(corpus / "scito-extract_otp_secrets" / "qr_but_without_otp.png"),
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [EXAMPLE_URI, SECOND, WEB, "NOT A otpauth-migration:// URL"]


def test_json_has_one_object_per_input_in_input_order_with_failures_empty(
    cli: Cli, tmp_path: Path
) -> None:
    good = picture(tmp_path, "good.png", OTPAUTH)
    blank = str(write_png(tmp_path / "blank.png", page()))
    missing = str(tmp_path / "missing.png")
    code, out, err = cli("scan", "--json", blank, good, missing)
    assert code == 0
    assert json.loads(out) == [
        {"source": blank, "codes": []},
        {"source": good, "codes": [OTPAUTH]},
        {"source": missing, "codes": []},
    ]
    assert f"No QR code found in {blank}." in err
    assert f"The file {missing} does not exist." in err


def test_an_unreadable_file_is_reported_and_the_next_ones_are_still_read(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    fake = corpus / "scito-extract_otp_secrets" / "text_masquerading_as_image.jpeg"
    code, out, err = cli("scan", str(fake), picture(tmp_path, "good.png", OTPAUTH))
    assert (code, out) == (0, OTPAUTH + "\n")
    assert "is not a picture Tweestap can read" in err and "Traceback" not in err


def test_no_code_in_any_picture_exits_1_with_a_sentence_per_picture(
    cli: Cli, tmp_path: Path
) -> None:
    first = str(write_png(tmp_path / "a.png", page()))
    second = str(write_png(tmp_path / "b.png", page(value=40)))
    code, out, err = cli("scan", first, second)
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"No QR code found in {first}.", f"No QR code found in {second}."]


def test_a_folder_stands_for_its_pictures_sorted_by_name(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    picture(folder, "2 second.png", SECOND)
    picture(folder, "1 first.PNG", OTPAUTH)
    (folder / "notes.txt").write_text("not a picture")
    (folder / "sub").mkdir()
    code, out, _ = cli("scan", "--json", str(folder))
    assert code == 0
    assert [(Path(e["source"]).name, e["codes"]) for e in json.loads(out)] == [
        ("1 first.PNG", [OTPAUTH]),
        ("2 second.png", [SECOND]),
    ]


def test_an_empty_folder_is_said_to_hold_no_pictures(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("scan", str(tmp_path))
    assert code == 1 and "holds no pictures" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("scan",),
        ("scan", "x.png", "--screen"),
        ("scan", "--screen", "--camera"),
        ("scan", "x.png", "--camera", "0"),
    ],
)
def test_no_source_or_more_than_one_kind_of_source_is_a_usage_error(
    cli: Cli, argv: tuple[str, ...]
) -> None:
    code, out, err = cli(*argv)
    assert (code, out) == (2, "")
    assert "picture files, --screen or --camera" in err


# -- --add ----------------------------------------------------------------------------------


def test_add_adds_an_account_link_and_a_whole_google_export(
    cli: Cli, corpus: Path, vault_file: Path
) -> None:
    code, out, err = cli(
        "scan",
        "--add",
        str(corpus / "dim13-otpauth" / "example.png"),
        str(corpus / "scito-extract_otp_secrets" / "example_export.png"),
        at=1257894000,
    )
    assert code == 0
    assert out.splitlines()[0] == EXAMPLE_URI  # standard output keeps only the codes
    assert len(out.splitlines()) == 2
    assert "Added Example: alice@google.com" in err
    assert "Current code: 528064." in err  # dim13/otpauth's known code for that moment
    assert [(e["issuer"], e["account"]) for e in listed(cli)] == [
        ("Example", "alice@google.com"),
        ("Test1", "test1@example1.com"),
        ("Test2", "test2@example2.com"),
        ("Test3", "test3@example3.com"),
    ]
    assert vault_file.exists()


def test_add_twice_reports_the_duplicate_and_never_doubles_it(cli: Cli, corpus: Path) -> None:
    example = str(corpus / "dim13-otpauth" / "example.png")
    assert cli("scan", "--add", example)[0] == 0
    code, _, err = cli("scan", "--add", example)
    assert code == 1
    assert "Tweestap already has this account." in err and "No account was added." in err
    assert len(listed(cli)) == 1


def test_add_the_same_code_in_two_pictures_adds_it_once_without_complaint(
    cli: Cli, tmp_path: Path
) -> None:
    code, _, err = cli(
        "scan", "--add", picture(tmp_path, "a.png", OTPAUTH), picture(tmp_path, "b.png", OTPAUTH)
    )
    assert code == 0 and "already has" not in err
    assert len(listed(cli)) == 1


EXPORT = [
    Account(issuer=f"Dienst {i}", name=f"medewerker{i}@zorg.nl", secret=bytes([i + 7]) * 20)
    for i in range(9)
]


def test_add_collects_a_three_part_export_from_pictures_in_any_order(
    cli: Cli, tmp_path: Path
) -> None:
    parts = encode_migration_uris(EXPORT, batch_id=-987654321, per_batch=3)
    files = [picture(tmp_path, f"part{i + 1}.png", uri) for i, uri in enumerate(parts)]
    code, _, err = cli("scan", "--add", files[2], files[0], files[1])
    assert code == 0, err
    assert [e["account"] for e in listed(cli)] == [a.name for a in EXPORT]
    assert "Current code" not in err  # imported accounts were paired long ago


def test_add_with_a_part_missing_adds_nothing_of_it_and_names_the_part(
    cli: Cli, tmp_path: Path, vault_file: Path
) -> None:
    parts = encode_migration_uris(EXPORT, batch_id=12, per_batch=3)
    code, _, err = cli(
        "scan",
        "--add",
        picture(tmp_path, "p1.png", parts[0]),
        picture(tmp_path, "p3.png", parts[2]),
    )
    assert code == 1
    assert "Part 2 of this Google Authenticator export (of 3 QR codes) is still missing" in err
    assert not vault_file.exists()


def test_add_explains_codes_that_are_not_accounts_and_stores_nothing(
    cli: Cli, tmp_path: Path, vault_file: Path
) -> None:
    code, out, err = cli("scan", "--add", picture(tmp_path, "other.png", WEB, MICROSOFT))
    assert code == 1
    assert out.splitlines() == [WEB, MICROSOFT]
    assert "opens a web page (zilliz.nl)" in err
    assert "I want to use a different authenticator app" in err
    assert not vault_file.exists()


@pytest.mark.parametrize("name", NEGATIVES)
def test_add_with_a_negative_case_of_the_corpus_says_why_and_stores_nothing(
    cli: Cli, corpus: Path, vault_file: Path, name: str
) -> None:
    code, _, err = cli("scan", "--add", str(corpus / "scito-extract_otp_secrets" / name))
    assert code == 1
    assert err.strip() and "Traceback" not in err
    assert not vault_file.exists()


# -- --camera and --screen ------------------------------------------------------------------


@pytest.fixture(scope="module")
def webcam_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(5)
    scene = page(420, 560, value=235)
    shown = paste(scene, qr(OTPAUTH, module=4), 120, 40)
    frames = [webcam_frame(scene, rng) for _ in range(4)] + [
        webcam_frame(shown, rng) for _ in range(4)
    ]
    return record_video(tmp_path_factory.mktemp("video") / "webcam.avi", frames)


def test_camera_with_a_video_file_prints_the_account_code(cli: Cli, webcam_video: Path) -> None:
    code, out, err = cli("scan", "--camera", str(webcam_video))
    assert (code, out, err) == (0, OTPAUTH + "\n", "")


def test_camera_json_names_the_camera_as_the_source(cli: Cli, webcam_video: Path) -> None:
    code, out, _ = cli("scan", "--json", "--camera", str(webcam_video))
    assert (code, json.loads(out)) == (0, [{"source": "camera", "codes": [OTPAUTH]}])


def test_camera_reads_every_part_of_an_export_before_stopping_and_adds_them(
    cli: Cli, tmp_path: Path
) -> None:
    parts = encode_migration_uris(EXPORT, batch_id=77, per_batch=5)
    frames = [bgr(paste(page(560, 560), qr(uri, module=3), 20, 20)) for uri in parts for _ in "ab"]
    video = record_video(
        tmp_path / "phone.avi", [*frames, bgr(paste(page(560, 560), qr(WEB), 9, 9))]
    )
    code, out, _ = cli("scan", "--add", "--camera", str(video))
    assert code == 0
    assert out.splitlines() == parts  # and not the web address that follows
    assert len(listed(cli)) == len(EXPORT)


def test_camera_that_does_not_exist_is_refused_before_any_hint(cli: Cli) -> None:
    code, out, err = cli("scan", "--camera", "63")
    assert (code, out) == (1, "")
    assert err.startswith("Camera 63 cannot be opened") and "Hold the QR code" not in err


def test_screen_on_the_offscreen_platform_says_there_is_no_screen(cli: Cli) -> None:
    code, out, err = cli("scan", "--screen")
    assert (code, out) == (1, "")
    assert "no screen to capture" in err


def test_screen_without_a_display_in_a_real_process_says_so_without_a_traceback() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "scan", "--screen"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert "no screen to capture" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def qr_window(request: pytest.FixtureRequest) -> Iterator[str]:
    """A window showing OTPAUTH on an X server, kept up while the test runs; its display."""
    with (
        x_server(pytest_xvfb(request)) as display,
        subprocess.Popen(
            show_qr_command(OTPAUTH),
            cwd=ROOT,
            env=helper_env(display),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as helper,
    ):
        assert helper.stdin is not None and helper.stdout is not None
        ready, _, _ = select.select([helper.stdout], [], [], 20.0)
        line = helper.stdout.readline() if ready else ""
        assert line.strip() == "ready", helper.stderr.read() if helper.stderr else ""
        yield display
        helper.stdin.close()  # the helper closes its window and quits
        helper.wait(timeout=10)


def test_screen_in_a_real_process_finds_the_window_on_the_x_server(qr_window: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "scan", "--screen", "--json"],
        cwd=ROOT,
        env=helper_env(qr_window, TWEESTAP_LANG="en"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"source": "screen", "codes": [OTPAUTH]}]
