"""The admin side of Tweestap, free of Qt: the one HTTP client of the 2FA server's JSON API,
its typed answers and errors, the embedded server on this machine, and helpers the panel
uses (the admin's own code from the vault, the CSV export).

The widgets in :mod:`desktop.ui.admin` never talk HTTP themselves: they call
:class:`~desktop.net.admin_client.AdminClient` on a worker thread.
"""
