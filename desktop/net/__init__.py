"""Everything on the desktop that talks to the network, and nothing else does.

* :mod:`.admin_client`: the one HTTP client of the 2FA server's JSON API (login steps,
  every admin route, the server's declared contract ``GET /api/meta``);
* :mod:`.embedded_server`: the 2FA server on this computer, found by its health check or
  started as a process;
* :mod:`.time_sources`: how far this computer's clock is off, asked of an NTP server
  (SNTP over UDP) and of the 2FA server's HTTP ``Date``.

An import-linter contract (pyproject.toml) keeps httpx, socket, http and ssl out of every
other desktop package. Nothing here uses Qt: callers run these on a worker thread.
"""
