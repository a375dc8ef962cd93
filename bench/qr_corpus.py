"""A synthetic, reproducible set of QR pictures like the ones Tweestap must read (not a test).

Categories (counts in :data:`CATEGORIES`), modelled on where account QR codes come from:

* ``clean``: a code alone on white, 3-8 px modules (a saved image of the code);
* ``screenshot_1080p``: a 1920x1080 web page with the code at 2-5 px modules, often scaled
  by the browser (fractional modules, smoothed);
* ``tiny``: 1366x768 and 1920x1080 pages whose code has 1-2 px modules (zoomed-out pages);
* ``screenshot_4k``: 3840x2160 HiDPI pages, 2-8 px modules;
* ``webcam``: a laptop screen photographed by a webcam: perspective, blur, noise, uneven
  light, JPEG, 640x480 or 1280x720;
* ``rotated``: pages turned by any angle;
* ``dark``: dark-mode pages that show the code light on dark;
* ``several``: 2-4 codes on one page;
* ``dense_export``: Google Authenticator export codes of 8-25 accounts (QR versions 20-40)
  on a page or photographed;
* ``low_contrast``: grey on grey (30-60 levels apart);
* ``negative``: pages without any QR code (text, boxes, other barcodes, noise, grids).

Each :class:`Sample` carries the texts it holds; a decoder must return exactly those. The
set is generated lazily from a seed (nothing is stored): ``samples()`` yields one picture at
a time so that the 4K pages do not all sit in memory.
"""

from __future__ import annotations

import base64
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from desktop.otp.model import Account
from desktop.scan.migration import encode_migration_uris

Image = NDArray[np.uint8]

CATEGORIES: Final[dict[str, int]] = {
    "clean": 40,
    "screenshot_1080p": 60,
    "tiny": 30,
    "screenshot_4k": 30,
    "webcam": 70,
    "rotated": 30,
    "dark": 30,
    "several": 30,
    "dense_export": 40,
    "low_contrast": 30,
    "negative": 45,
}

_ISSUERS = ("Zilliz", "GitHub", "Microsoft", "Google", "Proton", "Nextcloud", "Zorg & Co", "Bol")
_WORDS = (
    "inloggen",
    "tweestapsverificatie",
    "scan",
    "de",
    "QR-code",
    "met",
    "je",
    "authenticator",
    "app",
    "instelsleutel",
    "kopieer",
    "koppeling",
    "afgerond",
    "medewerker",
    "account",
    "wachtwoord",
    "volgende",
    "annuleer",
    "opslaan",
    "two-step",
    "verification",
    "this",
    "code",
    "with",
    "your",
    "setup",
    "key",
    "continue",
    "cancel",
)


@dataclass(frozen=True, slots=True)
class Sample:
    category: str
    index: int
    image: Image
    expected: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.category}-{self.index:03d}"

    @property
    def is_1080p(self) -> bool:
        return self.image.shape[:2] == (1080, 1920)


def samples(seed: int = 4, only: str | None = None) -> Iterator[Sample]:
    """The corpus, in category order; ``only`` limits it to one category."""
    makers = {
        "clean": _clean,
        "screenshot_1080p": _screenshot_1080p,
        "tiny": _tiny,
        "screenshot_4k": _screenshot_4k,
        "webcam": _webcam,
        "rotated": _rotated,
        "dark": _dark,
        "several": _several,
        "dense_export": _dense_export,
        "low_contrast": _low_contrast,
        "negative": _negative,
    }
    for number, (category, count) in enumerate(CATEGORIES.items()):
        if only is not None and category != only:
            continue
        for index in range(count):
            rng = np.random.default_rng([seed, number, index])
            image, expected = makers[category](rng)
            yield Sample(category, index, image, tuple(expected))


def u8(array: object) -> Image:
    """``array`` as ``uint8`` (OpenCV's functions are typed as returning any matrix)."""
    return np.asarray(array, dtype=np.uint8)


# -- payloads -------------------------------------------------------------------------------


