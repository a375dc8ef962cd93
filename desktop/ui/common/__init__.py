"""Widgets and seams every part of the window uses: the one timer, the one way to run
work in the background, windows that fit what they show, names for screen readers, the
theme, and the fields the account dialogs share."""
