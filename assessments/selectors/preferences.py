"""Reads of a person's preferences."""

from django.contrib.auth.models import AbstractBaseUser

from ..models import UserSettings


def user_language(user: AbstractBaseUser) -> str:
    """The user's saved interface language, or "" when they have not chosen one."""
    if not user.is_authenticated:
        return ""
    return UserSettings.objects.filter(user=user).values_list("language", flat=True).first() or ""
