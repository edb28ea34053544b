"""Signing in: by email or username, throttled per account and, more loosely, per address.

django-axes records the failures; this module decides whose they are and when they lock.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Sum

from ..text import clean_text

User = get_user_model()
SIGN_IN_BACKEND = "assessments.services.sign_in.EmailOrUsernameBackend"
# Longer than any email or username: the rest cannot name an account.
IDENTIFIER_MAX_LENGTH = 254


def _identifier(value) -> str:
    return clean_text(str(value or ""))[:IDENTIFIER_MAX_LENGTH].strip()


def account_for(identifier: str):
    """The account a sign-in names: its username exactly, else its email in any case."""
    identifier = _identifier(identifier)
    if not identifier:
        return None
    user = User.objects.filter(username=identifier).first()
    if user is None and "@" in identifier:
        matches = list(User.objects.filter(email__iexact=identifier)[:2])
        # Two accounts sharing an email sign in by username; neither is guessed.
        user = matches[0] if len(matches) == 1 else None
    return user


def account_username(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: failures count against the account, however it was typed."""
    field = settings.AXES_USERNAME_FORM_FIELD
    typed = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    user = account_for(typed)
    # An unknown name is counted as typed, lower-cased, so that its case changes nothing.
    return user.get_username() if user is not None else _identifier(typed).lower()


class EmailOrUsernameBackend(ModelBackend):
    """Accepts the account's email (case-insensitive) or its username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = account_for(username)
        if user is None:
            # Spend the time of a password check, so that unknown accounts answer as slowly.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class AccountThenAddressHandler(AxesDatabaseHandler):
    """Locks an account after AXES_FAILURE_LIMIT failures and an address after
    SIGN_IN_ADDRESS_FAILURE_LIMIT; a success clears that account's failures only."""

    def get_failures(self, request, credentials=None) -> int:
        attempts = self.get_user_attempts(request, credentials)
        by_account, by_address = (
            qs.aggregate(n=Sum("failures_since_start"))["n"] or 0 for qs in attempts
        )
        limit = settings.AXES_FAILURE_LIMIT
        if by_address >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT:
            # Axes compares one number with one limit: a locked address reads as the limit.
            return max(by_account, limit)
        return by_account

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        # Not axes' AXES_RESET_ON_SUCCESS: it clears every failure of the address too, so
        # that signing in to one's own account would reopen someone else's.
        AccessAttempt.objects.filter(username=user.get_username()).delete()
