"""Reading QR codes from pictures and picture files: what each fallback pass is for, and
that no pass ever returns a text that is not in the picture."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from desktop.scan.decode import (
    DEFAULT_STAGES,
    FoundCode,
    decode_image_file,
    decode_qr_texts,
    find_qr_codes,
    read_image_file,
    reading_order,
)
from desktop.scan.errors import ImageUnreadable, NotAnImage
from tests.helpers.synthetic import (
    OTPAUTH,
    bgr,
    modules,
    page,
    paste,
    qr,
    recolour,
    u8,
    write_png,
)
from tests.paths import INTEROP, ROOT

GOOGLE = INTEROP / "google-migration"
SECOND = "otpauth://totp/Bank:bob?secret=KRSXG5CTMVRXEZLUKN2XAZLSNFSGC4TE&issuer=Bank"
THIRD = "https://zilliz.nl/help"


def test_grayscale_bgr_bgra_and_single_channel_pictures_all_read() -> None:
    gray = paste(page(), qr(OTPAUTH), 100, 60)
    colour = bgr(gray)
    pictures = [
        gray,
        gray[:, :, None],
        colour,
        u8(cv2.cvtColor(colour, cv2.COLOR_BGR2BGRA)),
    ]
    assert [decode_qr_texts(p) for p in pictures] == [[OTPAUTH]] * 4


def test_a_view_with_strides_reads_like_a_copy() -> None:
    wide = paste(page(480, 1280), qr(OTPAUTH), 300, 60)
    assert decode_qr_texts(wide[:, ::2]) == [OTPAUTH]


def test_a_float_picture_is_refused_as_a_programming_error() -> None:
    with pytest.raises(TypeError):
        decode_qr_texts(np.zeros((10, 10), np.float32))


def test_several_codes_come_back_in_reading_order_rows_then_columns() -> None:
    canvas = page(700, 900)
    canvas = paste(canvas, qr(THIRD), 40, 400)  # second row
    canvas = paste(canvas, qr(SECOND), 500, 30)  # first row, right
    canvas = paste(canvas, qr(OTPAUTH), 40, 60)  # first row, left, a little lower
    assert decode_qr_texts(canvas) == [OTPAUTH, SECOND, THIRD]


def test_the_same_code_twice_is_returned_once() -> None:
    canvas = paste(paste(page(480, 900), qr(OTPAUTH), 20, 60), qr(OTPAUTH), 480, 60)
    assert decode_qr_texts(canvas) == [OTPAUTH]


def test_a_picture_without_a_code_gives_an_empty_list() -> None:
    rng = np.random.default_rng(1)
    assert decode_qr_texts(u8(rng.integers(0, 256, size=(480, 640)))) == []
    assert decode_qr_texts(page()) == []


def test_other_barcode_kinds_holding_an_account_link_are_not_read() -> None:
    canvas = page(600, 800)
    for i, kind in enumerate((zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.Aztec)):
        other = zxingcpp.create_barcode(OTPAUTH, kind)
        canvas = paste(
            canvas, u8(zxingcpp.write_barcode_to_image(other, scale=4)), 40 + 380 * i, 80
        )
    assert decode_qr_texts(canvas) == []


def test_a_dark_mode_code_light_on_dark_is_read() -> None:
    light_on_dark = recolour(255 - qr(OTPAUTH), 30, 220)
    assert decode_qr_texts(paste(page(value=30), light_on_dark, 100, 60)) == [OTPAUTH]


def test_a_tiny_screenshot_code_is_rescued_by_the_region_pass() -> None:
    canvas = paste(page(600, 800), qr(OTPAUTH, module=1.25), 200, 100)
    [code] = find_qr_codes(canvas)
    assert (code.text, code.stage) == (OTPAUTH, "regions")


def test_a_blurred_code_is_rescued_by_the_region_pass() -> None:
    canvas = u8(cv2.GaussianBlur(paste(page(), qr(OTPAUTH), 150, 60), (0, 0), 2.4))
    [code] = find_qr_codes(canvas)
    assert (code.text, code.stage) == (OTPAUTH, "regions")


def test_a_low_contrast_code_is_rescued_by_the_upscale_pass() -> None:
    grey = recolour(qr(OTPAUTH), 140, 185)
    [code] = find_qr_codes(paste(page(600, 800), grey, 200, 100))
    assert (code.text, code.stage) == (OTPAUTH, "upscale")


def test_without_fallbacks_the_hard_codes_are_missed_so_the_passes_are_what_pays() -> None:
    hard = [
        paste(page(600, 800), qr(OTPAUTH, module=1.25), 200, 100),
        paste(page(600, 800), recolour(qr(OTPAUTH), 140, 185), 200, 100),
    ]
    assert [find_qr_codes(p, stages=frozenset()) for p in hard] == [[], []]
    assert DEFAULT_STAGES  # and with them (above) each is read


def test_a_code_damaged_beyond_repair_gives_no_text_rather_than_a_wrong_one() -> None:
    cells = modules(OTPAUTH, "L").copy()
    rng = np.random.default_rng(7)
    inner = cells[12:-12, 12:-12]  # data area, away from the finder patterns
    flips = rng.random(inner.shape) < 0.3
    inner[flips] = 255 - inner[flips]
    damaged = u8(cv2.resize(cells, None, fx=4, fy=4, interpolation=cv2.INTER_NEAREST))
    for variant in (damaged, u8(cv2.GaussianBlur(damaged, (0, 0), 1.5))):
        assert set(decode_qr_texts(paste(page(), variant, 100, 40))) <= {OTPAUTH}


def test_code_places_are_in_picture_pixels_and_bounds_are_upright() -> None:
    symbol = modules(OTPAUTH).shape[0] - 8  # without the 4-module quiet zone on each side
    [code] = find_qr_codes(paste(page(), qr(OTPAUTH, module=4), 100, 60))
    x, y, width, height = code.bounds
    assert abs(x - (100 + 4 * 4)) <= 2 and abs(y - (60 + 4 * 4)) <= 2
    assert abs(width - symbol * 4) <= 3 and abs(height - symbol * 4) <= 3


def test_places_found_on_an_enlarged_region_are_mapped_back_to_the_picture() -> None:
    symbol = modules(OTPAUTH).shape[0] - 8
    [code] = find_qr_codes(paste(page(600, 800), qr(OTPAUTH, module=1.25), 200, 100))
    x, y, width, _ = code.bounds
    assert abs(x - (200 + 5)) <= 2 and abs(y - (100 + 5)) <= 2
    assert abs(width - symbol * 1.25) <= 3


def test_reading_order_puts_a_slightly_lower_code_on_the_same_row() -> None:
    def at(text: str, x: float, y: float) -> FoundCode:
        return FoundCode(text, ((x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100)))

    codes = [at("right", 300, 0), at("below", 0, 200), at("left", 0, 30)]
    assert [c.text for c in reading_order(codes)] == ["left", "right", "below"]


# -- files ----------------------------------------------------------------------------------


def test_google_export_screenshot_from_the_corpus_reads_exactly() -> None:
    folder = GOOGLE / "scito-extract_otp_secrets"
    expected = (folder / "example_export.png.decoded.txt").read_text(encoding="utf-8").strip()
    assert decode_image_file(folder / "example_export.png") == [expected]


def test_plain_account_code_from_the_corpus_reads_exactly() -> None:
    folder = GOOGLE / "dim13-otpauth"
    expected = (folder / "example.png.decoded.txt").read_text(encoding="utf-8").strip()
    assert decode_image_file(folder / "example.png") == [expected]


def test_corpus_qr_without_an_account_still_reads_its_text() -> None:
    path = GOOGLE / "scito-extract_otp_secrets" / "qr_but_without_otp.png"
    assert decode_image_file(path) == ["NOT A otpauth-migration:// URL"]


def test_text_masquerading_as_jpeg_is_refused_as_not_a_picture() -> None:
    path = GOOGLE / "scito-extract_otp_secrets" / "text_masquerading_as_image.jpeg"
    with pytest.raises(NotAnImage) as refused:
        decode_image_file(path)
    assert "not a picture" in str(refused.value) and path.name in str(refused.value)


def test_an_empty_file_is_refused_as_holding_no_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(NotAnImage, match="empty"):
        read_image_file(empty)


def test_a_missing_file_and_a_folder_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ImageUnreadable, match="does not exist"):
        read_image_file(tmp_path / "gone.png")
    with pytest.raises(ImageUnreadable, match="is a folder, not a picture"):
        read_image_file(tmp_path)


def test_a_file_name_with_accents_and_cjk_reads(tmp_path: Path) -> None:
    path = write_png(tmp_path / "schermafdruk é 日本 (1).png", paste(page(), qr(OTPAUTH), 100, 60))
    assert decode_image_file(path) == [OTPAUTH]


def test_a_code_on_a_transparent_background_counts_as_on_white(tmp_path: Path) -> None:
    code = qr(OTPAUTH)
    rgba = np.zeros((*code.shape, 4), np.uint8)  # black everywhere ...
    rgba[:, :, 3] = 255 - code  # ... but only the dark modules are opaque
    assert decode_image_file(write_png(tmp_path / "transparent.png", rgba)) == [OTPAUTH]


def test_a_16_bit_picture_reads(tmp_path: Path) -> None:
    deep = paste(page(), qr(OTPAUTH), 100, 60).astype(np.uint16) * 257
    ok, data = cv2.imencode(".png", deep)
    assert ok
    (tmp_path / "deep.png").write_bytes(data.tobytes())
    assert decode_image_file(tmp_path / "deep.png") == [OTPAUTH]


def test_a_jpeg_photo_of_a_code_reads(tmp_path: Path) -> None:
    ok, data = cv2.imencode(".jpg", paste(page(), qr(OTPAUTH), 100, 60))
    assert ok
    (tmp_path / "photo.jpg").write_bytes(data.tobytes())
    assert decode_image_file(tmp_path / "photo.jpg") == [OTPAUTH]


def test_starting_the_cli_and_classifying_does_not_load_opencv_or_zxing() -> None:
    probe = (
        "import sys, desktop.cli, desktop.cli.parser, desktop.cli.scan, desktop.scan.classify;"
        "print(sorted({'cv2', 'zxingcpp', 'numpy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
