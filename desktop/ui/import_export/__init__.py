"""Moving accounts in and out: importing another app's file, exporting and backing up,
QR codes for a phone, one account's setup key as text, and the window's actions for them."""
