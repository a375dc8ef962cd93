"""Tweestap desktop: the authenticator, its vault, its CLI and (later) the admin panel."""

__version__ = "0.1.0"
