"""A person's preferences: the interface language."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import UserSettings

LANGUAGE_SESSION_KEY = "language"


def language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def other_languages(original: str) -> list[str]:
    """The languages a text written in `original` may be translated into, in LANGUAGES order."""
    return [code for code, _name in settings.LANGUAGES if code != original]


@transaction.atomic
def user_language_set(*, user: AbstractBaseUser, language: str) -> UserSettings:
    """Remember the interface language on the user's settings."""
    if language not in language_codes():
        raise ApplicationError(_("Unknown language."))
    # The language is checked above; the one-to-one key is the only other constraint.
    prefs, created = UserSettings.objects.select_for_update().get_or_create(
        user=user, defaults={"language": language}
    )
    if not created and prefs.language != language:
        prefs.language = language
        prefs.save(update_fields=["language"])
    return prefs
