"""What the JSON API (``api/``) and the login page (``web/``) share about a request: its
dependencies (the services, the client's address, the bearer token), the HTTP status each
refusal gets, and the security headers. ``api/`` and ``web/`` never import each other; the
application (``server_stub/app.py``) puts them together."""
