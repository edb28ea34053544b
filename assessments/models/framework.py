"""The indicator framework: authored once, loaded from fixtures/framework/."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .translatable import Translatable


class Framework(Translatable):
    class Kind(models.TextChoices):
        NATIONAL = "national", _("National assessment")
        LOCAL = "local", _("Local assessment")
        MODULE = "module", _("Module")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"), default=1)
    description = models.TextField(_("description"), blank=True)
    # Default front-matter texts of the profile, with {country}-style placeholders.
    profile_texts = models.JSONField(_("profile texts"), default=dict, blank=True)

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        # Every page, filter and form that prints a framework object does so in its language.
        return self.tr("name")


class Domain(Translatable):
    class MigofKind(models.TextChoices):
        PRINCIPLE = "principle", _("Principle")
        OBJECTIVE = "objective", _("Objective")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    migof_kind = models.CharField(_("MiGOF kind"), max_length=20, choices=MigofKind.choices)
    migof_text = models.CharField(_("MiGOF text"), max_length=300)
    chapter_title = models.CharField(_("chapter title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_domain_number")
        ]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return f"{self.number}. {self.tr('name')}"

    @property
    def anchor(self) -> str:
        return f"chapter-{self.number}"


class SubDomain(Translatable):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="subdomains")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["domain", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "code"], name="unique_subdomain_code")
        ]
        verbose_name = _("sub-domain")
        verbose_name_plural = _("sub-domains")

    def __str__(self) -> str:
        return f"{self.code} {self.tr('name')}"


class Indicator(Translatable):
    # Denormalised so that codes are unique per framework in the database.
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="indicators")
    subdomain = models.ForeignKey(SubDomain, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    question = models.TextField(_("question"))
    guidance = models.TextField(_("guidance for focal points"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_indicator_code")
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.tr('title')}"

    @property
    def domain_label(self) -> str:
        """How its domain is numbered: "1" (of 1.1.1), or a module's letter "C" (of C.1.1)."""
        return self.code.split(".")[0]


class Level(models.TextChoices):
    DEVELOPED = "developed", _("Developed")
    PARTIAL = "partial", _("Partially developed")
    ABSENT = "absent", _("Absent")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class AnswerOption(Translatable):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("label"), max_length=300)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    statement_template = models.TextField(
        _("statement template"),
        blank=True,
        help_text=_("Drafts the finding; {country} and {short_name} are filled in."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["indicator", "order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "key"], name="unique_option_key")
        ]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.tr("label")
