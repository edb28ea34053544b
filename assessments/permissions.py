"""Every "may this person do this" rule, in one place.

Views never check roles themselves; they call these predicates. Memberships of a
user are loaded once per request and cached on the user object, so that checks
cost no extra queries as pages grow.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Assessment, Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from .models import Country, Evidence, Indicator, LegalInstrument, ProfileVersion, Response

Role = Membership.Role
Stage = Assessment.Stage

# Stages in which the government side enters data.
ENTRY_STAGES = {Stage.DATA_COLLECTION}
# Stages in which a returned response may still be fixed by the government side.
RETURN_STAGES = {Stage.DATA_COLLECTION, Stage.REVIEW}
EDITABLE_STATUSES = {"not_started", "draft", "returned"}


# --- Who is this person in this assessment ---------------------------------
def is_administrator(user: AbstractBaseUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def memberships(user: AbstractBaseUser) -> dict[int, Membership]:
    """The user's memberships by assessment id, with assignments; one query, cached."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_mgi_memberships", None)
    if cached is None:
        rows = Membership.objects.filter(user=user).prefetch_related("assignments")
        cached = {m.assessment_id: m for m in rows}
        user._mgi_memberships = cached
    return cached


def forget_memberships(user: AbstractBaseUser) -> None:
    """Drop the cache after memberships change within a request."""
    for cached in ("_mgi_memberships", "_mgi_country_roles"):
        with contextlib.suppress(AttributeError):
            delattr(user, cached)


def membership(user: AbstractBaseUser, assessment: Assessment) -> Membership | None:
    return memberships(user).get(assessment.pk)


def role(user: AbstractBaseUser, assessment: Assessment) -> str | None:
    m = membership(user, assessment)
    if m:
        return m.role
    return "administrator" if is_administrator(user) else None


def has_role(user: AbstractBaseUser, assessment: Assessment, *roles: str) -> bool:
    return role(user, assessment) in roles


def is_assigned(user: AbstractBaseUser, assessment: Assessment, indicator: Indicator) -> bool:
    m = membership(user, assessment)
    if not m or m.role != Role.FOCAL_POINT:
        return False
    return any(
        a.indicator_id == indicator.pk or a.subdomain_id == indicator.subdomain_id
        for a in m.assignments.all()
    )


