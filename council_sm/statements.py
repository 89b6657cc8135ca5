"""The accessibility statement and the Welsh language statement, linked from every footer."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/accessibility.html")


def welsh_language(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/welsh_language.html")
