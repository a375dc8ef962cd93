"""Tweestap's small but real two-factor server (FastAPI + SQLite); see DESIGN.md."""

__version__ = "0.1.0"
