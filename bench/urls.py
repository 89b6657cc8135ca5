"""The project's URLs plus a bare view, the baseline the web benchmarks are measured against."""

from django.shortcuts import render
from django.urls import path

from council_sm.urls import urlpatterns as project_urlpatterns


def bare(request):
    """Render the base template with nothing else: the cheapest page the site could serve."""
    return render(request, "base.html")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *project_urlpatterns]
