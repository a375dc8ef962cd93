"""The service layer: every rule of the server, knowing nothing of HTTP.

The JSON API (and later the login web page) are thin callers of :class:`Services`.
"""

from server_stub.services.container import Services

__all__ = ["Services"]
