"""Signing in and out, with the GOV.UK patterns."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView
from django.urls import reverse

from .forms import SignInForm
from .management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERNAME
from .roles import can_run_training, is_officer


class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Said on screen, so that nobody mistakes a development server for a real one.
        if settings.DEBUG and get_user_model().objects.filter(username=DEMO_USERNAME).exists():
            context["demo_account"] = (DEMO_USERNAME, DEMO_PASSWORD)
        return context

    def get_default_redirect_url(self):
        """Officers go to the register; trainers, who never see records, to training."""
        user = self.request.user
        if not is_officer(user) and can_run_training(user):
            return reverse("training:sessions")
        return super().get_default_redirect_url()
