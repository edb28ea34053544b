"""The language switcher: remembered on the user, and in the session for everyone."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..exceptions import ApplicationError
from ..services.preferences import LANGUAGE_SESSION_KEY, language_codes, user_language_set


@require_POST
def language_set(request):
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("assessments:my-work")
    if language not in language_codes():
        messages.error(request, translation.gettext("Unknown language."))
        return HttpResponseRedirect(next_url)
    if request.user.is_authenticated:
        try:
            user_language_set(user=request.user, language=language)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(next_url)
    request.session[LANGUAGE_SESSION_KEY] = language
    translation.activate(language)
    return HttpResponseRedirect(next_url)
