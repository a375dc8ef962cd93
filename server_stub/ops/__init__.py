"""What an operator needs beside the rules: readiness and the schema's state (``ready``,
``schema``), Prometheus metrics (``metrics``), log lines and the access log (``logs``,
``requests``), backups (``backup``), the at-rest key's rotation (``keyrotation``) and their
commands (``commands``). Installed into the app by :func:`server_stub.ops.http.install`.

This package imports nothing at its top, so that the services can import :mod:`.metrics`
without a cycle.
"""
