"""Review comments and the append-only audit trail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessment import Assessment
from .response import Response


class Comment(models.Model):
    """A comment on a response, or on a section of the draft profile (`section`)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    section = models.CharField(_("profile section"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution_note = models.TextField(_("resolution note"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


# Deleting a user or a response unlinks its entries (SET NULL); the text stays.
UNLINKABLE = {"actor", "actor_id", "response", "response_id"}


class AuditEntryQuerySet(models.QuerySet):
    """Refuses bulk edits and deletes, so that no code path can rewrite the trail.

    It is also the base manager, so Django's collector goes through it; the only update
    allowed is the one the collector makes when a linked user or response is deleted.
    On PostgreSQL a trigger (migration 0007) enforces the same below the ORM.
    """

    def update(self, **kwargs):
        if kwargs and set(kwargs) <= UNLINKABLE and all(v is None for v in kwargs.values()):
            return super().update(**kwargs)
        raise ValueError("Audit entries are append-only.")

    def delete(self):
        raise ValueError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """Who did what, when. Append-only: never updated or deleted."""

    # Empty for events outside any assessment: registry edits (they name a country instead)
    # and refused sign-ins.
    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, null=True, blank=True, related_name="audit"
    )
    country = models.ForeignKey(
        "assessments.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit",
    )
    instrument = models.ForeignKey(
        "assessments.LegalInstrument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit",
    )
    response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as text so that deleting the user loses nothing.
    actor_name = models.CharField(_("actor"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")


class Reminder(models.Model):
    """A reminder emailed to a focal point; at most one per person, assessment and day."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "recipient", "sent_on"], name="one_reminder_a_day"
            )
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.recipient} {self.sent_on}"
