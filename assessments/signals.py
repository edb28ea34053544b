"""Signal handlers: the signed-in user's language, and security events in the audit trail."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import session_clock_start
from .selectors.preferences import user_language
from .services.audit import audit_log
from .services.preferences import LANGUAGE_SESSION_KEY


@receiver(user_logged_in)
def restore_language(sender, request, user, **kwargs) -> None:
    language = user_language(user)
    if language and request is not None:
        request.session[LANGUAGE_SESSION_KEY] = language


@receiver(user_logged_in, dispatch_uid="assessments.start_session_clock")
def start_session_clock(sender, request, user, **kwargs) -> None:
    """The idle and absolute session limits count from the sign-in (SessionTimeoutMiddleware)."""
    if request is not None and hasattr(request, "session"):
        session_clock_start(request.session)


@receiver(user_locked_out, dispatch_uid="assessments.audit_sign_in_lockout")
def audit_sign_in_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    """Each lockout, and each sign-in refused during the cool-off, is recorded."""
    audit_log(
        assessment=None,
        actor=None,
        action="sign_in.locked_out",
        reason=str(username or ""),
        data={"username": str(username or ""), "ip_address": str(ip_address or "")},
    )
