"""Sign-in pages: the locked-out page, and a password reset that reveals no account."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from ..forms.auth import LocalizedPasswordResetForm, SignInForm
from ..middleware import SIGNED_OUT_KEY
from ..services import password_reset
from ..services.sign_in import SIGN_IN_BACKEND

logger = logging.getLogger(__name__)


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this for every refused sign-in (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minutes "
        "for this account and this address; try again later or reset your password."
    ) % {"minutes": minutes}
    context = {"form": SignInForm(request), "locked_out": message}
    return render(request, "registration/login.html", context, status=429)


class LoginView(auth_views.LoginView):
    form_class = SignInForm


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a password signs the person in and lands them on their work."""

    post_reset_login = True
    post_reset_login_backend = SIGN_IN_BACKEND
    success_url = reverse_lazy("assessments:my-work")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set and you are signed in."))
        return response


class RedirectThenRun(HttpResponseRedirect):
    """A redirect that runs `then` once the server has sent it (WSGI calls close())."""

    def __init__(self, url: str, then):
        super().__init__(url)
        self._then = then

    def close(self):
        # The server has sent the response when it calls close(); the work runs before
        # Django's request_finished, which may close this thread's database connection.
        then, self._then = self._then, None
        try:
            if then is not None:
                then()
        except Exception:
            # The visitor already has their answer; a mail failure must not surface.
            logger.exception("Deferred work after a response failed.")
        finally:
            super().close()


class PasswordResetView(auth_views.PasswordResetView):
    """Looks the email up and sends the link after the response, so that known and
    unknown addresses take the same time and the page reveals no account."""

    form_class = LocalizedPasswordResetForm

    def form_valid(self, form):
        opts = {
            "use_https": self.request.is_secure(),
            "token_generator": self.token_generator,
            "from_email": self.from_email,
            "email_template_name": self.email_template_name,
            "subject_template_name": self.subject_template_name,
            "request": self.request,
            "html_email_template_name": self.html_email_template_name,
            "extra_email_context": self.extra_email_context,
        }
        allowed = password_reset.reset_request_record(
            email=form.cleaned_data["email"], client_address=visitor_address(self.request)
        )
        # Refused or not, the visitor gets the same page at the same time.
        then = (lambda: form.save(**opts)) if allowed else (lambda: None)
        return RedirectThenRun(self.get_success_url(), then)


def visitor_address(request) -> str:
    """The address sign-in throttling uses: behind the proxy, the one it appended."""
    if getattr(settings, "AXES_CLIENT_IP_CALLABLE", None):
        return client_address(request)
    return request.META.get("REMOTE_ADDR", "")


def client_address(request) -> str:
    """The visitor's address behind our one reverse proxy: the last X-Forwarded-For hop,
    the one the proxy appended (earlier hops are the client's to forge)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [h.strip() for h in forwarded.split(",") if h.strip()]
    return hops[-1] if hops else request.META.get("REMOTE_ADDR", "")


def signed_out(request):
    """Where an ended session lands: why it ended, and any text its last post carried."""
    state = request.session.get(SIGNED_OUT_KEY) or {}
    hours = {
        "idle": settings.SESSION_IDLE_TIMEOUT.total_seconds() / 3600,
        "absolute": settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds() / 3600,
    }
    context = {
        "reason": state.get("reason", ""),
        "hours": f"{hours.get(state.get('reason'), 0):g}",
        "kept": sorted(state.get("kept", {}).items()),
        "next": state.get("next") or "",
    }
    return render(request, "registration/signed_out.html", context)
