"""Who may see what: records are for monitoring officers only; training sessions are run by
trainers and monitoring officers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .roles import can_run_training, is_officer


def officer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anonymous visitors to sign in and refuse (403) anyone signed in who is not a
    monitoring officer."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_officer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def trainer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anonymous visitors to sign in and refuse (403) anyone signed in who may not run
    training sessions."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_run_training(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
