"""Issue 11 pages: new assessment, invitations, members, cancel/restore, confirm unchanged."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments import permissions
from assessments.models import Assessment, Invitation, Membership, Response
from assessments.services import carry_over, invitations
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def iom(db):
    user = f.UserFactory(username="iom")
    user.groups.add(Group.objects.get(name="consultants"))
    return user


def _new_form(framework, **extra):
    return {
        "code": "UZ",
        "name": "the Republic of Uzbekistan",
        "short_name": "Uzbekistan",
        "edition": "First profile 2024",
        "framework": framework.pk,
        "language": "en",
        "baseline": "auto",
        "coordinator_email": "coord@gov.uz",
        "coordinator_first_name": "Dilnoza",
        "coordinator_last_name": "Karimova",
        "coordinator_institution": "Ministry of Foreign Affairs",
        **extra,
    }


def test_a_consultant_in_the_group_reaches_the_page_from_the_dashboard(client_for, iom, framework):
    client = client_for(iom)
    dashboard = client.get(reverse("assessments:consultant-dashboard")).content.decode()
    assert reverse("assessments:assessment-new") in dashboard
    page = client.post(reverse("assessments:assessment-new"), _new_form(framework))
    assessment = Assessment.objects.get(country__code="UZ")
    assert page.status_code == 302 and page.url == assessment.get_absolute_url()
    assert assessment.year == 2024  # taken from the edition


def test_the_page_is_not_in_the_navigation_of_others(client_for, people):
    for who in ("focal_point", "coordinator", "outsider"):
        body = client_for(people[who]).get(reverse("assessments:my-work")).content.decode()
        assert reverse("assessments:assessment-new") not in body


def test_bad_input_changes_nothing(client_for, iom, framework, coordinator):
    page = client_for(iom).post(
        reverse("assessments:assessment-new"), _new_form(framework, code="U1", name="")
    )
    assert page.status_code == 200
    assert "two letters" in page.content.decode()
    assert not Assessment.objects.filter(country__code__in=["U1", "UZ"]).exists()


def test_the_countrys_earlier_assessment_is_offered_as_baseline(client_for, iom, assessment):
    url = reverse("assessments:assessment-new") + "?country=KG"
    page = client_for(iom).get(url)
    assert page.context["form"]["baseline"].initial == str(assessment.pk)


def test_the_invitation_page_answers_only_the_invited_account(
    client_for, people, consultant, assessment
):
    invited = f.UserFactory(username="invited")
    invitation = invitations.person_invite(
        assessment=assessment, actor=consultant, email=invited.email, role=Role.FOCAL_POINT
    )
    url = reverse("assessments:invitation", args=[invitation.token])
    for who in ROLES:
        assert client_for(people[who]).get(url).status_code == 404
    client = client_for(invited)
    assert client.get(url).status_code == 200
    assert invitation.token in client.get(reverse("assessments:my-work")).content.decode()
    assert client.post(url, {"answer": "accept"}).status_code == 302
    assert assessment.memberships.get(user=invited).role == Role.FOCAL_POINT


def test_people_page_shows_no_controls_for_a_consultant_to_the_coordinator(
    client_for, coordinator, consultant, focal_point, assessment
):
    page = client_for(coordinator).get(reverse("assessments:people", args=[assessment.pk]))
    body = page.content.decode()
    member = {m.user_id: m for m in assessment.memberships.all()}
    assert (
        reverse("assessments:member-change", args=[assessment.pk, member[consultant.pk].pk])
        not in body
    )
    assert (
        reverse("assessments:member-change", args=[assessment.pk, member[focal_point.pk].pk])
        in body
    )
    refused = client_for(coordinator).post(
        reverse("assessments:member-change", args=[assessment.pk, member[consultant.pk].pk]),
        {"remove": "1"},
    )
    assert refused.status_code == 302
    assert assessment.memberships.filter(user=consultant).exists()


@pytest.mark.parametrize(
    "who,status",
    [("focal_point", 403), ("coordinator", 403), ("outsider", 404), ("consultant", 302)],
)
def test_restore_is_for_consultants(who, status, people, client_for, assessment):
    Assessment.objects.filter(pk=assessment.pk).update(cancelled_at="2024-01-01T00:00Z")
    page = client_for(people[who]).post(
        reverse("assessments:assessment-restore", args=[assessment.pk])
    )
    assert page.status_code == status
    assessment.refresh_from_db()
    assert assessment.is_cancelled == (status != 302)


def test_cancel_through_the_page_hides_it_from_my_work(
    client_for, consultant, focal_point, assessment
):
    url = reverse("assessments:assessment-cancel", args=[assessment.pk])
    assert client_for(consultant).post(url, {"reason": "No funding"}).status_code == 302
    body = client_for(focal_point).get(reverse("assessments:my-work")).content.decode()
    assert str(assessment) not in body


@pytest.mark.parametrize(
    "who,status",
    [("focal_point", 302), ("coordinator", 302), ("consultant", 302), ("outsider", 404)],
)
def test_confirm_unchanged_through_the_page(who, status, people, client_for, assessment, indicator):
    consultant = people["consultant"]
    baseline = f.AssessmentFactory(
        framework=assessment.framework, country=assessment.country, year=2018
    )
    f.answer_with_evidence(baseline, indicator, level="partial", finding="As before.")
    assessment.baseline = baseline
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=consultant)
    url = reverse("assessments:response-confirm", args=[assessment.pk, indicator.code])
    assert client_for(people[who]).post(url).status_code == status
    response = Response.objects.get(assessment=assessment, indicator=indicator)
    government = who in ("focal_point", "coordinator")
    assert (response.status == "submitted") == government
    if government:
        page = client_for(people["consultant"]).get(
            reverse("assessments:review-response", args=[assessment.pk, indicator.code])
        )
        assert "Beside the baseline (2018)" in page.content.decode()


# --- Query counts at two data sizes ----------------------------------------------------
@pytest.mark.parametrize("size", [1, 12])
def test_new_assessment_page_queries_do_not_grow(
    size, client, iom, framework, django_assert_max_num_queries
):
    for i in range(size):
        f.AssessmentFactory(framework=framework, year=2000 + i)
    client.force_login(iom)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("assessments:assessment-new") + "?country=KG").status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_people_page_queries_do_not_grow(
    size, client, coordinator, assessment, django_assert_max_num_queries
):
    for i in range(size):
        f.MembershipFactory(assessment=assessment, user=f.UserFactory(username=f"p{i}"))
        invitations.person_invite(
            assessment=assessment, actor=coordinator, email=f"new{i}@x.org", role=Role.FOCAL_POINT
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("assessments:people", args=[assessment.pk])).status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_review_page_with_its_baseline_queries_do_not_grow(
    size, client, consultant, assessment, indicator, django_assert_max_num_queries
):
    baseline = f.AssessmentFactory(
        framework=assessment.framework, country=assessment.country, year=2018
    )
    f.answer_with_evidence(
        baseline, indicator, level="partial", notes=[f"n{i}" for i in range(size)]
    )
    assessment.baseline = baseline
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=consultant)
    client.force_login(consultant)
    url = reverse("assessments:review-response", args=[assessment.pk, indicator.code])
    with django_assert_max_num_queries(13):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_invitation_page_and_my_work_queries_do_not_grow(
    size, client, consultant, framework, django_assert_max_num_queries
):
    invited = f.UserFactory(username="invited")
    for i in range(size):
        a = f.AssessmentFactory(framework=framework, year=2000 + i)
        f.MembershipFactory(assessment=a, user=consultant, role=Role.CONSULTANT)
        permissions.forget_memberships(consultant)
        invitation = invitations.person_invite(
            assessment=a, actor=consultant, email=invited.email, role=Role.FOCAL_POINT
        )
    client.force_login(invited)
    with django_assert_max_num_queries(5):
        assert (
            client.get(reverse("assessments:invitation", args=[invitation.token])).status_code
            == 200
        )
    with django_assert_max_num_queries(5):
        assert invitation.token in client.get(reverse("assessments:my-work")).content.decode()
    assert Invitation.objects.filter(user=invited).count() == size


def test_a_consultant_invites_a_colleague_and_a_new_coordinator_from_the_people_page(
    client_for, consultant, coordinator, assessment, committed
):
    colleague = f.UserFactory(username="iom2", email="iom2@iom.int")
    client = client_for(consultant)
    url = reverse("assessments:people", args=[assessment.pk])
    page = client.get(url).content.decode()
    assert 'value="consultant"' in page  # the role a coordinator is never offered
    assert reverse("assessments:assignments", args=[assessment.pk]) not in page
    base = {"first_name": "A", "last_name": "B", "institution": "IOM"}
    with committed():
        client.post(url, {**base, "email": "iom2@iom.int", "role": Role.CONSULTANT})
        client.post(url, {**base, "email": "new.coord@gov.kg", "role": Role.COORDINATOR})
    invitation = Invitation.objects.get(user=colleague)
    assert invitation.role == Role.CONSULTANT and not assessment.memberships.filter(user=colleague)
    new = Invitation.objects.get(email="new.coord@gov.kg")
    assert new.role == Role.COORDINATOR and new.user is None
    assert not assessment.memberships.filter(user__email="new.coord@gov.kg").exists()
    coordinator_page = client_for(coordinator).get(url).content.decode()
    assert 'value="consultant"' not in coordinator_page.split("<form method")[-1]


def test_a_coordinator_posting_the_consultant_role_adds_nobody(client_for, coordinator, assessment):
    url = reverse("assessments:people", args=[assessment.pk])
    data = {"first_name": "A", "last_name": "B", "institution": "X", "email": "x@iom.int"}
    page = client_for(coordinator).post(url, {**data, "role": Role.CONSULTANT})
    assert page.status_code == 200  # the form is shown again with its error
    assert not Membership.objects.filter(user__email="x@iom.int").exists()
    assert not Invitation.objects.exists()
