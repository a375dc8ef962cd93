"""The app's settings, each declared once: key, type, default, range or choices, label.

The settings dialog is built from :data:`ALL`; the rest of the app reads values with
``settings.get(CLIPBOARD_CLEAR_SECONDS)`` and gets the declared type back.

**Where they are kept.** In ``settings.json`` next to the vault (``$TWEESTAP_HOME`` or the
platform's data folder), plain JSON written atomically with mode 0600 -- not in the
vault's encrypted ``settings`` mapping. The language, the theme, the tray and whether the
app is locked are needed *before* the vault is unlocked, and none of these values is a
secret, so one plain file holds them all rather than splitting them over two places. What
is about the accounts themselves (favourites) lives inside the vault. The app lock is the
exception that proves the rule: whether it is on is the vault header's key kind (a chosen
password), so its declaration is not ``stored`` here and can never disagree with the file.

Besides the settings the file keeps a little *state*: the clock correction the person
accepted, with its measurement time. A damaged or hand-edited file never stops the app:
values that are missing or out of range read as their defaults (and are listed in
:attr:`Settings.problems`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from desktop import paths
from desktop.clock import DEFAULT_NTP_SERVER, Correction
from desktop.errors import QT_TRANSLATE_NOOP, UserError

V = TypeVar("V", bool, int, float, str)

FILE_NAME = "settings.json"
FORMAT = 1
SECTION_GENERAL = QT_TRANSLATE_NOOP("SettingsDialog", "Codes")
SECTION_APPEARANCE = QT_TRANSLATE_NOOP("SettingsDialog", "Appearance")
SECTION_LOCK = QT_TRANSLATE_NOOP("SettingsDialog", "App lock")
SECTION_CLOCK = QT_TRANSLATE_NOOP("SettingsDialog", "Clock check")


class InvalidSetting(UserError):
    """A value outside a setting's type or range; nothing was changed."""

    def __init__(self, key: str, value: object) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "The setting \u201c{key}\u201d cannot be {value}; nothing was changed."
            ),
            key=key,
            value=repr(value),
        )
        self.key = key


class SettingsNotSaved(UserError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The settings could not be saved in {path} ({reason})."),
            path=str(path),
            reason=reason,
        )


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str  # marked with QT_TRANSLATE_NOOP("SettingsDialog", ...)


@dataclass(frozen=True, slots=True)
class Setting(Generic[V]):
    """One setting. ``label``, ``note`` and choice labels are English source text in the
    ``SettingsDialog`` translation context."""

    key: str
    type: type[V]
    default: V
    label: str
    section: str
    minimum: V | None = None
    maximum: V | None = None
    step: V | None = None
    choices: tuple[Choice, ...] = ()
    unit: str = ""
    note: str = ""
    pattern: str = ""
    """For text: a regular expression the whole value must match."""
    stored: bool = True
    """False: the value lives elsewhere (the app lock is the vault's key kind)."""
    applies_after_restart: bool = False

    def validate(self, value: object) -> V:
        """``value`` as this setting's type; :class:`InvalidSetting` if it does not fit."""
        if self.type is bool:
            ok = isinstance(value, bool)
        elif self.type is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif self.type is float:
            ok = (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and math.isfinite(value)
            )
            value = float(value) if ok else value  # type: ignore[arg-type]
        else:
            ok = isinstance(value, str)
        if not ok:
            raise InvalidSetting(self.key, value)
        if self.minimum is not None and value < self.minimum:  # type: ignore[operator]
            raise InvalidSetting(self.key, value)
        if self.maximum is not None and value > self.maximum:  # type: ignore[operator]
            raise InvalidSetting(self.key, value)
        if self.choices and value not in {choice.value for choice in self.choices}:
            raise InvalidSetting(self.key, value)
        if self.pattern and not re.fullmatch(self.pattern, cast(str, value)):
            raise InvalidSetting(self.key, value)
        return cast(V, value)


_HOSTNAME = r"(?=.{1,253}$)[A-Za-z0-9:]([A-Za-z0-9.:\-]*[A-Za-z0-9])?"  # names, IPv4, IPv6
_SERVER_URL = r"(https?://[A-Za-z0-9.\-:\[\]]+(:[0-9]{1,5})?(/[^\s]*)?)?"