# --- Assessments ----------------------------------------------------------
def can_view_assessment(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return role(user, assessment) is not None


def can_manage_people(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Add focal points and assign indicators: the coordinator (and administrators)."""
    return has_role(user, assessment, Role.COORDINATOR, "administrator")


def can_open_people(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """The people page: the coordinator, and consultants, who invite anyone (can_invite)."""
    return can_manage_people(user, assessment) or can_review(user, assessment)


# --- Responses --------------------------------------------------------------
def can_view_response(user: AbstractBaseUser, response: Response) -> bool:
    assessment = response.assessment
    r = role(user, assessment)
    if r == Role.FOCAL_POINT:
        return is_assigned(user, assessment, response.indicator)
    return r is not None


def can_edit_response(user: AbstractBaseUser, response: Response) -> bool:
    """Government side: answer, write the finding, attach evidence, submit."""
    assessment = response.assessment
    r = role(user, assessment)
    if r == Role.FOCAL_POINT and not is_assigned(user, assessment, response.indicator):
        return False
    if r not in (Role.FOCAL_POINT, Role.COORDINATOR) or assessment.is_cancelled:
        return False
    if r == Role.FOCAL_POINT and response.waiver_reason:
        # Waived by the consultant: nothing left for the focal point to do; the coordinator
        # may still answer it, which lifts the waiver (issue 31).
        return False
    if response.status == "returned":
        return assessment.stage in RETURN_STAGES
    return assessment.stage in ENTRY_STAGES and response.status in EDITABLE_STATUSES


def why_not_editable(user: AbstractBaseUser, response: Response) -> str:
    """A sentence for the read-only banner; empty when the user may edit."""
    if can_edit_response(user, response):
        return ""
    if not has_role(user, response.assessment, Role.FOCAL_POINT, Role.COORDINATOR):
        return _("You can read this answer; only the government side edits it.")
    if response.waiver_reason and has_role(user, response.assessment, Role.FOCAL_POINT):
        # The reason is the consultant's own text: the page shows it beside this sentence.
        return _("This indicator was waived, so it needs no answer from you.")
    if response.status in ("submitted", "accepted"):
        return _("This answer was %(status)s and is read-only until a reviewer returns it.") % {
            "status": response.get_status_display().lower()
        }
    stage = _("The assessment is in the %(stage)s stage; answers cannot be changed now.") % {
        "stage": response.assessment.get_stage_display().lower()
    }
    return f"{stage} {next_step(response.assessment)}"


def can_download_evidence(user: AbstractBaseUser, evidence: Evidence) -> bool:
    return can_view_assessment(user, evidence.response.assessment)


# --- Legal instrument registry ------------------------------------------------
def _country_roles(user: AbstractBaseUser, country: Country) -> set[str]:
    """The user's roles in the country's assessments; one query, cached per country."""
    cache = getattr(user, "_mgi_country_roles", None)
    if cache is None:
        cache = user._mgi_country_roles = {}
    if country.pk not in cache:
        mine = memberships(user)
        ids = Assessment.objects.filter(pk__in=mine.keys(), country=country).values_list(
            "pk", flat=True
        )
        cache[country.pk] = {mine[pk].role for pk in ids}
    return cache[country.pk]


def can_use_registry(user: AbstractBaseUser, country: Country) -> bool:
    """Members of any assessment of the country read and add to its registry."""
    return is_administrator(user) or bool(_country_roles(user, country))


def can_merge_instruments(user: AbstractBaseUser, country: Country) -> bool:
    """Coordinators and consultants of the country (and administrators) curate its registry."""
    if is_administrator(user):
        return True
    return bool(_country_roles(user, country) & {Role.COORDINATOR, Role.CONSULTANT})


def can_mark_for_annex(user: AbstractBaseUser, country: Country) -> bool:
    """Consultants (and administrators) choose the uncited entries the annex lists too."""
    return is_administrator(user) or Role.CONSULTANT in _country_roles(user, country)


def can_edit_instrument(user: AbstractBaseUser, instrument: LegalInstrument) -> bool:
    """Curators edit any entry; a focal point edits their own until an accepted answer cites it."""
    if can_merge_instruments(user, instrument.country):
        return True
    if instrument.created_by_id != user.pk or not can_use_registry(user, instrument.country):
        return False
    return not instrument.citations.filter(
        removed_at__isnull=True, response__status="accepted"
    ).exists()


# --- Review -------------------------------------------------------------------
def can_review(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Consultants (and administrators) review answers and steer the assessment."""
    return has_role(user, assessment, Role.CONSULTANT, "administrator")


def can_comment_response(user: AbstractBaseUser, response: Response) -> bool:
    return can_view_response(user, response)


# --- Profile ------------------------------------------------------------------
def can_preview_profile(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return can_view_assessment(user, assessment)


# From consultation on, the draft profile is shared with the whole government side.
PROFILE_SHARED_STAGES = {Stage.CONSULTATION, Stage.VALIDATED, Stage.PUBLISHED}


def profile_shows_response(user: AbstractBaseUser, response: Response) -> bool:
    """Before consultation a focal point's preview holds only the answers their indicator
    pages show them; the coordinator, consultants and administrators see every answer."""
    assessment = response.assessment
    if assessment.stage in PROFILE_SHARED_STAGES or role(user, assessment) != Role.FOCAL_POINT:
        return can_view_assessment(user, assessment)
    return can_view_response(user, response)


def can_generate_profile(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return has_role(user, assessment, Role.CONSULTANT, Role.COORDINATOR, "administrator")


def can_edit_profile_text(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return can_review(user, assessment) and assessment.stage not in (
        Stage.VALIDATED,
        Stage.PUBLISHED,
    )


def can_view_sdg(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """The SDG 10.7.2 and GCM draft: every member, like the profile preview."""
    return can_view_assessment(user, assessment)


def can_override_sdg(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """The government answers the UN Inquiry: its coordinator decides each sub-category."""
    return has_role(user, assessment, Role.COORDINATOR, "administrator")


def can_download_profile(user: AbstractBaseUser, version: ProfileVersion) -> bool:
    """Published versions for anyone; stored drafts hold every answer, so focal points
    get them only once the draft is shared (consultation on)."""
    if version.published:
        return True
    assessment = version.assessment
    if role(user, assessment) == Role.FOCAL_POINT:
        return assessment.stage in PROFILE_SHARED_STAGES
    return can_view_assessment(user, assessment)


def capabilities(user: AbstractBaseUser, assessment: Assessment) -> dict[str, bool]:
    """What the user may do here, for templates that show or hide links."""
    return {
        "manage_people": can_manage_people(user, assessment),
        "open_people": can_open_people(user, assessment),
        "review": can_review(user, assessment),
        "preview_profile": can_preview_profile(user, assessment),
        "view_sdg": can_view_sdg(user, assessment),
        "generate_profile": can_generate_profile(user, assessment),
        "edit_profile_text": can_edit_profile_text(user, assessment),
        "use_registry": can_use_registry(user, assessment.country),
        "advance": bool(stages_open_to(user, assessment)),
        "activity": can_view_activity(user, assessment),
        "consultation": can_view_assessment(user, assessment) and assessment.stage != Stage.SETUP,
        "cancel": can_cancel_assessment(user, assessment),
        "restore": can_restore_assessment(user, assessment),
        "export_workbook": can_export_workbook(user, assessment),
        "import_workbook": can_import_workbook(user, assessment),
        "export_analysis": can_export_analysis(user, assessment),
    }


# --- review (issue 5) ---
# Consultants steer an assessment; administrators (IOM staff) may stand in for them,
# as `can_review` already allows. Validation is the government's act.
STEERING = (Role.CONSULTANT, "administrator")

# Who may move an assessment from one stage to the next. The same pairs, with their
# preconditions, make up workflow.STAGE_TRANSITIONS; a test keeps the two in step.
STAGE_MOVERS: dict[tuple[str, str], tuple[str, ...]] = {
    (Stage.SETUP, Stage.DATA_COLLECTION): STEERING,
    (Stage.DATA_COLLECTION, Stage.REVIEW): STEERING,
    (Stage.REVIEW, Stage.DATA_COLLECTION): STEERING,
    (Stage.REVIEW, Stage.CONSULTATION): STEERING,
    (Stage.CONSULTATION, Stage.VALIDATED): (Role.COORDINATOR,),
    (Stage.VALIDATED, Stage.PUBLISHED): STEERING,
}
# Who makes the next forward move, and when: what a page that offers no action says
# (issue 23). A test keeps the roles named here in step with STAGE_MOVERS.
NEXT_STEP: dict[tuple[str, str], object] = {
    (Stage.SETUP, Stage.DATA_COLLECTION): gettext_lazy(
        "The consultant opens data collection once the focal points have their indicators."
    ),
    (Stage.DATA_COLLECTION, Stage.REVIEW): gettext_lazy(
        "The consultant moves the assessment to review once every required answer is "
        "submitted or waived."
    ),
    (Stage.REVIEW, Stage.CONSULTATION): gettext_lazy(
        "The consultant opens the consultation on the draft profile once every answer is "
        "accepted or waived."
    ),
    (Stage.CONSULTATION, Stage.VALIDATED): gettext_lazy(
        "The government coordinator validates the profile once the comments on the draft "
        "are settled."
    ),
    (Stage.VALIDATED, Stage.PUBLISHED): gettext_lazy(
        "The consultant publishes the validated profile."
    ),
}


def next_step(assessment: Assessment) -> str:
    """Who can make the assessment's next move, and when; for pages that offer no action."""
    if assessment.is_cancelled:
        return _("The assessment is cancelled; an administrator can restore it.")
    for (frm, _to), sentence in NEXT_STEP.items():
        if frm == assessment.stage:
            return str(sentence)
    return _("The profile is published: the assessment is complete.")


# Stages in which consultants return, accept and waive answers.
REVIEW_STAGES = {Stage.DATA_COLLECTION, Stage.REVIEW}


def may_advance(user: AbstractBaseUser, assessment: Assessment, to_stage: str) -> bool:
    """May this person move the assessment from its current stage to `to_stage`?"""
    if assessment.is_cancelled:
        return False  # a cancelled assessment is kept as it stood until it is restored
    roles = STAGE_MOVERS.get((assessment.stage, to_stage))
    return roles is not None and role(user, assessment) in roles


def stages_open_to(user: AbstractBaseUser, assessment: Assessment) -> list[str]:
    """The stages this person may move the assessment to from where it is now."""
    return [
        to
        for (frm, to) in STAGE_MOVERS
        if frm == assessment.stage and may_advance(user, assessment, to)
    ]


def can_review_response(user: AbstractBaseUser, response: Response) -> bool:
    """Return, accept, waive, edit the finding, place in the profile (not while cancelled)."""
    return can_review(user, response.assessment) and not response.assessment.is_cancelled


def can_translate_finding(user: AbstractBaseUser, response: Response) -> bool:
    """Those who edit findings also translate them; a translation never changes the original."""
    return can_review_response(user, response)


def can_resolve_comment(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return can_review(user, assessment)


def can_comment_profile(
    user: AbstractBaseUser, assessment: Assessment, *, reply: bool = False
) -> bool:
    """The government side comments on the draft profile; consultants may answer threads."""
    if assessment.stage != Stage.CONSULTATION:
        return False
    if has_role(user, assessment, Role.COORDINATOR, Role.FOCAL_POINT):
        return True
    return reply and can_review(user, assessment)


def can_resolve_profile_comment(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return assessment.stage == Stage.CONSULTATION and can_review(user, assessment)


def can_view_activity(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return has_role(user, assessment, Role.CONSULTANT, Role.COORDINATOR, "administrator")


def can_use_dashboard(user: AbstractBaseUser) -> bool:
    """Consultants of at least one assessment, and administrators."""
    if is_administrator(user):
        return True
    if any(m.role == Role.CONSULTANT for m in memberships(user).values()):
        return True
    return is_consultant(user)


# --- Assessment life (issue 11) -------------------------------------------------
CONSULTANTS_GROUP = "consultants"


def is_consultant(user: AbstractBaseUser) -> bool:
    """Staff, or a member of the "consultants" group that the administrator grants."""
    if is_administrator(user):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_mgi_consultant", None)
    prefetched = getattr(user, "_prefetched_objects_cache", {}).get("groups")
    if cached is None and prefetched is not None:
        cached = any(g.name == CONSULTANTS_GROUP for g in prefetched)
    if cached is None:
        cached = user.groups.filter(name=CONSULTANTS_GROUP).exists()
        user._mgi_consultant = cached
    return cached


def can_create_assessment(user: AbstractBaseUser) -> bool:
    return is_consultant(user)


def can_cancel_assessment(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Consultants close an assessment that will not go on; a published one stays."""
    return (
        can_review(user, assessment)
        and not assessment.is_cancelled
        and assessment.stage != Stage.PUBLISHED
    )


def can_restore_assessment(user: AbstractBaseUser, assessment: Assessment) -> bool:
    return assessment.is_cancelled and can_review(user, assessment)


def can_invite(user: AbstractBaseUser, assessment: Assessment, invited_role: str) -> bool:
    """Consultants invite anyone; the coordinator invites coordinators and focal points."""
    if assessment.is_cancelled:
        return False
    if can_review(user, assessment):
        return True
    return invited_role != Role.CONSULTANT and can_manage_people(user, assessment)


def is_protected_member(member: Membership) -> bool:
    """Staff accounts and consultants, whose place a coordinator cannot change."""
    return member.role == Role.CONSULTANT or member.user.is_staff or is_consultant(member.user)


def can_change_member(user: AbstractBaseUser, member: Membership, new_role: str = "") -> bool:
    """Change the role of, or remove, a member: never a take-over by the coordinator."""
    assessment = member.assessment
    if member.user_id == user.pk or assessment.is_cancelled:
        return False
    if can_review(user, assessment):
        return True
    if not can_manage_people(user, assessment):
        return False
    return not is_protected_member(member) and new_role != Role.CONSULTANT


# --- At a glance (issue 19) ---
def can_bulk_accept(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Accept several submitted answers at once: reviewers, while answers are reviewed."""
    return can_review(user, assessment) and assessment.stage in REVIEW_STAGES


def can_view_overview(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """The grid and the progress by ministry: every member."""
    return can_view_assessment(user, assessment)


def can_remind(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Chase the focal points who are behind: the coordinator (administrators stand in)."""
    return can_manage_people(user, assessment) and (
        assessment.stage not in (Stage.VALIDATED, Stage.PUBLISHED)
    )


# --- Offline workbook and analysis export (issue 12) ---
def can_export_workbook(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Focal points (their indicators), the coordinator and consultants (all of them)."""
    return can_view_assessment(user, assessment)


def can_import_workbook(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """The government side, while answers may still change; each row is checked again."""
    return (
        has_role(user, assessment, Role.FOCAL_POINT, Role.COORDINATOR)
        and assessment.stage in RETURN_STAGES
    )


def why_no_import(user: AbstractBaseUser, assessment: Assessment) -> str:
    """A sentence for the import page; empty when the user may import."""
    if can_import_workbook(user, assessment):
        return ""
    if not has_role(user, assessment, Role.FOCAL_POINT, Role.COORDINATOR):
        return _("Only the government side imports answers; you can export them.")
    return _("The assessment is in the %(stage)s stage; answers cannot be imported now.") % {
        "stage": assessment.get_stage_display().lower()
    }


def can_export_analysis(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Consultants (and administrators) download all answers for analysis."""
    return can_review(user, assessment)


# --- Follow-ups (issue 31) ---
def can_bulk_confirm(user: AbstractBaseUser, assessment: Assessment) -> bool:
    """Confirm carried answers in one go: the government side, while it answers.

    A focal point confirms their own indicators, the coordinator any; each answer is still
    checked with can_edit_response when it is confirmed.
    """
    return (
        assessment.baseline_id is not None
        and not assessment.is_cancelled
        and assessment.stage in ENTRY_STAGES
        and has_role(user, assessment, Role.FOCAL_POINT, Role.COORDINATOR)
    )
