"""Signal handlers: a signed-in user gets the interface language they chose before."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .selectors.preferences import user_language
from .services.preferences import LANGUAGE_SESSION_KEY


@receiver(user_logged_in)
def restore_language(sender, request, user, **kwargs) -> None:
    language = user_language(user)
    if language and request is not None:
        request.session[LANGUAGE_SESSION_KEY] = language