CLIPBOARD_CLEAR_SECONDS = Setting(
    "clipboard_clear_seconds",
    int,
    30,
    QT_TRANSLATE_NOOP("SettingsDialog", "Clear a copied code from the clipboard after"),
    SECTION_GENERAL,
    minimum=0,
    maximum=600,
    step=5,
    unit=QT_TRANSLATE_NOOP("SettingsDialog", "s"),
    note=QT_TRANSLATE_NOOP("SettingsDialog", "0 keeps it until you copy something else."),
)
HOLD_SECONDS = Setting(
    "hold_to_copy_seconds",
    float,
    0.5,
    QT_TRANSLATE_NOOP("SettingsDialog", "Press and hold a code to copy it for"),
    SECTION_GENERAL,
    minimum=0.2,
    maximum=3.0,
    step=0.1,
    unit=QT_TRANSLATE_NOOP("SettingsDialog", "s"),
)
SHOW_NEXT_CODE = Setting(
    "show_next_code",
    bool,
    True,
    QT_TRANSLATE_NOOP("SettingsDialog", "Show the next code during a code's last seconds"),
    SECTION_GENERAL,
)
LANGUAGE = Setting(
    "language",
    str,
    "system",
    QT_TRANSLATE_NOOP("SettingsDialog", "Language"),
    SECTION_APPEARANCE,
    choices=(
        Choice("system", QT_TRANSLATE_NOOP("SettingsDialog", "The system's language")),
        Choice("nl", "Nederlands"),
        Choice("en", "English"),
    ),
    applies_after_restart=True,
)
THEME = Setting(
    "theme",
    str,
    "system",
    QT_TRANSLATE_NOOP("SettingsDialog", "Colours"),
    SECTION_APPEARANCE,
    choices=(
        Choice("system", QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system")),
        Choice("light", QT_TRANSLATE_NOOP("SettingsDialog", "Light")),
        Choice("dark", QT_TRANSLATE_NOOP("SettingsDialog", "Dark")),
    ),
)
START_IN_TRAY = Setting(
    "start_in_tray",
    bool,
    False,
    QT_TRANSLATE_NOOP("SettingsDialog", "Start minimised to the system tray"),
    SECTION_APPEARANCE,
    applies_after_restart=True,
)
APP_LOCK = Setting(
    "app_lock",
    bool,
    False,
    QT_TRANSLATE_NOOP("SettingsDialog", "Lock Tweestap with a password"),
    SECTION_LOCK,
    note=QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "The key to your accounts is then protected by the password instead of the system "
        "keyring, so a locked Tweestap really cannot show codes. If you forget the password "
        "and have no backup, your accounts are lost.",
    ),
    stored=False,
)
LOCK_AFTER_MINUTES = Setting(
    "lock_after_minutes",
    int,
    5,
    QT_TRANSLATE_NOOP("SettingsDialog", "Lock after this long without use"),
    SECTION_LOCK,
    minimum=0,
    maximum=480,
    step=1,
    unit=QT_TRANSLATE_NOOP("SettingsDialog", "min"),
    note=QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "0: only when you lock it yourself or lock your computer's session.",
    ),
)
CLOCK_SOURCE = Setting(
    "clock_source",
    str,
    "auto",
    QT_TRANSLATE_NOOP("SettingsDialog", "Check this computer's clock against"),
    SECTION_CLOCK,
    choices=(
        Choice("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Time server and 2FA server")),
        Choice("ntp", QT_TRANSLATE_NOOP("SettingsDialog", "Time server only")),
        Choice("server", QT_TRANSLATE_NOOP("SettingsDialog", "2FA server only")),
        Choice("off", QT_TRANSLATE_NOOP("SettingsDialog", "Do not check")),
    ),
)
NTP_SERVER = Setting(
    "ntp_server",
    str,
    DEFAULT_NTP_SERVER,
    QT_TRANSLATE_NOOP("SettingsDialog", "Time server (NTP)"),
    SECTION_CLOCK,
    pattern=_HOSTNAME,
)
SERVER_URL = Setting(
    "server_url",
    str,
    "",
    QT_TRANSLATE_NOOP("SettingsDialog", "2FA server address"),
    SECTION_CLOCK,
    pattern=_SERVER_URL,
    note=QT_TRANSLATE_NOOP(
        "SettingsDialog", "For example https://2fa.example.org; empty: no server."
    ),
)

