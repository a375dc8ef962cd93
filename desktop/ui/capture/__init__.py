"""Pixels from Qt for the QR decoder (:mod:`desktop.scan`, which decodes pixels it is
given): the screens at device pixels, a picture on the clipboard, a ``QImage`` as an array."""
