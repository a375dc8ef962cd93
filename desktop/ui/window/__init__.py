"""The main window: the list of codes (model, painting, press and hold to copy), the search,
the account actions, and the clipboard a code is copied to."""
