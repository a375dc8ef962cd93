"""The login page's words, Dutch and English, in one place; and which language a request gets.

Dutch wording follows the customer's help page (the seed): "Tweestapsverificatie",
"Voer de code in", "Onjuiste code", "Inloggen", "instelsleutel". Placeholders are
``str.format`` fields; both languages use the same ones for every key (a unit test checks).
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from typing import Final, Literal, get_args

Lang = Literal["nl", "en"]
LANGS: Final[tuple[Lang, ...]] = get_args(Lang)
DEFAULT_LANG: Final[Lang] = "en"

CATALOGUE: Final[Mapping[Lang, Mapping[str, str]]] = {
    "nl": {
        "page_title": "{page} – Tweestap",
        "brand": "Tweestap",
        "language": "Taal",
        "lang_nl": "Nederlands",
        "lang_en": "English",
        "login_title": "Inloggen",
        "login_intro": "Log in met je gebruikersnaam en wachtwoord.",
        "username": "Gebruikersnaam",
        "password": "Wachtwoord",
        "login_button": "Inloggen",
        "error_invalid_credentials": "Onjuiste gebruikersnaam of wachtwoord.",
        "error_blocked": (
            "Je account is geblokkeerd. Neem contact op met een beheerder van je organisatie."
        ),
        "error_ip_not_allowed": "Je account mag niet inloggen vanaf dit IP-adres.",
        "error_session_expired": "Je sessie is verlopen. Log opnieuw in.",
        "error_too_many_attempts": (
            "Te veel onjuiste wachtwoorden. Probeer het over {wait} opnieuw."
        ),
        "error_busy": "De server is even te druk. Probeer het over {wait} opnieuw.",
        "twofa": "Tweestapsverificatie",
        "enroll_title": "Authenticator-app koppelen",
        "enroll_intro": (
            "Voor je account is tweestapsverificatie ingesteld. Koppel eerst een authenticator-app."
        ),
        "enroll_step_scan": (
            "Scan de QR-code met een authenticator-app op je telefoon, of met Tweestap op je pc."
        ),
        "enroll_step_key": "Lukt scannen niet? Neem dan de instelsleutel over in de app.",
        "enroll_step_code": "Voer de code in die de app toont. Daarmee is de koppeling afgerond.",
        "enroll_note": (
            "Voer je geen code in, dan is de koppeling niet afgerond en zie je de volgende "
            "keer dat je inlogt een nieuwe QR-code."
        ),
        "enroll_again_title": "Je ziet opnieuw een QR-code",
        "enroll_again": (
            "De koppeling met je app was nog niet afgerond, of je tweestapsverificatie is "
            "gereset. De codes van de oude regel in je app werken niet meer: verwijder eerst "
            "de oude regel uit je app en koppel daarna opnieuw met deze QR-code."
        ),
        "enroll_step_remove": "Verwijder de oude regel voor dit account uit je app.",
        "qr_alt": "QR-code om je account toe te voegen aan een authenticator-app",
        "pair_here": "Koppelen met de authenticator-app op deze pc",
        "pair_here_hint": (
            "Staat Tweestap (of een andere authenticator-app) op deze pc? Deze link opent "
            "het account daarin; voer daarna hieronder de code in die de app toont."
        ),
        "help_link": "Wat moet ik doen als de code niet werkt?",
        "help_title": "Wat moet ik doen als de code niet werkt?",
        "help_intro": (
            "Als de code van je authenticator-app niet werkt, kun je de volgende stappen "
            "doorlopen. Kijk daarnaast ook in de helpfunctie van je app."
        ),
        "help_recent": (
            "Controleer of je de meest recente code gebruikt. Elke 30 seconden krijg je een "
            "nieuwe code."
        ),
        "help_account": (
            "Controleer of de ingevoerde code hoort bij het account waarop je probeert in te "
            "loggen."
        ),
        "help_clock": (
            "Controleer de tijd op je telefoon en computer. Als de tijd van beide apparaten "
            "niet gelijk loopt, klopt de code niet. Zet de tijdzone en klok op automatisch. "
            "Tweestap op je pc vergelijkt zijn klok zelf met een tijdserver (menu Help)."
        ),
        "help_paired": (
            "Controleer of je apparaat goed gekoppeld is. Krijg je op de inlogpagina opnieuw "
            "de QR-code te zien? Dan is de app niet goed gekoppeld: verwijder eerst de oude "
            "regel uit de app, scan de nieuwe QR-code en voer meteen de code in."
        ),
        "help_login_help": "Inloghulp 2FA voor medewerkers",
        "help_reset_title": "Werkt het nog niet?",
        "help_reset": (
            "Vraag een beheerder met recht op module P&O om je tweestapsverificatie te "
            "resetten (module P&O > P&O beheer > Medewerkers > tabblad Account > [reset "
            "tweestapsverificatie]). Bij het inloggen zie je dan opnieuw een QR-code: "
            "verwijder eerst de oude regel uit je app en koppel opnieuw."
        ),
        "help_back": "Terug naar het inloggen",
        "setup_key": "Instelsleutel",
        "copy": "Kopiëren",
        "copy_label": "Instelsleutel kopiëren",
        "copied": "De instelsleutel is gekopieerd.",
        "copy_failed": "Kopiëren lukte niet. De sleutel is geselecteerd: kopieer hem met Ctrl+C.",
        "code_title": "Voer de code in",
        "code_label": "Code",
        "code_hint_app": (
            "De 6 cijfers uit je authenticator-app. Elke 30 seconden komt er een nieuwe code."
        ),
        "code_hint_email": "De {digits} cijfers uit de e-mail.",
        "verify_button": "Bevestigen",
        "cancel": "Annuleren",
        "error_invalid_code": "Onjuiste code.",
        "error_invalid_code_hint": (
            "Controleer of je de meest recente code gebruikt en of de tijd op je telefoon en "
            "computer gelijk loopt."
        ),
        "error_throttled": "Te veel onjuiste codes. Probeer het over {wait} opnieuw.",
        "error_code_already_used": (
            "Deze code is al gebruikt. Wacht op de volgende code: elke 30 seconden komt er een "
            "nieuwe."
        ),
        "error_email_code_already_used": (
            "Deze code is al gebruikt. Stuur een nieuwe code en voer die in."
        ),
        "error_credential_unreadable": (
            "Je code kan niet worden gecontroleerd. Vraag een beheerder om je "
            "tweestapsverificatie te resetten."
        ),
        "email_title": "Code per e-mail",
        "email_intro": "We sturen je een inlogcode per e-mail.",
        "email_send": "Stuur code",
        "email_resend": "Stuur een nieuwe code",
        "email_sent": "Code verstuurd naar {address}. De code is {minutes} minuten geldig.",
        "error_resend_limited": "Er is net een code verstuurd. Een nieuwe kan over {wait}.",
        "error_no_email_address": (
            "Er is geen e-mailadres bekend voor je account. Neem contact op met een beheerder."
        ),
        "done_title": "Je bent ingelogd",
        "done_user": "Je bent ingelogd als {name}.",
        "done_paired": "De koppeling is afgerond: je app is nu gekoppeld aan je account.",
        "logout": "Uitloggen",
        "csrf_title": "Deze pagina is verlopen",
        "csrf_text": (
            "Het formulier kon niet veilig worden verstuurd. Open de inlogpagina opnieuw en "
            "probeer het nog eens."
        ),
        "activate_title": "Wachtwoord kiezen",
        "activate_intro": "Kies een wachtwoord voor je account {name}.",
        "new_password": "Nieuw wachtwoord",
        "new_password_hint": "Minstens 8 tekens.",
        "repeat_password": "Herhaal het wachtwoord",
        "activate_button": "Wachtwoord instellen",
        "error_password_too_short": "Het wachtwoord moet minstens 8 tekens hebben.",
        "error_password_too_long": "Het wachtwoord mag hoogstens 1024 tekens hebben.",
        "error_passwords_differ": "De twee wachtwoorden zijn niet gelijk.",
        "invalid_link_title": "Deze link werkt niet meer",
        "invalid_link_text": (
            "De link is al gebruikt, verlopen of onvolledig. Vraag een beheerder van je "
            "organisatie om een nieuwe activatiemail."
        ),
        "activated_title": "Je wachtwoord is ingesteld",
        "activated_text": "Log nu in met je gebruikersnaam en je nieuwe wachtwoord.",
        "busy_title": "Even geduld",
        "busy_text": (
            "De server kan je verzoek nu even niet afhandelen. Probeer het over een paar "
            "seconden opnieuw."
        ),
        "not_found_title": "Pagina niet gevonden",
        "back_to_login": "Naar de inlogpagina",
        "seconds_one": "{n} seconde",
        "seconds_other": "{n} seconden",
        "minutes_one": "{n} minuut",
        "minutes_other": "{n} minuten",
    },
    "en": {
        "page_title": "{page} – Tweestap",
        "brand": "Tweestap",
        "language": "Language",
        "lang_nl": "Nederlands",
        "lang_en": "English",
        "login_title": "Log in",
        "login_intro": "Log in with your username and password.",
        "username": "Username",
        "password": "Password",
        "login_button": "Log in",
        "error_invalid_credentials": "Incorrect username or password.",
        "error_blocked": "Your account is blocked. Contact an administrator of your organisation.",
        "error_ip_not_allowed": "Your account may not log in from this IP address.",
        "error_session_expired": "Your session has expired. Please log in again.",
        "error_too_many_attempts": "Too many wrong passwords. Try again in {wait}.",
        "error_busy": "The server is busy. Try again in {wait}.",
        "twofa": "Two-step verification",
        "enroll_title": "Set up your authenticator app",
        "enroll_intro": (
            "Your account uses two-step verification. First pair an authenticator app."
        ),
        "enroll_step_scan": (
            "Scan the QR code with an authenticator app on your phone, or with Tweestap on your PC."
        ),
        "enroll_step_key": "Can't scan it? Enter the setup key in the app instead.",
        "enroll_step_code": "Enter the code the app shows. That completes the pairing.",
        "enroll_note": (
            "If you do not enter a code, the pairing is not completed and you will see a new "
            "QR code the next time you log in."
        ),
        "enroll_again_title": "You see a QR code again",
        "enroll_again": (
            "The pairing with your app was not completed, or your two-step verification was "
            "reset. The codes of the old entry in your app no longer work: remove the old "
            "entry from your app first, then pair again with this QR code."
        ),
        "enroll_step_remove": "Remove the old entry for this account from your app.",
        "qr_alt": "QR code to add your account to an authenticator app",
        "pair_here": "Pair with the authenticator app on this PC",
        "pair_here_hint": (
            "Is Tweestap (or another authenticator app) installed on this PC? This link "
            "opens the account in it; then enter the code the app shows below."
        ),
        "help_link": "What to do if the code does not work?",
        "help_title": "What to do if the code does not work?",
        "help_intro": (
            "If the code from your authenticator app does not work, go through these steps. "
            "See also the help of your app."
        ),
        "help_recent": (
            "Check that you use the most recent code. You get a new code every 30 seconds."
        ),
        "help_account": (
            "Check that the code you entered belongs to the account you are logging in to."
        ),
        "help_clock": (
            "Check the time on your phone and your computer. If the two do not show the same "
            "time, the code is wrong. Set the time zone and the clock to automatic. Tweestap "
            "on your PC compares its clock with a time server itself (Help menu)."
        ),
        "help_paired": (
            "Check that your device is paired. Do you see the QR code on the login page "
            "again? Then the app was not paired: first remove the old entry from the app, "
            "scan the new QR code and enter the code right away."
        ),
        "help_login_help": "Login help for two-step verification",
        "help_reset_title": "Still not working?",
        "help_reset": (
            "Ask an administrator with the right to module P&O to reset your two-step "
            "verification (module P&O > P&O beheer > Medewerkers > tab Account > [reset "
            "tweestapsverificatie]). You then see a QR code again when you log in: first "
            "remove the old entry from your app and pair again."
        ),
        "help_back": "Back to logging in",
        "setup_key": "Setup key",
        "copy": "Copy",
        "copy_label": "Copy the setup key",
        "copied": "The setup key has been copied.",
        "copy_failed": "Copying did not work. The key is selected: copy it with Ctrl+C.",
        "code_title": "Enter the code",
        "code_label": "Code",
        "code_hint_app": (
            "The 6 digits from your authenticator app. A new code appears every 30 seconds."
        ),
        "code_hint_email": "The {digits} digits from the e-mail.",
        "verify_button": "Verify",
        "cancel": "Cancel",
        "error_invalid_code": "Incorrect code.",
        "error_invalid_code_hint": (
            "Check that you are using the most recent code and that the time on your phone and "
            "computer match."
        ),
        "error_throttled": "Too many incorrect codes. Try again in {wait}.",
        "error_code_already_used": (
            "This code has already been used. Wait for the next code: a new one appears every "
            "30 seconds."
        ),
        "error_email_code_already_used": (
            "This code has already been used. Send a new code and enter that one."
        ),
        "error_credential_unreadable": (
            "Your code cannot be checked. Ask an administrator to reset your two-step verification."
        ),
        "email_title": "Code by e-mail",
        "email_intro": "We send you a login code by e-mail.",
        "email_send": "Send code",
        "email_resend": "Send a new code",
        "email_sent": "Code sent to {address}. It is valid for {minutes} minutes.",
        "error_resend_limited": "A code was sent just now. You can ask for a new one in {wait}.",
        "error_no_email_address": ("Your account has no e-mail address. Contact an administrator."),
        "done_title": "You are logged in",
        "done_user": "You are logged in as {name}.",
        "done_paired": "Pairing is complete: your app is now paired with your account.",
        "logout": "Log out",
        "csrf_title": "This page has expired",
        "csrf_text": (
            "The form could not be sent safely. Open the login page again and try once more."
        ),
        "activate_title": "Choose a password",
        "activate_intro": "Choose a password for your account {name}.",
        "new_password": "New password",
        "new_password_hint": "At least 8 characters.",
        "repeat_password": "Repeat the password",
        "activate_button": "Set password",
        "error_password_too_short": "The password must have at least 8 characters.",
        "error_password_too_long": "The password may have at most 1024 characters.",
        "error_passwords_differ": "The two passwords are not the same.",
        "invalid_link_title": "This link no longer works",
        "invalid_link_text": (
            "The link has been used already, has expired or is incomplete. Ask an "
            "administrator of your organisation for a new activation mail."
        ),
        "activated_title": "Your password has been set",
        "activated_text": "Log in now with your username and your new password.",
        "busy_title": "One moment, please",
        "busy_text": (
            "The server cannot handle your request just now. Try again in a few seconds."
        ),
        "not_found_title": "Page not found",
        "back_to_login": "Go to the login page",
        "seconds_one": "{n} second",
        "seconds_other": "{n} seconds",
        "minutes_one": "{n} minute",
        "minutes_other": "{n} minutes",
    },
}


def placeholders(text: str) -> frozenset[str]:
    """The ``str.format`` field names in ``text``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class Translator:
    """``t("key", name=...)`` in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._words = CATALOGUE[lang]

    def __call__(self, key: str, /, **values: object) -> str:
        text = self._words[key]
        return text.format(**values) if values else text

    def wait(self, seconds: int) -> str:
        """A waiting time for people: seconds under a minute, else whole minutes (rounded up)."""
        if seconds < 60:
            return self("seconds_one" if seconds == 1 else "seconds_other", n=seconds)
        minutes = math.ceil(seconds / 60)
        return self("minutes_one" if minutes == 1 else "minutes_other", n=minutes)


def as_lang(value: str | None) -> Lang | None:
    """``value`` if it names a language of the page (``nl``, ``en``), else None."""
    for lang in LANGS:
        if value == lang:
            return lang
    return None


def from_accept_language(header: str | None) -> Lang:
    """Dutch when the browser prefers Dutch to English, English otherwise.

    Each language's weight is the highest ``q`` of its tags (``nl``, ``nl-NL``, ``nl-BE``
    count as Dutch); with equal weights the one listed first wins. ``*`` is ignored.
    """
    weights: dict[str, tuple[float, int]] = {}
    for position, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().split("-")[0].lower()
        if primary not in LANGS:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if not 0.0 < quality <= 1.0:
            continue
        best = weights.get(primary)
        if best is None or quality > best[0]:
            weights[primary] = (quality, best[1] if best else position)
    ranked = sorted(weights.items(), key=lambda item: (-item[1][0], item[1][1]))
    return "nl" if ranked and ranked[0][0] == "nl" else "en"


def choose_language(query: str | None, cookie: str | None, accept_language: str | None) -> Lang:
    """The page's language: ``?lang=``, then the language cookie, then ``Accept-Language``."""
    return as_lang(query) or as_lang(cookie) or from_accept_language(accept_language)
