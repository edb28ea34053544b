"""Answers to indicators, their immutable revisions, and the evidence behind them."""

import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..dates import DAY, MONTH, YEAR, format_partial_date
from .assessment import Assessment, Country
from .framework import AnswerOption, Indicator


class CarryState(models.TextChoices):
    NONE = "", _("Not carried over")
    CARRIED = "carried", _("Carried over from the baseline")
    CONFIRMED = "confirmed", _("Confirmed unchanged since the baseline")
    CHANGED = "changed", _("Changed since the baseline")


class Response(models.Model):
    CarryState = CarryState

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    class Placement(models.TextChoices):
        AUTO = "", _("By answer level")
        WELL_DEVELOPED = "well_developed", _("Well-developed area")
        FURTHER_DEVELOPMENT = (
            "further_development",
            _("Area with potential for further development"),
        )

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="responses")
    option = models.ForeignKey(
        AnswerOption, on_delete=models.PROTECT, null=True, blank=True, related_name="responses"
    )
    finding = models.TextField(_("finding"), blank=True)
    # The finding in other languages than the assessment's working one: {language: text}.
    finding_translations = models.JSONField(
        _("translations of the finding"), default=dict, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    # Optimistic locking: every save increments it; a save from an older version is refused.
    version = models.PositiveIntegerField(default=0)
    waiver_reason = models.TextField(_("waiver reason"), blank=True)
    placement_override = models.CharField(
        _("placement override"), max_length=30, choices=Placement.choices, blank=True
    )
    placement_reason = models.TextField(_("reason for the placement"), blank=True)
    excluded_from_profile = models.BooleanField(_("left out of the profile"), default=False)
    profile_order = models.PositiveIntegerField(_("order in the profile"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # A follow-up's answer that started as a copy of the baseline's answer to the same code.
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("carried over from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    carry_state = models.CharField(
        _("since the baseline"), max_length=20, choices=CarryState.choices, blank=True
    )

    class Meta:
        ordering = ["assessment", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="unique_response")
        ]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.indicator.code} ({self.assessment})"

    def get_absolute_url(self) -> str:
        return reverse("assessments:response-edit", args=[self.assessment_id, self.indicator.code])

    @property
    def is_waived(self) -> bool:
        return bool(self.waiver_reason)


class ResponseRevision(models.Model):
    """A snapshot written on every save of a response; immutable once closed.

    The one exception: a person's consecutive autosaves fold into their latest autosave
    revision (services/revisions.py), which then holds the newest text.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    option = models.ForeignKey(AnswerOption, on_delete=models.PROTECT, null=True, blank=True)
    finding = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Response.Status.choices)
    # The evidence list as it stood: [{id, instrument, source, locator, note, file}].
    evidence = models.JSONField(default=list, blank=True)
    action = models.CharField(max_length=40, default="save")
    note = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the last autosave folded into this revision; equals created_at otherwise.
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["response", "version"], name="unique_revision_version")
        ]
        verbose_name = _("response revision")
        verbose_name_plural = _("response revisions")

    def __str__(self) -> str:
        return f"{self.response} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Response revisions are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Response revisions are immutable.")


# A number sign typed before an instrument's number: "№ 89", "No. 89", "n° 89", "N.º 89".
NUMBER_SIGN = re.compile(r"^(?:№|no\.|n\s?[°º]|n\.\s?º|núm\.)\s*", re.IGNORECASE)


class LegalInstrument(models.Model):
    """The country's registry of laws, treaties, decrees and strategies."""

    class Kind(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution")
        LAW = "law", _("Law")
        TREATY = "treaty", _("International treaty or agreement")
        DECREE = "decree", _("Decree or resolution")
        STRATEGY = "strategy", _("Strategy or plan")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        DRAFT = "draft", _("Draft")
        REPEALED = "repealed", _("Repealed or superseded")

    class Precision(models.TextChoices):
        DAY = DAY, _("Day")
        MONTH = MONTH, _("Month")
        YEAR = YEAR, _("Year")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="instruments")
    title = models.CharField(_("title"), max_length=600)
    title_translations = models.JSONField(_("translations of the title"), default=dict, blank=True)
    number = models.CharField(_("number"), max_length=50, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    # The first day of the period for a year-only or month-and-year date; see adopted_precision.
    adopted_on = models.DateField(_("date of adoption"), null=True, blank=True)
    adopted_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=Precision.choices, default=DAY
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    # Set when merged into another entry: the entry is hidden, kept so that the merge can be undone.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    adoption_note = models.CharField(
        _("adoption note"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "Referendum of 11 April 2021"'),
    )
    # The adoption note in the other languages: {language: text} (issue 31).
    adoption_note_translations = models.JSONField(
        _("translations of the adoption note"), default=dict, blank=True
    )
    last_amended = models.CharField(_("last amended"), max_length=40, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    in_annex = models.BooleanField(_("listed in the legislation annex"), default=True)
    annex_no = models.PositiveIntegerField(_("position in the annex"), null=True, blank=True)
    # The annex prints what the printed answers cite; a consultant adds other entries here.
    annex_pinned = models.BooleanField(
        _("list in the annex"),
        default=False,
        help_text=_("Print this entry in the legislation annex even when no answer cites it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "annex_no", "title"]
        verbose_name = _("legal instrument")
        verbose_name_plural = _("legal instruments")

    def __str__(self) -> str:
        if not self.number:
            return self.title
        return f"{self.title} ({_('No. %(number)s') % {'number': self.number}})"

    def save(self, *args, **kwargs):
        # The sign is printed in the reader's language ("№", "No.", "n°"): typed, it doubled.
        self.number = NUMBER_SIGN.sub("", self.number.strip())
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("assessments:instrument-detail", args=[self.country.code, self.pk])

    def clean(self):
        errors = {}
        if self.adopted_on and self.adopted_on > timezone.localdate():
            errors["adopted_on"] = _(
                "The date of adoption is in the future. Register a bill that is not adopted yet "
                "with the status “draft” and no date of adoption."
            )
        elif self.status == self.Status.DRAFT and self.adopted_on:
            errors["adopted_on"] = _("A draft has no date of adoption yet; leave it empty.")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("An instrument cannot replace itself.")
        elif self.replaced_by_id and self.status != self.Status.REPEALED:
            errors["replaced_by"] = _(
                "Only a repealed or superseded instrument has a replacement: change its status."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def adopted_display(self) -> str:
        """The date as given: "2019", "April 2019" or "30 July 2002"."""
        return format_partial_date(self.adopted_on, self.adopted_precision)

    @property
    def is_in_force(self) -> bool:
        return self.status == self.Status.IN_FORCE


class Source(models.Model):
    """A bibliographic entry of one assessment; the profile's key sources."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sources")
    ref = models.SlugField(_("reference key"), max_length=120, blank=True)
    organization = models.CharField(_("organization or author"), max_length=400)
    year = models.CharField(_("year"), max_length=20, help_text=_('e.g. "2021a" or "n.d."'))
    title = models.TextField(_("title"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    # Off for sources cited only in footnotes: the profile's "Key sources" leaves them out.
    in_key_sources = models.BooleanField(_("listed under key sources"), default=True)
    # {language: {"organization": ..., "title": ...}} for profiles in other languages.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        ordering = ["assessment", "organization", "year"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.organization} ({self.year}) {self.title}"


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    # A random name: the uploader's file name is kept only as metadata.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"evidence/{instance.response.assessment_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="evidence")
    instrument = models.ForeignKey(
        LegalInstrument, on_delete=models.PROTECT, null=True, blank=True, related_name="citations"
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="citations"
    )
    locator = models.CharField(_("article or page"), max_length=200, blank=True)
    note = models.TextField(_("footnote"), blank=True)
    note_translations = models.JSONField(
        _("translations of the footnote"), default=dict, blank=True
    )
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    order = models.PositiveIntegerField(default=0)
    # Removal is a soft delete so that it can be undone from the history.
    removed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["response", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(instrument__isnull=False) | models.Q(source__isnull=False),
                name="evidence_cites_something",
            )
        ]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return str(self.instrument or self.source)
