"""Keeping no personal data where a library would keep it by default."""

from django.http import HttpRequest

PLACEHOLDER_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder stored, not an address bound to


def no_address(request: HttpRequest) -> str:
    """Return the placeholder django-axes records instead of a visitor's IP address."""
    return PLACEHOLDER_ADDRESS
