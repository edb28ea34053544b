"""Middleware: the chosen interface language, and headers that keep private pages private."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .services.preferences import LANGUAGE_SESSION_KEY, language_codes


class UserLanguageMiddleware:
    """Activate the language the person chose, kept in their session (no query per request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.session.get(LANGUAGE_SESSION_KEY)
        if language in language_codes():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Permissions-Policy everywhere; `Cache-Control: private, no-store` on private responses.

    A response is private when the user is signed in, or when it is a download (evidence,
    profile PDFs) that a view did not mark public itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        download = response.has_header("Content-Disposition")
        if (signed_in or download) and "public" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        return response
