"""Countries, assessments and the people taking part in them."""

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .framework import Framework, Indicator, SubDomain


class Country(models.Model):
    code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_('e.g. "the Kyrgyz Republic"'))
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_('Used in running text, e.g. "Kyrgyzstan"')
    )
    # {language: {"name": ..., "short_name": ...}}, as used mid-sentence in that language.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    # The language name and short_name (and the registry's titles) are written in (issue 32).
    language = models.CharField(
        _("working language"), max_length=10, default="en", choices=settings.LANGUAGES
    )

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.local_short_name

    def names(self, language: str) -> tuple[str, str]:
        """(name, short name) in a language: the translation, else CLDR's name for the code.

        Only the country's own language falls back to what was typed, so that a name typed in
        Russian never stands in for the English one.
        """
        language = (language or "en").split("-")[0]
        if language == self.language:
            return self.name, self.short_name
        tr = self.translations.get(language) or {}
        listed = territory_name(self.code, language)
        return (
            tr.get("name") or listed or self.name,
            tr.get("short_name") or listed or self.short_name,
        )

    @property
    def local_name(self) -> str:
        """The formal name in the active language, as the app's pages print it."""
        return self.names(get_language() or self.language)[0]

    @property
    def local_short_name(self) -> str:
        return self.names(get_language() or self.language)[1]


def territory_name(code: str, language: str) -> str:
    """The country's name in a language from CLDR (Babel's maintained list), or ""."""
    try:
        return Locale.parse(language).territories.get((code or "").upper(), "")
    except (UnknownLocaleError, ValueError):
        return ""


AUDITED_REFUSAL = _(
    "This assessment has an audit trail, so it cannot be deleted. Cancel it instead."
)


def _refuse_if_audited(assessments: models.QuerySet) -> None:
    audited = assessments.filter(audit__isnull=False).distinct()
    if audited.exists():
        raise models.ProtectedError(str(AUDITED_REFUSAL), set(audited))


class AssessmentQuerySet(models.QuerySet):
    """Deleting is refused for assessments with audit entries, in bulk too."""

    def delete(self):
        _refuse_if_audited(self)
        return super().delete()


class Assessment(models.Model):
    class Stage(models.TextChoices):
        SETUP = "setup", _("Set-up")
        DATA_COLLECTION = "data_collection", _("Data collection")
        REVIEW = "review", _("Review")
        CONSULTATION = "consultation", _("Consultation")
        VALIDATED = "validated", _("Validated")
        PUBLISHED = "published", _("Published")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="assessments")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year"))
    edition = models.CharField(
        _("edition"), max_length=200, help_text=_('e.g. "Second profile 2022"')
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    baseline = models.ForeignKey(
        "self",
        verbose_name=_("baseline"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    covid_module = models.BooleanField(_("COVID-19 module"), default=False)
    annex_all_instruments = models.BooleanField(
        _("list drafts and repealed instruments in the legislation annex"),
        default=False,
        help_text=_("By default the annex lists only the instruments in force."),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.SETUP)
    # Per-assessment wording that overrides the framework's default profile texts.
    profile_texts = models.JSONField(_("profile texts"), default=dict, blank=True)
    # The edition and profile texts in other languages: {language: {key: text}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    # The drafted summary of updates as it stood when the consultant last edited a domain's
    # wording, as a hash: {language: {domain number: hash}}; a new draft is then flagged.
    updates_draft_hashes = models.JSONField(
        _("drafts seen by the consultant"), default=dict, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Cancelling replaces deleting: the assessment is hidden from work lists, kept with its audit.
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["country__short_name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "framework", "year"], name="unique_assessment_per_year"
            )
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.country.local_short_name} – {self.local_edition}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:assessment-detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        _refuse_if_audited(Assessment.objects.filter(pk=self.pk))
        return super().delete(*args, **kwargs)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def running_header(self) -> str:
        return f"{self.country.name} | {self.edition}".upper()

    def edition_in(self, language: str) -> str:
        """The edition's name in a language; "" where it has no translation there."""
        if language == self.language:
            return self.edition
        return ((self.translations or {}).get(language) or {}).get("edition", "")

    @property
    def local_edition(self) -> str:
        """The edition in the active language, else as written in the working language."""
        return self.edition_in((get_language() or self.language).split("-")[0]) or self.edition


class Membership(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Government coordinator")
        FOCAL_POINT = "focal_point", _("Focal point")
        CONSULTANT = "consultant", _("Consultant")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    institution = models.CharField(_("institution"), max_length=300, blank=True)

    class Meta:
        ordering = ["assessment", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "assessment"], name="unique_membership")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.assessment})"


# A row points at a whole sub-domain or at one indicator, never both (Assignment and
# PendingAssignment).
SUBDOMAIN_XOR_INDICATOR = models.Q(subdomain__isnull=False, indicator__isnull=True) | models.Q(
    subdomain__isnull=True, indicator__isnull=False
)


class Assignment(models.Model):
    """A focal point answers a whole sub-domain or a single indicator."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="assignments")
    subdomain = models.ForeignKey(SubDomain, on_delete=models.CASCADE, null=True, blank=True)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=SUBDOMAIN_XOR_INDICATOR, name="assignment_subdomain_xor_indicator"
            ),
            models.UniqueConstraint(
                fields=["membership", "subdomain"], name="unique_subdomain_assignment"
            ),
            models.UniqueConstraint(
                fields=["membership", "indicator"], name="unique_indicator_assignment"
            ),
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.membership.user}: {self.subdomain or self.indicator}"


class Invitation(models.Model):
    """Someone is asked to join; they take part only once they accept. An address without an
    account gets its account when it accepts (`user` is empty until then)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitations",
        null=True,
        blank=True,
    )
    email = models.EmailField(_("email"), max_length=254, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    institution = models.CharField(_("institution"), max_length=300, blank=True)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.user or self.email} – {self.get_role_display()} ({self.assessment})"

    def get_absolute_url(self) -> str:
        return reverse("assessments:invitation", args=[self.token])

    @property
    def inviter_name(self) -> str:
        who = self.invited_by
        if who is None:  # the inviter's account was deleted since
            return str(_("The assessment's team"))
        return who.get_full_name() or who.get_username()

    @property
    def is_expired(self) -> bool:
        return self.created_at + settings.INVITATION_MAX_AGE < timezone.now()

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None and not self.is_expired
