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
