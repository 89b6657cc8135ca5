"""Refuse a request body that announces itself as bigger than any form here accepts, before
anything reads it: the CSRF check would otherwise parse the upload and spool it to disk."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from .forms import VerifyForm

# Room for the form's other fields and the multipart boundaries around the file.
FORM_OVERHEAD_BYTES = 64 * 1024


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.RECORD_UPLOAD_MAX_BYTES + FORM_OVERHEAD_BYTES:
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request: HttpRequest) -> HttpResponse:
        try:
            on_verify_page = resolve(request.path_info).url_name == "verify"
        except Resolver404:
            on_verify_page = False
        if on_verify_page:
            form = VerifyForm.refused_as_too_large()
            return render(request, "records/verify.html", {"form": form}, status=413)
        return HttpResponse("Request body too large", status=413, content_type="text/plain")
