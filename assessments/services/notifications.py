"""Email notifications, sent after the transaction that caused them commits."""

from collections.abc import Callable, Iterable
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from ..models import UserSettings

Text = str | Callable[[], str]


def absolute_url(path: str) -> str:
    """The full address of a path of the site, for emails (never built from a request)."""
    return settings.SITE_URL + path


def sender() -> str:
    """DEFAULT_FROM_EMAIL with its display name in the active language, where we translate it."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    # gettext returns a name we do not translate unchanged; ours is "MGI self-assessment".
    if not name:
        return settings.DEFAULT_FROM_EMAIL
    # Unencoded: Django's mail encodes the header itself (RFC 2047).
    return str(Address(display_name=gettext(name), addr_spec=address))


def _render(text: Text) -> str:
    return text() if callable(text) else text


def notify(*, users: Iterable[AbstractBaseUser], subject: Text, body: Text) -> list[str]:
    """Email each user with an address, in their own language; returns the recipients.

    Pass subject and body as callables (lambda: _("...") % {...}) so that they are rendered
    in each recipient's language.
    """
    people = {u.email: u for u in users if u.email and u.is_active}
    recipients = sorted(people)
    if not recipients:
        return []

    def send() -> None:
        languages = dict(
            UserSettings.objects.filter(user__in=people.values()).values_list("user_id", "language")
        )
        for address in recipients:
            language = languages.get(people[address].pk) or settings.LANGUAGE_CODE
            with translation.override(language):
                text = _render(subject), _render(body), sender()
            send_mail(text[0], text[1], text[2], [address])

    # A refused or rolled-back change must not have told anyone about itself.
    transaction.on_commit(send)
    return recipients


def notify_address(*, address: str, language: str, subject: Text, body: Text) -> None:
    """Email an address that has no account yet, in the given language, once committed."""

    def send() -> None:
        with translation.override(language or settings.LANGUAGE_CODE):
            text = _render(subject), _render(body)
        send_mail(text[0], text[1], settings.DEFAULT_FROM_EMAIL, [address])

    transaction.on_commit(send)
