"""The service layer: every rule of the server, knowing nothing of HTTP.

The JSON API and the login web page are thin callers of :class:`Services`. The services take
and give back the values of :mod:`server_stub.domain` (never the API's pydantic schemas) and
raise :mod:`.errors` refusals, which the HTTP side turns into statuses.
"""

from server_stub.services.container import Services

__all__ = ["Services"]
