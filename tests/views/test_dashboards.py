"""Dashboards that lead to the next action: the consultant's, and My work of a focal point."""

import pytest
from django.urls import reverse

from assessments.models import Membership, Response
from assessments.services.audit import audit_log
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Response.Status


def _row(html: str, assessment) -> str:
    return html.split(f'data-assessment="{assessment.pk}"')[1].split("</tr>")[0]


def test_the_consultant_dashboard_shows_what_waits_for_them(
    consultant, focal_point, client_for, assessment, framework
):
    first, second, third = framework.indicators.order_by("order")[:3]
    f.respond(assessment, first, status=Status.SUBMITTED)
    f.respond(assessment, second, status=Status.SUBMITTED)
    answered = f.respond(assessment, third, status=Status.RETURNED)
    mine = f.CommentFactory(response=answered, assessment=assessment, author=consultant)
    f.CommentFactory(response=answered, assessment=assessment, author=focal_point, parent=mine)
    f.CommentFactory(response=None, assessment=assessment, author=focal_point, section="intro")
    audit_log(assessment=assessment, actor=consultant, action="x")
    row = _row(
        client_for(consultant).get(reverse("assessments:consultant-dashboard")).content.decode(),
        assessment,
    )
    assert 'data-waiting="2"' in row and "?status=submitted" in row
    assert 'data-replies="1"' in row
    assert 'data-consultation="1"' in row
    assert "—" not in row.split("data-last-activity")[1]


def test_my_own_reply_is_not_a_reply_to_me(consultant, client_for, assessment, response):
    mine = f.CommentFactory(response=response, assessment=assessment, author=consultant)
    f.CommentFactory(response=response, assessment=assessment, author=consultant, parent=mine)
    html = client_for(consultant).get(reverse("assessments:consultant-dashboard")).content.decode()
    assert 'data-replies="0"' in _row(html, assessment)


@pytest.mark.parametrize("per_domain", [2, 20])  # 10 and 100 answers
def test_the_consultant_dashboard_keeps_its_query_count(
    client, django_assert_max_num_queries, per_domain
):
    framework = f.build_framework(domains=5, indicators_per_domain=per_domain)
    consultant = f.UserFactory()
    for year in (2022, 2023):
        assessment = f.AssessmentFactory(framework=framework, year=year)
        f.MembershipFactory(user=consultant, assessment=assessment, role="consultant")
        for n, indicator in enumerate(framework.indicators.all()):
            r = f.respond(assessment, indicator, status=list(Status)[n % 5])
            f.CommentFactory(response=r, assessment=assessment, author=consultant)
    client.force_login(consultant)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("assessments:consultant-dashboard")).status_code == 200


def test_my_work_puts_returned_answers_first_with_the_comment_then_drafts(
    consultant, focal_point, client_for, assessment, framework
):
    sub = framework.indicators.order_by("order").first().subdomain
    f.AssignmentFactory(
        membership=focal_point.memberships.get(),
        subdomain=framework.indicators.order_by("order")[2].subdomain,
    )
    first, second = sub.indicators.order_by("order")
    returned = f.respond(assessment, second, status=Status.RETURNED)
    f.CommentFactory(
        response=returned, assessment=assessment, author=consultant, text="Cite the law."
    )
    f.respond(assessment, first, status=Status.DRAFT)
    html = client_for(focal_point).get(reverse("assessments:my-work")).content.decode()
    returned_at = html.index(f"returned-{assessment.pk}")
    drafts_at = html.index(f"drafts-{assessment.pk}")
    assert returned_at < html.index("Cite the law.") < drafts_at
    assert first.code in html[drafts_at:].split("</ul>")[0]
    assert "<details" not in html


def test_my_work_folds_a_finished_domain(focal_point, client_for, assessment, indicator):
    for i in indicator.subdomain.indicators.all():
        f.respond(assessment, i, status=Status.SUBMITTED)
    html = client_for(focal_point).get(reverse("assessments:my-work")).content.decode()
    folded = html.split('<details class="mt-3 finished-domain">')[1].split("</details>")[0]
    assert indicator.code in folded


@pytest.mark.parametrize("per_domain", [2, 20])
def test_my_work_of_a_focal_point_keeps_its_query_count(
    client, django_assert_max_num_queries, per_domain
):
    framework = f.build_framework(domains=5, indicators_per_domain=per_domain)
    assessment = f.AssessmentFactory(framework=framework)
    user = f.UserFactory()
    m = f.MembershipFactory(user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT)
    for domain in framework.domains.all():
        f.AssignmentFactory(membership=m, subdomain=domain.subdomains.get())
    for n, indicator in enumerate(framework.indicators.all()):
        r = f.respond(assessment, indicator, status=list(Status)[n % 5])
        f.CommentFactory(response=r, assessment=assessment)
    client.force_login(user)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("assessments:my-work")).status_code == 200
