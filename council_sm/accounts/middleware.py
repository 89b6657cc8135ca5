"""Signing out officers after a period without activity."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

LAST_SEEN = "last_seen"


class IdleTimeoutMiddleware:
    """Signs a signed-in user out after SIGNED_IN_IDLE_MINUTES without a request. Anonymous
    visitors (councillors using the self-assessment) are untouched, so their pages do not
    rewrite the session on every view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.SIGNED_IN_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out because you had not used the service for a while."),
                )
                return redirect_to_login(request.get_full_path())
            request.session[LAST_SEEN] = now
        return self.get_response(request)
