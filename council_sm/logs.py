"""Structured logs: one JSON object per line, each carrying the id of the request it belongs to.

Nothing personal goes into a line: the formatter writes a fixed set of fields (never the request
object Django attaches to its records), and the request id middleware accepts only a plain token
from clients, so an address or an e-mail cannot be smuggled in as an id."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import Any

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits, "-" and "_", 8 to 128 of them: enough for a UUID or a balancer's trace id,
# with no room for an IP address (dots, colons) or an e-mail address (@).
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,128}")

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def accepted_request_id(incoming: str | None) -> str:
    """Return the incoming request id if it is a sane token, or a new random one."""
    if incoming and REQUEST_ID_PATTERN.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Put the current request's id (or None outside a request) on every record. Django logs a
    4xx or 5xx response after the middleware has finished; such records carry the request, and
    the id is read from it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get() or getattr(
                getattr(record, "request", None), "request_id", None
            )
        return True


# Fields that a record may carry as `extra` and that are safe to write out.
EXTRA_FIELDS = ("status_code", "method", "path", "status", "bytes", "duration_ms")


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON: time, level, logger, message, request id, any of
    EXTRA_FIELDS present, and the exception's traceback for operators when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id.get(),
        }
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
