"""The login web page: server-rendered templates (``resources/templates/web``), Dutch and
English, over the same services as the JSON API."""

from server_stub.web.routes import install

__all__ = ["install"]
