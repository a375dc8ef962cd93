"""Adapters to the desktop Tweestap runs on, each behind a small Qt or Python interface:

* :mod:`.single_instance`: one window per data folder (a local socket);
* :mod:`.screenshot_portal`: a screenshot through the desktop portal (Wayland, D-Bus);
* :mod:`.session_lock`: the session locking or the computer going to sleep (D-Bus);
* :mod:`.desktop_entry`: the application menu entry and the ``otpauth://`` handler.

The widgets use these; nothing here builds a widget.
"""
