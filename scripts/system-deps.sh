#!/usr/bin/env bash
# Installs the Debian packages Tweestap needs to run and to be tested, when they are missing.
# Qt's xcb/offscreen platforms, a virtual X server for screen/clipboard tests, and a real
# Secret Service (gnome-keyring on a private D-Bus) for the keyring tests, Chromium for the
# login web page tests (Playwright drives /usr/bin/chromium; it never downloads one),
# xdg-utils/desktop-file-utils for the desktop entry, at-spi2-core for the screen reader tests
# (the accessibility bus launcher and registry; the tests read the tree over D-Bus), and
# PostgreSQL, whose binaries the server tests run a private cluster with (the system's own
# cluster is not used; its pg_dump and pg_restore back up and restore), and systemd, whose
# systemd-analyze checks the shipped service units (nothing is started).
set -euo pipefail
packages=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-dejavu-core
  xvfb xauth dbus dbus-x11 gnome-keyring
  chromium xdg-utils desktop-file-utils at-spi2-core postgresql systemd
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
