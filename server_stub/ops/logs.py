"""The server's log lines: plain text (the default) or JSON lines (``serve --log-format json``),
one object per line on standard error, for journald, Loki, Elasticsearch and the like.

A JSON line has ``time`` (UTC, ISO 8601 with milliseconds), ``level``, ``logger`` and
``message``; an access line adds ``method``, ``path``, ``status``, ``duration_ms``,
``client`` and ``bytes`` (:mod:`server_stub.ops.requests`); an error adds ``exception``
(the traceback as text). What a line may never hold: passwords, codes, tokens, cookies,
setup keys or session ids. The server does not log request bodies or headers, the access
log writes the path without its query string (an activation link carries its token there),
and the database engine keeps statement parameters out of its errors
(``hide_parameters``, :mod:`server_stub.db`).

uvicorn's own loggers are routed through the same handler, and uvicorn's access log is
replaced by ours (which knows the client behind a trusted proxy and leaves out the query).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

ACCESS_LOGGER = "tweestap.access"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")

# What a LogRecord has of itself; anything else on it came through ``extra=`` and is a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's coloured duplicate of the message
    "taskName",
}


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter()
    return logging.Formatter(TEXT_FORMAT)


def configure(log_format: str, *, stream: TextIO | None = None, level: int = logging.INFO) -> None:
    """Every log line of this process through one handler in ``log_format`` (text or json)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(log_format))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
        logger.setLevel(logging.NOTSET)
    logging.captureWarnings(True)


def announce(message: str, log_format: str) -> None:
    """A line for the person who started the server: printed in text mode (as before), a log
    record in JSON mode (where every line must be JSON)."""
    if log_format == "json":
        logging.getLogger("tweestap").info(message)
    else:
        print(message, flush=True)
