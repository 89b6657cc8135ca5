"""The page for an unexpected error. When the cause is the database (unreachable, or locked
past every retry) the answer is 503 with Retry-After and a page that says nothing was saved;
anything else is the plain 500 page. Neither is rendered with the request: they must not touch
the session or the user, which live in the database that may just have failed."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]  # Django calls this inside the except block that caught it
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
