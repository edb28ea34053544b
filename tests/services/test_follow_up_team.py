"""Issue 31: a follow-up brings its baseline's people along, as invitations with assignments."""

import pytest
from django.contrib.auth.models import Group

from assessments.exceptions import ApplicationError
from assessments.models import Assessment, Assignment, Invitation, Membership, PendingAssignment
from assessments.selectors.team import baseline_team
from assessments.services import assessments as setup
from assessments.services import invitations
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def iom(db):
    user = f.UserFactory(username="iom", email="iom@example.org")
    user.groups.add(Group.objects.get(name="consultants"))
    return user


@pytest.fixture
def baseline(assessment, coordinator, focal_point, framework):
    """The fixture assessment (2022) with a second focal point answering one indicator."""
    for user in (coordinator, focal_point):
        user.email = f"{user.username}@gov.kg"
        user.save()
    other = f.UserFactory(username="labour", email="labour@gov.kg")
    member = f.MembershipFactory(
        user=other, assessment=assessment, role=Role.FOCAL_POINT, institution="Labour"
    )
    f.AssignmentFactory(membership=member, indicator=framework.indicators.get(code="3.1.1"))
    return assessment


def _follow_up(actor, baseline, *, team, email=""):
    return setup.assessment_create(
        actor=actor,
        country=setup.CountryInput(code=baseline.country.code),
        edition="Third profile 2030",
        year=2030,
        framework=baseline.framework,
        covid_module=False,
        language="en",
        baseline=baseline,
        coordinator=setup.CoordinatorInput(email=email),
        team=team,
    )


def _team_of(assessment: Assessment) -> set[tuple]:
    """(email, role, institution, sub-domain codes, indicator codes) of each member."""
    return {
        (
            m.user.email,
            m.role,
            m.institution,
            frozenset(a.subdomain.code for a in m.assignments.all() if a.subdomain_id),
            frozenset(a.indicator.code for a in m.assignments.all() if a.indicator_id),
        )
        for m in assessment.memberships.exclude(role=Role.CONSULTANT)
    }


def test_the_team_is_carried_as_invitations_with_the_baselines_assignments(iom, baseline):
    follow = _follow_up(iom, baseline, team=baseline_team(baseline))
    invited = Invitation.objects.filter(assessment=follow)
    # Nobody joins without saying yes: three invitations, no membership but the consultant's.
    assert invited.count() == 3
    assert list(follow.memberships.values_list("role", flat=True)) == [Role.CONSULTANT]
    assert PendingAssignment.objects.filter(invitation__assessment=follow).count() == 2
    for invitation in invited:
        invitations.invitation_accept(invitation=invitation, user=invitation.user)
    assert _team_of(follow) == _team_of(baseline)
    assert follow.audit.filter(action="team.carry", data__count=3).exists()


def test_an_unticked_person_is_not_invited_and_a_typed_coordinator_is_not_invited_twice(
    iom, baseline, focal_point
):
    team = [m for m in baseline_team(baseline) if m.user != focal_point]
    follow = _follow_up(iom, baseline, team=team, email="coordinator@gov.kg")
    invited = set(Invitation.objects.filter(assessment=follow).values_list("user__email", "role"))
    assert invited == {
        ("coordinator@gov.kg", Role.COORDINATOR),
        ("labour@gov.kg", Role.FOCAL_POINT),
    }


def test_without_a_coordinator_typed_or_carried_nothing_is_created(iom, baseline):
    focal_only = [m for m in baseline_team(baseline) if m.role == Role.FOCAL_POINT]
    with pytest.raises(ApplicationError):
        _follow_up(iom, baseline, team=focal_only)
    assert not Assessment.objects.filter(year=2030).exists()


def test_people_of_another_assessment_are_refused(iom, baseline, outsider):
    with pytest.raises(ApplicationError):
        _follow_up(iom, baseline, team=[outsider.memberships.get()], email="c@gov.kg")
    assert not Assessment.objects.filter(year=2030).exists()


def test_declining_leaves_no_assignment(iom, baseline, focal_point):
    follow = _follow_up(iom, baseline, team=baseline_team(baseline))
    invitation = Invitation.objects.get(assessment=follow, user=focal_point)
    invitations.invitation_decline(invitation=invitation, user=focal_point)
    assert not Assignment.objects.filter(membership__assessment=follow).exists()
