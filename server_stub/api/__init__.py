"""The JSON API: thin FastAPI routes over :class:`server_stub.services.Services`."""

from server_stub.api.app import create_app

__all__ = ["create_app"]
