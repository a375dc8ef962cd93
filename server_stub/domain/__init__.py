"""What the services take and give back: plain values, no HTTP and no database rows.

The JSON API maps them to and from its pydantic schemas (``server_stub/schemas``); the login
page reads them as they are. Each type says only what a rule needs or a caller may see.
"""
