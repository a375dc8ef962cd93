"""What surrounds the main window: the settings and their dialog, the clock check and its
banner, the app lock and the vault password, the tray icon, connected in
:mod:`.around_window`."""
