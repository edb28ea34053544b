"""Issue 11: starting an assessment, invitations without take-overs, cancel and restore."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from assessments import permissions
from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import Assessment, AuditEntry, Invitation, Membership, Response
from assessments.selectors.assessments import assessments_in_progress
from assessments.services import assessments as setup
from assessments.services import invitations, workflow
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role
User = get_user_model()


@pytest.fixture
def iom(db):
    user = f.UserFactory(username="iom")
    user.groups.add(Group.objects.get(name="consultants"))
    return user


def _create(actor, framework, *, email="coord@gov.uz", code="UZ", year=2024, baseline=None):
    return setup.assessment_create(
        actor=actor,
        country=setup.CountryInput(
            code=code, name="the Republic of Uzbekistan", short_name="Uzbekistan"
        ),
        edition=f"First profile {year}",
        year=year,
        framework=framework,
        covid_module=False,
        language="en",
        baseline=baseline,
        coordinator=setup.CoordinatorInput(email=email, first_name="Dilnoza", institution="MFA"),
    )


def test_a_consultant_creates_the_country_the_assessment_and_a_new_coordinator(
    iom, framework, committed, mailoutbox
):
    with committed():
        assessment = _create(iom, framework)
    assert assessment.country.short_name == "Uzbekistan" and assessment.stage == "setup"
    assert assessment.memberships.get(user=iom).role == Role.CONSULTANT
    # The coordinator is invited; their account is made when they accept.
    invitation = Invitation.objects.get(assessment=assessment, role=Role.COORDINATOR)
    assert invitation.user is None and invitation.email == "coord@gov.uz"
    assert not User.objects.filter(email="coord@gov.uz").exists()
    assert [m.to for m in mailoutbox] == [["coord@gov.uz"]]
    assert f"{settings.SITE_URL}{invitation.get_absolute_url()}" in mailoutbox[0].body
    actions = set(AuditEntry.objects.filter(assessment=assessment).values_list("action", flat=True))
    assert {"assessment.create", "invitation.send"} <= actions


def test_creating_an_assessment_is_refused_to_someone_outside_the_consultants_group(
    coordinator, framework
):
    with pytest.raises(NotAllowed):
        _create(coordinator, framework)
    assert not Assessment.objects.filter(country__code="UZ").exists()


def test_a_new_country_needs_its_names(iom, framework):
    with pytest.raises(ApplicationError, match="give its formal and short names"):
        setup.assessment_create(
            actor=iom,
            country=setup.CountryInput(code="UZ"),
            edition="2024",
            year=2024,
            framework=framework,
            covid_module=False,
            language="en",
            baseline=None,
            coordinator=setup.CoordinatorInput(email="c@gov.uz"),
        )


def test_an_existing_account_is_not_added_until_it_accepts(
    iom, framework, coordinator, committed, mailoutbox
):
    with committed():
        assessment = _create(iom, framework, email=coordinator.email.upper())
    assert not assessment.memberships.filter(user=coordinator).exists()
    invitation = Invitation.objects.get(assessment=assessment, user=coordinator)
    assert invitation.get_absolute_url() in mailoutbox[0].body
    stranger = f.UserFactory(username="stranger")
    with pytest.raises(NotAllowed):
        invitations.invitation_accept(invitation=invitation, user=stranger)
    invitations.invitation_accept(invitation=invitation, user=coordinator)
    assert assessment.memberships.get(user=coordinator).role == Role.COORDINATOR
    assert AuditEntry.objects.filter(assessment=assessment, action="invitation.accept").exists()
    with pytest.raises(ApplicationError):
        invitations.invitation_accept(invitation=invitation, user=coordinator)


def test_a_declined_invitation_adds_nobody(iom, framework, coordinator):
    assessment = _create(iom, framework, email=coordinator.email)
    invitation = Invitation.objects.get(assessment=assessment)
    invitations.invitation_decline(invitation=invitation, user=coordinator)
    assert not assessment.memberships.filter(user=coordinator).exists()
    assert AuditEntry.objects.filter(assessment=assessment, action="invitation.decline").exists()


def test_a_coordinator_cannot_invite_a_consultant(assessment, coordinator):
    with pytest.raises(NotAllowed):
        invitations.person_invite(
            assessment=assessment, actor=coordinator, email="x@iom.int", role=Role.CONSULTANT
        )


@pytest.mark.parametrize("target", ["consultant", "staff", "group"])
def test_a_coordinator_cannot_demote_or_remove_staff_or_a_consultant(
    target, assessment, coordinator, consultant, administrator
):
    if target == "consultant":
        member = consultant.memberships.get()
    else:
        user = f.UserFactory(username=f"target-{target}", is_staff=target == "staff")
        if target == "group":
            user.groups.add(Group.objects.get(name="consultants"))
        member = f.MembershipFactory(user=user, assessment=assessment, role=Role.FOCAL_POINT)
    before = member.role
    with pytest.raises(NotAllowed):
        invitations.member_role_change(
            member=member,
            actor=coordinator,
            role=Role.FOCAL_POINT if before != Role.FOCAL_POINT else Role.COORDINATOR,
        )
    with pytest.raises(NotAllowed):
        invitations.member_remove(member=member, actor=coordinator)
    member.refresh_from_db()
    assert member.role == before


def test_a_coordinator_changes_a_focal_points_role_and_it_is_audited(
    assessment, coordinator, focal_point
):
    member = focal_point.memberships.get()
    invitations.member_role_change(member=member, actor=coordinator, role=Role.COORDINATOR)
    member.refresh_from_db()
    assert member.role == Role.COORDINATOR and not member.assignments.exists()
    entry = AuditEntry.objects.get(assessment=assessment, action="member.role")
    assert (entry.from_state, entry.to_state) == (Role.FOCAL_POINT, Role.COORDINATOR)
    invitations.member_remove(member=member, actor=coordinator)
    assert not assessment.memberships.filter(user=focal_point).exists()
    assert AuditEntry.objects.filter(assessment=assessment, action="member.remove").exists()


def test_a_coordinator_cannot_make_someone_a_consultant(assessment, coordinator, focal_point):
    with pytest.raises(NotAllowed):
        invitations.member_role_change(
            member=focal_point.memberships.get(), actor=coordinator, role=Role.CONSULTANT
        )


def test_a_cancelled_assessment_leaves_my_work_and_can_be_restored(
    assessment, consultant, focal_point
):
    setup.assessment_cancel(assessment=assessment, actor=consultant, reason="No funding")
    assert assessment not in assessments_in_progress(focal_point)
    assert AuditEntry.objects.filter(assessment=assessment, action="assessment.cancel").exists()
    setup.assessment_restore(assessment=assessment, actor=consultant)
    assert assessment in assessments_in_progress(focal_point)


def test_a_published_assessment_cannot_be_cancelled(assessment, consultant):
    Assessment.objects.filter(pk=assessment.pk).update(stage="published")
    assessment.refresh_from_db()
    with pytest.raises(NotAllowed, match="published"):
        setup.assessment_cancel(assessment=assessment, actor=consultant, reason="x")


def test_only_consultants_cancel(assessment, coordinator):
    with pytest.raises(NotAllowed):
        setup.assessment_cancel(assessment=assessment, actor=coordinator, reason="x")


def test_the_baseline_is_the_countrys_latest_earlier_assessment(iom, framework):
    country = f.CountryFactory(code="UZ")
    f.AssessmentFactory(country=country, framework=framework, year=2018)
    latest = f.AssessmentFactory(country=country, framework=framework, year=2021)
    f.AssessmentFactory(
        country=country, framework=framework, year=2019, cancelled_at="2020-01-01T00:00Z"
    )
    assessment = _create(iom, framework, baseline=setup.AUTO)
    assert assessment.baseline == latest


def test_a_cancelled_assessment_is_kept_as_it_stood_until_restored(
    assessment, consultant, response
):
    f.answer(response, status=Response.Status.SUBMITTED, level="absent")
    setup.assessment_cancel(assessment=assessment, actor=consultant, reason="No funding")
    response.refresh_from_db()
    with pytest.raises(NotAllowed):
        workflow.response_accept(response=response, reviewer=consultant)
    assert not permissions.stages_open_to(consultant, response.assessment)
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    setup.assessment_restore(assessment=assessment, actor=consultant)
    response.refresh_from_db()
    accepted = workflow.response_accept(response=response, reviewer=consultant)
    assert accepted.status == Response.Status.ACCEPTED
