"""Generated profiles: every render is kept as a numbered version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessment import Assessment


def profile_upload_to(instance: "ProfileVersion", filename: str) -> str:
    return f"profiles/{instance.assessment_id}/v{instance.number}-{instance.content_hash[:12]}.pdf"


class ProfileVersion(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="profile_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    stage = models.CharField(_("stage"), max_length=20, choices=Assessment.Stage.choices)
    language = models.CharField(_("language"), max_length=10, default="en")
    content_hash = models.CharField(_("content hash"), max_length=64)
    file = models.FileField(_("PDF file"), upload_to=profile_upload_to)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    frozen = models.BooleanField(_("frozen"), default=False)
    published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="unique_profile_version")
        ]
        verbose_name = _("profile version")
        verbose_name_plural = _("profile versions")

    def __str__(self) -> str:
        return f"{self.assessment} – v{self.number}"


class ProfileRender(models.Model):
    """One render of one content: the row that keeps it single, and its progress.

    A `scheduled` row is the debounce marker of an assessment: edits push its `due_at` back,
    and one task renders when the edits stop.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        QUEUED = "queued", _("queued")
        RENDERING = "rendering", _("rendering")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="profile_renders"
    )
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    # Empty for the working language (the debounced drafts).
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    version = models.ForeignKey(
        ProfileVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the heartbeat of a running render

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # However many requests ask for one content, one render is queued or running.
            models.UniqueConstraint(
                fields=["assessment", "content_hash"],
                condition=models.Q(status__in=["queued", "rendering"]),
                name="one_active_render_per_content",
            ),
            models.UniqueConstraint(
                fields=["assessment"],
                condition=models.Q(status="scheduled"),
                name="one_scheduled_render_per_assessment",
            ),
        ]
        verbose_name = _("profile render")
        verbose_name_plural = _("profile renders")

    def __str__(self) -> str:
        return f"{self.assessment} – {self.status} {self.content_hash[:12]}"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)
