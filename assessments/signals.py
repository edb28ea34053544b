"""Receivers that put security events into the audit trail."""

from axes.signals import user_locked_out
from django.dispatch import receiver

from .services.audit import audit_log


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
