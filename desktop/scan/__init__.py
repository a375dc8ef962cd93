"""Reading QR codes from pixels it is given (picture files, a camera's frames, the screens
and clipboard pictures that :mod:`desktop.ui.capture` gets from Qt). No Qt here.

* :mod:`.decode`: the one decoder (zxing-cpp) with its measured fallbacks, and picture files;
* :mod:`.classify`: what a code is (account, Google export, web address, Microsoft work
  account, other) and what to tell the person;
* :mod:`.migration`: Google Authenticator exports (``otpauth-migration://``), multi-part;
* :mod:`.camera`: a webcam or a video file, the same code path;
* :mod:`.errors`: every sentence scanning can say.

Nothing is imported here: numpy, OpenCV and zxing-cpp load only when a module that needs
them is imported, so starting the app or the CLI does not pay for them. See
``docs/scanning.md``.
"""

from __future__ import annotations

import os

MAX_PICTURE_PIXELS = 64 * 1024 * 1024
"""Pixels OpenCV decodes from one picture file (64 megapixels: an 8K screenshot has 33, a
phone photo up to 50). A small PNG can claim 30,000 x 30,000 pixels and decode to gigabytes;
OpenCV refuses more than this instead. It reads the limit once, when it is loaded, so it
is set here: every module that imports ``cv2`` lives in this package (an import-linter
contract, ``desktop-opencv-in-scan``, holds that)."""

os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_PICTURE_PIXELS))
