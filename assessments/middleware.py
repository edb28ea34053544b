"""Activate the language a person chose, remembered in their session.

The session holds the choice for everyone: anonymous visitors set it with the switcher, and
signing in copies the user's saved preference into it (see signals.py), so that no request
pays a query for it.
"""

from django.utils import translation

from .services.preferences import LANGUAGE_SESSION_KEY, language_codes


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.session.get(LANGUAGE_SESSION_KEY)
        if language in language_codes():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
