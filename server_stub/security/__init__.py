"""Small, pure security building blocks: passwords, TOTP, tokens, throttle, IP lists."""