def otpauth_uri(rng: np.random.Generator) -> str:
    issuer = str(rng.choice(_ISSUERS))
    user = "".join(rng.choice(list(string.ascii_lowercase), size=int(rng.integers(4, 10))))
    secret = base64.b32encode(rng.bytes(int(rng.choice([10, 20, 32])))).decode().rstrip("=")
    label = f"{issuer.replace(' ', '%20').replace('&', '%26')}:{user}%40example.org"
    query = f"secret={secret}&issuer={issuer.replace(' ', '+').replace('&', '%26')}"
    if rng.random() < 0.5:
        query += "&algorithm=SHA1&digits=6&period=30"
    return f"otpauth://totp/{label}?{query}"


def export_uri(rng: np.random.Generator, count: int) -> str:
    accounts = [
        Account(
            issuer=str(rng.choice(_ISSUERS)),
            name=f"user{int(rng.integers(1000))}@example.org",
            secret=rng.bytes(20),
        )
        for _ in range(count)
    ]
    batch_id = int(rng.integers(-(2**31), 2**31 - 1))
    [uri] = encode_migration_uris(accounts, batch_id=batch_id, per_batch=count)
    return uri


# -- drawing --------------------------------------------------------------------------------


def qr_modules(text: str, ec_level: str = "M") -> Image:
    """The code at one pixel per module, with its 4-module quiet zone: 0 dark, 255 light."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    return np.ascontiguousarray(np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=1)))


def render_qr(modules: Image, module_px: float, *, smooth: bool = False) -> Image:
    """The code at ``module_px`` pixels per module; ``smooth`` scales as a browser does."""
    size = max(1, round(modules.shape[0] * module_px))
    if not smooth and float(module_px).is_integer():
        interpolation = cv2.INTER_NEAREST
    else:
        interpolation = cv2.INTER_AREA if module_px < 1 else cv2.INTER_LINEAR
    return np.asarray(cv2.resize(modules, (size, size), interpolation=interpolation), np.uint8)


def colourise(gray: Image, dark: int, light: int) -> Image:
    """Map 0..255 to dark..light, as a QR drawn in other colours."""
    scaled = gray.astype(np.float32) / 255.0 * (light - dark) + dark
    return u8(np.clip(scaled, 0, 255))


def fake_page(rng: np.random.Generator, height: int, width: int, *, dark: bool = False) -> Image:
    """A login page: a header bar, lines of text, a few boxes and buttons (BGR)."""
    background = (30, 30, 34) if dark else (255, 255, 255)
    ink = (220, 220, 220) if dark else (40, 40, 40)
    page = np.empty((height, width, 3), np.uint8)
    page[:] = background
    header = max(40, height // 14)
    page[:header] = rng.integers(40, 200, size=3)
    scale = width / 1920
    for _ in range(int(rng.integers(10, 30))):
        words = " ".join(rng.choice(_WORDS, size=int(rng.integers(3, 9))))
        x, y = int(rng.integers(0, width - 50)), int(rng.integers(header + 20, height))
        cv2.putText(page, words, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7 * scale, ink, 1)
    for _ in range(int(rng.integers(2, 6))):
        x, y = int(rng.integers(0, width - 100)), int(rng.integers(header, height - 40))
        w = int(rng.integers(60, int(300 * scale) + 61))
        h = int(rng.integers(20, int(60 * scale) + 21))
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        cv2.rectangle(page, (x, y), (x + w, y + h), colour, -1 if rng.random() < 0.5 else 2)
    return page


def paste(page: Image, patch: Image, x: int, y: int) -> None:
    h, w = patch.shape[:2]
    if page.ndim == 3 and patch.ndim == 2:
        patch = np.repeat(patch[:, :, None], 3, axis=2)
    page[y : y + h, x : x + w] = patch


def place(rng: np.random.Generator, page: Image, patch: Image) -> tuple[int, int]:
    """Paste ``patch`` somewhere below the header; returns its top-left corner."""
    height, width = page.shape[:2]
    h, w = patch.shape[:2]
    x = int(rng.integers(0, max(1, width - w)))
    y = int(rng.integers(min(height - h, height // 10), max(height // 10 + 1, height - h)))
    paste(page, patch, x, y)
    return x, y


def photograph(
    rng: np.random.Generator, scene: Image, size: tuple[int, int], module_px: float, blur: float
) -> Image:
    """``scene`` as a webcam sees a screen: perspective, blur, light fall-off, noise, JPEG.

    ``module_px`` is the code's module size in ``scene``; ``blur`` is the focus blur (the
    Gaussian's sigma) as a fraction of the module size in the photo.
    """
    width, height = size
    h, w = scene.shape[:2]
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    fill = float(rng.uniform(0.55, 0.9))
    cx, cy = width / 2 + rng.uniform(-0.1, 0.1) * width, height / 2
    half_h = min(width * h / w, height) * fill / 2
    half_w = half_h * w / h
    jitter = half_h * 0.12

    def corner(dx: int, dy: int) -> list[float]:
        return [
            cx + dx * half_w + rng.uniform(-jitter, jitter),
            cy + dy * half_h + rng.uniform(-jitter, jitter),
        ]

    target = np.array(
        [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(source, target)
    room = tuple(int(c) for c in rng.integers(40, 120, size=3))
    frame = cv2.warpPerspective(
        scene, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=room
    )
    frame = cv2.GaussianBlur(frame, (0, 0), blur * module_px * 2 * half_h / h)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    light = 1.0 - 0.35 * (((xs - cx) / width) ** 2 + ((ys - cy) / height) ** 2)
    contrast = float(rng.uniform(0.7, 1.0))
    shaded = frame.astype(np.float32) * contrast * light[:, :, None] + rng.uniform(0, 40)
    noisy = shaded + rng.normal(0, float(rng.uniform(3, 9)), size=shaded.shape)
    photo = np.clip(noisy, 0, 255).astype(np.uint8)
    quality = int(rng.integers(55, 90))
    ok, jpeg = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), np.uint8)


# -- categories -----------------------------------------------------------------------------

Made = tuple[Image, list[str]]


def _ec(rng: np.random.Generator) -> str:
    return str(rng.choice(["L", "M", "M", "Q", "H"]))


def _clean(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    return render_qr(qr_modules(text, _ec(rng)), int(rng.integers(3, 9))), [text]


def _screenshot_1080p(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    page = fake_page(rng, 1080, 1920)
    module = float(rng.choice([2.0, 3.0, 4.0, 5.0, 2.5, 3.3, 4.2]))
    place(rng, page, render_qr(qr_modules(text, _ec(rng)), module, smooth=rng.random() < 0.5))
    return page, [text]


def _tiny(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    height, width = (768, 1366) if rng.random() < 0.5 else (1080, 1920)
    page = fake_page(rng, height, width)
    module = float(rng.choice([1.0, 1.0, 1.25, 1.5, 1.75, 2.0]))
    place(rng, page, render_qr(qr_modules(text, _ec(rng)), module, smooth=module != 1.0))
    return page, [text]


def _screenshot_4k(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    page = fake_page(rng, 2160, 3840)
    module = float(rng.choice([2.0, 3.0, 4.0, 6.0, 8.0, 2.5, 5.5]))
    place(rng, page, render_qr(qr_modules(text, _ec(rng)), module, smooth=rng.random() < 0.5))
    return page, [text]


def _webcam(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    module = float(rng.choice([4.0, 5.0, 6.0]))
    code = render_qr(qr_modules(text, _ec(rng)), module)
    # The part of the screen held in front of the camera: the code and some page around it.
    height = int(code.shape[0] * rng.uniform(1.4, 2.2))
    width = height * 4 // 3
    scene = fake_page(rng, height, width)
    paste(scene, code, (width - code.shape[1]) // 2, (height - code.shape[0]) // 2)
    size = (640, 480) if rng.random() < 0.5 else (1280, 720)
    return photograph(rng, scene, size, module, blur=float(rng.uniform(0.15, 0.6))), [text]


def _rotated(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    page = fake_page(rng, 1080, 1920)
    code = render_qr(qr_modules(text, _ec(rng)), float(rng.choice([3.0, 4.0, 5.0])))
    # Near the middle, so that the turned code stays whole inside the picture.
    cx, cy = 960 + int(rng.integers(-300, 301)), 540 + int(rng.integers(-120, 121))
    paste(page, code, cx - code.shape[1] // 2, cy - code.shape[0] // 2)
    matrix = cv2.getRotationMatrix2D((float(cx), float(cy)), float(rng.uniform(5, 355)), 1.0)
    turned = cv2.warpAffine(page, matrix, (1920, 1080), borderValue=(255, 255, 255))
    return np.asarray(turned, np.uint8), [text]


def _dark(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    page = fake_page(rng, 1080, 1920, dark=True)
    light = int(rng.integers(180, 240))
    code = 255 - render_qr(qr_modules(text, _ec(rng)), float(rng.choice([3.0, 4.0, 5.0, 3.5])))
    place(rng, page, colourise(code, 30, light))
    return page, [text]


def _several(rng: np.random.Generator) -> Made:
    page = fake_page(rng, 1080, 1920)
    count = int(rng.integers(2, 5))
    texts = []
    slot = 1920 // count
    for i in range(count):
        text = otpauth_uri(rng) if rng.random() < 0.8 else f"https://example.org/{i}"
        code = render_qr(qr_modules(text, _ec(rng)), float(rng.choice([3.0, 4.0])))
        x = i * slot + int(rng.integers(0, max(1, slot - code.shape[1])))
        y = int(rng.integers(100, 1080 - code.shape[0]))
        paste(page, code, x, y)
        texts.append(text)
    return page, texts


def _dense_export(rng: np.random.Generator) -> Made:
    text = export_uri(rng, int(rng.integers(8, 26)))
    modules = qr_modules(text, str(rng.choice(["L", "M"])))
    if rng.random() < 0.6:
        page = fake_page(rng, 1080, 1920)
        module = float(rng.choice([2.0, 3.0, 2.5, 3.5]))
        place(rng, page, render_qr(modules, module, smooth=module % 1 != 0))
        return page, [text]
    code = render_qr(modules, 3.0)
    scene = np.full((code.shape[0] + 80, code.shape[1] + 80, 3), 250, np.uint8)
    paste(scene, code, 40, 40)
    photo = photograph(rng, scene, (1280, 720), 3.0, blur=float(rng.uniform(0.2, 0.5)))
    return photo, [text]


def _low_contrast(rng: np.random.Generator) -> Made:
    text = otpauth_uri(rng)
    page = fake_page(rng, 1080, 1920)
    light = int(rng.integers(170, 230))
    dark = light - int(rng.integers(30, 61))
    code = render_qr(qr_modules(text, _ec(rng)), float(rng.choice([3.0, 4.0, 5.0])))
    place(rng, page, colourise(code, dark, light))
    return page, [text]


def _negative(rng: np.random.Generator) -> Made:
    kind = int(rng.integers(0, 5))
    page = fake_page(rng, 1080, 1920, dark=kind == 4)
    if kind == 1:  # other 2D and linear barcodes must not be read as QR codes
        for fmt in (zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.Aztec):
            other = zxingcpp.create_barcode("otpauth://totp/no?secret=JBSWY3DPEHPK3PXP", fmt)
            place(rng, page, np.asarray(zxingcpp.write_barcode_to_image(other, scale=4)))
        ean = zxingcpp.create_barcode("9780201379624", zxingcpp.BarcodeFormat.EAN13)
        place(rng, page, np.asarray(zxingcpp.write_barcode_to_image(ean, scale=3)))
    elif kind == 2:  # noise
        noise = rng.integers(0, 256, size=(400, 400), dtype=np.uint8)
        place(rng, page, noise)
    elif kind == 3:  # a checkerboard and squares that look like finder patterns
        board = (np.indices((40, 40)).sum(axis=0) % 2 * 255).astype(np.uint8)
        place(rng, page, cv2.resize(board, (320, 320), interpolation=cv2.INTER_NEAREST))
        finder = np.full((7, 7), 0, np.uint8)
        finder[1:6, 1:6] = 255
        finder[2:5, 2:5] = 0
        for _ in range(3):
            place(rng, page, u8(cv2.resize(finder, (70, 70), interpolation=cv2.INTER_NEAREST)))
    return page, []
