"""Email notifications, sent after the transaction that caused them commits."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction


def absolute_url(path: str) -> str:
    """The full address of a path of the site, for emails (never built from a request)."""
    return settings.SITE_URL + path


def notify(*, users: Iterable[AbstractBaseUser], subject: str, body: str) -> list[str]:
    """Email each user with an address; returns the recipients."""
    recipients = sorted({u.email for u in users if u.email and u.is_active})
    if not recipients:
        return []

    def send() -> None:
        for address in recipients:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])

    # A refused or rolled-back change must not have told anyone about itself.
    transaction.on_commit(send)
    return recipients
