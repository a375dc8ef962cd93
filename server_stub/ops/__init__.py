"""What an operator needs beside the rules: the schema's state (``schema``, read by
``/api/ready`` in ``server_stub/api/ready.py``), Prometheus metrics (``metrics``), log lines and
the access log (``logs``, ``requests``: the app factory ``server_stub/app.py`` adds the request
observer), backups (``backup``), the at-rest key's rotation (``keyrotation``) and their
commands (``commands``).

This package imports nothing at its top, so that the password hashing can import
:mod:`.metrics` without a cycle.
"""
