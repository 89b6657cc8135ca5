"""Pages of the self-assessment."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def start(request: HttpRequest) -> HttpResponse:
    """The start page: what the tool is for."""
    return render(request, "assessments/start.html")
