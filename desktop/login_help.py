"""Where a person finds help with logging in: the organisation's login help page.

The customer's help page links "inloghulp 2FA voor medewerkers" here; Tweestap's Help menu
and its checklist for a code that does not work open it in the web browser.
"""

from __future__ import annotations

LOGIN_HELP_URL = "https://zilliz.nl/inloghulp/"
