"""Starting an assessment from the app, and cancelling or restoring one."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Country, Framework, Membership
from .audit import audit_log
from .carry_over import carry_over_baseline
from .invitations import person_invite
from .team import team_carry

Role = Membership.Role
AUTO = "auto"


@dataclass
class CountryInput:
    code: str
    name: str = ""
    short_name: str = ""
    language: str = "en"  # what name and short_name are written in
    # {language: {"name": ..., "short_name": ...}}: the names in the other languages.
    translations: dict = field(default_factory=dict)


@dataclass
class CoordinatorInput:
    email: str
    first_name: str = ""
    last_name: str = ""
    institution: str = ""


def country_pick(data: CountryInput) -> Country:
    """The country with this ISO code, created with its names when it is new."""
    code = data.code.strip().upper()
    country = Country.objects.filter(code=code).first()
    if country is not None:
        return country
    if not (data.name.strip() and data.short_name.strip()):
        raise ApplicationError(
            _("%(code)s is a new country: give its formal and short names.") % {"code": code}
        )
    country = Country(
        code=code,
        name=data.name.strip(),
        short_name=data.short_name.strip(),
        language=data.language,
        translations={k: v for k, v in data.translations.items() if k != data.language and v},
    )
    try:
        country.full_clean()
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages)) from None
    country.save()
    return country


def baseline_default(country: Country | None, year: int | None) -> Assessment | None:
    """The country's latest earlier assessment that was not cancelled."""
    if country is None or country.pk is None:
        return None
    qs = Assessment.objects.filter(country=country, cancelled_at__isnull=True)
    if year:
        qs = qs.filter(year__lt=year)
    return qs.order_by("-year", "-pk").first()


@transaction.atomic
def assessment_create(
    *,
    actor: AbstractBaseUser,
    country: CountryInput,
    edition: str,
    year: int,
    framework: Framework,
    covid_module: bool,
    language: str,
    baseline: Assessment | str | None,
    coordinator: CoordinatorInput,
    team: Iterable[Membership] = (),
    edition_translations: dict[str, str] | None = None,
) -> Assessment:
    """Create the assessment in set-up, make the actor its consultant, invite the coordinator.

    `baseline` is an assessment, None for a first profile, or AUTO for the country's latest one.
    `team`: baseline members invited again with their assignments (a typed coordinator wins).
    """
    team = list(team)
    if not permissions.can_create_assessment(actor):
        raise NotAllowed(_("Only IOM consultants start assessments."))
    place = country_pick(country)
    if baseline == AUTO:
        baseline = baseline_default(place, year)
    if baseline is not None and (baseline.country_id != place.pk or baseline.year >= year):
        raise ApplicationError(_("The baseline must be an earlier assessment of the same country."))
    if Assessment.objects.filter(country=place, framework=framework, year=year).exists():
        raise ApplicationError(
            _("%(country)s already has a %(year)s assessment with this framework.")
            % {"country": place.local_short_name, "year": year}
        )
    assessment = Assessment.objects.create(
        country=place,
        framework=framework,
        year=year,
        edition=edition.strip(),
        covid_module=covid_module,
        language=language,
        baseline=baseline,
        # The edition's name in the other languages (issue 31), beside their profile texts.
        translations={
            code: {"edition": text.strip()}
            for code, text in (edition_translations or {}).items()
            if code != language and text.strip()
        },
    )
    Membership.objects.create(user=actor, assessment=assessment, role=Role.CONSULTANT)
    permissions.forget_memberships(actor)
    audit_log(
        assessment=assessment,
        actor=actor,
        action="assessment.create",
        to_state=assessment.stage,
        data={"baseline": baseline.pk if baseline else None},
    )
    carry_over_baseline(assessment=assessment, actor=actor)
    if not coordinator.email.strip() and not any(m.role == Role.COORDINATOR for m in team):
        raise ApplicationError(_("Name the government coordinator, or bring the baseline's."))
    if coordinator.email.strip():
        person_invite(
            assessment=assessment,
            actor=actor,
            email=coordinator.email,
            role=Role.COORDINATOR,
            institution=coordinator.institution,
            first_name=coordinator.first_name,
            last_name=coordinator.last_name,
        )
    if team:
        team_carry(
            assessment=assessment, actor=actor, members=team, skip_emails=[coordinator.email]
        )
    return assessment


@transaction.atomic
def assessment_cancel(
    *, assessment: Assessment, actor: AbstractBaseUser, reason: str
) -> Assessment:
    """Close an assessment that will not go on: hidden from work lists, kept with its audit."""
    locked = Assessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    if not permissions.can_cancel_assessment(actor, locked):
        if locked.stage == Assessment.Stage.PUBLISHED:
            raise NotAllowed(_("A published assessment cannot be cancelled."))
        raise NotAllowed(_("Only the assessment's consultants can cancel it."))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Say why the assessment is cancelled."))
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = actor
    locked.save(update_fields=["cancelled_at", "cancelled_by"])
    audit_log(assessment=locked, actor=actor, action="assessment.cancel", reason=reason)
    return locked


@transaction.atomic
def assessment_restore(*, assessment: Assessment, actor: AbstractBaseUser) -> Assessment:
    """Bring a cancelled assessment back to the work lists, in the stage it was in."""
    locked = Assessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    if not permissions.can_restore_assessment(actor, locked):
        raise NotAllowed(_("Only the assessment's consultants can restore it."))
    locked.cancelled_at = None
    locked.cancelled_by = None
    locked.save(update_fields=["cancelled_at", "cancelled_by"])
    audit_log(assessment=locked, actor=actor, action="assessment.restore")
    return locked
