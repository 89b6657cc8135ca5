"""Gunicorn's logs as JSON lines without personal data (gunicorn.conf.py sets logger_class).

The access log keeps the method, the path without its query string, the status, the size, the
time taken and the request id (from the response's X-Request-ID); never the client's address,
the query string, the referrer or the user agent. Gunicorn's own messages can name a client
address ("Invalid request from ip=..."); those are redacted before they are written."""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

from .logs import REQUEST_ID_HEADER, JsonFormatter

IP_ADDRESS = re.compile(
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b"  # IPv4
    r"|(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])"  # IPv6
)


class RedactAddresses(logging.Filter):
    """Replace anything that looks like an IP address in a message with [address]."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = IP_ADDRESS.sub("[address]", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class JsonLogger(Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers + self.access_log.handlers:
            handler.setFormatter(JsonFormatter())
        for handler in self.error_log.handlers:
            if not any(isinstance(item, RedactAddresses) for item in handler.filters):
                handler.addFilter(RedactAddresses())

    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        request_id = next(
            (value for name, value in resp.headers if name.lower() == REQUEST_ID_HEADER.lower()),
            None,
        )
        method = environ.get("REQUEST_METHOD", "-")
        path = environ.get("PATH_INFO", "-")
        status = resp.status_code if isinstance(resp.status_code, int) else None
        # Files sent with sendfile (WhiteNoise's static files) do not add to `sent`.
        sent = getattr(resp, "sent", 0) or 0
        if not sent and method != "HEAD":
            sent = getattr(resp, "response_length", None) or 0
        self.access_log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "bytes": sent,
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "request_id": request_id,
            },
        )
