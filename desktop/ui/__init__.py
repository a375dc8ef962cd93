"""The Qt windows of the authenticator (widgets only: no domain rules, no HTTP)."""
