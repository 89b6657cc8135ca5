"""Request id: taken from a sane incoming X-Request-ID (a balancer's, so its logs and ours
join up) or made here, set for every log line of the request, and returned to the client."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .logs import REQUEST_ID_HEADER, accepted_request_id, request_id


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        value = accepted_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = value
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[REQUEST_ID_HEADER] = value
        return response
