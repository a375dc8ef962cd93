"""The admin panel's widgets. They call :mod:`desktop.net.admin_client` through
:class:`~desktop.ui.admin.session.AdminSession` and never talk HTTP themselves."""
