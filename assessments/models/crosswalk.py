"""The crosswalk from MGI indicators to SDG indicator 10.7.2 and the GCM objectives."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessment import Assessment
from .framework import Indicator
from .translatable import Translatable


class SdgSubcategory(Translatable):
    """One of the 30 yes/no sub-categories of SDG 10.7.2 (six domains of five)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    domain = models.PositiveSmallIntegerField(_("domain"))
    domain_name = models.CharField(_("domain name"), max_length=200)
    text = models.TextField(_("text"))
    indicators = models.ManyToManyField(Indicator, related_name="sdg_subcategories", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("SDG 10.7.2 sub-category")
        verbose_name_plural = _("SDG 10.7.2 sub-categories")

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class GcmObjective(Translatable):
    """One of the 23 objectives of the Global Compact for Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.TextField(_("title"))
    indicators = models.ManyToManyField(Indicator, related_name="gcm_objectives", blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SdgOverride(models.Model):
    """The coordinator's own yes or no for a sub-category, in place of the suggestion."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="+")
    subcategory = models.ForeignKey(SdgSubcategory, on_delete=models.CASCADE, related_name="+")
    value = models.BooleanField(_("answer"))
    reason = models.TextField(_("reason"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "subcategory"], name="unique_sdg_override"
            )
        ]
        verbose_name = _("SDG 10.7.2 override")
        verbose_name_plural = _("SDG 10.7.2 overrides")

    def __str__(self) -> str:
        return f"{self.assessment} {self.subcategory.code}: {'yes' if self.value else 'no'}"