ALL: tuple[Setting[Any], ...] = (
    CLIPBOARD_CLEAR_SECONDS,
    HOLD_SECONDS,
    SHOW_NEXT_CODE,
    LANGUAGE,
    THEME,
    START_IN_TRAY,
    APP_LOCK,
    LOCK_AFTER_MINUTES,
    CLOCK_SOURCE,
    NTP_SERVER,
    SERVER_URL,
)
BY_KEY: Mapping[str, Setting[Any]] = {setting.key: setting for setting in ALL}


def settings_path(home: Path | None = None) -> Path:
    return (home if home is not None else paths.data_home()) / FILE_NAME


class Settings:
    """The values of :data:`ALL` (the stored ones) and the clock correction, in one file."""

    def __init__(
        self,
        path: Path,
        values: Mapping[str, Any] | None = None,
        *,
        correction: Correction | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self.problems: list[str] = []
        """Keys whose stored value was unusable and reads as the default."""
        for key, value in (values or {}).items():
            setting = BY_KEY.get(key)
            if setting is None or not setting.stored:
                continue
            try:
                self._values[key] = setting.validate(value)
            except InvalidSetting:
                self.problems.append(key)
        self.correction = correction
        self._extra = dict(extra or {})  # a newer version's fields, kept as they are

    MAX_FILE_SIZE = 1024 * 1024  # a few hundred bytes in practice; never read without end

    @classmethod
    def load(cls, home: Path | None = None) -> Settings:
        """The settings in ``home``; defaults if there is no file or it is unreadable."""
        from desktop.files import TooLarge, read_limited

        path = settings_path(home)
        try:
            data = json.loads(read_limited(path, cls.MAX_FILE_SIZE).decode("utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, TooLarge, UnicodeDecodeError, ValueError, RecursionError):
            settings = cls(path)
            settings.problems.append(FILE_NAME)
            return settings
        if not isinstance(data, dict):
            data = {}
        values = data.get("settings")
        state = data.get("state")
        extra = {k: v for k, v in data.items() if k not in ("format", "settings", "state")}
        settings = cls(
            path,
            values if isinstance(values, dict) else {},
            correction=_correction_from(state.get("clock_correction"))
            if isinstance(state, dict)
            else None,
            extra=extra,
        )
        return settings

    def get(self, setting: Setting[V]) -> V:
        value = self._values.get(setting.key, setting.default)
        return cast(V, value)

    def values(self) -> dict[str, Any]:
        """Every stored setting's current value, by key."""
        return {s.key: self.get(s) for s in ALL if s.stored}

    def update(self, changes: Mapping[str, object]) -> list[str]:
        """Validate every change first, then save once; returns the keys that changed.
        :class:`InvalidSetting` (and nothing saved) if one value does not fit."""
        checked: dict[str, Any] = {}
        for key, value in changes.items():
            setting = BY_KEY.get(key)
            if setting is None or not setting.stored:
                raise InvalidSetting(key, value)
            checked[key] = setting.validate(value)
        changed = [key for key, value in checked.items() if self.get(BY_KEY[key]) != value]
        if changed:
            previous = dict(self._values)
            self._values.update(checked)
            try:
                self.save()
            except SettingsNotSaved:
                self._values = previous
                raise
        return changed

    def set(self, setting: Setting[V], value: V) -> bool:
        return bool(self.update({setting.key: value}))

    def set_correction(self, correction: Correction | None) -> None:
        if correction != self.correction:
            self.correction = correction
            self.save()

    def save(self) -> None:
        from desktop.vault import store  # file I/O only; no crypto involved

        state: dict[str, Any] = {}
        if self.correction is not None:
            state["clock_correction"] = {
                "offset": self.correction.offset,
                "measured_at": self.correction.measured_at,
                "source": self.correction.source,
            }
        document = {**self._extra, "format": FORMAT, "settings": self._values, "state": state}
        data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")
        try:
            store.write_atomic(self.path, data)
        except store.StoreError as error:
            raise SettingsNotSaved(self.path, error.reason) from error


def _correction_from(value: object) -> Correction | None:
    if not isinstance(value, dict):
        return None
    offset, measured_at, source = value.get("offset"), value.get("measured_at"), value.get("source")
    numbers = (offset, measured_at)
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
        return None
    if not all(math.isfinite(cast(float, n)) for n in numbers):
        return None
    return Correction(
        offset=float(cast(float, offset)),
        measured_at=float(cast(float, measured_at)),
        source=source if isinstance(source, str) else "",
    )
