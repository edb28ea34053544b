"""Middleware: the chosen interface language, headers that keep private pages private, and
sessions that end after inactivity."""

import re
import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .services.preferences import LANGUAGE_SESSION_KEY, language_codes
from .text import clean_text


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


SEEN_KEY = "_session_seen"
STARTED_KEY = "_session_started"
SIGNED_OUT_KEY = "signed_out"
# Free-text fields of the forms people write in (finding, comments, notes, reasons).
SIGNED_OUT_FIELDS = {"finding", "comment", "text", "reason", "note", "body"}
# The last-seen time is written at most this often: not a session write per request.
SEEN_RESOLUTION = 60
# Unsaved text kept for the signed-out page, per field: enough for any finding.
KEPT_TEXT_LIMIT = 20_000


def session_clock_start(session) -> None:
    now = int(time.time())
    session[STARTED_KEY] = session[SEEN_KEY] = now
    session.pop(SIGNED_OUT_KEY, None)


def _kept_text(request) -> dict:
    """Text a post carried into an ended session: shown back, never saved."""
    if request.method != "POST":
        return {}
    return {
        key: value[:KEPT_TEXT_LIMIT]
        for key, value in request.POST.items()
        if key in SIGNED_OUT_FIELDS and value.strip()
    }


class SessionTimeoutMiddleware:
    """Sign people out after SESSION_IDLE_TIMEOUT without activity or SESSION_ABSOLUTE_TIMEOUT
    in all, and say so on the signed-out page, with any text the refused post carried."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._expired(request)
            if expired:
                return self._sign_out(request, expired)
        elif _kept_text(request) and SIGNED_OUT_KEY in request.session:
            # The page was still open when its session ended (an autosave found out first):
            # its Save lands on the signed-out page with the text, not on the sign-in form.
            request.session[SIGNED_OUT_KEY] = {
                **request.session[SIGNED_OUT_KEY],
                "kept": _kept_text(request),
            }
            return HttpResponseRedirect(reverse("signed-out"))
        return self.get_response(request)

    def _expired(self, request) -> str:
        now = int(time.time())
        session = request.session
        started = session.setdefault(STARTED_KEY, now)
        seen = session.get(SEEN_KEY, now)
        if now - seen > settings.SESSION_IDLE_TIMEOUT.total_seconds():
            return "idle"
        if now - started > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds():
            return "absolute"
        if SEEN_KEY not in session or now - seen >= SEEN_RESOLUTION:
            session[SEEN_KEY] = now
        return ""

    def _sign_out(self, request, reason: str):
        kept = _kept_text(request)
        logout(request)
        next_url = request.get_full_path() if request.method == "GET" else ""
        request.session[SIGNED_OUT_KEY] = {"reason": reason, "kept": kept, "next": next_url}
        target = reverse("signed-out")
        if request.headers.get("HX-Request"):
            # htmx: leave the page and its text alone, and let the page say what happened.
            response = HttpResponse(status=204)
            response["HX-Trigger"] = "signed-out"
            return response
        return HttpResponseRedirect(target)


# No valid path parameter holds a control character, a number too long for the database
# (SQLite stops at 2**63) or a segment longer than any code or token we make.
_BAD_PATH = re.compile(r"[\x00-\x1f\x7f-\x9f]|\d{19,}")
PATH_SEGMENT_MAX = 200
QUERY_VALUE_MAX = 1_000


class HostileInputMiddleware:
    """One place for input no view should see: impossible paths give 404, query strings are
    cleaned like form text, and posted text loses the control characters a database refuses
    (forms clean it again, field by field)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if _BAD_PATH.search(path) or any(len(s) > PATH_SEGMENT_MAX for s in path.split("/")):
            raise Http404
        if request.GET:
            request.GET = _cleaned(request.GET, limit=QUERY_VALUE_MAX)
        if request.method == "POST" and request.POST:
            request.POST = _cleaned(request.POST, limit=None)
        return self.get_response(request)


def _cleaned(data: QueryDict, *, limit: int | None) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        if "password" in key:
            # A password is checked as typed; only the hash is stored.
            cleaned.setlist(key, values)
            continue
        # Query values are one line; posted text keeps its line breaks (forms decide).
        kept = [clean_text(v, multiline=limit is None) for v in values]
        cleaned.setlist(clean_text(key), [v[:limit] if limit else v for v in kept])
    cleaned._mutable = False
    return cleaned
