"""One-time-password domain: accounts, setup keys, otpauth URIs and codes (no Qt, no I/O)."""
